import { isAppUrl } from './app-origin';

/**
 * Permissions a CivicDesk page may have. Everything else (camera, microphone, geolocation,
 * notifications, USB, HID, MIDI, ...) is refused, and so is anything asked for by a page that
 * is not our own. Evidence photos come through a file picker, which needs no permission.
 */
const GRANTED_TO_APP = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function decidePermission(permission: string, requestingUrl: string): boolean {
  return isAppUrl(requestingUrl) && GRANTED_TO_APP.has(permission);
}
