import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { trainingBorough } from './support/training-borough';

/**
 * A new PC: a fresh browser profile whose copy of the resident directory is still arriving
 * shows how far it has got (in words and as a progress bar), and still finds a resident by
 * surname, from the council's system (Dataverse search, the training stand-in's) rather than
 * the copy, marked as such. The host slows one training officer's directory pages (see
 * playwright.config.ts: CIVICDESK_TRAINING_SLOW_DIRECTORY), so the copy stays incomplete for
 * as long as the test needs, while every other test's directory arrives at full speed.
 */
const { header, bundles } = trainingBorough();
const secret = process.env.CIVICDESK_LOOPBACK_SECRET ?? '';
const slowed = /^(\d+):(stf-\d{3})$/.exec(process.env.CIVICDESK_TRAINING_SLOW_DIRECTORY ?? '');
const slowedOfficer = header.staff.find((member) => member.id === slowed?.[2]);

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

// A surname only one resident has, of letters alone (what Dataverse search is asked by).
const counts = new Map<string, number>();
for (const { resident } of bundles) counts.set(resident.familyName, (counts.get(resident.familyName) ?? 0) + 1);
const wanted = bundles.map((bundle) => bundle.resident).find((resident) => /^[A-Za-z]{5,}$/.test(resident.familyName) && counts.get(resident.familyName) === 1);

test('a fresh profile shows the first start’s progress and finds a resident by surname before the copy is complete', async ({ page }) => {
  if (!slowed || !slowedOfficer) throw new Error('CIVICDESK_TRAINING_SLOW_DIRECTORY names no training officer: run through playwright.config.ts');
  if (!wanted) throw new Error('The training borough has no surname held by one resident alone.');
  await page.goto(`/#secret=${secret}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // Who acts is main's, shared by every test: whoever it was acts again at the end.
  const before = await page.getByLabel('Acting as').inputValue();
  const beforeName = await page.getByTestId('status-user').innerText();
  try {
    // The slowed officer has no directory on this computer yet: their first start begins.
    await page.getByLabel('Acting as').selectOption(slowedOfficer.id);
    await expect(page.getByTestId('status-user')).toHaveText(`Signed in as ${slowedOfficer.displayName}`);
    await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Search' }).click();

    // The progress of the first start, in words and as a progress bar.
    const progress = page.getByRole('progressbar');
    await expect(progress).toBeVisible();
    await expect(page.getByText(/Getting the resident directory|Preparing search|Searching [\d,]+ of [\d,]+ residents/)).toBeVisible();

    await page.getByLabel('Find a resident').fill(wanted.familyName);
    const results = page.getByTestId('resident-results');
    const found = results.getByRole('button', { name: new RegExp(`${wanted.givenName} ${wanted.familyName}`) });
    await expect(found).toBeVisible();
    // Marked in words, not by colour alone: it is not on this computer yet.
    await expect(found).toContainText('From the council’s system (not yet on this computer)');
    // Before the identity check, what the council's policy allows: the year of birth.
    await expect(found).toContainText(`Born ${wanted.dateOfBirth.slice(0, 4)} (age`);
    // And the copy is still incomplete: the progress is still there.
    await expect(progress).toBeVisible();
    await expect(page.getByText(/Searching [\d,]+ residents\./)).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Opening it works like any other result: the record, behind the identity check.
    await found.click();
    await expect(page.getByTestId('resident-name')).toHaveText(`${wanted.givenName} ${wanted.familyName}`);
  } finally {
    await page.getByLabel('Acting as').selectOption(before);
    await expect(page.getByTestId('status-user')).toHaveText(beforeName);
  }
});

/** The first bytes of the saved index's first part as IndexedDB holds it (its seal's IV, new at every save), or null before it is saved. */
const savedIndexSeal = (page: Page) =>
  page.evaluate(async () => {
    const name = (await indexedDB.databases()).find((each) => each.name?.startsWith('civicdesk-directory-'))?.name;
    if (!name) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open(name);
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    try {
      if (!db.objectStoreNames.contains('indexParts')) return null;
      const row = await new Promise<{ sealed: Blob } | undefined>((resolve, reject) => {
        const get = db.transaction('indexParts').objectStore('indexParts').get(0);
        get.onsuccess = () => resolve(get.result as { sealed: Blob } | undefined);
        get.onerror = () => reject(get.error);
      });
      // The first chunk's IV (after the part's length and the chunk's), new at every save.
      return row ? [...new Uint8Array(await row.sealed.slice(8, 20).arrayBuffer())].join(',') : null;
    } finally {
      db.close();
    }
  });

test('a later start opens the index saved at the first, in the lanes that open it, and searches it at once', async ({ page }) => {
  await page.goto(`/#secret=${secret}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // Alt+2 at once: the shortcut is listened for as the frame is drawn, even on a busy first start.
  await page.keyboard.press('Alt+2');
  // A fresh profile: this is the first start, the whole copy arriving and indexed, which on a
  // busy two-core machine takes longer than an ordinary wait.
  await expect(page.getByText(/^Searching [\d,]+ residents\.$/)).toBeVisible({ timeout: 30_000 });
  // The worker saves the whole index after handing it over.
  await expect.poll(() => savedIndexSeal(page), { timeout: 15_000 }).not.toBeNull();
  const saved = await savedIndexSeal(page);

  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // Alt+2 at once: the shortcut is listened for as the frame is drawn, even on a busy first start.
  await page.keyboard.press('Alt+2');
  // How soon is bench:firststart's to measure; here, only that it opens rather than rebuilds.
  await expect(page.getByText(/^Searching [\d,]+ residents\.$/)).toBeVisible({ timeout: 10_000 });
  const resident = bundles[0]!.resident;
  await page.getByLabel('Find a resident').fill(`${resident.givenName} ${resident.familyName}`);
  await expect(page.getByTestId('resident-results').getByRole('button', { name: new RegExp(`${resident.givenName} ${resident.familyName}`) }).first()).toBeVisible();
  // Opened, not rebuilt: a rebuild would have saved the index again, under a new seal, within
  // a few hundred milliseconds of the results at this size; a second later it is the same.
  expect(workers.some((url) => url.includes('index-part.worker'))).toBe(true);
  await page.waitForTimeout(1_000);
  expect(await savedIndexSeal(page)).toBe(saved);
});
