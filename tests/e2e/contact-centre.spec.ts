import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { casesTitled, readRows } from './support/back-office';
import { callContract, expectNoAxeViolations, keepTheActingOfficer, openWorkstation, passIdentityCheck, place, takeSimulatedCall } from './support/contact';
import { trainingBorough } from './support/training-borough';

keepTheActingOfficer();

const { header } = trainingBorough();
// A team no other test works in, so today's figures are this test's three calls.
const TEAM = 'Contact Centre – Purple';
const agent = header.staff.find((staff) => staff.team === TEAM && staff.role === 'agent');
const leader = header.staff.find((staff) => staff.team === TEAM && staff.role === 'team-leader');
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

test.use({ viewport: { width: 1366, height: 900 } });

async function actAs(page: Page, staffId: string, name: string) {
  await page.getByLabel('Acting as').selectOption(staffId);
  await expect(page.getByTestId('status-user')).toContainText(name);
}

/** Wraps up the call in hand with these answers. */
async function wrapUp(page: Page, answers: { outcome: string; resolved: boolean; online: boolean; offered: boolean }) {
  await page.getByTestId('call-panel').getByRole('button', { name: 'End call and wrap up' }).click();
  const dialog = page.getByRole('dialog', { name: 'Wrap up this call' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Outcome of the call').selectOption({ label: answers.outcome });
  const say = async (question: string, yes: boolean) => dialog.getByRole('radiogroup', { name: question }).getByLabel(yes ? 'Yes' : 'No').check();
  await say('Was it resolved at first contact?', answers.resolved);
  await say('Could this have been done online?', answers.online);
  await say('Was the online route offered?', answers.offered);
  await say('Was the resident offered the chance to give feedback?', false);
  await dialog.getByRole('button', { name: 'Save wrap-up' }).click();
  await expect(dialog).toBeHidden();
}

/** Raises a case for the resident on the call, from the case form the call fills in. */
async function raiseCase(page: Page, summary: string) {
  await page.keyboard.press('Alt+Shift+C');
  await expect(page.getByRole('heading', { level: 2, name: 'Case details' })).toBeVisible();
  await page.getByLabel('Service', { exact: true }).selectOption('waste');
  await page.getByLabel('Type of case').selectOption('missed-bin');
  await page.getByLabel('Summary').fill(summary);
  await page.getByLabel('Description').fill('Food waste caddy not emptied on the usual day.');
  await page.getByLabel('Where', { exact: true }).fill('Outside the front door');
  await page.getByLabel('Postcode', { exact: true }).fill('SE5 8RS');
  await page.getByRole('button', { name: 'Send the case' }).click();
  await expect(page.getByTestId('confirmation-reference')).toBeVisible();
}

const tile = (page: Page, id: string) => page.getByTestId(`measure-${id}`).getByTestId('now');

test('three calls, one wrapped up offline, reach Dataverse once each; the team leader sees them in the Team place and reviews one; the agent reads it', async ({ page, context }) => {
  test.setTimeout(240_000);
  if (!agent || !leader) throw new Error(`no agent and team leader in ${TEAM}`);
  await openWorkstation(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await actAs(page, agent.id, agent.displayName);

  // An agent cannot read the Team place's figures, whatever asks.
  const refused = await callContract(page, 'team.view', { scope: { kind: 'team', team: TEAM }, period: { kind: 'today', day: today } });
  expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/only team leaders/i) } });
  await expect(place(page, 'Team')).toHaveCount(0);

  // One resolved, one raising a case, one signposted online and wrapped up with the network down.
  const first = await takeSimulatedCall(page);
  await passIdentityCheck(page, first);
  await wrapUp(page, { outcome: 'Resolved: information or advice given', resolved: true, online: false, offered: false });

  const second = await takeSimulatedCall(page);
  await passIdentityCheck(page, second);
  const summary = `Missed food caddy ${Date.now()}`;
  await raiseCase(page, summary);
  await wrapUp(page, { outcome: 'Case raised for a service', resolved: false, online: false, offered: false });

  const third = await takeSimulatedCall(page);
  await passIdentityCheck(page, third);
  await context.setOffline(true);
  await wrapUp(page, { outcome: 'Shown how to do it online', resolved: true, online: true, offered: true });
  await expect(page.getByTestId('status-contacts')).toHaveText(/^[1-3] contacts? waiting to send$/);
  await context.setOffline(false);
  await expect(page.getByTestId('status-contacts')).toHaveCount(0, { timeout: 30_000 });

  // Exactly three completed calls for the agent today, with what each came to; the case's call names the case.
  const calls = await readRows(`phonecalls?$filter=${encodeURIComponent(`cd_capturedby eq '${agent.id}' and cd_contactday eq ${today}`)}`);
  expect(calls).toHaveLength(3);
  expect(calls.every((call) => call.statecode === 1 && call.cd_team === TEAM && call.directioncode === false)).toBe(true);
  const byDisposition = new Map(calls.map((call) => [String(call.cd_disposition), call]));
  expect(byDisposition.get('resolved-info')).toMatchObject({ cd_resolvedatfirstcontact: true, cd_couldbeonline: false, cd_onlinerouteoffered: false });
  expect(byDisposition.get('signposted-online')).toMatchObject({ cd_resolvedatfirstcontact: true, cd_couldbeonline: true, cd_onlinerouteoffered: true });
  const [raised] = await casesTitled(summary);
  expect(byDisposition.get('case-raised')).toMatchObject({ cd_resolvedatfirstcontact: false, _cd_caseid_value: raised?.id });
  expect(calls.every((call) => call._regardingobjectid_value !== null && typeof call.cd_waitseconds === 'number')).toBe(true);
  const within = calls.filter((call) => call.cd_answeredwithintarget === true).length;

  // The agent takes a break, from the status bar by keyboard; the focus comes back to the button.
  const state = page.getByTestId('agent-state-button');
  await expect(state).toHaveText('Available');
  await state.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu', { name: 'Choose your state' })).toBeVisible();
  await page.getByRole('menuitemradio', { name: 'On a break' }).focus();
  await page.keyboard.press('Enter');
  await expect(state).toHaveText('On a break');
  await expect(state).toHaveAccessibleName(/^Your state: On a break since \d\d:\d\d/);
  await expect(state).toBeFocused();
  // Recorded in the council's system (cd_state 100000005, on a break) before the computer changes hands.
  await expect
    .poll(async () => (await readRows(`cd_agentstates?$select=cd_agentstateid&$filter=${encodeURIComponent(`cd_staffid eq '${agent.id}' and cd_state eq 100000005`)}`)).length, { timeout: 20_000 })
    .toBeGreaterThan(0);

  // The team leader sits down at the same browser: none of the agent's calls in My day.
  await actAs(page, leader.id, leader.displayName);
  await place(page, 'Dashboard').click();
  await expect(page.getByTestId('my-day')).toBeVisible();
  await expect(page.getByText('Your first-contact resolution, answer times and after-call work for today will appear here')).toBeVisible();
  await expect(page.getByTestId('contact-kpis')).toHaveCount(0);

  // The Team place, for today and the leader's own team: the three calls and figures that match.
  await page.keyboard.press('Alt+9');
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeFocused();
  await expect(page.getByTestId('team-scope').locator('select')).toHaveValue(`team:${TEAM}`);
  await expect(tile(page, 'callsAnswered')).toHaveText('3');
  await expect(tile(page, 'withinTarget')).toHaveText(`${Math.round((100 * within) / 3)}%`);
  await expect(tile(page, 'resolvedRecorded')).toHaveText('67%');
  await expect(tile(page, 'resolvedTrue')).toHaveText('67%');
  await expect(tile(page, 'couldBeOnline')).toHaveText('33%');
  await expect(tile(page, 'onlineOffered')).toHaveText('33%');
  const now = page.getByTestId('officers-now-table');
  await expect(now.getByRole('row', { name: new RegExp(agent.displayName) })).toContainText('No contact open');
  // The break the agent took is recorded for the team view.
  await expect(now.getByRole('row', { name: new RegExp(agent.displayName) })).toContainText(/On a break since \d\d:\d\d/);
  await expect(now.getByRole('row', { name: new RegExp(agent.displayName) }).getByRole('button', { name: `Contacts to review for ${agent.displayName}` })).toBeVisible();
  // The leader's own row, from the training weeks, offers no review of themselves.
  await expect(now.getByRole('row', { name: new RegExp(leader.displayName) })).toHaveCount(1);
  await expect(now.getByRole('button', { name: `Contacts to review for ${leader.displayName}` })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Every chart as its table, by keyboard and screen reader; and a table saved as CSV.
  for (const chart of ['chart-comparison', 'chart-satisfaction', 'chart-by-service', 'chart-weeks', 'chart-interpreting']) {
    await page.getByTestId(chart).getByRole('button', { name: 'Table' }).click();
    await expect(page.getByTestId(`${chart}-table`)).toBeVisible();
  }
  await expect(page.getByTestId('chart-comparison-table').getByRole('row', { name: /Online route offered/ })).toContainText('33');
  await expectNoAxeViolations(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('chart-comparison').getByRole('button', { name: 'Save as CSV' }).click();
  const csv = await readFile((await (await download).path()) ?? '', 'utf8');
  expect(csv).toMatch(/^\uFEFFMeasure,% today,/);
  expect(csv).toContain('Online route offered,33,');

  // The contacts behind a figure, and a quality review of one.
  await page.getByTestId('measure-callsAnswered').getByRole('button', { name: /Show contacts/ }).click();
  const drill = page.getByTestId('drill-down');
  await expect(drill.getByTestId('drill-down-table').locator('tbody tr')).toHaveCount(3);
  await drill.getByRole('button', { name: 'Review' }).first().click();
  const review = page.getByRole('dialog', { name: `Quality review: ${agent.displayName}` });
  await expect(review.getByRole('radiogroup').first()).toBeVisible();
  await expectNoAxeViolations(page);
  for (const group of await review.getByRole('radiogroup').all()) await group.getByLabel('Yes').check();
  await expect(review.getByTestId('quality-running-score')).toHaveText(/Score 100%: meets the standard/);
  await review.getByRole('button', { name: 'Save review' }).click();
  await expect(review.getByTestId('quality-saved')).toBeFocused();
  await review.getByRole('button', { name: 'Close' }).click();
  await drill.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('measure-callsAnswered').getByRole('button', { name: /Show contacts/ })).toBeFocused();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(tile(page, 'quality')).toHaveText('100%');

  // The agent reads the review and says so.
  await actAs(page, agent.id, agent.displayName);
  await place(page, 'Dashboard').click();
  // Newest first: today's call, above the training history's earlier reviews.
  const mine = page.getByTestId('my-reviews').getByRole('listitem').first();
  const todayLong = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`));
  await expect(mine.getByRole('heading', { level: 3 })).toHaveText(`Call on ${todayLong}: 100%, meets the standard`);
  await expect(mine).toContainText(`Reviewed by ${leader.displayName}`);
  await mine.getByRole('button', { name: `I have read this review: Call on ${todayLong}: 100%, meets the standard` }).click();
  await expect(mine.getByText('You have read this review.')).toBeFocused();
  await expectNoAxeViolations(page);
});
