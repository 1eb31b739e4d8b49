import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readSealedRows } from './support/sealed-storage';

const secret = process.env.CIVICDESK_LOOPBACK_SECRET ?? '';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

const todayInLondon = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

async function openScript(page: Page, words: string, title: string) {
  await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Call scripts' }).click();
  const search = page.getByLabel('Search call scripts');
  await search.fill(words);
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

test('a simulated call: missed bin to a case with its due date, a gas smell to an emergency, then wrap-up', async ({ page }) => {
  await page.goto(`/#secret=${secret}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: 'Simulate an incoming call' }).click();
  const callPanel = page.getByTestId('call-panel');
  await expect(callPanel).toContainText(/On a call with 0/);

  // Missed bin, answered by keyboard.
  await openScript(page, 'missed bin', 'Missed bin collection');
  await expect(page.getByTestId('runner-standard')).toHaveText(/^If a case is raised, tell the resident: Missed bin collection, due \w+day \d+ \w+ \d{4}\.$/);
  await expectNoAxeViolations(page);
  await page.getByLabel('First line of the address').fill('12 Camberwell Grove');
  await page.getByLabel('Postcode').fill('se58rs');
  await page.getByLabel('Postcode').press('Enter');
  await expect(page.getByText('Which bin was not emptied?')).toBeVisible();
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  // Typed as the caller says it, day first; read back before it is taken.
  const date = page.getByLabel('Date (day first, as the caller says it)');
  await date.fill(todayInLondon().split('-').reverse().join('/'));
  await expect(page.getByText(/^Read as \w+day \d+ \w+ \d{4}$/)).toBeVisible();
  await date.press('Enter');
  await expect(page.getByText('Was the bin out by 6am on the collection day, at the usual place?')).toBeVisible();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  const caseOutcome = page.getByTestId('outcome-case');
  await expect(caseOutcome).toContainText('Case drafted');
  await expect(caseOutcome).toContainText('Mixed recycling (blue bin)');
  await expect(caseOutcome).toContainText('SE5 8RS');
  await expect(caseOutcome.getByTestId('case-due')).toHaveText(/^\w+day \d+ \w+ \d{4}$/);
  await expect(caseOutcome.getByTestId('online-route')).toContainText('Report a missed bin collection online');
  await expectNoAxeViolations(page);

  // Housing repair: a gas smell stops the script with the emergency steps.
  await page.getByRole('button', { name: 'Choose another script' }).click();
  await openScript(page, 'gas smell', 'Housing repair');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  const emergency = page.getByTestId('outcome-emergency');
  await expect(emergency).toContainText('Emergency: Caller can smell gas at the property.');
  await expect(emergency).toContainText('0800 111 999');
  await expect(page.getByRole('button', { name: 'Continue (Enter)' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Wrap-up cannot be dismissed; it is saved.
  await callPanel.getByRole('button', { name: 'End call and wrap up' }).click();
  const wrapUp = page.getByRole('dialog', { name: 'Wrap up this call' });
  await expect(wrapUp).toBeVisible();
  await expect(wrapUp.getByLabel('Outcome of the call')).toHaveValue('emergency');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(wrapUp).toBeVisible();
  await wrapUp.getByRole('radiogroup', { name: 'Was it resolved at first contact?' }).getByLabel('No').check();
  await wrapUp.getByRole('radiogroup', { name: 'Could this have been done online?' }).getByLabel('No').check();
  await wrapUp.getByRole('radiogroup', { name: 'Was the resident offered the chance to give feedback?' }).getByLabel('No').check();
  await expect(wrapUp.getByRole('radiogroup', { name: 'Was the online route offered?' }).getByLabel('Yes')).toBeChecked();
  await wrapUp.getByRole('button', { name: 'Save wrap-up' }).click();
  await expect(wrapUp).toBeHidden();
  await expect(callPanel).toBeHidden();

  // The drafted case survives a reload (it is in IndexedDB); the finished call does not come back.
  await page.reload();
  await expect(page.getByTestId('training-banner')).toBeVisible();
  const stored = { drafts: (await readSealedRows(page, 'caseDrafts')).length, done: (await readSealedRows(page, 'interactions')).filter((each) => each.status === 'done').length };
  expect(stored).toEqual({ drafts: 1, done: 1 });
});
