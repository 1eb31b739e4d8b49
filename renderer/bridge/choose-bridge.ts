import { createApiBridge, type ApiBridge } from '../../shared/contract/api-bridge';
import { createLoopbackTransport } from './loopback-transport';
import { REMEMBERED_CALLS, rememberAnswers } from './remembered-answers';

declare global {
  interface Window {
    /** Put there by the desktop app's preload; absent in a plain browser. */
    civicdesk?: ApiBridge;
  }
}

const SECRET_KEY = 'civicdesk.loopbackSecret';

export type BridgeChoice = { ok: true; bridge: ApiBridge; host: 'desktop' | 'browser' } | { ok: false };

/**
 * The desktop app's preload provides `window.civicdesk`. In a browser, the loopback host
 * hands over its per-run secret in the address's #fragment (never sent to any server); it is
 * kept for this tab only, and taken out of the address bar at once.
 */
export function chooseBridge(): BridgeChoice {
  if (window.civicdesk) return { ok: true, bridge: window.civicdesk, host: 'desktop' };
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('secret');
  if (fromHash) {
    window.sessionStorage.setItem(SECRET_KEY, fromHash);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const secret = window.sessionStorage.getItem(SECRET_KEY);
  if (!secret) return { ok: false };
  const wentOffline = (then: () => void) => {
    window.addEventListener('offline', then);
    return () => window.removeEventListener('offline', then);
  };
  const transport = rememberAnswers(createLoopbackTransport(window.location.origin, secret), window.sessionStorage, wentOffline);
  // Ask once now, while the network is up, so the answers are there if it goes down.
  for (const name of REMEMBERED_CALLS) void transport.invoke(name, {});
  return { ok: true, bridge: createApiBridge(transport), host: 'browser' };
}
