import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactSubmission } from '../../../shared/contract/contacts';
import { ANSWER_TARGET_SECONDS } from '../../../shared/domain/interaction';
import type { TeamScope } from '../../../shared/domain/team-measures';
import type { AggregateCounter } from '../../../main/core/back-office/dataverse/team-figures';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { contactFor, startHarness, type Harness } from './fixture';

/**
 * The Team place's figures as Dataverse adds them up ($apply), checked against the same
 * figures worked out here the long way from the contacts that were recorded.
 */
let harness: Harness;
let small: Harness;
const contacts: (ContactSubmission & { team: string })[] = [];
const TEAMS = ['Contact Centre – Blue', 'Contact Centre – Green'];
const DAYS = ['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-11'];
/** Each officer works in one team. */
const TEAM_OF: Record<string, string> = { 'stf-002': 'Contact Centre – Blue', 'stf-003': 'Contact Centre – Blue', 'stf-010': 'Contact Centre – Green' };
/** Below a week's contacts on either table, above any one day's. */
const SMALL_LIMIT = 16;

/** A small generator with a fixed seed, so the mix is varied but the same every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

beforeAll(async () => {
  [harness, small] = await Promise.all([startHarness(), startHarness({ aggregateLimit: SMALL_LIMIT })]);
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  for (let index = 0; index < 48; index += 1) {
    const phone = next() < 0.8;
    const day = pick(DAYS);
    const answeredAt = `${day}T${String(9 + Math.floor(next() * 8)).padStart(2, '0')}:${String(Math.floor(next() * 60)).padStart(2, '0')}:00.000Z`;
    const wait = phone ? Math.floor(next() * 400) : null;
    const resolved = next() < 0.1 ? null : next() < 0.7;
    const could = resolved === null ? null : next() < 0.4;
    const staffId = pick(Object.keys(TEAM_OF));
    // Of the rest, about half are emails from the contact mailbox: contacts like visits, with no wait.
    const channel = phone ? 'phone' : index % 2 === 0 ? 'email' : 'face-to-face';
    contacts.push({
      ...contactFor({
        channel,
        ...(channel === 'email' ? { emailId: `AAMk-${index}`, emailFrom: 'a.resident@example.com', emailSubject: 'About my account' } : {}),
        staffId,
        queue: phone ? pick(['Waste and recycling', 'Council tax']) : null,
        callerNumber: phone ? '020 7946 0002' : null,
        service: pick(['waste', 'council-tax', 'parking']),
        offeredAt: wait === null ? null : new Date(Date.parse(answeredAt) - wait * 1000).toISOString(),
        answeredAt,
        endedAt: new Date(Date.parse(answeredAt) + (120 + Math.floor(next() * 600)) * 1000).toISOString(),
        waitedSeconds: wait,
        afterCallWorkSeconds: Math.floor(next() * 180),
        resolvedAtFirstContact: resolved,
        couldHaveBeenOnline: could,
        onlineRouteOffered: could === null ? null : next() < 0.6,
        feedback: next() < 0.5 ? pick(['good', 'average', 'poor'] as const) : null,
        disposition: pick(['resolved-info', 'case-raised', 'complaint', 'compliment', 'signposted-online']),
        interpreter: next() < 0.2 ? { language: pick(['so', 'ti']), supplierId: 'languageline', interpreterId: 'X-1', minutes: 5 + Math.floor(next() * 20) } : null,
        incompleteReason: resolved === null ? 'Caller rang off' : null,
      }),
      team: TEAM_OF[staffId] ?? '',
    });
  }
  // Each officer's own, as main sends them.
  for (const office of [harness.backOffice(), small.backOffice()]) {
    for (const [staffId, team] of Object.entries(TEAM_OF)) await office.saveContacts(contacts.filter((each) => each.staffId === staffId), { staffId, team, trueResolutionDays: 7 });
  }
}, 60_000);
afterAll(async () => {
  await Promise.all([harness.close(), small.close()]);
});

/** The figures the long way: every contact looked at here. */
function expected(chosen: readonly ContactSubmission[]) {
  const calls = chosen.filter((each) => each.channel === 'phone');
  const timed = calls.filter((each) => each.waitedSeconds !== null);
  const said = chosen.filter((each) => each.resolvedAtFirstContact !== null);
  const channel = chosen.filter((each) => each.couldHaveBeenOnline !== null);
  const minutes: Record<string, { minutes: number; contacts: number }> = {};
  for (const each of chosen) {
    if (!each.interpreter) continue;
    const kept = (minutes[each.interpreter.language] ??= { minutes: 0, contacts: 0 });
    kept.minutes += each.interpreter.minutes;
    kept.contacts += 1;
  }
  return {
    contacts: chosen.length,
    calls: calls.length,
    visits: chosen.filter((each) => each.channel === 'face-to-face').length,
    emails: chosen.filter((each) => each.channel === 'email').length,
    callsTimed: timed.length,
    callsWithinTarget: timed.filter((each) => (each.waitedSeconds ?? 0) <= ANSWER_TARGET_SECONDS).length,
    waitSeconds: timed.reduce((sum, each) => sum + (each.waitedSeconds ?? 0), 0),
    resolutionRecorded: said.length,
    resolvedRecorded: said.filter((each) => each.resolvedAtFirstContact).length,
    // Nobody here came back: every resident is "not identified".
    resolvedTrue: said.filter((each) => each.resolvedAtFirstContact).length,
    channelAnswered: channel.length,
    couldBeOnline: channel.filter((each) => each.couldHaveBeenOnline).length,
    onlineOffered: chosen.filter((each) => each.onlineRouteOffered).length,
    handleSeconds: chosen.reduce((sum, each) => sum + Math.round((Date.parse(each.endedAt ?? each.answeredAt) - Date.parse(each.answeredAt)) / 1000), 0),
    afterWorkSeconds: chosen.reduce((sum, each) => sum + (each.afterCallWorkSeconds ?? 0), 0),
    feedback: { good: chosen.filter((each) => each.feedback === 'good').length, average: chosen.filter((each) => each.feedback === 'average').length, poor: chosen.filter((each) => each.feedback === 'poor').length },
    complaints: chosen.filter((each) => each.disposition === 'complaint').length,
    compliments: chosen.filter((each) => each.disposition === 'compliment').length,
    qualityReviews: 0,
    qualityPassed: 0,
    interpreting: minutes,
  };
}

