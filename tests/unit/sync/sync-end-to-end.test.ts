import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessLock } from '../../../renderer/sync/leader-lock';
import type { SyncLoop } from '../../../renderer/sync/sync-loop';
import { queueContact, saveWrapUp } from '../../../renderer/contact/contact-record';
import { staff, startCore, incidentCounts, type CoreHarness } from './core-harness';
import { freshDb, interaction, loopFor, submitted, until } from './support';

let core: CoreHarness;
beforeAll(async () => {
  core = await startCore();
}, 60_000);
afterAll(async () => {
  await core.close();
});

/** The stand-in knows only its own residents: other cases go anonymous. */
const anonymous = { residentId: null, anonymous: true };
const drained = (db: ReturnType<typeof freshDb>) => async () => (await db.outbox.count()) === 0;

describe('sync loop against the real core and the training stand-in', () => {
  it('makes every case exactly once through dropped connections, lost replies, replays, a slow service and a cut-off renderer', async () => {
    const db = freshDb();
    const ids: string[] = [];
    for (let index = 0; index < 12; index += 1) {
      const resident = index % 3 === 0 ? anonymous : { residentId: core.contactIds[index] ?? null };
      ids.push(await submitted(db, resident));
    }
    const { faults } = core.standIn;
    faults.failNext(1, { connection: 'accept-then-fail' });
    faults.failNext(1, { duplicate: true });
    faults.failNext(1, { connection: 'drop' });
    faults.failNext(2, { status: 503 });

    let loop: SyncLoop | null = loopFor(db, core.backOffice, { limits: { casesPerCall: 4, timeoutMs: 20_000 }, random: () => 0.01 }, inProcessLock());
    loop.start();
    await until(drained(db), 60_000);
    await loop.stop();

    // The renderer loses main mid-way: the call never answers, then main comes back.
    const later = [await submitted(db, anonymous), await submitted(db, anonymous)];
    ids.push(...later);
    core.transport.state = 'hang';
    loop = loopFor(db, core.backOffice, { limits: { timeoutMs: 200, perMegabyteMs: 0 }, random: () => 0.01 }, inProcessLock());
    loop.start();
    await until(async () => (await db.outbox.get(later[0]!))?.attempts === 1, 10_000);
    core.transport.state = 'up';
    loop.syncNow();
    await until(drained(db), 30_000);

    // A slow service: main answers after the loop gave up; the resend finds the case there.
    // The loop's own resend waits about two seconds (jitter near its top), and the resend is
    // asked for only once the slow call has made the case: a fixed sleep raced the stand-in's
    // timer against the loop's backoff, and on a loaded machine the resend could come first.
    const slow = await submitted(db, anonymous);
    ids.push(slow);
    await loop.stop();
    faults.failNext(1, { delayMs: 1000 });
    loop = loopFor(db, core.backOffice, { limits: { timeoutMs: 500, perMegabyteMs: 0 }, random: () => 0.99 }, inProcessLock());
    loop.start();
    await until(async () => (await db.outbox.get(slow))?.attempts === 1, 10_000);
    await until(async () => incidentCounts(core.standIn, [slow]).get(slow.toLowerCase()) === 1, 10_000);
    loop.syncNow();
    await until(drained(db), 30_000);
    await loop.stop();

    for (const [id, count] of incidentCounts(core.standIn, ids)) expect({ id, count }).toEqual({ id, count: 1 });
    const cases = await db.cases.bulkGet(ids);
    expect(cases.every((each) => each?.syncState === 'sent' && each.reference)).toBe(true);
    expect((await db.cases.get(slow))?.syncState).toBe('sent');
    const events = await db.syncLog.where('caseId').equals(slow).toArray();
    expect(events.map((entry) => entry.event)).toEqual(['resent', 'retry', 'already-there']);
  }, 120_000);

  it('sends an edit to a sent case as an update, and a change made meanwhile in the back office as a conflict', async () => {
    const db = freshDb();
    const id = await submitted(db, { residentId: core.contactIds[0] ?? null });
    const loop = loopFor(db, core.backOffice, {}, inProcessLock());
    loop.start();
    await until(async () => (await db.cases.get(id))?.syncState === 'sent', 20_000);
    const { editSentCase } = await import('../../../renderer/sync/case-store');
    await editSentCase(db, id, { summary: 'Missed recycling bin, second week' });
    await until(async () => (await db.cases.get(id))?.syncState === 'sent' && (await db.outbox.count()) === 0, 20_000);
    const row = core.standIn.rows('incidents').find((each) => String(each['incidentid']).toLowerCase() === id.toLowerCase());
    expect(row?.['title']).toBe('Missed recycling bin, second week');

    core.standIn.mutate.update('incidents', id.toLowerCase(), { title: 'Changed by the service' });
    await editSentCase(db, id, { summary: 'Missed recycling bin, third week' });
    await until(async () => (await db.cases.get(id))?.syncState === 'conflict', 20_000);
    expect((await db.cases.get(id))?.theirs).toMatchObject({ summary: 'Changed by the service' });
    await loop.stop();
  }, 60_000);

  it('records every contact exactly once, completed, with the case it raised, through dropped connections and lost replies', async () => {
    const db = freshDb();
    const wrapUp = { disposition: 'resolved', resolvedAtFirstContact: true, couldHaveBeenOnline: false, onlineRouteOffered: false, feedback: 'good' as const, feedbackOffered: true, notes: '', incompleteReason: null, savedAt: '2025-03-03T09:06:00.000Z', afterCallWorkSeconds: 45 };
    const caseId = await submitted(db, { residentId: core.contactIds[1] ?? null, staffId: staff.id });
    const calls = Array.from({ length: 5 }, (_, index) =>
      interaction({
        staffId: staff.id,
        status: 'in-progress',
        endedAt: null,
        residentId: core.contactIds[index] ?? null,
        outcomes: index === 1 ? [{ runId: 'run-1', scriptId: 'missed-bin', scriptVersion: 3, kind: 'create-case', summary: 'Missed bin', caseDraftId: caseId, onlineRoute: null, service: 'waste', at: '2025-03-03T09:03:00.000Z' }] : [],
      }),
    );
    await db.interactions.bulkPut(calls);
    for (const call of calls) await queueContact(db, call.id);
    const { faults } = core.standIn;
    faults.failNext(1, { connection: 'accept-then-fail' });
    faults.failNext(1, { connection: 'drop' });
    faults.failNext(1, { status: 503 });

    const loop = loopFor(db, core.backOffice, { staffId: () => staff.id, limits: { timeoutMs: 20_000 }, random: () => 0.01 }, inProcessLock());
    loop.start();
    await until(drained(db), 60_000);
    // Wrapped up while the first save may still be on its way: the newer state follows.
    for (const call of calls) await saveWrapUp(db, call.id, wrapUp);
    loop.syncNow();
    await until(async () => (await db.interactions.bulkGet(calls.map((call) => call.id))).every((call) => call?.recorded?.state === 'completed'), 60_000);
    await until(drained(db), 60_000);
    await loop.stop();

    const ids = new Set(calls.map((call) => call.id.toLowerCase()));
    const rows = core.standIn.rows('phonecalls').filter((row) => ids.has(String(row['activityid']).toLowerCase()));
    expect(rows).toHaveLength(calls.length);
    // Completed (statecode 1), marked resolved at first contact, and the one that raised a case names it.
    expect(rows.every((row) => row['statecode'] === 1 && row['cd_resolvedatfirstcontact'] === true)).toBe(true);
    const raised = rows.find((row) => String(row['activityid']).toLowerCase() === calls[1]!.id.toLowerCase());
    expect(String(raised?.['_regardingobjectid_value']).toLowerCase()).toBe(core.contactIds[1]?.toLowerCase());
    expect(String(raised?.['_cd_caseid_value']).toLowerCase()).toBe(caseId.toLowerCase());
    expect(raised?.['cd_casereferences']).toBe((await db.cases.get(caseId))?.reference);
    // The activity list a Dataverse timeline reads holds each once too.
    expect(core.standIn.rows('activitypointers').filter((row) => ids.has(String(row['activityid']).toLowerCase()))).toHaveLength(calls.length);
  }, 120_000);
});
