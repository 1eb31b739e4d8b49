import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/create-core';
import { mimeTypeFor, resolveAppFile } from '../core/security/app-files';
import { contentSecurityPolicy } from '../core/security/csp';
import { isOwnHost, MISDIRECTED_REQUEST } from '../core/security/own-host';
import { attachBridgeSocket } from './bridge-socket';

/** Always loopback: the browser host must never be reachable from another machine. */
export const LOOPBACK_ADDRESS = '127.0.0.1';

export interface LoopbackHostOptions {
  core: Pick<Core, 'router' | 'events'>;
  secret: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Serve the built renderer from this folder (tests, demos)... */
  staticRoot?: string;
  /** ...or hand requests to a development server (Vite in middleware mode). */
  devMiddleware?: (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
}

export interface LoopbackHost {
  origin: string;
  close(): Promise<void>;
  /** The HTTP server, for a development server that needs it for hot reload. */
  server: ReturnType<typeof createServer>;
}

/**
 * Runs the same main/core as the desktop app, for a browser: the renderer's files over HTTP
 * with the same CSP, and the contract over a WebSocket guarded by a per-run secret.
 */
export async function startLoopbackHost(options: LoopbackHostOptions): Promise<LoopbackHost> {
  let origin = '';
  const server = createServer((request, response) => {
    if (!isOwnHost(request.headers.host, origin)) {
      response.writeHead(MISDIRECTED_REQUEST, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end(`This CivicDesk answers only at ${origin}.`);
      return;
    }
    const bridgeUrl = `ws://${LOOPBACK_ADDRESS}:${(server.address() as AddressInfo).port}`;
    response.setHeader('Content-Security-Policy', contentSecurityPolicy({ connectSources: [bridgeUrl], allowDevInlineScript: Boolean(options.devMiddleware) }));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    if (options.devMiddleware) {
      options.devMiddleware(request, response, () => notFound(response));
      return;
    }
    void serveStatic(request, response, options.staticRoot ?? '');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK_ADDRESS, () => resolve());
  });
  origin = `http://${LOOPBACK_ADDRESS}:${(server.address() as AddressInfo).port}`;
  const detach = attachBridgeSocket(server, { core: options.core, secret: options.secret, ownOrigin: () => origin });
  return {
    origin,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        detach();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serveStatic(request: IncomingMessage, response: ServerResponse, root: string) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  const file = resolveAppFile(pathname, root);
  if (!file) return notFound(response);
  try {
    const body = await readFile(file);
    // The built code and fonts under /assets/ are named by their content, so the browser may keep
    // them (and its compiled code) from one start to the next, as the desktop app reads them from
    // its own disk; index.html, which names them, is always asked for afresh.
    const immutable = pathname.startsWith('/assets/') && /-[\w-]{8}\.\w+$/.test(pathname);
    response.writeHead(200, { 'Content-Type': mimeTypeFor(file), 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    notFound(response);
  }
}

function notFound(response: ServerResponse) {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
}
