/**
 * The renderer is served from `app://civicdesk/`, a privileged custom scheme, rather than
 * `file://`: a file URL would give the page the whole disk as its origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'civicdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs on CivicDesk's own origin. Malformed URLs are never ours. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
