import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startUpdates } from '../../../main/shell/updates';

// A stand-in for electron-updater that records what the shell asks of it (the real one needs Electron).
const updater = vi.hoisted(() => ({
  loaded: 0,
  feeds: [] as unknown[],
  checks: 0,
  autoDownload: false,
  autoInstallOnAppQuit: false,
  allowDowngrade: true,
  logger: {} as unknown,
  setFeedURL(options: unknown) {
    this.feeds.push(options);
  },
  on() {},
  checkForUpdates() {
    this.checks += 1;
    return Promise.resolve(null);
  },
}));
vi.mock('electron-updater', () => {
  updater.loaded += 1;
  return { default: { autoUpdater: updater } };
});

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

beforeEach(() => {
  updater.feeds.length = 0;
  updater.checks = 0;
});

describe("the desktop app's updates", () => {
  it('with updates off, never loads electron-updater and says why in the log', async () => {
    await startUpdates({ check: false, reason: 'Updates are off in the deployment file: this computer gets each version from IT.' }, log);
    expect(updater.loaded).toBe(0);
    expect(log.info).toHaveBeenCalledWith('not looking for updates', { reason: expect.stringMatching(/off in the deployment file/) });
  });

  it("switched on, looks at the council's address, downloads in the background, installs on closing, never an older version", async () => {
    await startUpdates({ check: true, url: 'https://apps.southwark.gov.uk/civicdesk/' }, log);
    expect(updater.loaded).toBe(1);
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://apps.southwark.gov.uk/civicdesk/' }]);
    expect(updater.checks).toBe(1);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false });
  });

  it('without an address, keeps the feed the installer was built with', async () => {
    await startUpdates({ check: true, url: null }, log);
    expect(updater.feeds).toEqual([]);
    expect(updater.checks).toBe(1);
  });
});