const inRange = (each: ContactSubmission, from: string, to: string) => each.answeredAt.slice(0, 10) >= from && each.answeredAt.slice(0, 10) <= to;

describe('the Team place’s figures, added up by Dataverse', () => {
  const cases: [string, TeamScope, (each: (typeof contacts)[number]) => boolean][] = [
    ['the whole contact centre', { kind: 'centre' }, () => true],
    ['one team', { kind: 'team', team: TEAMS[0] ?? '' }, (each) => each.team === TEAMS[0]],
    ['one queue', { kind: 'queue', queue: 'Council tax' }, (each) => each.queue === 'Council tax'],
    ['one officer', { kind: 'officer', staffId: 'stf-003' }, (each) => each.staffId === 'stf-003'],
  ];
  it.each(cases)('for %s over a week match the contacts recorded', async (_name, scope, chosen) => {
    const { figures } = await harness.backOffice().teamFigures(scope, { from: '2024-03-04', to: '2024-03-10' });
    expect(figures).toEqual(expected(contacts.filter((each) => chosen(each) && inRange(each, '2024-03-04', '2024-03-10'))));
  });

  it('splits a range Dataverse says holds too many rows, day by day if need be, and adds the halves up to the same figures', async () => {
    // The small stand-in's limit is over any one day's contacts on a table but under the month's.
    for (const day of DAYS) expect(contacts.filter((each) => each.answeredAt.startsWith(day) && each.channel === 'phone').length).toBeLessThanOrEqual(SMALL_LIMIT);
    expect(contacts.filter((each) => each.channel === 'phone').length).toBeGreaterThan(SMALL_LIMIT);
    const counter: AggregateCounter = { queries: 0, groups: 0 };
    const range = { from: '2024-03-01', to: '2024-03-31' };
    const [whole, split] = await Promise.all([harness.backOffice().teamFigures({ kind: 'centre' }, range), small.backOffice().teamFigures({ kind: 'centre' }, range, counter)]);
    expect(split.figures).toEqual(whole.figures);
    expect(split.figures.contacts).toBe(contacts.length);
    // Eight aggregates a range; the refused ones were asked again in halves.
    expect(counter.queries).toBeGreaterThan(8);
  });

  it('refuses plainly when a single day holds more than Dataverse will add up', async () => {
    const tiny = await startHarness({ aggregateLimit: 1 });
    try {
      const crowded = contacts.filter((each) => each.answeredAt.startsWith('2024-03-04'));
      await tiny.backOffice().saveContacts(crowded.slice(0, 2), { staffId: 'stf-002', team: 'Contact Centre – Blue', trueResolutionDays: 7 });
      await expect(tiny.backOffice().teamFigures({ kind: 'centre' }, { from: '2024-03-04', to: '2024-03-04' })).rejects.toMatchObject({ code: '0x8004E023' });
    } finally {
      await tiny.close();
    }
  });

  it('gives channel shift by service, and week by week', async () => {
    const office = harness.backOffice();
    const { byService } = await office.teamFigures({ kind: 'centre' }, { from: '2024-03-04', to: '2024-03-10' });
    const week = contacts.filter((each) => inRange(each, '2024-03-04', '2024-03-10'));
    for (const service of ['waste', 'council-tax', 'parking']) {
      const about = week.filter((each) => each.service === service);
      expect(byService.get(service)).toEqual({ contacts: about.length, channelAnswered: about.filter((each) => each.couldHaveBeenOnline !== null).length, couldBeOnline: about.filter((each) => each.couldHaveBeenOnline).length, onlineOffered: about.filter((each) => each.onlineRouteOffered).length });
    }
    const weeks = await office.channelShiftOver({ kind: 'centre' }, [
      { from: '2024-03-04', to: '2024-03-10' },
      { from: '2024-03-11', to: '2024-03-17' },
    ]);
    expect(weeks.map((each) => each.contacts)).toEqual([week.length, contacts.filter((each) => inRange(each, '2024-03-11', '2024-03-17')).length]);
  });

  it('lists the contacts behind a figure, newest first, without who the resident was', async () => {
    const late = await harness.backOffice().teamContacts({ kind: 'centre' }, { from: '2024-03-01', to: '2024-03-31' }, 'answered-late', null, 100);
    const want = contacts.filter((each) => each.channel === 'phone' && (each.waitedSeconds ?? 0) > ANSWER_TARGET_SECONDS);
    expect(late.map((each) => each.id).sort()).toEqual(want.map((each) => each.id.toLowerCase()).sort());
    expect(late.map((each) => each.answeredAt)).toEqual([...late.map((each) => each.answeredAt)].sort().reverse());
    expect(late[0]).toMatchObject({ staffName: expect.any(String), identified: false });
    expect(Object.keys(late[0] ?? {})).not.toContain('residentId');
    const poorWaste = await harness.backOffice().teamContacts({ kind: 'centre' }, { from: '2024-03-01', to: '2024-03-31' }, 'poor', 'waste', 100);
    // Calls and visits: the contacts a team leader can review (emails are counted, not listed for review).
    expect(poorWaste.map((each) => each.id).sort()).toEqual(contacts.filter((each) => each.channel !== 'email' && each.feedback === 'poor' && each.service === 'waste').map((each) => each.id.toLowerCase()).sort());
  });

  it('counts true first-contact resolution: resolved as recorded, less those the resident came back about within the week', async () => {
    const office = harness.backOffice();
    const at = (day: string) => ({ offeredAt: `${day}T10:00:00.000Z`, answeredAt: `${day}T10:00:00.000Z`, endedAt: `${day}T10:05:00.000Z` });
    const [one, two, three] = ['res-000011', 'res-000012', 'res-000013'].map(rowIdFor);
    // One: resolved on a call, back at a service point three days later. Two: resolved, never back.
    // Three: not resolved, then resolved on a second call.
    const oneCall = contactFor({ residentId: one, service: 'waste', staffId: 'stf-002', resolvedAtFirstContact: true, ...at('2024-05-06') });
    const oneVisit = contactFor({ residentId: one, service: 'waste', staffId: 'stf-010', channel: 'face-to-face', queue: null, callerNumber: null, offeredAt: null, waitedSeconds: null, resolvedAtFirstContact: true, answeredAt: '2024-05-09T10:00:00.000Z', endedAt: '2024-05-09T10:05:00.000Z' });
    const twoCall = contactFor({ residentId: two, service: 'council-tax', staffId: 'stf-003', resolvedAtFirstContact: true, ...at('2024-05-07') });
    const threeFirst = contactFor({ residentId: three, service: 'waste', staffId: 'stf-002', resolvedAtFirstContact: false, ...at('2024-05-08') });
    const threeSecond = contactFor({ residentId: three, service: 'waste', staffId: 'stf-003', resolvedAtFirstContact: true, ...at('2024-05-10') });
    for (const contact of [oneCall, twoCall, threeFirst, threeSecond, oneVisit]) await office.saveContacts([contact], { staffId: contact.staffId, team: TEAM_OF[contact.staffId] ?? '', trueResolutionDays: 7 });
    const week = { from: '2024-05-06', to: '2024-05-12' };
    const figures = async (scope: TeamScope) => (await office.teamFigures(scope, week)).figures;
    expect(await figures({ kind: 'centre' })).toMatchObject({ resolvedRecorded: 4, resolvedTrue: 3 });
    expect(await figures({ kind: 'team', team: 'Contact Centre – Blue' })).toMatchObject({ resolvedRecorded: 3, resolvedTrue: 2 });
    expect(await figures({ kind: 'team', team: 'Contact Centre – Green' })).toMatchObject({ resolvedRecorded: 1, resolvedTrue: 1 });
    // The contacts behind the difference, and the mark on any contact listed.
    const again = await office.teamContacts({ kind: 'centre' }, week, 'contacted-again', null, 100);
    expect(again.map((each) => [each.id, each.contactedAgain])).toEqual([[oneCall.id.toLowerCase(), true]]);
    const all = await office.teamContacts({ kind: 'team', team: 'Contact Centre – Blue' }, week, 'all', null, 100);
    expect(Object.fromEntries(all.map((each) => [each.id, each.contactedAgain]))).toEqual({ [oneCall.id.toLowerCase()]: true, [twoCall.id.toLowerCase()]: false, [threeFirst.id.toLowerCase()]: true, [threeSecond.id.toLowerCase()]: false });
  });

  it('names the teams and officers that have recorded contacts, with their names from Dataverse', async () => {
    const { officers, queues } = await harness.backOffice().recentTeams({ from: '2024-03-01', to: '2024-03-31' });
    expect(new Set(officers.map((each) => each.team))).toEqual(new Set(TEAMS));
    expect(officers.every((each) => each.name !== each.staffId && each.name.length > 0)).toBe(true);
    expect(queues).toEqual(['Council tax', 'Waste and recycling']);
  });

  it('tells who has a contact open today, and each officer’s completed contacts', async () => {
    const office = harness.backOffice();
    const open = contactFor({ state: 'in-progress', staffId: 'stf-004', answeredAt: '2024-04-02T10:00:00.000Z', offeredAt: '2024-04-02T09:59:00.000Z', endedAt: null, residentId: rowIdFor('res-000002') });
    await office.saveContacts([open], { staffId: 'stf-004', team: 'Contact Centre – Amber', trueResolutionDays: 7 });
    await office.saveContacts([contactFor({ staffId: 'stf-005', answeredAt: '2024-04-02T11:00:00.000Z', offeredAt: '2024-04-02T10:59:00.000Z', endedAt: '2024-04-02T11:05:00.000Z' })], { staffId: 'stf-005', team: 'Contact Centre – Amber', trueResolutionDays: 7 });
    const today = await office.contactsToday({ kind: 'team', team: 'Contact Centre – Amber' }, '2024-04-02');
    expect(today.open).toEqual([{ staffId: 'stf-004', channel: 'phone', state: 'in-progress', since: '2024-04-02T10:00:00.000Z' }]);
    expect(Object.fromEntries(today.completed)).toEqual({ 'stf-005': 1 });
  });
});
