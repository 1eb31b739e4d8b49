import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext } from '@playwright/test';
import { callerBundle, endCallAndWrapUp, openWorkstation, passIdentityCheck, place, takeSimulatedCall } from './support/contact';
import { trainingBorough } from './support/training-borough';

const { bundles } = trainingBorough();

/** A browser with a profile folder of its own on disk, as a council PC's Chromium keeps one. */
async function browserWithProfile(profile: string, baseURL: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    baseURL,
    viewport: { width: 1366, height: 900 },
    reducedMotion: 'reduce',
  });
}

/** Every file under a folder, as bytes. */
async function filesUnder(folder: string): Promise<Buffer[]> {
  const found: Buffer[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(await readFile(path.join(entry.parentPath, entry.name)));
  }
  return found;
}

/** Whether any file holds the text, as Chromium might write it: one byte a character, or two. */
const holds = (files: readonly Buffer[], text: string) =>
  files.some((bytes) => bytes.includes(Buffer.from(text, 'latin1')) || bytes.includes(Buffer.from(text, 'utf16le')));

test('a copied IndexedDB folder, after a training call and a case, shows none of the resident’s name, address or phone; with the key it opens', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const work = await mkdtemp(path.join(os.tmpdir(), 'civicdesk-sealed-'));
  try {
    const profile = path.join(work, 'profile');
    const context = await browserWithProfile(profile, baseURL as string);
    const page = context.pages()[0] ?? (await context.newPage());
    await openWorkstation(page);
    const caller = await takeSimulatedCall(page);
    await passIdentityCheck(page, caller);
    const { resident, household } = callerBundle(bundles, caller);
    const phone = resident.contact.phones[0]?.number ?? '';
    // The 360 view on screen, with the phone and address the snapshot keeps.
    await expect(page.getByTestId('resident-name')).toHaveText(caller.name);

    const summary = `Missed food waste at ${household.address.line1}`;
    await page.keyboard.press('Alt+Shift+C');
    await expect(page.getByRole('heading', { level: 2, name: 'Case details' })).toBeVisible();
    await page.getByLabel('Service', { exact: true }).selectOption('waste');
    await page.getByLabel('Type of case').selectOption('missed-bin');
    await page.getByLabel('Summary').fill(summary);
    await page.getByLabel('Description').fill(`${caller.name} says the caddy at ${household.address.line1} was missed; call back on ${phone}.`);
    await page.getByLabel('Where', { exact: true }).fill(household.address.line1);
    await page.getByLabel('Postcode', { exact: true }).fill(household.address.postcode);
    await page.getByRole('button', { name: 'Send the case' }).click();
    await expect(page.getByTestId('confirmation-reference')).toBeVisible();
    await endCallAndWrapUp(page);

    // The control: the same kind of text, written unsealed to IndexedDB by the same page, must be
    // found by the same search, or a "not found" below would prove nothing.
    const reversed = (text: string) => [...text].reverse().join('');
    const control = `${reversed(caller.name)}, ${reversed(household.address.line1)} (control)`;
    await page.evaluate(
      (text) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('control-unsealed', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('notes');
          request.onsuccess = () => {
            const transaction = request.result.transaction('notes', 'readwrite', { durability: 'strict' });
            transaction.objectStore('notes').put({ text }, 1);
            transaction.oncomplete = () => resolve();
            transaction.onerror = () => reject(transaction.error ?? new Error('control not written'));
          };
        }),
      control,
    );
    await context.close();

    const copied = path.join(work, 'copy', 'Default', 'IndexedDB');
    await cp(path.join(profile, 'Default', 'IndexedDB'), copied, { recursive: true });
    const files = await filesUnder(copied);
    expect(holds(files, control)).toBe(true);
    for (const text of [caller.name, resident.familyName, household.address.line1, phone]) expect(holds(files, text), `"${text}" is readable in the copied folder`).toBe(false);

    // With the key (main hands it to the same officer), the copy opens: the case is there.
    const reopened = await browserWithProfile(path.join(work, 'copy'), baseURL as string);
    const again = reopened.pages()[0] ?? (await reopened.newPage());
    await openWorkstation(again);
    await place(again, 'Cases').click();
    await again.getByRole('tab', { name: 'Sent (1)' }).click();
    await expect(again.getByText(summary).first()).toBeVisible();
    await reopened.close();
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
