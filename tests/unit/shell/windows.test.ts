import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * What the shell's windows really get from Electron's BrowserWindow, packaged and not: the
 * settings are computed (main/core/security/web-preferences.ts), so a scanner reading the
 * BrowserWindow call cannot see them; this proves them instead.
 */
const electron = vi.hoisted(() => {
  const made: { webPreferences: Record<string, unknown> }[] = [];
  class FakeWindow {
    webContents = { setWindowOpenHandler: () => undefined, on: () => undefined };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      made.push(options);
    }
    once() {}
    on() {}
    loadURL() {
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
  }
  const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  return {
    made,
    app: { isPackaged: true },
    BrowserWindow: FakeWindow,
    shell: { openExternal: () => Promise.resolve() },
    screen: { getAllDisplays: () => [display], getPrimaryDisplay: () => display, getDisplayMatching: () => display },
  };
});
vi.mock('electron', () => ({ app: electron.app, BrowserWindow: electron.BrowserWindow, shell: electron.shell, screen: electron.screen }));

const { createMainWindow } = await import('../../../main/shell/main-window');
const { openCustomerWindow } = await import('../../../main/shell/customer-window');

beforeEach(() => {
  electron.made.length = 0;
});

describe("the desktop app's windows", () => {
  it('packaged: the officer’s and the resident’s windows have no DevTools, Auxclick off, and are sandboxed and isolated', async () => {
    electron.app.isPackaged = true;
    createMainWindow('/app/preload/index.cjs', ['gov.uk']);
    await openCustomerWindow(null);
    expect(electron.made).toHaveLength(2);
    for (const options of electron.made) {
      expect(options.webPreferences).toMatchObject({ devTools: false, disableBlinkFeatures: 'Auxclick', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    }
    expect(electron.made[0]?.webPreferences.preload).toBe('/app/preload/index.cjs');
    expect(electron.made[1]?.webPreferences).not.toHaveProperty('preload');
  });

  it('from source: developers keep DevTools, and Auxclick stays off', () => {
    electron.app.isPackaged = false;
    createMainWindow('/app/preload/index.cjs', ['gov.uk']);
    expect(electron.made[0]?.webPreferences).toMatchObject({ devTools: true, disableBlinkFeatures: 'Auxclick' });
  });
});
