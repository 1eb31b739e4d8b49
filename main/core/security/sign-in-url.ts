import type { ExternalUrlCheck } from './external-url';

/**
 * The gate for the one other page CivicDesk opens in the system browser: Microsoft's sign-in
 * page. It is not on the council's list of sites (staff never need to browse there), so it has
 * its own rule: exactly the configured authority, over https, asking for a code with PKCE.
 * Anything else handed to "open the sign-in page" is refused, so the path cannot be used to
 * open arbitrary sites.
 */
export function checkSignInUrl(url: string, authority: string): ExternalUrlCheck {
  let parsed: URL;
  let expected: URL;
  try {
    parsed = new URL(url);
    expected = new URL(authority);
  } catch {
    return { ok: false, reason: 'That is not a complete sign-in address.' };
  }
  if (parsed.protocol !== 'https:' || expected.protocol !== 'https:') return { ok: false, reason: 'CivicDesk only signs in over https.' };
  if (parsed.username || parsed.password) return { ok: false, reason: 'A sign-in address never carries a user name or password.' };
  const authorityPath = expected.pathname.replace(/\/$/, '');
  if (parsed.origin !== expected.origin || !(parsed.pathname === authorityPath || parsed.pathname.startsWith(`${authorityPath}/`))) {
    return { ok: false, reason: `${parsed.host} is not the council's sign-in service.` };
  }
  const query = parsed.searchParams;
  if (query.get('response_type') !== 'code' || query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge')) {
    return { ok: false, reason: 'That sign-in address does not ask for a code with PKCE, so CivicDesk will not open it.' };
  }
  return { ok: true, url: parsed.href };
}
