import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer in Debian's Chromium, against the loopback host
 * running the real main/core in training mode. The per-run secret is made here and handed
 * to both the host and the tests (workers inherit this process's environment).
 */
process.env.CIVICDESK_LOOPBACK_SECRET ||= randomBytes(24).toString('base64url');
const port = Number(process.env.CIVICDESK_E2E_PORT ?? 5299);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Where the host writes its Dataverse stand-in's address and certificate, for tests that check
// what reached the back office (tests/e2e/support/back-office.ts).
process.env.CIVICDESK_STAND_IN_FILE ||= path.join(os.tmpdir(), `civicdesk-e2e-stand-in-${port}-${process.pid}.json`);
// One training officer whose directory arrives slowly, for the first-start test (first-start.spec.ts).
process.env.CIVICDESK_TRAINING_SLOW_DIRECTORY ||= '20000:stf-032';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Accessibility scans must see the page as it settles, not a fade half-way through (its
    // colours mid-transition fail contrast now and then); the app honours reduced motion.
    contextOptions: { reducedMotion: 'reduce' },
    launchOptions: {
      executablePath: chromium,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `npx tsx main/loopback/start.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: { CIVICDESK_LOOPBACK_SECRET: process.env.CIVICDESK_LOOPBACK_SECRET, CIVICDESK_CONFIG: '', CIVICDESK_STAND_IN_FILE: process.env.CIVICDESK_STAND_IN_FILE, CIVICDESK_TRAINING_SLOW_DIRECTORY: process.env.CIVICDESK_TRAINING_SLOW_DIRECTORY },
  },
});
