import { app, BrowserWindow, screen } from 'electron';
import { isNavigationAllowed } from '../core/security/navigation';
import { chooseCustomerDisplay, CUSTOMER_VIEW_URL, customerWebPreferences } from '../core/windows/customer-display';

let customerWindow: BrowserWindow | null = null;

/**
 * Opens the resident's screen (or brings it back), on a display of its own when there is one,
 * else full screen; it closes with the officer's window. The decisions are tested functions in
 * main/core/windows/customer-display.ts.
 */
export async function openCustomerWindow(staffWindow: BrowserWindow | null): Promise<void> {
  if (customerWindow && !customerWindow.isDestroyed()) {
    customerWindow.show();
    customerWindow.focus();
    return;
  }
  const displays = screen.getAllDisplays().map((display) => ({ id: display.id, bounds: display.bounds }));
  const staffDisplayId = staffWindow && !staffWindow.isDestroyed() ? screen.getDisplayMatching(staffWindow.getBounds()).id : undefined;
  const choice = chooseCustomerDisplay(displays, screen.getPrimaryDisplay().id, staffDisplayId);

  const window = new BrowserWindow({
    ...choice.bounds,
    show: false,
    title: 'CivicDesk',
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    webPreferences: customerWebPreferences({ packaged: app.isPackaged }),
  });
  customerWindow = window;
  window.once('ready-to-show', () => {
    window.show();
    window.setFullScreen(choice.fullscreen);
  });
  // The resident's screen opens nothing and goes nowhere but CivicDesk's own pages.
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.on('closed', () => {
    if (customerWindow === window) customerWindow = null;
  });
  staffWindow?.once('closed', () => {
    if (!window.isDestroyed()) window.close();
  });
  await window.loadURL(CUSTOMER_VIEW_URL);
}
