import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Net, Protocol } from 'electron';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from '../../../main/shell/app-protocol';

/**
 * The desktop app's pages and their Content-Security-Policy, as the packaged app serves them on
 * app://civicdesk/. The policy is a response header (a scanner reading index.html cannot see
 * it), so this drives the shell's handler with stand-ins for Electron's protocol and net.
 */
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  const rendererDir = await mkdtemp(path.join(tmpdir(), 'civicdesk-renderer-'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>CivicDesk</title>');
  const protocol = { handle: (_scheme: string, handler: typeof serve) => (serve = handler) } as unknown as Protocol;
  const net = {
    fetch: async (url: string) => {
      try {
        return new Response(await readFile(fileURLToPath(url)));
      } catch {
        return new Response('', { status: 404 });
      }
    },
  } as unknown as Net;
  registerAppProtocol(protocol, net, rendererDir);
});

describe('the packaged app’s pages (app://civicdesk/)', () => {
  it('come with a Content-Security-Policy that allows scripts from CivicDesk only: no eval, no inline script, nothing remote, no frames, no plugins', async () => {
    const response = await serve(new Request('app://civicdesk/index.html'));
    expect(response.status).toBe(200);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    const directives = new Map(csp.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serve nothing outside the renderer folder, and nothing for another app:// host', async () => {
    expect((await serve(new Request('app://civicdesk/../../etc/passwd'))).status).toBe(404);
    expect((await serve(new Request('app://civicdesk/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await serve(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });
});

describe('the app:// scheme’s privileges', () => {
  it('keep V8’s compiled code between starts (Electron allows it only for a standard scheme, and only when asked)', () => {
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, codeCache: true });
  });
});
