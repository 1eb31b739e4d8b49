import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readSealedRows } from './support/sealed-storage';
import { trainingBorough } from './support/training-borough';

const { bundles } = trainingBorough();
const secret = process.env.CIVICDESK_LOOPBACK_SECRET ?? '';
const ETHIOPIC = /[\u1200-\u137F]/;

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A resident of the training borough who prefers this language, with a home to search by. */
function speakerOf(language: string) {
  const bundle = bundles.find((each) => each.resident.language.preferred === language && each.household);
  if (!bundle?.household) throw new Error(`nobody in the training borough prefers ${language}`);
  return { name: `${bundle.resident.givenName} ${bundle.resident.familyName}`, postcode: bundle.household.address.postcode };
}

/** By the places list rather than Alt+number: a shortcut pressed the moment the page shows can beat its listener. */
const goTo = (page: Page, place: string) => page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: place }).click();

async function openResident(page: Page, resident: { name: string; postcode: string }) {
  await goTo(page, 'Search');
  const search = page.getByLabel('Find a resident');
  await search.fill(`${resident.name} ${resident.postcode}`);
  await expect(page.getByTestId('resident-results').getByRole('button').first()).toContainText(resident.name);
  await search.press('Enter');
  await expect(page.getByTestId('resident-name')).toHaveText(resident.name);
}

test('a Tigrinya speaker: the banner at once, an interpreter recorded, phrases on the resident’s screen in Ethiopic; Arabic right to left', async ({ page, context }) => {
  // Two pages, two residents and seven accessibility scans: more than the default 30 s on a shared 2-core machine.
  test.setTimeout(120_000);
  await page.goto(`/#secret=${secret}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // Opening the resident brings the banner up by itself, before the identity check.
  const tigrinya = speakerOf('ti');
  await openResident(page, tigrinya);
  const banner = page.getByRole('region', { name: 'Language and interpreter needs' });
  await expect(banner.getByTestId('language-banner-summary')).toContainText(`${tigrinya.name} prefers Tigrinya (ትግርኛ)`);
  await expect(banner.locator('[lang="ti"]').first()).toHaveText(ETHIOPIC);
  await expect(page.getByText('Personal details are hidden until the identity check is passed.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Get an interpreter: the supplier's line, then who joined and when, recorded on the contact.
  await banner.getByRole('button', { name: 'Get an interpreter' }).click();
  const dialog = page.getByRole('dialog', { name: 'Get an interpreter' });
  await expect(dialog).toContainText('020 7946 0472');
  await dialog.getByLabel('Female').check();
  await dialog.getByLabel('Interpreter’s ID').fill('TI-40213');
  await dialog.getByRole('button', { name: 'Interpreter joined' }).click();
  await expect(dialog).toContainText('Interpreter on the line: recorded on this contact.');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Interpreter left' }).click();
  await expect(dialog).toContainText(/Recorded on this contact: \d+ minutes? with the interpreter\./);
  await dialog.getByRole('button', { name: 'Close' }).click();
  const recorded = (await readSealedRows(page, 'interactions')).flatMap((each) => (each.interpreterSessions as unknown[] | undefined) ?? []);
  expect(recorded).toEqual([expect.objectContaining({ language: 'ti', interpreterId: 'TI-40213', genderPreference: 'female', endedAt: expect.any(String) })]);

  // The resident's screen: a phrase in Tigrinya, in Ethiopic script, lang="ti".
  await goTo(page, 'Languages');
  await page.getByLabel('Find a language').fill('Tigrinya');
  await page.getByTestId('language-result-ti').click();
  await expectNoAxeViolations(page);
  const popup = page.waitForEvent('popup');
  await page.getByTestId('phrase-getting-interpreter').getByRole('button', { name: 'Show to the resident' }).click();
  const screen = await popup;
  const phrase = screen.getByTestId('customer-phrase');
  await expect(phrase).toHaveAttribute('lang', 'ti');
  await expect(phrase).toHaveText(ETHIOPIC);
  await expect(screen.getByTestId('unreviewed-notice')).toBeVisible();
  await expectNoAxeViolations(screen);

  // Arabic on the same screen: right to left.
  await page.getByLabel('Find a language').fill('Arabic');
  await page.getByTestId('language-result-ar').click();
  await page.getByTestId('phrase-getting-interpreter').getByRole('button', { name: 'Show to the resident' }).click();
  await expect(phrase).toHaveAttribute('lang', 'ar');
  await expect(phrase).toHaveAttribute('dir', 'rtl');
  await expectNoAxeViolations(screen);

  // "Point to your language" on the resident's screen: every entry in its own script.
  await page.getByRole('button', { name: 'Show to the resident' }).first().click();
  await expect(screen.locator('[lang="ti"]', { hasText: 'ትግርኛ' }).first()).toBeVisible();
  await expectNoAxeViolations(screen);
  expect(context.pages()).toHaveLength(2);

  // And an Arabic speaker's banner puts the prompts right to left.
  await page.bringToFront();
  await openResident(page, speakerOf('ar'));
  const arabic = page.getByRole('region', { name: 'Language and interpreter needs' });
  await expect(arabic.getByTestId('prompt-translation').first()).toHaveAttribute('dir', 'rtl');
  await expectNoAxeViolations(page);
});
