import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { LOOPBACK_BRIDGE_PATH, LOOPBACK_SECRET_PARAM, type LoopbackMessage } from '../../shared/contract/channels';
import { fail, type Outcome } from '../../shared/contract/outcome';
import type { Core } from '../core/create-core';
import { isOwnHost, MISDIRECTED_REQUEST } from '../core/security/own-host';

/** Large enough for a case with its evidence photos; anything bigger is refused by ws. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Decides whether an upgrade request may open the bridge: the right path, the per-run secret,
 * and (when a browser sends one) an Origin that is the host's own page. Exported for tests.
 */
export function checkBridgeRequest(request: Pick<IncomingMessage, 'url' | 'headers'>, secret: string, ownOrigin: string): { ok: true } | { ok: false; status: 401 | 403 | 404 } {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== LOOPBACK_BRIDGE_PATH) return { ok: false, status: 404 };
  const given = url.searchParams.get(LOOPBACK_SECRET_PARAM);
  if (!given || !sameSecret(given, secret)) return { ok: false, status: 401 };
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== ownOrigin) return { ok: false, status: 403 };
  return { ok: true };
}

/**
 * Serves the contract over a WebSocket on the loopback host's own HTTP server. Browser host
 * only: never part of the packaged app.
 */
export function attachBridgeSocket(server: Server, options: { core: Pick<Core, 'router' | 'events'>; secret: string; ownOrigin: () => string }): () => void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const send = (socket: WebSocket, message: LoopbackMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== LOOPBACK_BRIDGE_PATH) return; // someone else's upgrade (Vite's hot reload)
    // Only requests addressed to this host's own address (main/core/security/own-host.ts).
    if (!isOwnHost(request.headers.host, options.ownOrigin())) {
      socket.end(`HTTP/1.1 ${MISDIRECTED_REQUEST} Misdirected Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const check = checkBridgeRequest(request, options.secret, options.ownOrigin());
    if (!check.ok) {
      socket.end(`HTTP/1.1 ${check.status} ${check.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws));
  };
  server.on('upgrade', onUpgrade);

  sockets.on('connection', (ws: WebSocket) => {
    // Every message gets a reply and none can throw here: an uncaught rejection would end the host process.
    ws.on('message', async (data) => {
      let request: unknown;
      try {
        request = JSON.parse(String(data));
      } catch {
        send(ws, { kind: 'reply', id: null, outcome: fail('invalid-input', 'The message was not valid JSON.') });
        return;
      }
      if (typeof request !== 'object' || request === null || Array.isArray(request)) {
        send(ws, { kind: 'reply', id: null, outcome: fail('invalid-input', 'The message was not a request.') });
        return;
      }
      const { id, call, input } = request as { id?: unknown; call?: unknown; input?: unknown };
      if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
        send(ws, { kind: 'reply', id: null, outcome: fail('invalid-input', 'The message had no request number.') });
        return;
      }
      let outcome: Outcome<unknown>;
      try {
        outcome = await options.core.router.dispatch(call, input, { transport: 'loopback' });
      } catch {
        outcome = fail('handler-failed', 'Something went wrong on this computer while doing that. Nothing you typed has been lost. Try again, and if it keeps happening, tell the IT service desk.');
      }
      send(ws, { kind: 'reply', id, outcome });
    });
  });

  const unsubscribe = options.core.events.subscribe((name, payload) => {
    for (const ws of sockets.clients) send(ws, { kind: 'event', name, payload });
  });

  return () => {
    unsubscribe();
    server.off('upgrade', onUpgrade);
    for (const ws of sockets.clients) ws.terminate();
    sockets.close();
  };
}
