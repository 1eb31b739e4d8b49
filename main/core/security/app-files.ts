import path from 'node:path';

/**
 * Maps a request for the renderer's files (`app://civicdesk/assets/x.js`, or the browser
 * host's `/assets/x.js`) to a file under `rootDir`, or null when it would escape that folder.
 * Decoding happens before the check, so `%2e%2e/` and `..%5c` are caught too.
 */
export function resolveAppFile(pathname: string, rootDir: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded.replaceAll('\\', '/').replace(/^\/+/, '') || 'index.html';
  if (relative.split('/').some((part) => part === '..')) return null;
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
};

export const mimeTypeFor = (file: string): string =>
  MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
