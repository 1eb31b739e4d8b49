import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../shared/contract/channels';
import { registerIpcTransport } from '../../../main/shell/ipc-transport';
import { fakeCore } from '../support/fake-core';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

const eventFrom = (frame: { url: string; parent: unknown } | null) => ({ senderFrame: frame }) as unknown as IpcMainInvokeEvent;

function fakeContents(url: string) {
  const sent: unknown[][] = [];
  return { sent, contents: { isDestroyed: () => false, getURL: () => url, send: (...args: unknown[]) => sent.push(args) } as unknown as WebContents };
}

describe('the ipcMain transport', () => {
  const setUp = () => {
    const ipcMain = fakeIpcMain();
    const core = fakeCore();
    const app = fakeContents('app://civicdesk/index.html');
    const stranger = fakeContents('https://example.com/');
    const stop = registerIpcTransport(ipcMain, core, () => [app.contents, stranger.contents]);
    const call = (frame: { url: string; parent: unknown } | null, ...args: unknown[]) => ipcMain.handlers.get(CALL_CHANNEL)?.(eventFrom(frame), ...args);
    return { ipcMain, core, app, stranger, stop, call };
  };

  it('answers a call from the top frame of the app', async () => {
    const { call } = setUp();
    expect(await call({ url: 'app://civicdesk/index.html', parent: null }, 'session.get', {})).toMatchObject({ ok: true });
  });

  it('refuses a sender on another origin, an iframe, or a frame that has gone', async () => {
    const { call } = setUp();
    for (const frame of [{ url: 'https://evil.example/', parent: null }, { url: 'app://civicdesk/index.html', parent: {} }, { url: 'file:///etc/passwd', parent: null }, null]) {
      expect(await call(frame, 'session.get', {})).toMatchObject({ ok: false, error: { code: 'refused-sender' } });
    }
  });

  it('validates the input after the sender check', async () => {
    const { call } = setUp();
    expect(await call({ url: 'app://civicdesk/', parent: null }, 'links.openExternal', { url: 7 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers every message with an Outcome, never a rejection: an object call name, or a router that throws', async () => {
    const { call } = setUp();
    const app = { url: 'app://civicdesk/index.html', parent: null };
    await expect(call(app, { toString: 1 }, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    await expect(call({ get url(): string { throw new Error('frame gone'); }, parent: null }, 'session.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'refused-sender' } });
    const ipcMain = fakeIpcMain();
    const core = fakeCore();
    registerIpcTransport(ipcMain, { events: core.events, router: { dispatch: () => { throw new Error('router broke'); } } }, () => []);
    await expect(Promise.resolve(ipcMain.handlers.get(CALL_CHANNEL)?.(eventFrom(app), 'session.get', {}))).resolves.toMatchObject({ ok: false, error: { code: 'handler-failed' } });
    registerIpcTransport(ipcMain, { events: core.events, router: { dispatch: () => Promise.reject(new Error('router broke')) } }, () => []);
    await expect(Promise.resolve(ipcMain.handlers.get(CALL_CHANNEL)?.(eventFrom(app), 'session.get', {}))).resolves.toMatchObject({ ok: false, error: { code: 'handler-failed' } });
  });

  it("sends events to the app's own windows only, and stops when removed", () => {
    const { core, app, stranger, stop, ipcMain } = setUp();
    core.events.emit('directory.changed', { deltaToken: 'delta-1' });
    expect(app.sent).toEqual([[EVENT_CHANNEL, 'directory.changed', { deltaToken: 'delta-1' }]]);
    expect(stranger.sent).toEqual([]);
    stop();
    core.events.emit('directory.changed', { deltaToken: 'delta-2' });
    expect(app.sent).toHaveLength(1);
    expect(ipcMain.handlers.size).toBe(0);
  });
});
