import { pathToFileURL } from 'node:url';
import type { Net, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../core/security/app-origin';
import { mimeTypeFor, resolveAppFile } from '../core/security/app-files';
import { contentSecurityPolicy } from '../core/security/csp';

/**
 * Must run before the app is ready: app:// behaves like https (secure, own origin, storage).
 * `codeCache`: Chromium keeps V8's compiled code for pages it loads over http, but for a custom
 * scheme only when asked (Electron's default is false). Without it, every start of the desktop
 * app compiled the first screen's megabyte of script afresh; the browser host, over http, always
 * had the cache, so its benchmarks did not show the difference.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true, codeCache: true },
} as const;

/** Serves the built renderer on app://civicdesk/ with the CSP header; nothing outside it. */
export function registerAppProtocol(protocol: Protocol, net: Net, rendererDir: string): void {
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveAppFile(url.pathname, rendererDir) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!response.ok) return new Response('Not found', { status: 404 });
    const headers = new Headers(response.headers);
    headers.set('Content-Type', mimeTypeFor(file));
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: 200, headers });
  });
}
