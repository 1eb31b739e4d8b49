import { isAppUrl } from './app-origin';
import { checkExternalUrl } from './external-url';

/** `will-navigate`: the window only ever shows CivicDesk's own pages. */
export const isNavigationAllowed = (url: string): boolean => isAppUrl(url);

export interface WindowOpenDecision {
  /** New Electron windows are never opened from page content. */
  action: 'deny';
  /** A link to an allowed site opens in the person's own browser instead. */
  openExternally: string | null;
}

export function decideWindowOpen(url: string, allowedHosts: readonly string[]): WindowOpenDecision {
  const external = checkExternalUrl(url, allowedHosts);
  return { action: 'deny', openExternally: external.ok ? external.url : null };
}
