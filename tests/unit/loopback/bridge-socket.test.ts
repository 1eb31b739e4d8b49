import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startLoopbackHost, type LoopbackHost } from '../../../main/loopback/host';
import { fakeCore } from '../support/fake-core';

const SECRET = 'test-secret-123';
let host: LoopbackHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function start(overrides: Parameters<typeof fakeCore>[0] = {}) {
  const core = fakeCore(overrides);
  host = await startLoopbackHost({ core, secret: SECRET, port: 0, staticRoot: '/nonexistent' });
  return { core, host };
}

/** Opens a socket; resolves to the socket, or to the HTTP status the host refused with. */
function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    ws.once('error', reject);
  });
}

function request(ws: WebSocket, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data))));
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

const bridgeUrl = (origin: string, secret?: string) => `${origin.replace('http', 'ws')}/bridge${secret === undefined ? '' : `?secret=${secret}`}`;

describe('the loopback host', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { host } = await start();
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('refuses a connection without the secret, or with the wrong one', async () => {
    const { host } = await start();
    expect(await connect(bridgeUrl(host.origin))).toBe(401);
    expect(await connect(bridgeUrl(host.origin, 'guess'))).toBe(401);
    expect(await connect(bridgeUrl(host.origin, `${SECRET}x`))).toBe(401);
  });

  it("refuses a page on another origin even if it has the secret", async () => {
    const { host } = await start();
    expect(await connect(bridgeUrl(host.origin, SECRET), { Origin: 'https://evil.example' })).toBe(403);
  });

  it('answers calls from its own page, validating input as the desktop app does', async () => {
    const { host } = await start();
    const ws = await connect(bridgeUrl(host.origin, SECRET), { Origin: host.origin });
    if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
    expect(await request(ws, { id: 1, call: 'session.get', input: {} })).toMatchObject({ kind: 'reply', id: 1, outcome: { ok: true } });
    expect(await request(ws, { id: 2, call: 'session.actAsTrainingUser', input: {} })).toMatchObject({ id: 2, outcome: { ok: false, error: { code: 'invalid-input' } } });
    expect(await request(ws, { id: 3, call: 'nope.nothing', input: {} })).toMatchObject({ id: 3, outcome: { ok: false, error: { code: 'unknown-call' } } });
    expect(await request(ws, 'not json')).toMatchObject({ id: null, outcome: { ok: false, error: { code: 'invalid-input' } } });
    ws.close();
  });

  it('answers every malformed message with an Outcome and goes on answering: an object call name, JSON that is not an object, no request number', async () => {
    const { host } = await start();
    const ws = await connect(bridgeUrl(host.origin, SECRET));
    if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
    expect(await request(ws, { id: 1, call: { toString: 1 }, input: {} })).toMatchObject({ id: 1, outcome: { ok: false, error: { code: 'unknown-call' } } });
    expect(await request(ws, { id: 2, call: ['session.get'], input: {} })).toMatchObject({ id: 2, outcome: { ok: false, error: { code: 'unknown-call' } } });
    for (const message of ['null', '7', '"text"', '[1]', '{"call":"session.get"}', '{"id":"1","call":"session.get"}', '{"id":1.5,"call":"session.get"}', '{"id":{"toString":1},"call":"session.get"}', '']) {
      expect(await request(ws, message)).toMatchObject({ kind: 'reply', id: null, outcome: { ok: false, error: { code: 'invalid-input' } } });
    }
    expect(await request(ws, { id: 3, call: 'session.get', input: {} })).toMatchObject({ id: 3, outcome: { ok: true } });
    ws.close();
  });

  it('survives a handler that throws and goes on answering', async () => {
    const { host } = await start({
      'training.summary': () => {
        throw new Error('boom');
      },
    });
    const ws = await connect(bridgeUrl(host.origin, SECRET));
    if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
    expect(await request(ws, { id: 1, call: 'training.summary', input: {} })).toMatchObject({ outcome: { ok: false, error: { code: 'handler-failed' } } });
    expect(await request(ws, { id: 2, call: 'session.get', input: {} })).toMatchObject({ outcome: { ok: true } });
    ws.close();
  });

  it('pushes events to connected pages', async () => {
    const { host, core } = await start();
    const ws = await connect(bridgeUrl(host.origin, SECRET));
    if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
    const heard = new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    core.events.emit('directory.changed', { deltaToken: 'delta-9' });
    expect(await heard).toEqual({ kind: 'event', name: 'directory.changed', payload: { deltaToken: 'delta-9' } });
    ws.close();
  });

  it('sends the CSP header and refuses paths outside the renderer folder', async () => {
    const { host } = await start();
    const response = await fetch(`${host.origin}/..%2f..%2fetc%2fpasswd`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
