import type { LoadedConfig } from '../config/deployment-config';

/**
 * Whether this start looks for a newer CivicDesk, and where. Most councils push each version
 * with Intune or SCCM, so the answer is no unless the deployment file switches updates on.
 * electron-updater then installs only what is signed by the publisher named in
 * electron-builder.yml (win.signtoolOptions.publisherName, kept in the installed
 * app-update.yml), whichever address the feed comes from.
 */
export type UpdatePlan =
  | { check: false; reason: string }
  /** url null: the council server the installer was built with (electron-builder.yml's publish). */
  | { check: true; url: string | null };

export function planUpdates(config: LoadedConfig, build: { packaged: boolean }): UpdatePlan {
  if (!build.packaged) return { check: false, reason: 'Run from source: there is no installed version to update.' };
  if (config.mode !== 'live') return { check: false, reason: 'Updates are looked for only with a council tenant configured.' };
  if (!config.config.updates.enabled) return { check: false, reason: 'Updates are off in the deployment file: this computer gets each version from IT.' };
  return { check: true, url: config.config.updates.url ?? null };
}

/** How often a running CivicDesk looks again, after the check at start. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;
