import type { Shell } from 'electron';
import { checkExternalUrl } from '../core/security/external-url';
import { checkSignInUrl } from '../core/security/sign-in-url';

/**
 * The only call to shell.openExternal in CivicDesk (a lint rule bans it elsewhere): the URL
 * is checked again here, so no path around the allow-list exists.
 */
export async function openExternalChecked(shell: Pick<Shell, 'openExternal'>, url: string, allowedHosts: readonly string[]): Promise<void> {
  const check = checkExternalUrl(url, allowedHosts);
  if (!check.ok) throw new Error(check.reason);
  // eslint-disable-next-line no-restricted-syntax -- this is the one checked wrapper
  await shell.openExternal(check.url);
}

/** Microsoft's sign-in page in the system browser, for the configured authority only. */
export async function openSignInPageChecked(shell: Pick<Shell, 'openExternal'>, url: string, authority: string): Promise<void> {
  const check = checkSignInUrl(url, authority);
  if (!check.ok) throw new Error(check.reason);
  // eslint-disable-next-line no-restricted-syntax -- the sign-in page's own checked wrapper
  await shell.openExternal(check.url);
}
