/**
 * `npm run bench:team`: the Team place's month view for the whole contact centre (the 40
 * training staff) over the stand-in's eight weeks of synthetic contacts (60,000), from
 * opening the place (Alt+9) to every figure on screen: the measure tiles and every chart.
 * The real main/core runs in this process behind the browser host, with the real Dataverse
 * adapter against the training stand-in over https, so the stand-in's own count of the rows
 * it sent gives `team.rows_downloaded`: activities transferred to the PC for one view (its
 * aggregates are not rows). BENCH_OPENINGS openings (default 20) after one to warm up.
 * One JSON line per metric on stdout; notes on stderr.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { readDeploymentConfig } from '../../main/core/config/config-file';
import { createCore, type Core } from '../../main/core/create-core';
import { createConsoleLog } from '../../main/core/log';
import { startLoopbackHost, type LoopbackHost } from '../../main/loopback/host';
import { launchChromium, openPage, percentile, report } from './browser-host';

const OPENINGS = Number(process.env.BENCH_OPENINGS ?? 20);
const ACTIVITY_TABLES = ['phonecalls', 'cd_facetofaces', 'activitypointers'];
const CHARTS = ['chart-comparison', 'chart-satisfaction', 'chart-by-service', 'chart-weeks', 'chart-interpreting'];

const root = path.resolve(import.meta.dirname, '../..');
const staticRoot = path.join(root, 'out/renderer');
if (!existsSync(path.join(staticRoot, 'index.html'))) throw new Error('The renderer has not been built: run npm run build first.');

const secret = randomBytes(18).toString('base64url');
const appVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
let core: Core | null = null;
let host: LoopbackHost | null = null;
let browser: Browser | null = null;
// Whatever started is stopped, also when something fails to start.
try {
  // No deployment file: training mode, as on a fresh machine.
  core = createCore({ config: await readDeploymentConfig([]), appVersion, log: createConsoleLog(), resourcesDir: path.join(root, 'resources'), training: {} });
  const standIn = await core.trainingStandIn();
  if (!standIn) throw new Error('training mode has no Dataverse stand-in');
  const held = standIn.rows('phonecalls').length + standIn.rows('cd_facetofaces').length;
  console.error(`the stand-in holds ${held} contacts`);
  host = await startLoopbackHost({ core, secret, port: 0, staticRoot });
  browser = await launchChromium();
  const page = await openPage(browser, `${host.origin}/#secret=${secret}`);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor({ timeout: 120_000 });

  // A team leader, on the whole centre's month: the place opens on it from then on.
  const picker = page.getByLabel('Acting as');
  const option = picker.locator('option', { hasText: 'Team leader' }).first();
  const leader = await option.getAttribute('value');
  if (!leader) throw new Error('no team leader among the training staff');
  await picker.selectOption(leader);
  await page.getByTestId('status-user').filter({ hasText: (await option.innerText()).split(' (')[0] ?? '' }).waitFor();
  await page.keyboard.press('Alt+9');
  await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
  await page.getByTestId('team-scope').locator('select').selectOption('centre');
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: /^The council.s measures: / }).waitFor();

  const activitiesServed = () => Object.entries(standIn.counters().rowsServed).reduce((sum, [table, rows]) => sum + (ACTIVITY_TABLES.includes(table) ? rows : 0), 0);
  const timings: number[] = [];
  let mostRows = 0;
  for (let opening = 0; opening <= OPENINGS; opening += 1) {
    await page.keyboard.press('Alt+1');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const rowsBefore = activitiesServed();
    // Watched in the page: done when the tiles and every chart have drawn, in the frame after.
    await page.evaluate((charts) => {
      const marks = window as unknown as { shown: Promise<number | null> };
      marks.shown = new Promise((resolve) => {
        const onScreen = () =>
          document.querySelectorAll('[data-testid="team-measures"] [data-testid="now"]').length > 0 &&
          charts.every((chart) => document.querySelector(`[data-testid="${chart}"] svg path, [data-testid="${chart}"] svg rect`));
        const observer = new MutationObserver(() => {
          if (!onScreen()) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => (observer.disconnect(), resolve(null)), 30_000);
      });
    }, CHARTS);
    const opened = await page.evaluate(() => performance.now());
    await page.keyboard.press('Alt+9');
    const shown = await page.evaluate(() => (window as unknown as { shown: Promise<number | null> }).shown);
    if (shown === null) throw new Error(`opening ${opening}: the month's figures were not all on screen within 30 s`);
    // The first opening warms up (the place's choices are read once and kept).
    if (opening > 0) timings.push(shown - opened);
    mostRows = Math.max(mostRows, activitiesServed() - rowsBefore);
  }
  // To see what was measured: BENCH_SCREENSHOT=team.png npm run bench:team
  if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT, fullPage: true });
  report('team.month_view.p50_ms', percentile(timings, 50));
  report('team.month_view.p95_ms', percentile(timings, 95));
  report('team.rows_downloaded', mostRows);
  console.error(`${timings.length} openings; the most activities one opening downloaded: ${mostRows}`);
} finally {
  await browser?.close();
  await host?.close();
  await core?.close();
}
