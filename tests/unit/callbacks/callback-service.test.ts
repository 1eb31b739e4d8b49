import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PromiseCallbackInput } from '../../../shared/contract/callbacks';
import { callbackGroup, callbackProblems, ukPhoneNumber } from '../../../shared/domain/callback';
import type { StaffUser } from '../../../shared/domain/staff';
import { londonWallTime } from '../../../shared/london-time';
import { createCallbackService } from '../../../main/core/callbacks/callback-service';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { contactFor, dataset, startHarness, type Harness } from '../back-office/fixture';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterEach(() => harness.standIn.faults.clear());
afterAll(() => harness.close());

const agents = dataset.staff.filter((each) => each.role === 'agent');
const agent = agents[0]!;
const colleague = agents[1]!;
const residentId = rowIdFor('res-000001');
// Dataverse keeps times to the second: whole minutes compare as they were sent.
const inAnHour = () => new Date(Math.ceil((Date.now() + 3_600_000) / 60_000) * 60_000);

function serviceFor(user: StaffUser) {
  const warnings: string[] = [];
  const office = harness.backOffice({ getAccessToken: async () => harness.officerToken(user.id) });
  const service = createCallbackService({ backOffice: async () => office, user: () => user, now: () => new Date(), log: { warn: (message) => warnings.push(message) } });
  return { service, office, warnings };
}

function promise(overrides: Partial<PromiseCallbackInput> = {}): PromiseCallbackInput {
  const from = inAnHour();
  return { callbackId: randomUUID(), residentId, interactionId: null, number: '020 7946 0000', reason: 'Council tax instalments', from: from.toISOString(), to: new Date(from.getTime() + 3_600_000).toISOString(), forWhom: 'me', ...overrides };
}

const rowOf = (id: string) => harness.standIn.rows('phonecalls').filter((row) => row.activityid === id.toLowerCase());

describe('call backs in the council’s system (scheduled outgoing phone calls)', () => {
  it('a promise is one open, outgoing, scheduled phone call regarding the resident, listed for its officer', async () => {
    const { service } = serviceFor(agent);
    const input = promise();
    const answer = await service.promise(input);
    expect(answer).toMatchObject({ status: 'promised', callback: { id: input.callbackId, residentId, number: '02079460000', reason: 'Council tax instalments', forWhom: 'me', status: 'open', attempts: 0, from: input.from } });
    expect(rowOf(input.callbackId)).toHaveLength(1);
    expect(rowOf(input.callbackId)[0]).toMatchObject({ statecode: 0, directioncode: true, subject: 'Call back: Council tax instalments', _regardingobjectid_value: residentId, cd_callbackfor: 100000000 });
    const listed = (await service.list()).callbacks.find((each) => each.id === input.callbackId);
    // The resident's name as Dataverse spells it (the lookup's formatted value).
    expect(listed?.residentName).toBe(harness.standIn.rows('contacts').find((row) => row.contactid === residentId)?.fullname);
    // Another officer does not see a call back promised for oneself.
    expect((await serviceFor(colleague).service.list()).callbacks.map((each) => each.id)).not.toContain(input.callbackId);
  });

  it('a call back for the queue is listed for every officer', async () => {
    const input = promise({ forWhom: 'queue', reason: 'Housing repair follow-up' });
    await serviceFor(agent).service.promise(input);
    const seen = (await serviceFor(colleague).service.list()).callbacks.find((each) => each.id === input.callbackId);
    expect(seen).toMatchObject({ forWhom: 'queue', reason: 'Housing repair follow-up' });
  });

  it('a promise whose answer was lost, sent again, is one phone call', async () => {
    const { service } = serviceFor(agent);
    const input = promise();
    harness.standIn.faults.failNext(1, { connection: 'accept-then-fail' });
    const first = await service.promise(input);
    expect(rowOf(input.callbackId)).toHaveLength(1);
    if (first.status !== 'promised') expect(first.status).toBe('retry');
    expect(await service.promise(input)).toMatchObject({ status: 'promised' });
    expect(rowOf(input.callbackId)).toHaveLength(1);
  });

  it('while the council’s system cannot be reached, the promise waits', async () => {
    const { service } = serviceFor(agent);
    harness.standIn.faults.failAlways({ status: 503 });
    const input = promise();
    expect(await service.promise(input)).toMatchObject({ status: 'retry' });
    harness.standIn.faults.clear();
    expect(rowOf(input.callbackId)).toHaveLength(0);
  });

  it('refuses a promise that is not a call back, saying what to put right', async () => {
    const { service } = serviceFor(agent);
    expect(await service.promise(promise({ number: '12345' }))).toEqual({ status: 'failed', reason: 'Enter a UK phone number to call, like 020 7946 0000 or 07700 900123.' });
    const from = inAnHour();
    expect(await service.promise(promise({ from: from.toISOString(), to: new Date(from.getTime() + 5 * 3_600_000).toISOString() }))).toMatchObject({ status: 'failed', reason: expect.stringContaining('4 hours or shorter') });
  });

  it('no answer: the attempt is recorded once, and the call back moves to the new window', async () => {
    const { service } = serviceFor(agent);
    const input = promise();
    await service.promise(input);
    const attemptId = randomUUID();
    const next = new Date(inAnHour().getTime() + 2 * 3_600_000);
    const nextTo = new Date(next.getTime() + 3_600_000);
    const moved = await service.attempted({ callbackId: input.callbackId, attemptId, nextFrom: next.toISOString(), nextTo: nextTo.toISOString() });
    expect(moved.callback).toMatchObject({ attempts: 1, status: 'open', from: next.toISOString() });
    // Sent again (its answer lost): still one attempt.
    expect((await service.attempted({ callbackId: input.callbackId, attemptId, nextFrom: next.toISOString(), nextTo: nextTo.toISOString() })).callback.attempts).toBe(1);
    expect(rowOf(attemptId)).toHaveLength(1);
    expect(rowOf(attemptId)[0]).toMatchObject({ subject: 'Call back attempt: no answer', directioncode: true, _regardingobjectid_value: residentId });
  });

  it('the call back made: completed (Made) once its outgoing call is recorded, and listed as done', async () => {
    const { service, office } = serviceFor(agent);
    const input = promise();
    await service.promise(input);
    const call = contactFor({ staffId: agent.id, residentId, callbackId: input.callbackId, callerNumber: '02079460000', answeredAt: new Date().toISOString(), endedAt: new Date().toISOString(), offeredAt: null, waitedSeconds: null });
    const recordedBy = { staffId: agent.id, team: agent.team, trueResolutionDays: 7 };
    expect(await office.saveContacts([call], recordedBy)).toEqual([{ id: call.id, result: 'saved' }]);
    expect(rowOf(input.callbackId)[0]).toMatchObject({ statecode: 1, statuscode: 2 });
    // The call made is outgoing, and Made.
    expect(rowOf(call.id)[0]).toMatchObject({ directioncode: true, statecode: 1, statuscode: 2 });
    // Sent again: nothing changes.
    expect(await office.saveContacts([call], recordedBy)).toEqual([{ id: call.id, result: 'saved' }]);
    expect((await service.list()).callbacks.find((each) => each.id === input.callbackId)).toMatchObject({ status: 'done' });
  });
});

