/**
 * The desktop app's entry point: the only place CivicDesk meets Electron's lifecycle. Every
 * decision it makes is a tested function in main/core; this file wires them to Electron.
 */
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, net, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import { configFileCandidates, readDeploymentConfig } from '../core/config/config-file';
import { createCore } from '../core/create-core';
import { createSystemLock } from '../core/session/system-lock';
import { createAppLog } from '../core/log';
import { DEEP_LINK_SCHEME, findDeepLinkInArgv } from '../core/security/deep-link';
import { keepsDefaultMenu } from '../core/security/web-preferences';
import { planUpdates } from '../core/updates/update-plan';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app-protocol';
import { openExternalChecked, openSignInPageChecked } from './external-links';
import { openKeychain } from './keychain';
import { openCustomerWindow } from './customer-window';
import { registerIpcTransport } from './ipc-transport';
import { createMainWindow, lockDownSession } from './main-window';
import { startUpdates } from './updates';

// One CivicDesk per person: a second launch (a softphone's screen-pop, say) hands its link to
// the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (!app.isDefaultProtocolClient(DEEP_LINK_SCHEME)) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  void start();
}

async function start(): Promise<void> {
  // stderr and the rotating files in the data folder (main/core/logs/log-file.ts: five of 2 MB, none older than 30 days).
  const { log, close: closeLog } = createAppLog({ folder: path.join(app.getPath('userData'), 'logs') });
  let window: BrowserWindow | null = null;

  await app.whenReady();
  // Packaged: no application menu, so no Reload or Toggle Developer Tools behind a key.
  if (!keepsDefaultMenu({ packaged: app.isPackaged })) Menu.setApplicationMenu(null);
  const config = await readDeploymentConfig(configFileCandidates(process.platform, process.env));
  const core = createCore({
    config,
    appVersion: app.getVersion(),
    log,
    // Packaged: electron-builder's extraResources; from source: the project's resources/.
    resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources'),
    dataDir: app.getPath('userData'),
    fetch: (url, init) => net.fetch(url, init),
    openExternal: (url) => openExternalChecked(shell, url, config.externalLinkHosts),
    openCustomerWindow: () => openCustomerWindow(window),
    // The sign-in's token cache goes only into the OS keychain; where there is none, it is kept in memory and CivicDesk says so.
    secrets: openKeychain(app, safeStorage),
    openSignInPage: (url, authority) => openSignInPageChecked(shell, url, authority),
  });

  // The core keeps each link until the workstation takes it, so one that arrives before the window has loaded is not lost.
  const deliver = (link: string | null) => {
    if (link) core.openDeepLink(link);
  };
  deliver(findDeepLinkInArgv(process.argv));
  app.on('second-instance', (_event, argv) => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    deliver(findDeepLinkInArgv(argv));
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deliver(url);
  });

  // The idle lock (main/core/session/system-lock.ts): the computer locking or sleeping, or idle in every program.
  const systemLock = createSystemLock(core.router);
  powerMonitor.on('lock-screen', () => void systemLock.systemLocked());
  powerMonitor.on('suspend', () => void systemLock.systemLocked());
  setInterval(() => void systemLock.systemIdleFor(powerMonitor.getSystemIdleTime()), 15_000).unref();

  lockDownSession(session.defaultSession);
  registerAppProtocol(protocol, net, path.join(import.meta.dirname, '../renderer'));
  registerIpcTransport(ipcMain, core, () => BrowserWindow.getAllWindows().map((each) => each.webContents));

  const openWindow = () => {
    window = createMainWindow(path.join(import.meta.dirname, '../preload/index.cjs'), config.externalLinkHosts);
    window.on('closed', () => {
      window = null;
    });
  };
  openWindow();
  // While the window loads its code, main reads what its first requests will ask for.
  void core.readAhead();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Off unless civicdesk.config.json switches updates on (main/core/updates/update-plan.ts).
  void startUpdates(planUpdates(config, { packaged: app.isPackaged }), log);

  // Send any audit records still waiting, and stop the training stand-in, before leaving.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void core.close().catch(() => undefined).then(closeLog).finally(() => {
      closed = true;
      app.quit();
    });
  });
}
