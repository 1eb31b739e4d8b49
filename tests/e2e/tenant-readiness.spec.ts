import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const secret = process.env.CIVICDESK_LOOPBACK_SECRET ?? '';
const status = (page: Page) => page.getByRole('contentinfo', { name: 'Status' });

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a team leader checks the training tenant from the app, by keyboard: every check passes, and the page is axe-clean', async ({ page }) => {
  // A sign-in, then a token per permission and the Dataverse and Teams look-ups.
  test.setTimeout(120_000);
  await page.goto(`/#secret=${secret}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // Who is acting is main's, shared by every test: a team leader for this one, then whoever it was.
  const actingAs = page.getByLabel('Acting as');
  const before = await actingAs.inputValue();
  const beforeName = await page.getByTestId('status-user').innerText();
  const leader = actingAs.locator('option', { hasText: '(Team leader,' }).first();
  await actingAs.selectOption((await leader.getAttribute('value')) ?? '');
  const leaderName = (await leader.innerText()).split(' (')[0] ?? '';
  await expect(page.getByTestId('status-user')).toHaveText(`Signed in as ${leaderName}`);

  // The checks are made as the officer signed in to Microsoft 365 now: sign in first.
  await status(page).getByRole('button', { name: 'Sign in to Microsoft 365' }).click();
  await expect(status(page)).toContainText(/Microsoft 365:\s?\S/, { timeout: 20_000 });

  await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Tenant readiness' }).click();
  const heading = page.getByRole('heading', { level: 1, name: 'Tenant readiness' });
  await expect(heading).toBeFocused();
  // The place loads when first visited: the heading has the focus at once, and the officer
  // waits for the place under it (its "Opening Tenant readiness…" goes) before going on.
  const run = page.getByRole('button', { name: 'Run the check' });
  await expect(run).toBeVisible();
  await expect(heading).toBeFocused();
  // Keyboard only from here: Tab reaches the button, Enter runs the check.
  await page.keyboard.press('Tab');
  await expect(run).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /checks passed/ })).toHaveText(/^All \d+ checks passed: this tenant is ready for CivicDesk\. This is the training tenant\.$/, { timeout: 60_000 });
  const checks = page.getByRole('list', { name: 'Readiness checks' }).getByRole('listitem');
  expect(await checks.count()).toBeGreaterThan(40);
  await expect(checks.filter({ hasText: 'not ready' })).toHaveCount(0);
  await expect(checks.filter({ hasText: 'not checked' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Put things back for the tests after this one.
  await status(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(status(page).getByRole('button', { name: 'Sign in to Microsoft 365' })).toBeVisible();
  await actingAs.selectOption(before);
  await expect(page.getByTestId('status-user')).toHaveText(beforeName);
});
