/**
 * The browser host answers only requests addressed to itself. A page on another site whose
 * name is made to resolve to 127.0.0.1 (DNS rebinding) reaches the same port, but its
 * browser still sends that site's name in Host; without this check it would be served
 * CivicDesk's page as if it were its own origin.
 */
export function isOwnHost(hostHeader: string | undefined, ownOrigin: string): boolean {
  if (!hostHeader || !ownOrigin) return false;
  return hostHeader.toLowerCase() === new URL(ownOrigin).host;
}

/** HTTP's answer to a request meant for another server (RFC 9110, 15.5.20). */
export const MISDIRECTED_REQUEST = 421;
