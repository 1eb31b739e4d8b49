import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { makeLoopbackCertificate } from '../../../main/core/training/dataverse/certificate';

let server: https.Server;
let url = '';
let ca = '';
let connections = 0;
let answering = 0;
let mostAnsweringAtOnce = 0;

beforeAll(async () => {
  const certificate = await makeLoopbackCertificate();
  ca = certificate.cert;
  server = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    answering += 1;
    mostAnsweringAtOnce = Math.max(mostAnsweringAtOnce, answering);
    setTimeout(() => {
      answering -= 1;
      response.end(JSON.stringify({ path: request.url }));
    }, 50);
  });
  server.on('secureConnection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it('keeps at most six connections to a server, as live mode’s Chromium network stack does, and sends every request over them', async () => {
  const fetch = httpsFetch(ca);
  try {
    const first = await Promise.all(Array.from({ length: 14 }, (_, index) => fetch(`${url}/read/${index}`)));
    expect(first.map((response) => response.status)).toEqual(Array(14).fill(200));
    expect(await first[13]!.text()).toBe(JSON.stringify({ path: '/read/13' }));
    expect(mostAnsweringAtOnce).toBe(6);
    expect(connections).toBe(6);
    // The next wave of reads goes over the same six: no new TLS handshakes.
    await Promise.all(Array.from({ length: 6 }, (_, index) => fetch(`${url}/again/${index}`)));
    expect(connections).toBe(6);
  } finally {
    fetch.close();
  }
});
