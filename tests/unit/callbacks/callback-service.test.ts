import { randomUUID } from 'node:crypto';
import type { FetchLike } from '../../../main/core/back-office/https-fetch';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PromiseCallbackInput } from '../../../shared/contract/callbacks';
import type { StaffUser } from '../../../shared/domain/staff';
import { createCallbackService } from '../../../main/core/callbacks/callback-service';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { asOf, contactFor, dataset, startHarness, type Harness } from '../back-office/fixture';

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

function serviceFor(user: StaffUser, fetch?: FetchLike) {
  const warnings: string[] = [];
  const office = harness.backOffice({ getAccessToken: async () => harness.officerToken(user.id), ...(fetch ? { fetch } : {}) });
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

/**
 * A connection that loses the answer to the first request matching: the stand-in has applied
 * it, and the adapter hears only that the connection was cut (as when a laptop's Wi-Fi drops).
 */
function losingAnswerTo(match: (method: string, url: string) => boolean): FetchLike {
  let armed = true;
  return async (url, init) => {
    const answer = await harness.fetch(url, init);
    if (armed && match(init?.method ?? 'GET', url)) {
      armed = false;
      await answer.text();
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    }
    return answer;
  };
}

const isPost = (method: string, url: string) => method === 'POST' && url.includes('/phonecalls');
const isPatch = (method: string, url: string) => method === 'PATCH' && url.includes('/phonecalls(');

describe('call backs: no answer, done, and what goes wrong', () => {
  const later = () => {
    const from = new Date(inAnHour().getTime() + 2 * 3_600_000);
    return { nextFrom: from.toISOString(), nextTo: new Date(from.getTime() + 3_600_000).toISOString() };
  };

  it('done: completed with status reason Made, now; told again, the same answer and nothing changed', async () => {
    const { service } = serviceFor(agent);
    const input = promise();
    await service.promise(input);
    const done = await service.done({ callbackId: input.callbackId });
    expect(done.callback).toMatchObject({ id: input.callbackId, status: 'done', doneAt: asOf.toISOString(), attempts: 0 });
    expect(rowOf(input.callbackId)[0]).toMatchObject({ statecode: 1, statuscode: 2 });
    expect(Date.parse(String(rowOf(input.callbackId)[0]?.actualend))).toBe(asOf.getTime());
    const patches = () => harness.standIn.requests().filter((each) => each.method === 'PATCH' && each.target.includes(input.callbackId)).length;
    const before = patches();
    expect(await service.done({ callbackId: input.callbackId })).toEqual(done);
    expect(patches()).toBe(before);
    expect((await service.list()).callbacks.find((each) => each.id === input.callbackId)).toMatchObject({ status: 'done' });
  });

  it('done whose answer was lost, told again: done once', async () => {
    const input = promise();
    await serviceFor(agent).service.promise(input);
    await expect(serviceFor(agent, losingAnswerTo(isPatch)).service.done({ callbackId: input.callbackId })).rejects.toThrow();
    expect(rowOf(input.callbackId)[0]).toMatchObject({ statecode: 1, statuscode: 2 });
    expect((await serviceFor(agent).service.done({ callbackId: input.callbackId })).callback).toMatchObject({ status: 'done' });
  });

  it('no answer after a call back is done is refused, and nothing is recorded', async () => {
    const { service } = serviceFor(agent);
    const input = promise();
    await service.promise(input);
    await service.done({ callbackId: input.callbackId });
    const attemptId = randomUUID();
    await expect(service.attempted({ callbackId: input.callbackId, attemptId, ...later() })).rejects.toThrow('That call back has been done already.');
    expect(rowOf(attemptId)).toHaveLength(0);
  });

  it('only a call back is closed as one: another phone call, or none, is refused and left as it is', async () => {
    const { service } = serviceFor(agent);
    // A call taken, recorded open (as the contact outbox does at the start of a call).
    const taken = contactFor({ staffId: agent.id, residentId, state: 'in-progress', endedAt: null });
    expect(await serviceFor(agent).office.saveContacts([taken], { staffId: agent.id, team: agent.team, trueResolutionDays: 7 })).toEqual([{ id: taken.id, result: 'saved' }]);
    expect(rowOf(taken.id)[0]).toMatchObject({ statecode: 0 });
    await expect(service.done({ callbackId: taken.id })).rejects.toThrow('That call back is not in the council’s system.');
    await expect(service.attempted({ callbackId: taken.id, attemptId: randomUUID(), ...later() })).rejects.toThrow('That call back is not in the council’s system.');
    expect(rowOf(taken.id)[0]).toMatchObject({ statecode: 0 });
    await expect(service.done({ callbackId: randomUUID() })).rejects.toThrow('That call back is not in the council’s system. Look at the Callbacks place again.');
  });

  it('a call back for the queue: a colleague records no answer and makes it', async () => {
    const input = promise({ forWhom: 'queue' });
    await serviceFor(agent).service.promise(input);
    const { service } = serviceFor(colleague);
    const next = later();
    const attemptId = randomUUID();
    expect((await service.attempted({ callbackId: input.callbackId, attemptId, ...next })).callback).toMatchObject({ attempts: 1, from: next.nextFrom, to: next.nextTo, forWhom: 'queue' });
    expect(rowOf(attemptId)[0]).toMatchObject({ statecode: 1, statuscode: 2, directioncode: true, cd_callbackof: input.callbackId, cd_capturedby: colleague.id });
    expect((await service.done({ callbackId: input.callbackId })).callback.status).toBe('done');
  });

  it('no answer whose answer was lost, sent again: one attempt row, counted once, window moved', async () => {
    const input = promise();
    await serviceFor(agent).service.promise(input);
    const attemptId = randomUUID();
    const next = later();
    // The adapter may try again itself and find the attempt made; else the page sends it again.
    await serviceFor(agent, losingAnswerTo(isPost)).service.attempted({ callbackId: input.callbackId, attemptId, ...next }).catch(() => undefined);
    expect(rowOf(attemptId)).toHaveLength(1);
    const again = await serviceFor(agent).service.attempted({ callbackId: input.callbackId, attemptId, ...next });
    expect(again.callback).toMatchObject({ attempts: 1, from: next.nextFrom, to: next.nextTo, status: 'open' });
    expect(rowOf(attemptId)).toHaveLength(1);
    expect(rowOf(input.callbackId)[0]).toMatchObject({ cd_callbackattempts: 1 });
    expect([Date.parse(String(rowOf(input.callbackId)[0]?.scheduledstart)), Date.parse(String(rowOf(input.callbackId)[0]?.scheduledend))]).toEqual([Date.parse(next.nextFrom), Date.parse(next.nextTo)]);
    // A second attempt, its own id: two.
    const second = later();
    expect((await serviceFor(agent).service.attempted({ callbackId: input.callbackId, attemptId: randomUUID(), ...second })).callback.attempts).toBe(2);
  });

  it('a promise whose answer was lost on the way back (the phone call made): sent again, promised, one row', async () => {
    const input = promise({ forWhom: 'queue' });
    const first = await serviceFor(agent, losingAnswerTo(isPost)).service.promise(input);
    expect(rowOf(input.callbackId)).toHaveLength(1);
    // The adapter may try again itself and find it made; else the outbox tries again.
    if (first.status !== 'promised') expect(first.status).toBe('retry');
    expect(await serviceFor(agent).service.promise(input)).toMatchObject({ status: 'promised', callback: { id: input.callbackId, forWhom: 'queue', status: 'open' } });
    expect(rowOf(input.callbackId)).toHaveLength(1);
  });

  it('while Dataverse is busy (429), the promise waits to be sent again', async () => {
    const { service } = serviceFor(agent);
    harness.standIn.faults.failAlways({ status: 429, retryAfterSeconds: 1 });
    const input = promise();
    expect(await service.promise(input)).toMatchObject({ status: 'retry' });
    harness.standIn.faults.clear();
    expect(rowOf(input.callbackId)).toHaveLength(0);
  });

  it('a promise Dataverse refuses (a resident it does not have) fails, in plain words, and is not made', async () => {
    const { service } = serviceFor(agent);
    const input = promise({ residentId: randomUUID() });
    const answer = await service.promise(input);
    expect(answer.status).toBe('failed');
    if (answer.status === 'failed') expect(answer.reason).not.toMatch(/0x8|contact With Id|odata/i);
    expect(rowOf(input.callbackId)).toHaveLength(0);
  });

  it('a promise that is not right is refused field by field before Dataverse is asked', async () => {
    const { service } = serviceFor(agent);
    const before = harness.standIn.requests().length;
    expect(await service.promise(promise({ reason: '   ' }))).toEqual({ status: 'failed', reason: 'Say what the call back is about.' });
    const from = inAnHour();
    expect(await service.promise(promise({ from: from.toISOString(), to: from.toISOString() }))).toEqual({ status: 'failed', reason: 'The end of the window must be after its start.' });
    expect(harness.standIn.requests().length).toBe(before);
  });

  it('no answer with a new window that is not right is refused, and nothing is recorded', async () => {
    const { service } = serviceFor(agent);
    const input = promise();
    await service.promise(input);
    const from = inAnHour();
    const attemptId = randomUUID();
    await expect(service.attempted({ callbackId: input.callbackId, attemptId, nextFrom: from.toISOString(), nextTo: new Date(from.getTime() + 5 * 3_600_000).toISOString() })).rejects.toThrow('Make the window 4 hours or shorter');
    await expect(service.attempted({ callbackId: input.callbackId, attemptId, nextFrom: new Date(Date.now() - 3_600_000).toISOString(), nextTo: from.toISOString() })).rejects.toThrow('That time has passed');
    expect(rowOf(attemptId)).toHaveLength(0);
  });

  it('lists open call backs earliest first, and done ones only for a day', async () => {
    const { service, office } = serviceFor(agent);
    const soon = promise({ reason: 'Soonest' });
    const base = Date.parse(soon.from);
    const laterOne = promise({ reason: 'Later one', from: new Date(base + 3 * 3_600_000).toISOString(), to: new Date(base + 4 * 3_600_000).toISOString() });
    await service.promise(laterOne);
    await service.promise(soon);
    // Made two days before the adapter's now: no longer listed.
    const old = promise({ reason: 'Made long ago' });
    await service.promise(old);
    const twoDaysAgo = new Date(asOf.getTime() - 2 * 24 * 3_600_000).toISOString();
    const call = contactFor({ staffId: agent.id, residentId, callbackId: old.callbackId, callerNumber: '02079460000', answeredAt: twoDaysAgo, endedAt: twoDaysAgo, offeredAt: null, waitedSeconds: null });
    expect(await office.saveContacts([call], { staffId: agent.id, team: agent.team, trueResolutionDays: 7 })).toEqual([{ id: call.id, result: 'saved' }]);
    const listed = (await service.list()).callbacks;
    const ids = listed.map((each) => each.id);
    expect(ids.indexOf(soon.callbackId)).toBeLessThan(ids.indexOf(laterOne.callbackId));
    expect(ids.indexOf(soon.callbackId)).toBeGreaterThanOrEqual(0);
    expect(ids).not.toContain(old.callbackId);
    const froms = listed.map((each) => Date.parse(each.from));
    expect([...froms].sort((a, b) => a - b)).toEqual(froms);
    // Ordinary calls are never listed as call backs.
    expect(listed.every((each) => harness.standIn.rows('phonecalls').find((row) => row.activityid === each.id)?.cd_callbackfor != null)).toBe(true);
  });

  it('lists every page Dataverse gives, not only the first', async () => {
    const { service } = serviceFor(agent);
    const mine = [promise({ reason: 'Paged one' }), promise({ reason: 'Paged two' }), promise({ reason: 'Paged three' })];
    for (const each of mine) await service.promise(each);
    const office = harness.backOffice({ getAccessToken: async () => harness.officerToken(agent.id), pageSize: 2 });
    const paged = createCallbackService({ backOffice: async () => office, user: () => agent, now: () => new Date(), log: { warn: () => undefined } });
    const before = harness.standIn.requests().length;
    const ids = (await paged.list()).callbacks.map((each) => each.id);
    for (const each of mine) expect(ids).toContain(each.callbackId);
    expect(ids).toEqual((await service.list()).callbacks.map((each) => each.id));
    // More than one request: the pages were followed.
    expect(harness.standIn.requests().length - before).toBeGreaterThan(2);
  });
});
