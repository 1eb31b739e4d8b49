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
