import { expect, test } from '@playwright/test';
import { londonClock, londonDate } from '../../shared/london-time';
import { rowIdFor } from '../../main/core/training/dataverse/row-ids';
import { readRows } from './support/back-office';
import { callerBundle, endCallAndWrapUp, expectNoAxeViolations, openWorkstation, passIdentityCheck, place, takeSimulatedCall } from './support/contact';
import { trainingBorough } from './support/training-borough';

const { bundles } = trainingBorough();

test.use({ viewport: { width: 1366, height: 768 } });

test('a call back due in one minute reminds the officer, opens the resident, and after wrap-up is completed in the council’s system', async ({ page }) => {
  test.setTimeout(240_000);
  await openWorkstation(page);
  const caller = await takeSimulatedCall(page);
  await passIdentityCheck(page, caller);
  const { resident } = callerBundle(bundles, caller);
  const name = `${resident.givenName} ${resident.familyName}`;
  const reason = `Council tax instalments ${Date.now().toString(36)}`;

  // Promised on the call, for one minute from now.
  await page.getByRole('button', { name: 'Promise a call back' }).click();
  const dialog = page.getByRole('dialog', { name: `Promise ${name} a call back` });
  const start = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
  const end = new Date(start.getTime() + 3_600_000);
  // A window ends on the day it starts.
  const endClock = londonDate(end) === londonDate(start) ? londonClock(end) : '23:59';
  await dialog.getByLabel('What it is about').fill('');
  // A promise with no reason is refused with what to do, and keeps what was typed.
  await dialog.getByRole('button', { name: 'Promise the call back' }).click();
  await expect(dialog.getByLabel('What it is about')).toBeFocused();
  await expect(dialog).toContainText('Say what the call back is about');
  await dialog.getByLabel('What it is about').fill(reason);
  await dialog.getByLabel('Day').fill(londonDate(start));
  await dialog.getByLabel('From (time)').fill(londonClock(start));
  await dialog.getByLabel('Until (time)').fill(endClock);
  await dialog.getByRole('radiogroup', { name: 'Who will call' }).getByLabel('I will').check();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Promise the call back' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Promise a call back' })).toBeFocused();
  await endCallAndWrapUp(page);

  // In the council's system as a scheduled outgoing phone call, and in the Callbacks place.
  await expect.poll(async () => (await readRows(`phonecalls?$select=activityid,statecode,directioncode,scheduledstart&$filter=contains(subject,'${reason}')`)).length, { timeout: 30_000 }).toBe(1);
  await place(page, 'Callbacks').click();
  const later = page.getByRole('region', { name: /^Later today/ });
  await expect(later.getByTestId('callback')).toContainText(reason);
  await expectNoAxeViolations(page);

  // It falls due: the reminder says so wherever the officer is, without taking the focus.
  await place(page, 'Dashboard').click();
  const reminder = page.getByTestId('callback-reminder');
  await expect(reminder).toContainText(`Call back due now: ${name}`, { timeout: 120_000 });
  await expect(reminder).toContainText(reason);
  await expectNoAxeViolations(page);
  await reminder.getByRole('button', { name: 'Call back now' }).click();

  // An outgoing call with the resident's record: the identity check, then the same wrap-up.
  await expect(page.getByRole('heading', { level: 1, name: 'Resident' })).toBeVisible();
  await passIdentityCheck(page, caller);
  await endCallAndWrapUp(page);
  await expect(reminder).toBeHidden();

  await expect
    .poll(async () => (await readRows(`phonecalls?$select=statecode,statuscode&$filter=contains(subject,'${reason}')`)).map((row) => [row.statecode, row.statuscode]), { timeout: 60_000 })
    .toEqual([[1, 2]]);
  // The call made is recorded as outgoing.
  const outgoing = await readRows(`phonecalls?$select=directioncode,statecode&$filter=directioncode eq true and statecode eq 1 and _regardingobjectid_value eq ${rowIdFor(resident.id)}`);
  expect(outgoing.length).toBeGreaterThanOrEqual(1);

  await place(page, 'Callbacks').click();
  await expect(page.getByRole('region', { name: /^Done in the last day/ }).getByTestId('callback')).toContainText(reason);
});
