import type { Transport } from '../../shared/contract/api-bridge';
import { isEventName, type EventName } from '../../shared/contract/calls';
import { LOOPBACK_BRIDGE_PATH, LOOPBACK_SECRET_PARAM, type LoopbackMessage } from '../../shared/contract/channels';
import { fail, type Outcome } from '../../shared/contract/outcome';

/** How long a call waits for the browser host to (re)connect before giving up. */
const CONNECT_WAIT_MS = 10_000;

const NOT_CONNECTED =
  'CivicDesk cannot reach its local service. Check that `npm run dev:browser` is still running, then try again. Nothing you typed has been lost.';

/**
 * The browser host's last hop: the contract over a WebSocket to the loopback host, with the
 * per-run secret. Reconnects by itself; a call made while disconnected waits a little, then
 * resolves to a `not-connected` outcome (never a thrown error).
 */
export function createLoopbackTransport(origin: string, secret: string, createSocket: (url: string) => WebSocket = (url) => new WebSocket(url)): Transport {
  const url = `${origin.replace(/^http/, 'ws')}${LOOPBACK_BRIDGE_PATH}?${LOOPBACK_SECRET_PARAM}=${encodeURIComponent(secret)}`;
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const pending = new Map<number, (outcome: Outcome<unknown>) => void>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;
  let retryDelay = 250;

  const connect = (): Promise<WebSocket> => {
    opened ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = createSocket(url);
      ws.addEventListener('open', () => {
        socket = ws;
        retryDelay = 250;
        resolve(ws);
      });
      ws.addEventListener('message', (message) => receive(String(message.data)));
      ws.addEventListener('close', () => {
        socket = null;
        opened = null;
        for (const [id, settle] of pending) {
          pending.delete(id);
          settle(fail('not-connected', NOT_CONNECTED));
        }
        reject(new Error('closed'));
        // Keep events flowing after a restart of the host, without hammering it.
        if (listeners.size > 0) setTimeout(() => void connect().catch(() => undefined), (retryDelay = Math.min(retryDelay * 2, 5_000)));
      });
    });
    return opened;
  };

  const receive = (text: string) => {
    let message: LoopbackMessage;
    try {
      message = JSON.parse(text) as LoopbackMessage;
    } catch {
      return;
    }
    if (message.kind === 'reply' && message.id !== null) {
      pending.get(message.id)?.(message.outcome);
      pending.delete(message.id);
    } else if (message.kind === 'event' && isEventName(message.name)) {
      for (const listener of listeners) listener(message.name, message.payload);
    }
  };

  const withTimeout = <T,>(promise: Promise<T>, ms: number) =>
    Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);

  return {
    async invoke(name, input) {
      // While the browser says it is offline, an open socket holds messages silently until the
      // network returns: answer at once instead, so nothing waits on a call that may never land.
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return fail('not-connected', NOT_CONNECTED);
      let ws: WebSocket;
      try {
        ws = socket ?? (await withTimeout(connect(), CONNECT_WAIT_MS));
      } catch {
        return fail('not-connected', NOT_CONNECTED);
      }
      const id = nextId++;
      return new Promise<Outcome<unknown>>((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, call: name, input }));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      void connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
  };
}
