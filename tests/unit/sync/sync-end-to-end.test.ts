import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessLock } from '../../../renderer/sync/leader-lock';
import type { SyncLoop } from '../../../renderer/sync/sync-loop';
import { startCore, incidentCounts, type CoreHarness } from './core-harness';
import { freshDb, loopFor, submitted, until } from './support';

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
    const slow = await submitted(db, anonymous);
    ids.push(slow);
    await loop.stop();
    faults.failNext(1, { delayMs: 1500 });
    loop = loopFor(db, core.backOffice, { limits: { timeoutMs: 500, perMegabyteMs: 0 }, random: () => 0.01 }, inProcessLock());
    loop.start();
    await until(async () => (await db.outbox.get(slow))?.attempts === 1, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
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
});
