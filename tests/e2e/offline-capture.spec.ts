import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { casesTitled } from './support/back-office';
import { officerKey, writeSealedRows } from './support/sealed-storage';

const secret = process.env.CIVICDESK_LOOPBACK_SECRET ?? '';

// A real 1x1 PNG: the photo each case carries.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');

async function openWorkstation(page: Page) {
  await page.goto(`/#secret=${secret}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // The offline shell must be in place before the network goes, or a reload could not open.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

const status = (page: Page) => page.getByRole('contentinfo', { name: 'Status' });

async function captureCase(page: Page, summary: string) {
  await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: /Cases/ }).click();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Anonymous report').check();
  await page.getByLabel('Service', { exact: true }).selectOption('waste');
  await page.getByLabel('Type of case').selectOption('missed-bin');
  await page.getByLabel('Summary').fill(summary);
  await page.getByLabel('Description').fill('Green recycling bin not emptied on the usual day.');
  await page.getByLabel('Where', { exact: true }).fill('Outside 12 Camberwell Grove');
  await page.getByLabel('Postcode').fill('SE5 8RS');
  await page.getByTestId('evidence-input').setInputFiles({ name: `${summary}.png`, mimeType: 'image/png', buffer: PHOTO });
  await expect(page.getByRole('list', { name: 'Added photos and documents' })).toContainText(`${summary}.png`);
  await page.getByRole('button', { name: 'Send the case' }).click();
  await expect(page.getByText(`“${summary}” is waiting to send;`, { exact: false })).toBeVisible();
}

test('offline: three cases with a photo each survive a reload, then reach Dataverse exactly once', async ({ page, context }) => {
  await openWorkstation(page);
  await expect(status(page).getByTestId('status-network')).toHaveText('Online');
  const run = randomUUID().slice(0, 8);
  const summaries = [1, 2, 3].map((n) => `Offline missed bin ${run} ${n}`);

  await context.setOffline(true);
  await expect(status(page).getByTestId('status-network')).toHaveText("Offline (the council's system can't be reached)");
  for (const summary of summaries) await captureCase(page, summary);
  await expect(status(page).getByTestId('status-sync')).toHaveText('3 cases waiting to send');
  await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze().then((results) => expect(results.violations.map((each) => each.id)).toEqual([]));

  // A reload with the network still down: the app opens from its kept files and the cases are still waiting.
  await page.reload();
  await expect(status(page).getByTestId('status-sync')).toHaveText('3 cases waiting to send');
  await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: /Cases/ }).click();
  await page.getByRole('tab', { name: /Waiting to send/ }).click();
  for (const summary of summaries) await expect(page.getByRole('cell', { name: summary, exact: true })).toBeVisible();
  expect(await casesTitled(summaries[0] ?? '')).toEqual([]);

  await context.setOffline(false);
  await expect(status(page).getByTestId('status-network')).toHaveText('Online', { timeout: 20_000 });
  await expect(status(page).getByTestId('status-sync')).toHaveText('All cases sent', { timeout: 20_000 });
  await expect(status(page).getByTestId('status-last-sync')).toHaveText(/^Last sent \d\d:\d\d$/);
  for (const summary of summaries) {
    const stored = await casesTitled(summary);
    expect(stored, summary).toHaveLength(1);
    expect(stored[0]?.attachments).toEqual([`${summary}.png`]);
  }
});

/** Puts cases straight into this page's outbox, sealed, as if submitted earlier: 200 through the form would take minutes. */
async function seedOutbox(page: Page, summary: string, count: number, officer: Awaited<ReturnType<typeof officerKey>>): Promise<string[]> {
  const at = new Date().toISOString();
  const today = at.slice(0, 10);
  const ids = Array.from({ length: count }, () => randomUUID());
  await writeSealedRows(
    page,
    ids.flatMap((id, index) => {
      const content = {
        id,
        interactionId: null,
        residentId: null,
        residentName: null,
        anonymous: true,
        service: 'waste',
        category: 'missed-bin',
        priority: 'routine',
        serviceStandard: 'missed-bin',
        receivedOn: today,
        dueOn: today,
        summary,
        description: `Case ${index + 1} of ${count}`,
        location: 'Outside 12 Camberwell Grove',
        postcode: 'SE5 8RS',
        contactPreference: 'no-contact',
        fields: [],
        attachmentIds: [],
        source: null,
      };
      return [
        { table: 'cases', clear: ['id', 'syncState', 'submittedAt'], row: { id, content, submittedAt: at, submittedBy: null, syncState: 'waiting', etag: null, reference: null, sentAt: null, problem: null, theirs: null, theirEtag: null } },
        { table: 'outbox', clear: ['id', 'queuedAt'], row: { id, operation: 'create', queuedAt: new Date(Date.parse(at) + index).toISOString(), attempts: 0, notBefore: null, held: false, lastError: null } },
      ];
    }),
    officer,
  );
  return ids;
}

test('closing the page in the middle of sending 200 cases: each is in Dataverse exactly once and nothing is left waiting', async ({ page, context }) => {
  await openWorkstation(page);
  await expect(status(page).getByTestId('status-sync')).toHaveText('All cases sent');
  const summary = `Bulk missed bin ${randomUUID().slice(0, 8)}`;
  // Offline while the outbox is filled, so nothing goes before the page is reloaded to start the sending.
  const officer = await officerKey(page);
  await context.setOffline(true);
  const ids = await seedOutbox(page, summary, 200, officer);
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // Close as soon as some, but not all, have been sent.
  await page.waitForFunction(
    () => {
      const text = document.querySelector('[data-testid="status-sync"]')?.textContent ?? '';
      const waiting = Number(/^(\d+) cases? waiting/.exec(text)?.[1] ?? 'NaN');
      return waiting > 0 && waiting < 200;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  await page.close();

  const reopened = await context.newPage();
  await reopened.goto(`/#secret=${secret}`);
  await expect(reopened.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(status(reopened).getByTestId('status-sync')).toHaveText('All cases sent', { timeout: 30_000 });
  const stored = await casesTitled(summary);
  expect(stored).toHaveLength(200);
  expect(new Set(stored.map((each) => each.id))).toEqual(new Set(ids.map((id) => id.toLowerCase())));
});
