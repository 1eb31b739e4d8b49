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
  // Each request is held until six are waiting (and a moment more, for any seventh to arrive),
  // or a second has passed: however slow the handshakes, six at once is seen if six can be.
  const held: (() => void)[] = [];
  const release = () => held.splice(0).forEach((answer) => answer());
  server = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    answering += 1;
    mostAnsweringAtOnce = Math.max(mostAnsweringAtOnce, answering);
    held.push(() => {
      answering -= 1;
      response.end(JSON.stringify({ path: request.url }));
    });
    setTimeout(release, held.length >= 6 ? 50 : 1000);
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
    const first = await Promise.all(Array.from({ length: 12 }, (_, index) => fetch(`${url}/read/${index}`)));
    expect(first.map((response) => response.status)).toEqual(Array(12).fill(200));
    expect(await first[11]!.text()).toBe(JSON.stringify({ path: '/read/11' }));
    expect(mostAnsweringAtOnce).toBe(6);
    expect(connections).toBe(6);
    // The next wave of reads goes over the same six: no new TLS handshakes.
    await Promise.all(Array.from({ length: 6 }, (_, index) => fetch(`${url}/again/${index}`)));
    expect(connections).toBe(6);
  } finally {
    fetch.close();
  }
});
