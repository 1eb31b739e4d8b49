import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { isOwnHost } from '../../../main/core/security/own-host';
import { startLoopbackHost, type LoopbackHost } from '../../../main/loopback/host';
import { fakeCore } from '../support/fake-core';

const SECRET = 'test-secret-123';
let host: LoopbackHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function start(): Promise<LoopbackHost> {
  host = await startLoopbackHost({ core: fakeCore(), secret: SECRET, port: 0, staticRoot: '/nonexistent' });
  return host;
}

/** A GET to the host's own port, with whatever Host header a browser on some other name would send. */
function get(origin: string, hostHeader: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: '127.0.0.1', port, path: '/', headers: { Host: hostHeader } }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += String(chunk)));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** Opens the bridge with the right secret; resolves to the socket, or the status it was refused with. */
function connect(origin: string, headers: Record<string, string>): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/bridge?secret=${SECRET}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    ws.once('error', reject);
  });
}

describe("the browser host answers only at its own address", () => {
  it('refuses a page asked for by another name that resolves to this computer (DNS rebinding), and serves its own', async () => {
    const { origin } = await start();
    const port = new URL(origin).port;
    for (const name of [`evil.example:${port}`, `localhost:${port}`, `127.0.0.1:${Number(port) + 1}`, '127.0.0.1', `[::1]:${port}`]) {
      const answer = await get(origin, name);
      expect(answer.status, name).toBe(421);
      expect(answer.body).not.toContain('<html');
    }
    // Its own address gets past the check (to "not found" here, as no renderer is built for this test).
    expect((await get(origin, `127.0.0.1:${port}`)).status).toBe(404);
  });

  it('refuses the bridge to a socket addressed to another name, even with the secret', async () => {
    const { origin } = await start();
    const port = new URL(origin).port;
    expect(await connect(origin, { Host: `evil.example:${port}` })).toBe(421);
    const own = await connect(origin, { Origin: origin });
    expect(own).toBeInstanceOf(WebSocket);
    if (own instanceof WebSocket) own.close();
  });

  it('compares names as HTTP does (without regard to case) and refuses a request with no Host', () => {
    expect(isOwnHost('127.0.0.1:5199', 'http://127.0.0.1:5199')).toBe(true);
    expect(isOwnHost('LOCALHOST:5199', 'http://127.0.0.1:5199')).toBe(false);
    expect(isOwnHost(undefined, 'http://127.0.0.1:5199')).toBe(false);
    // Before the host has its address, nothing is served.
    expect(isOwnHost('127.0.0.1:5199', '')).toBe(false);
  });
});
