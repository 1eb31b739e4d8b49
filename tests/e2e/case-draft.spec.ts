import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const secret = process.env.CIVICDESK_LOOPBACK_SECRET ?? '';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

// Typed as a person would, with the characters that trip up careless code: quotes, dashes, accents, emoji, new lines.
const DESCRIPTION = 'Bin lid cracked – crew said “not ours”.\nResident (Zoë) asked twice; 12½% of bags split 🙁';

test('a draft typed into the case form survives a reload character for character, cursor included', async ({ page }) => {
  await page.goto(`/#secret=${secret}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('button', { name: 'New case' }).click();

  // Sending an empty form: each problem is named, and the page stays accessible with the errors shown.
  await page.getByRole('button', { name: 'Send the case' }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Anonymous report').check();
  await page.getByLabel('Summary').pressSequentially('Lid cracked, bags split');
  const description = page.getByLabel('Description');
  await description.click();
  await description.pressSequentially(DESCRIPTION);
  // Leave the caret part-way through, where the person stopped.
  await description.press('Home');
  await expect(page.getByText(/^Saved at \d\d:\d\d$/)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('button', { name: 'Continue the draft: Lid cracked, bags split' }).click();
  await expect(page.getByLabel('Description')).toHaveValue(DESCRIPTION);
  await expect(page.getByLabel('Summary')).toHaveValue('Lid cracked, bags split');
  await expect(page.getByLabel('Anonymous report')).toBeChecked();
  await expect(page.getByLabel('Description')).toBeFocused();
  const caret = await page.getByLabel('Description').evaluate((field: HTMLTextAreaElement) => field.selectionStart);
  expect(caret).toBe(DESCRIPTION.lastIndexOf('\n') + 1);
});
