import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, keepTheActingOfficer, openWorkstation, passIdentityCheck, place, saveWrapUp, takeSimulatedCall } from './support/contact';

/** renderer/lock/idle-allowance.ts: training's per-tab idle time, so the test waits seconds, not minutes. */
const TRAINING_IDLE_SECONDS_KEY = 'civicdesk.training.idleLockSeconds';

const SUMMARY = 'Fridge left on the pavement – “since Tuesday”';
const DESCRIPTION = 'Outside the side gate.\nResident (Zoë) says it blocks the buggy ramp 🙁';

/**
 * Where the focus is: inside the lock screen, and showing the theme's 3-pixel outline, on the
 * control itself or (for a select) on the box MUI draws around it.
 */
const focusInLock = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const outlined = (node: Element | null | undefined) => {
      if (!node) return false;
      const style = getComputedStyle(node);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    };
    return {
      inLock: Boolean(element?.closest('[data-testid="lock-screen"]')),
      ring: outlined(element) || outlined(element?.closest('.MuiOutlinedInput-root.Mui-focused')),
      what: `${element?.tagName ?? 'nothing'} ${element?.textContent?.trim().slice(0, 40) ?? ''}`,
    };
  });

keepTheActingOfficer();

test('after 3 seconds idle the lock covers the resident on both screens, and the same officer resumes to the draft exactly', async ({ page, context }) => {
  test.setTimeout(120_000);
  await openWorkstation(page);
  const officer = ((await page.getByTestId('status-user').innerText()).match(/Signed in as (.+)$/)?.[1] ?? '').trim();
  expect(officer).not.toBe('');

  // The resident's screen, open at the counter (a second page, as the browser host opens it).
  const customer = await context.newPage();
  await customer.goto('/?view=customer');
  await expect(customer.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();

  const caller = await takeSimulatedCall(page);
  await passIdentityCheck(page, caller);
  await page.keyboard.press('Alt+Shift+C');
  await expect(page.getByRole('heading', { level: 2, name: 'Case details' })).toBeVisible();
  const summary = page.getByLabel('Summary');
  await summary.fill('');
  await summary.pressSequentially(SUMMARY);
  const description = page.getByLabel('Description');
  await description.fill('');
  await description.pressSequentially(DESCRIPTION);
  await expect(page.getByTestId('header-name')).toHaveText(caller.name);

  // Training's idle time set to 3 seconds for this tab (live mode never reads it), then hands off: the lock.
  await page.evaluate((key) => window.sessionStorage.setItem(key, '3'), TRAINING_IDLE_SECONDS_KEY);
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible({ timeout: 10_000 });
  await expect(lock.getByRole('heading', { level: 1, name: 'CivicDesk is locked' })).toBeVisible();
  await expect(lock.getByTestId('lock-who')).toHaveText(new RegExp(`^Locked for ${officer} since \\d\\d:\\d\\d\\.$`));
  await expect(lock).toContainText('It locked itself after a while with nobody using it.');
  // Nothing of the resident to see or hear: not the page's text, not its title, not the customer screen.
  expect(await page.locator('body').innerText()).not.toContain(caller.name);
  expect(await page.title()).toBe('Locked: CivicDesk');
  await expect(page.getByTestId('header-name')).toBeHidden();
  await expect(customer.getByTestId('customer-locked')).toHaveText('Please wait: a member of staff will be with you soon.');
  await expectNoAxeViolations(page);

  // The focus starts on Resume, visibly, and Tab goes round the lock screen only.
  const resume = lock.getByRole('button', { name: `Resume as ${officer}` });
  await expect(resume).toBeFocused();
  expect(await focusInLock(page)).toMatchObject({ inLock: true, ring: true });
  for (let press = 0; press < 5; press += 1) {
    await page.keyboard.press('Tab');
    const focus = await focusInLock(page);
    expect(focus, `Tab ${press + 1} left the lock screen (${focus.what})`).toMatchObject({ inLock: true, ring: true });
  }
  await page.keyboard.press('Shift+Tab');
  expect((await focusInLock(page)).inLock).toBe(true);

  // A reload under the lock is still locked, and shows no resident either.
  const reloaded = await context.newPage();
  await reloaded.goto(`/#secret=${process.env.CIVICDESK_LOOPBACK_SECRET ?? ''}`);
  await expect(reloaded.getByTestId('lock-screen')).toBeVisible();
  expect(await reloaded.locator('body').innerText()).not.toContain(caller.name);
  await reloaded.close();

  // The same officer resumes (the quick training lock off first, so it does not lock again while we look).
  await page.evaluate((key) => window.sessionStorage.removeItem(key), TRAINING_IDLE_SECONDS_KEY);
  await resume.click();
  await expect(lock).toBeHidden();
  await expect(page.getByTestId('header-name')).toHaveText(caller.name);
  await expect(summary).toHaveValue(SUMMARY);
  await expect(description).toHaveValue(DESCRIPTION);
  await expect(description).toBeFocused();
  await expect(page.getByTestId('call-panel')).toContainText(/On a call with 0/);
  expect(await page.title()).toBe('CivicDesk');
  await expect(customer.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();
  await customer.close();
});

test('Ctrl+Alt+L locks; another officer switching in sees none of the first officer’s draft, which is waiting when they come back', async ({ page }) => {
  test.setTimeout(60_000);
  await openWorkstation(page);
  const picker = page.getByLabel('Acting as');
  const first = { id: await picker.inputValue(), name: ((await page.getByTestId('status-user').innerText()).match(/Signed in as (.+)$/)?.[1] ?? '').trim() };

  await place(page, 'Cases').click();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Anonymous report').check();
  await page.getByLabel('Summary').pressSequentially('Abandoned trolley by the lifts');
  await expect(page.getByText(/^Saved at \d\d:\d\d$/)).toBeVisible();

  await page.keyboard.press('Control+Alt+L');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  await expect(lock).toContainText('It was locked with Ctrl+Alt+L.');
  await expect(lock.getByRole('button', { name: `Resume as ${first.name}` })).toBeFocused();

  const who = lock.getByLabel('Who is taking over');
  const next = (await who.locator('option').first().innerText()).split(' (')[0] ?? '';
  await lock.getByRole('button', { name: 'Switch officer' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByTestId('status-user')).toHaveText(`Signed in as ${next}`);
  await place(page, 'Cases').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page.getByText('Abandoned trolley by the lifts')).toHaveCount(0);

  // The first officer comes back: their draft is there, as they left it.
  await picker.selectOption(first.id);
  await expect(page.getByTestId('status-user')).toHaveText(`Signed in as ${first.name}`);
  await place(page, 'Cases').click();
  await page.getByRole('button', { name: 'Continue the draft: Abandoned trolley by the lifts' }).click();
  await expect(page.getByLabel('Summary')).toHaveValue('Abandoned trolley by the lifts');
  await expect(page.getByLabel('Anonymous report')).toBeChecked();
});

test('locked in the middle of wrap-up: the dialog goes from the screen with the rest, and comes back as it was', async ({ page }) => {
  test.setTimeout(60_000);
  await openWorkstation(page);
  const caller = await takeSimulatedCall(page);
  await page.getByTestId('call-panel').getByRole('button', { name: 'End call and wrap up' }).click();
  const wrapUp = page.getByRole('dialog', { name: 'Wrap up this call' });
  await expect(wrapUp).toBeVisible();
  const outcome = wrapUp.getByLabel('Outcome of the call');
  await outcome.selectOption({ index: 1 });
  const chosen = await outcome.inputValue();

  await page.keyboard.press('Control+Alt+L');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  await expect(wrapUp).toBeHidden();
  expect(await page.locator('body').innerText()).not.toContain(caller.name);
  // The dialog's own focus trap does not take the focus back from the lock screen.
  const resume = lock.getByRole('button', { name: /^Resume as / });
  await expect(resume).toBeFocused();
  await page.keyboard.press('Tab');
  expect((await focusInLock(page)).inLock).toBe(true);
  await expectNoAxeViolations(page);

  await resume.click();
  await expect(lock).toBeHidden();
  await expect(wrapUp).toBeVisible();
  await expect(outcome).toHaveValue(chosen);
  await saveWrapUp(page);
});
