/**
 * In the browser host, keep the app's own files for a reload while the network is down (see
 * public/offline-shell.js). Only on the loopback host's http origin and only in a built app:
 * the desktop app reads its files from disk and the development server changes them by the second.
 */
export function keepOfflineShell(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || window.location.protocol !== 'http:') return;
  navigator.serviceWorker.register('./offline-shell.js').catch((error: unknown) => {
    // Without it the app still works; only a reload while offline would not open.
    console.warn('CivicDesk could not keep its files for offline use:', error);
  });
}
