import { expect, test } from '@playwright/test';
import { howToHearBack } from '../../shared/domain/case-draft';
import { readRows } from './support/back-office';
import { answerMissedBin, callerBundle, expectNoAxeViolations, openWorkstation, passIdentityCheck, takeSimulatedCall } from './support/contact';
import { trainingBorough } from './support/training-borough';

const { bundles } = trainingBorough();
const PREFERENCE_LABELS = { phone: 'Phone', email: 'Email', text: 'Text message', letter: 'Letter', 'no-contact': 'No contact' } as const;

test.use({ viewport: { width: 1366, height: 768 } });

test('a missed bin run to a case: the form arrives filled, is sent, and the 360 view shows it at once with its reference', async ({ page }) => {
  test.setTimeout(120_000);
  await openWorkstation(page);
  const caller = await takeSimulatedCall(page);
  await passIdentityCheck(page, caller);
  const bundle = callerBundle(bundles, caller);
  const { address } = bundle.household;

  // The script, by keyboard, beside the resident's summary.
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { level: 1, name: 'Call scripts' })).toBeFocused();
  const search = page.getByLabel('Search call scripts');
  await search.fill('missed bin');
  await search.press('Enter');
  const runner = page.getByRole('region', { name: 'Missed bin collection' });
  const summary = page.getByTestId('resident-summary');
  await expect(summary).toContainText(`About ${caller.name}`);
  const [runnerBox, summaryBox] = [await runner.boundingBox(), await summary.boundingBox()];
  // Side by side at 1366 pixels: the summary to the right of the script, not under it.
  expect(summaryBox && runnerBox && summaryBox.x > runnerBox.x + runnerBox.width - 1).toBe(true);
  await expect(page.getByTestId('runner-progress')).toHaveText(/^Step 1 of about [4-9]$/);
  await expectNoAxeViolations(page);

  await answerMissedBin(page, address);
  await page.getByRole('button', { name: 'Review and send the case' }).click();

  // Typed once: the resident, how they want to hear back, where, and what the script took down.
  await expect(page.getByRole('heading', { level: 2, name: 'Case details' })).toBeVisible();
  await expect(page.getByTestId('case-resident')).toContainText(`For ${caller.name}`);
  const preference = PREFERENCE_LABELS[howToHearBack(bundle.resident)];
  await expect(page.getByRole('radiogroup', { name: 'How does the resident want to hear back?' }).getByLabel(preference)).toBeChecked();
  await expect(page.getByLabel('Where', { exact: true })).toHaveValue(address.line1);
  await expect(page.getByLabel('Postcode', { exact: true })).toHaveValue(address.postcode);
  await expect(page.getByLabel('Description')).toHaveValue(/Mixed recycling \(blue bin\)/);
  await expect(page.getByLabel('Summary')).toHaveValue(/^Missed Mixed recycling \(blue bin\) collection at /);
  await expect(page.getByTestId('beside-resident')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Summary').press('Control+Enter');

  const reference = page.getByTestId('confirmation-reference');
  await expect(reference).toHaveText(/^Give the resident the reference CD-\d{6}-[0-9A-Z]{6}\.$/);
  const given = /CD-\d{6}-[0-9A-Z]{6}/.exec((await reference.textContent()) ?? '')?.[0] as string;

  // The 360 view shows it at once, with that reference, raised on this call.
  await page.keyboard.press('Alt+3');
  const raised = page.getByTestId('open-cases').getByTestId('case-raised-here');
  await expect(raised).toContainText(given);
  await expect(raised.getByTestId('case-sending')).toHaveText(/raised on this call, (waiting to send|sent)/);
  await expect(page.getByTestId('call-panel').getByTestId('header-cases')).toHaveText(/^\d+ open cases?$/);
  // The call in hand heads the contact history, with what it has come to so far.
  await expect(page.getByTestId('timeline-now')).toHaveText(/^Now: Phone, in progress · So far: Missed Mixed recycling \(blue bin\) collection at /);
  // In full, with its history once the council's system has it.
  await expect(raised.getByTestId('case-sending')).toHaveText(/raised on this call, sent/, { timeout: 20_000 });
  await raised.getByRole('button', { name: new RegExp(`^Open case ${given} in full`) }).click();
  const history = page.getByRole('dialog', { name: `Case ${given}` });
  await expect(history.getByTestId('case-history')).toContainText('Answers given when the case was raised');
  await expectNoAxeViolations(page);
  await history.getByRole('button', { name: 'Close' }).click();
  await expect(history).toBeHidden();
  // Back on the button that opened it.
  await expect(raised.getByRole('button', { name: new RegExp(`^Open case ${given} in full`) })).toBeFocused();

  // Dataverse keeps the reference the resident was given.
  const [incident] = await readRows(`incidents?$select=incidentid,cd_reference,title&$filter=cd_reference eq '${given}'`);
  expect(incident).toMatchObject({ cd_reference: given });
});
