import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/**
 * The real desktop app, for machines that have Electron's binary. The build machines cannot
 * download it, so there this suite is skipped and says why; everything it would catch in our
 * own code is also covered by the pure security tests and the browser suite.
 */
function findElectronBinary(): string | null {
  const packageDir = path.resolve('node_modules/electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative) : path.join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

const binary = findElectronBinary();
const skipReason = 'Skipped: no Electron binary on this machine (node_modules/electron/dist is empty; Electron cannot be downloaded here). The browser suite covers the renderer.';
if (!binary) console.log(`[electron suite] ${skipReason}`);

test.describe('desktop app', () => {
  test.skip(!binary, skipReason);

  test('opens locked down, in training mode, with the bridge and without Node', async () => {
    const app = await electron.launch({ executablePath: binary ?? undefined, args: ['.'], env: { ...process.env, CIVICDESK_CONFIG: '' } });
    const page = await app.firstWindow();
    await expect(page.getByTestId('training-banner')).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/civicdesk\//);
    // No Node in the renderer: neither require nor process exists in the page.
    expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
    expect(await page.evaluate(() => typeof (window as unknown as { civicdesk?: { session?: { get?: unknown } } }).civicdesk?.session?.get)).toBe('function');
    await app.close();
  });
});
