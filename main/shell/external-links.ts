import type { Shell } from 'electron';
import { checkExternalUrl } from '../core/security/external-url';

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