describe('a call back’s rules', () => {
  const now = londonWallTime('2026-12-04', 11);
  it('groups by when it is due, on London’s day', () => {
    const at = (hour: number, minute = 0, date = '2026-12-04') => londonWallTime(date, hour, minute).toISOString();
    expect(callbackGroup({ status: 'open', from: at(9), to: at(10) }, now)).toBe('overdue');
    expect(callbackGroup({ status: 'open', from: at(10, 30), to: at(11) }, now)).toBe('due-now');
    expect(callbackGroup({ status: 'open', from: at(11), to: at(12) }, now)).toBe('due-now');
    expect(callbackGroup({ status: 'open', from: at(23, 30), to: at(23, 59) }, now)).toBe('later-today');
    expect(callbackGroup({ status: 'open', from: at(0, 30, '2026-12-05'), to: at(1, 0, '2026-12-05') }, now)).toBe('later');
    expect(callbackGroup({ status: 'done', from: at(9), to: at(10) }, now)).toBe('done');
  });

  it('takes UK numbers as people write them', () => {
    expect(ukPhoneNumber('+44 20 7946 0000')).toBe('02079460000');
    expect(ukPhoneNumber('07700 900123')).toBe('07700900123');
    expect(ukPhoneNumber('(020) 7946-0000')).toBe('02079460000');
    expect(ukPhoneNumber('999')).toBeNull();
    expect(ukPhoneNumber('09001 234567')).toBeNull();
  });

  it('says what to put right', () => {
    const ok = { number: '020 7946 0000', reason: 'Rent', from: londonWallTime('2026-12-04', 14).toISOString(), to: londonWallTime('2026-12-04', 15).toISOString() };
    expect(callbackProblems(ok, now)).toEqual([]);
    expect(callbackProblems({ ...ok, reason: '  ' }, now).map((each) => each.field)).toEqual(['reason']);
    expect(callbackProblems({ ...ok, reason: 'x'.repeat(151) }, now).map((each) => each.field)).toEqual(['reason']);
    expect(callbackProblems({ ...ok, from: londonWallTime('2026-12-04', 9).toISOString() }, now)[0]?.message).toBe('That time has passed. Choose a time from now on.');
    expect(callbackProblems({ ...ok, to: ok.from }, now).map((each) => each.field)).toEqual(['to']);
    expect(callbackProblems({ ...ok, from: londonWallTime('2027-01-20', 9).toISOString(), to: londonWallTime('2027-01-20', 10).toISOString() }, now).map((each) => each.field)).toEqual(['from']);
  });
});
