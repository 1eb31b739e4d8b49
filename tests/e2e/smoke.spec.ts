import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const secret = process.env.CIVICDESK_LOOPBACK_SECRET ?? '';

async function openWorkstation(page: Page) {
  await page.goto(`/#secret=${secret}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('opens in training mode with the banner, the frame and the status bar', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await openWorkstation(page);
  await expect(page.getByTestId('training-banner')).toContainText('TRAINING');
  // The places an officer's role has: a team leader's include the Team and Tenant readiness places. (Who is acting
  // is main's, shared by every test, so each role is chosen here.)
  const places = page.getByRole('navigation', { name: 'Places' }).getByRole('button');
  const before = await page.getByLabel('Acting as').inputValue();
  const beforeName = await page.getByTestId('status-user').innerText();
  const actAs = async (role: string) => {
    const option = page.getByLabel('Acting as').locator('option', { hasText: `(${role},` }).first();
    await page.getByLabel('Acting as').selectOption((await option.getAttribute('value')) ?? '');
    await expect(page.getByTestId('status-user')).toHaveText(`Signed in as ${(await option.innerText()).split(' (')[0] ?? ''}`);
  };
  await actAs('Contact centre agent');
  await expect(places).toHaveCount(10);
  await expect(places.filter({ hasText: 'Team' })).toHaveCount(0);
  await expect(places.last()).toHaveText('Email');
  await actAs('Team leader');
  // Team has the last shortcut; Tenant readiness, for the team leader an administrator signs in as, Callbacks and Email come after it without one.
  await expect(places).toHaveCount(12);
  await expect(places.filter({ hasText: 'Team' }).first()).toHaveText('TeamAlt+9');
  await expect(places.nth(9)).toHaveText('Tenant readiness');
  await expect(places.last()).toHaveText('Email');
  // Whoever was acting before acts again, for the tests after this one.
  // Main has taken the change before the next test starts (a change mid-call would end its call).
  await page.getByLabel('Acting as').selectOption(before);
  await expect(page.getByTestId('status-user')).toHaveText(beforeName);
  const status = page.getByRole('contentinfo', { name: 'Status' });
  await expect(status.getByTestId('status-mode')).toHaveText('Training mode');
  await expect(status.getByTestId('status-user')).toHaveText(/^Signed in as \S+/);
  await expect(status.getByTestId('status-network')).toHaveText('Online');
  await expect(status.getByTestId('status-sync')).toHaveText('All cases sent');
  // The summary comes from the real training data through the real core.
  await expect(page.getByTestId('training-summary')).toContainText('2,000 residents');
  // The secret has been taken out of the address bar.
  expect(new URL(page.url()).hash).toBe('');
  // No CSP refusals, missing files or script errors on the way.
  expect(consoleErrors).toEqual([]);
});

test('has no accessibility violations, in standard and high contrast', async ({ page }) => {
  await openWorkstation(page);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'High contrast: off' }).click();
  await expect(page.getByRole('button', { name: 'High contrast: on' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('works by keyboard alone, with a visible focus ring', async ({ page }) => {
  await openWorkstation(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  // Every control along the way shows a focus ring, on itself or on the field's frame.
  for (let step = 0; step < 8; step += 1) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement;
      const style = getComputedStyle(focused.closest('.Mui-focused') ?? focused);
      return { name: focused.textContent || focused.getAttribute('aria-label') || focused.tagName, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(ring.outline, `focus ring on ${ring.name}`).toBe('solid');
    expect(ring.width).toBe('3px');
  }
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeFocused();
});

test('survives 200% zoom: nothing cut off, no sideways scrolling', async ({ page }) => {
  // 1280x720 at 200% zoom is a 640x360 viewport of CSS pixels.
  await page.setViewportSize({ width: 640, height: 360 });
  await openWorkstation(page);
  await expect(page.getByTestId('training-banner')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
});

test('keeps the bridge closed to a page without the secret', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'CivicDesk cannot reach its local service' })).toBeVisible();
});

test('stays on the same session after a reload', async ({ page }) => {
  await openWorkstation(page);
  await page.reload();
  await expect(page.getByTestId('training-banner')).toBeVisible();
  await expect(page.getByTestId('status-mode')).toHaveText('Training mode');
});
