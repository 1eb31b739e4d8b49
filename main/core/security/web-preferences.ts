/**
 * The one place a window's webPreferences are made. Literal values, so a review can read them
 * at a glance. Shaped like Electron's WebPreferences (main/core never imports electron).
 * Scanners such as Electronegativity read only literal objects in the BrowserWindow call, so
 * tests/unit/shell/windows.test.ts proves what the shell's windows really get, packaged or not.
 */
export interface LockedWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: true;
  disableBlinkFeatures: 'Auxclick';
  devTools: boolean;
}

/** How the app was started: `app.isPackaged` in the shell. */
export interface WindowBuild {
  packaged: boolean;
}

export function lockedWebPreferences(preloadPath: string, build: WindowBuild): LockedWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Dropping a file on the window must attach it to a case, never navigate to it.
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    // A middle click must not open a link in a new window past the window-open handler.
    disableBlinkFeatures: 'Auxclick',
    // DevTools on a council desktop would show a resident's record to anyone at the keyboard.
    devTools: !build.packaged,
  };
}

/** Electron's default menu (with View > Toggle Developer Tools and Reload) only while developing. */
export function keepsDefaultMenu(build: WindowBuild): boolean {
  return !build.packaged;
}
