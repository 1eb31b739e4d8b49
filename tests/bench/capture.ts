/**
 * `npm run bench:capture`: in Debian's Chromium, how long saving a case draft change and
 * submitting a case take, 1,000 each, on the case database opened with strict durability
 * (so each save is on disk before it counts as saved). The page runs the app's own
 * renderer/sync/case-store.ts, bundled here by Vite; it is served from a made-up https origin (a secure context, as 127.0.0.1 and app:// are)
 * through Playwright so nothing else shares its IndexedDB. Target: p95 at most 10 ms each,
 * with every row sealed as the app seals it (renderer/storage/sealed-tables.ts); the same run
 * without sealing is reported beside it (capture.unsealed.*).
 */
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build, type Rollup } from 'vite';
import { percentile, report } from './browser-host';

const count = Number(process.env.BENCH_CASES ?? 1000);
const root = path.resolve(import.meta.dirname, '../..');
const bundled = (await build({
  configFile: false,
  logLevel: 'error',
  root,
  build: { write: false, minify: true, lib: { entry: path.join(root, 'tests/bench/capture-page.ts'), formats: ['es'], fileName: 'capture-page' } },
})) as Rollup.RollupOutput[];
const code = bundled[0]?.output[0]?.code;
if (!code) throw new Error('the capture page did not bundle');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.route('https://capture.bench/**', (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'text/javascript', body: code })
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>capture bench</title><script type="module" src="/capture-page.js"></script>' }),
  );
  await page.goto('https://capture.bench/');
  await page.waitForFunction(() => 'runCaptureBench' in window);
  const bench = (sealed: boolean) =>
    page.evaluate(([n, sealedRows]) => (window as unknown as { runCaptureBench(n: number, sealed: boolean): Promise<{ draftSave: number[]; submit: number[] }> }).runCaptureBench(n, sealedRows), [count, sealed] as const);
  // Unsealed first, as a peer in the same run: what sealing every row costs, on this machine, now.
  const unsealed = await bench(false);
  const timings = await bench(true);
  report('capture.draft_save.p50_ms', percentile(timings.draftSave, 50));
  report('capture.draft_save.p95_ms', percentile(timings.draftSave, 95));
  report('capture.submit.p50_ms', percentile(timings.submit, 50));
  report('capture.submit.p95_ms', percentile(timings.submit, 95));
  report('capture.unsealed.draft_save.p95_ms', percentile(unsealed.draftSave, 95));
  report('capture.unsealed.submit.p95_ms', percentile(unsealed.submit, 95));
} finally {
  await browser.close();
}
