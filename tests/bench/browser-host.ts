import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Page } from '@playwright/test';
import { finishLoad, startLoad } from './load';

/**
 * Starts the browser host (the real main/core in training mode) and Debian's Chromium on the
 * real renderer, for benchmarks that measure what a person would wait for.
 */
export async function startWorkstation(options: { residents?: number; port: number; /** Run in the page before its own code, from the first navigation on. */ initScript?: string }): Promise<{ page: Page; browser: Browser; host: ChildProcess; secret: string; close(): Promise<void> }> {
  const secret = randomBytes(18).toString('base64url');
  startLoad();
  // A borough-scale training set (the generated data and the Dataverse stand-in's rows) needs
  // more than Node's default heap; these machines have 24 GiB.
  // The young generation as dev:browser gives it (README): a directory page dies young instead of piling up with the borough.
  const args = ['--max-old-space-size=12288', '--max-semi-space-size=64', '--import', 'tsx', 'main/loopback/start.ts', '--port', String(options.port), ...(options.residents ? ['--residents', String(options.residents)] : [])];
  const host = spawn(process.execPath, args, { env: { ...process.env, CIVICDESK_LOOPBACK_SECRET: secret, CIVICDESK_CONFIG: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let browser: Browser | null = null;
  // A host or browser that started is stopped again if the rest fails to start.
  try {
    await new Promise<void>((resolve, reject) => {
      const late = setTimeout(() => reject(new Error('the browser host was not ready, with all its training rows made, within 5 minutes')), 300_000);
      host.once('exit', (code) => (clearTimeout(late), reject(new Error(`the browser host stopped (${code}); run npm run build first`))));
      // Ready, and the training stand-in done making its rows while idle (main/loopback/start.ts):
      // that work is on the host's thread, where no council's Dataverse is, and would be in every figure.
      let ready = false;
      let made = false;
      host.stdout?.on('data', (chunk: Buffer) => {
        const text = String(chunk);
        ready ||= text.includes('is ready');
        made ||= text.includes('has made all its rows');
        if (!ready || !made) return;
        clearTimeout(late);
        resolve();
      });
    });
    browser = await launchChromium();
    const page = await openPage(browser, `http://127.0.0.1:${options.port}/#secret=${secret}`, options.initScript);
    const started = browser;
    return {
      page,
      browser: started,
      host,
      secret,
      async close() {
        finishLoad();
        await started.close();
        host.kill('SIGTERM');
      },
    };
  } catch (error) {
    await browser?.close();
    host.kill('SIGTERM');
    finishLoad();
    throw error;
  }
}

/** Debian's Chromium, headless, as the e2e tests run it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The workstation at 1366 × 900, with page errors on stderr. */
export async function openPage(browser: Browser, url: string, initScript?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  // tsx names functions with a helper the page does not have; the functions given to
  // page.evaluate need it defined there.
  await page.addInitScript({ content: 'window.__name = (target) => target;' });
  if (initScript) await page.addInitScript({ content: initScript });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(url);
  return page;
}

/**
 * A page script (for an init script) that acts as an officer does, each step the moment it can
 * be done: Alt+2 as soon as the first screen answers it (the shortcut is listened for once the
 * first screen's effects have run, a little after its heading is drawn, so it is pressed until
 * Search opens), then `text` into the search box the moment the box is there. Its value is a
 * promise of the page's time when the text went in, once the box still holds it a frame later.
 * From Node each step would wait for the test driver's polling and round trips (up to half a
 * second each), which are no part of the workstation's time.
 */
export function typeIntoSearchAtOnce(text: string): string {
  return `new Promise((resolve) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const check = () => {
      const box = document.querySelector('input[aria-controls="resident-results"]');
      if (!box || box.disabled) {
        const heading = document.querySelector('h1');
        if (heading && heading.textContent === 'Dashboard') (document.activeElement || document.body).dispatchEvent(new KeyboardEvent('keydown', { key: '2', code: 'Digit2', altKey: true, bubbles: true, cancelable: true }));
        return void setTimeout(check, 4);
      }
      const at = performance.now();
      box.focus();
      setValue.call(box, ${JSON.stringify(text)});
      box.dispatchEvent(new Event('input', { bubbles: true }));
      requestAnimationFrame(() => (box.isConnected && box.value === ${JSON.stringify(text)} ? resolve(at) : check()));
    };
    check();
  })`;
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

export { report } from './load';

/**
 * The page's clock when the directory's whole index is saved in IndexedDB: the worker saves
 * it after handing it over (renderer/residents/search-handler.ts), so from then on the page
 * searches one whole index, not the first start's segments, and a reopen opens it. Asked from
 * Node in a loop, each ask a quarter of a second apart.
 */
export async function whenIndexSaved(page: Page, timeoutMs = 300_000): Promise<number> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    const saved = await page.evaluate(async () => {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const name = (await indexedDB.databases()).find((each) => each.name?.startsWith('civicdesk-directory-'))?.name;
      if (!name) return false;
      return new Promise<number | false>((resolve) => {
        const open = indexedDB.open(name);
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          const done = (found: boolean) => (db.close(), resolve(found ? performance.now() : false));
          try {
            const count = db.transaction('index').objectStore('index').count();
            count.onsuccess = () => done(count.result > 0);
            count.onerror = () => done(false);
          } catch {
            done(false);
          }
        };
      });
    });
    if (saved !== false) return saved;
  }
  throw new Error(`the directory's index was not saved within ${timeoutMs / 1000} s`);
}
