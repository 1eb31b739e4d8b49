import { app, BrowserWindow, shell, type Session } from 'electron';
import { APP_START_URL } from '../core/security/app-origin';
import { decideWindowOpen, isNavigationAllowed } from '../core/security/navigation';
import { decidePermission } from '../core/security/permissions';
import { lockedWebPreferences } from '../core/security/web-preferences';
import { openExternalChecked } from './external-links';

/** Deny-by-default permissions for every page in the session, asked or merely checked. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(decidePermission(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => decidePermission(permission, requestingOrigin));
}

export function createMainWindow(preloadPath: string, allowedHosts: readonly string[]): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'CivicDesk',
    backgroundColor: '#ffffff',
    // Packaged: no DevTools (main/core/security/web-preferences.ts).
    webPreferences: lockedWebPreferences(preloadPath, { packaged: app.isPackaged }),
  });
  window.once('ready-to-show', () => window.show());

  window.webContents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, allowedHosts);
    if (decision.openExternally) void openExternalChecked(shell, decision.openExternally, allowedHosts).catch(() => undefined);
    return { action: decision.action };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  // A <webview> could host anything; CivicDesk never uses one.
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  void window.loadURL(APP_START_URL);
  return window;
}
