/**
 * The one place a window's webPreferences are made. Literal values, so a review can read them
 * at a glance. Shaped like Electron's WebPreferences (main/core never imports electron).
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
}

export function lockedWebPreferences(preloadPath: string): LockedWebPreferences {
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
  };
}
