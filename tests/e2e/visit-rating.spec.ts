import { expect, test } from '@playwright/test';
import { rowIdFor } from '../../main/core/training/dataverse/row-ids';
import { readRows } from './support/back-office';
import { expectNoAxeViolations, keepTheActingOfficer, openWorkstation, place } from './support/contact';
import { trainingBorough } from './support/training-borough';

keepTheActingOfficer();

const { header, bundles } = trainingBorough();
const ETHIOPIC = /[\u1200-\u137F]/;
const officer = header.staff.find((staff) => staff.role === 'service-point-officer');
const speaker = bundles.find((each) => each.resident.language.preferred === 'ti' && each.household);

test('a visit: the resident rates it on their own screen in Tigrinya, and their rating reaches Dataverse on the visit', async ({ page }) => {
  // Two pages and four accessibility scans on a shared 2-core machine.
  test.setTimeout(120_000);
  if (!officer || !speaker?.household) throw new Error('the training borough has no service-point officer or Tigrinya speaker');
  const name = `${speaker.resident.givenName} ${speaker.resident.familyName}`;
  await openWorkstation(page);
  await page.getByLabel('Acting as').selectOption(officer.id);
  await expect(page.getByTestId('status-user')).toContainText(officer.displayName);

  // At the counter: the resident found, an interpreter on the line, which starts the visit.
  await place(page, 'Search').click();
  const search = page.getByLabel('Find a resident');
  await search.fill(`${name} ${speaker.household.address.postcode}`);
  await expect(page.getByTestId('resident-results').getByRole('button').first()).toContainText(name);
  await search.press('Enter');
  // The first open after the officer changed: twice on CI the record took over 5 s to come
  // (never locally, where opens take at most 120 ms under load); the cause is not yet found.
  await expect(page.getByTestId('resident-name')).toHaveText(name, { timeout: 15_000 });
  const banner = page.getByRole('region', { name: 'Language and interpreter needs' });
  await banner.getByRole('button', { name: 'Get an interpreter' }).click();
  const interpreter = page.getByRole('dialog', { name: 'Get an interpreter' });
  await interpreter.getByLabel('Interpreter’s ID').fill('TI-40213');
  await interpreter.getByRole('button', { name: 'Interpreter joined' }).click();
  await interpreter.getByRole('button', { name: 'Interpreter left' }).click();
  await interpreter.getByRole('button', { name: 'Close' }).click();

  // Wrap-up in a visit's words, asking the resident on their screen.
  await page.getByRole('button', { name: 'End visit and wrap up' }).click();
  const wrapUp = page.getByRole('dialog', { name: 'Wrap up this visit' });
  await expect(wrapUp.getByLabel('Outcome of the visit')).toBeVisible();
  const popup = page.waitForEvent('popup');
  await wrapUp.getByRole('button', { name: 'Ask the resident on their screen' }).click();
  const screen = await popup;
  const question = screen.getByTestId('rating-question');
  await expect(question).toHaveAttribute('lang', 'ti');
  await expect(question).toHaveText(ETHIOPIC);
  await expect(wrapUp.getByTestId('resident-rating-status')).toHaveText('Waiting for the resident to choose…');
  await expectNoAxeViolations(screen);

  // The resident touches "Good": thanked in Tigrinya, and the officer's wrap-up has it.
  await screen.getByRole('button', { name: /Good/ }).click();
  await expect(screen.getByTestId('rating-thanks-phrase')).toHaveAttribute('lang', 'ti');
  await expectNoAxeViolations(screen);
  await page.bringToFront();
  await expect(wrapUp.getByTestId('resident-rating-status')).toHaveText('The resident chose: Good');
  const rated = wrapUp.getByRole('radiogroup', { name: 'How did the resident rate the visit?' });
  await expect(rated.getByLabel('Good')).toBeChecked();
  await expectNoAxeViolations(page);

  await wrapUp.getByLabel('Outcome of the visit').selectOption('resolved-info');
  const say = async (question: string, yes: boolean) => wrapUp.getByRole('radiogroup', { name: question }).getByLabel(yes ? 'Yes' : 'No').check();
  await say('Was it resolved at first contact?', true);
  await say('Could this have been done online?', false);
  await say('Was the online route offered?', false);
  await wrapUp.getByRole('button', { name: 'Save wrap-up' }).click();
  await expect(wrapUp).toBeHidden();

  // In Dataverse: one completed visit for the resident, by this officer, with their rating and the interpreter.
  const filter = `_regardingobjectid_value eq ${rowIdFor(speaker.resident.id)} and cd_capturedby eq '${officer.id}'`;
  await expect
    .poll(async () => (await readRows(`cd_facetofaces?$select=statecode,cd_feedback,cd_interpreterlanguage&$filter=${encodeURIComponent(filter)}`)).map((row) => [row.statecode, row.cd_feedback, row.cd_interpreterlanguage]), { timeout: 30_000 })
    .toEqual([[1, 100000000, 'ti']]);
});
