import type { CoreLog } from '../core/create-core';
import { UPDATE_CHECK_INTERVAL_MS, type UpdatePlan } from '../core/updates/update-plan';

/**
 * Wires electron-updater to the plan made in main/core/updates/update-plan.ts. Loaded only
 * when the council has switched updates on, so a computer updated by Intune or SCCM never
 * starts it. An update is downloaded in the background and installed when CivicDesk closes,
 * never in the middle of a call; electron-updater refuses one not signed by the publisher
 * named in electron-builder.yml.
 */
export async function startUpdates(plan: UpdatePlan, log: CoreLog): Promise<void> {
  if (!plan.check) {
    log.info('not looking for updates', { reason: plan.reason });
    return;
  }
  const { default: electronUpdater } = await import('electron-updater');
  const updater = electronUpdater.autoUpdater;
  if (plan.url) updater.setFeedURL({ provider: 'generic', url: plan.url });
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  updater.logger = null;
  updater.on('update-downloaded', (info) => log.info('update ready, installed when CivicDesk closes', { version: info.version }));
  updater.on('error', (error) => log.warn('update check failed', { message: error.message }));
  const check = () => void updater.checkForUpdates().catch((error: unknown) => log.warn('update check failed', { message: error instanceof Error ? error.message : String(error) }));
  check();
  setInterval(check, UPDATE_CHECK_INTERVAL_MS).unref();
}
