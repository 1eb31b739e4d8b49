/**
 * `npm run bench:footprint`: how light the workstation is on an agent's PC, in the real
 * renderer in Chromium over the borough-scale training directory (320,000 residents unless
 * BENCH_RESIDENTS says otherwise), once the directory is on this computer and indexed.
 *
 * - renderer.cold_load_ms: a reload with the directory already stored (a warm profile), from
 *   the navigation until a key typed into the search box stays in it (the first screen, then
 *   Alt+2 to Search, then the key, as an agent would, each the moment it can be done).
 * - renderer.memory_mb: the page's and the search worker's JS heaps (live objects, after a
 *   garbage collection) plus their array buffers' memory (where the built index lives), once
 *   the first start's whole index is built and saved: what the officer's PC holds from then on.
 *   Measured as soon as search said it was ready, it fell at the moment of that last build or
 *   not (for one build, 115 MB in one run and 227 MB in another, the worker's 115 MB of arrays
 *   being built), so it told timing apart, not builds.
 * - renderer.rss_growth_mb: the renderer processes' resident memory after five more reloads,
 *   each waited until search is ready again, minus after the first load (each read after the
 *   page and the worker have collected their garbage and a second has passed).
 * The breakdown goes to stderr. Exits non-zero (having stopped the host and the browser) if the
 * workstation does not start.
 */
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { report, startWorkstation, typeIntoSearchAtOnce, whenIndexSaved } from './browser-host';

const residents = Number(process.env.BENCH_RESIDENTS ?? 320_000);
const port = Number(process.env.BENCH_PORT ?? 5397);
const RELOADS = 5;
const MB = 1024 * 1024;

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  /** Array buffers' backing stores, outside the JS heap (Chromium 1xx and later). */
  backingStorageSize?: number;
}

/**
 * Chromium runs a dedicated worker in the page's renderer process but in its own V8 isolate;
 * Playwright gives no CDP session for it, so the browser's session attaches to the worker's
 * target and speaks to it through Target.sendMessageToTarget.
 */
type Send = (method: string, params?: object) => Promise<unknown>;
let nextId = 1;

async function workerSessions(browserSession: CDPSession): Promise<Send[]> {
  const { targetInfos } = await browserSession.send('Target.getTargets');
  const workers = targetInfos.filter((target) => target.type === 'worker');
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  browserSession.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const pending = message.id === undefined ? undefined : waiting.get(message.id);
    if (!pending || message.id === undefined) return;
    waiting.delete(message.id);
    if (message.error) pending.reject(new Error(message.error.message));
    else pending.resolve(message.result);
  });
  return Promise.all(
    workers.map(async (worker) => {
      const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
      const send: Send = (method, params = {}) => {
        const id = (nextId += 1);
        return new Promise((resolve, reject) => {
          waiting.set(id, { resolve, reject });
          void browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
        });
      };
      return send;
    }),
  );
}

/** The JS heap and array buffers of one isolate, after a collection, in bytes. */
async function liveMemory(send: Send): Promise<{ heap: number; buffers: number }> {
  await send('HeapProfiler.enable');
  await send('HeapProfiler.collectGarbage');
  const usage = (await send('Runtime.getHeapUsage')) as HeapUsage;
  return { heap: usage.usedSize, buffers: usage.backingStorageSize ?? 0 };
}

/** Resident memory of this browser's renderer processes, in bytes (Linux /proc). */
async function rendererRss(browserSession: CDPSession): Promise<number> {
  const { processInfo } = (await browserSession.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  let total = 0;
  for (const each of processInfo.filter((info) => info.type === 'renderer')) {
    const status = readFileSync(`/proc/${each.id}/status`, 'utf8');
    total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  }
  return total;
}

const searchReady = (page: Page) => page.getByText(/^Searching [\d,]+ residents\.$/).waitFor({ timeout: 900_000 });

let station: Awaited<ReturnType<typeof startWorkstation>>;
try {
  station = await startWorkstation({ residents, port });
} catch (error) {
  console.error(`bench:footprint did not start: ${(error as Error).message}`);
  process.exit(1);
}
const { page, browser } = station;
try {
  const browserSession = await browser.newBrowserCDPSession();
  const pageSession = await page.context().newCDPSession(page);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor({ timeout: 120_000 });
  await page.keyboard.press('Alt+2');
  await searchReady(page);
  await whenIndexSaved(page);

  // What the page and the worker hold with the whole borough indexed and the index saved.
  const onPage = await liveMemory((method, params) => pageSession.send(method as 'Runtime.getHeapUsage', params));
  const inWorkers = await Promise.all((await workerSessions(browserSession)).map((worker) => liveMemory(worker)));
  const workerHeap = inWorkers.reduce((sum, each) => sum + each.heap, 0);
  const workerBuffers = inWorkers.reduce((sum, each) => sum + each.buffers, 0);
  report('renderer.memory_mb', (onPage.heap + onPage.buffers + workerHeap + workerBuffers) / MB, 1);
  console.error(
    `renderer memory at ${residents.toLocaleString('en-GB')} residents (MB): page JS heap ${(onPage.heap / MB).toFixed(1)}, page array buffers ${(onPage.buffers / MB).toFixed(1)}, ` +
      `${inWorkers.length} worker(s) JS heap ${(workerHeap / MB).toFixed(1)}, worker array buffers ${(workerBuffers / MB).toFixed(1)}`,
  );

  // Reload after reload, as an agent's day of sign-ins and refreshes: the first load's resident
  // memory against the fifth reload's, each measured with search ready again.
  // In the page itself, so the figure has none of the test driver's round trips in it: Alt+2
  // as soon as the first screen answers it, then a key into the search box the moment it is
  // there, counted when the box still holds it a frame later (performance.now() in the
  // reloaded document counts from its navigation's start).
  await page.addInitScript({ content: `window.__typedAt = ${typeIntoSearchAtOnce('s')};` });
  // Resident memory is read once the page and the worker have collected their garbage and
  // settled for a second: a reload's transient garbage is not memory kept from load to load.
  const settledRss = async () => {
    await pageSession.send('HeapProfiler.enable');
    await pageSession.send('HeapProfiler.collectGarbage');
    for (const worker of await workerSessions(browserSession)) await worker('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return rendererRss(browserSession);
  };
  const rss = [await settledRss()];
  const coldLoads: number[] = [];
  for (let reload = 1; reload <= RELOADS; reload += 1) {
    await page.reload({ waitUntil: 'commit' });
    coldLoads.push(await page.evaluate(() => (window as unknown as { __typedAt: Promise<number> }).__typedAt));
    await page.locator('input[aria-controls="resident-results"]').fill('');
    await searchReady(page);
    rss.push(await settledRss());
  }
  // The first reload loads the code and fonts from the server; the later ones are what an agent's
  // every start is: the median of the five is the figure.
  const sorted = [...coldLoads].sort((a, b) => a - b);
  report('renderer.cold_load_ms', sorted[Math.floor(sorted.length / 2)] ?? NaN, 0);
  const first = rss[0] ?? 0;
  report('renderer.rss_growth_mb', ((rss.at(-1) ?? 0) - first) / MB, 1);
  console.error(`cold loads (ms): ${coldLoads.map((ms) => ms.toFixed(0)).join(', ')}`);
  console.error(`renderer RSS (MB) after the first load and each reload: ${rss.map((bytes) => (bytes / MB).toFixed(0)).join(', ')}`);
} finally {
  await station.close();
}
