import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CaseDatabase } from '../../../renderer/storage/case-database';
import { applyRetention } from '../../../renderer/storage/retention';
import { importDataKey } from '../../../renderer/storage/sealing';
import { SnapshotDatabase } from '../../../renderer/storage/snapshot-database';
import { moveUnsealedRows } from '../../../renderer/storage/unsealed-migration';
import { residentView } from '../support/fake-bridge';
import { draft, freshDb, interaction, submitted } from '../sync/support';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-12-04T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
const newKey = () => importDataKey(crypto.getRandomValues(new Uint8Array(32)));

describe('the council’s retention rule', () => {
  it('deletes what has served its purpose, and never what has not reached Dataverse, however old', async () => {
    const cases = freshDb();
    const snapshots = new SnapshotDatabase(`retention-${crypto.randomUUID()}`, await newKey());
    const oldSent = await submitted(cases);
    const recentSent = await submitted(cases);
    const oldWaiting = await submitted(cases);
    await cases.cases.update(oldSent, { syncState: 'sent', sentAt: daysAgo(31) });
    await cases.cases.update(recentSent, { syncState: 'sent', sentAt: daysAgo(29) });
    await cases.cases.update(oldWaiting, { submittedAt: daysAgo(200) });
    await cases.attachments.put({ id: 'a-1', caseId: oldSent, fileName: 'bin.jpg', mimeType: 'image/jpeg', size: 1, blob: new Blob(['x']), thumbnail: null, addedAt: daysAgo(31) });
    await cases.interactions.bulkPut([
      interaction({ id: 'c-old', status: 'done', recorded: { state: 'completed', at: daysAgo(31) } }),
      interaction({ id: 'c-unrecorded', status: 'done', answeredAt: daysAgo(60) }),
      interaction({ id: 'c-recent', status: 'done', recorded: { state: 'completed', at: daysAgo(2) } }),
    ]);
    await cases.syncLog.bulkAdd([
      { at: daysAgo(91), caseId: oldSent, event: 'sent', detail: null },
      { at: daysAgo(89), caseId: oldSent, event: 'sent', detail: null },
    ] as never[]);
    // Texts and emails: one sent and recorded long ago goes; one not yet recorded, or recent, stays.
    const message = (id: string, writtenAt: string, state: 'sent' | 'waiting', recorded: boolean) =>
      ({ id, staffId: 'staff-1', residentId: 'r-1', interactionId: null, caseId: null, purpose: 'online-link', channel: 'sms', templateId: 't', language: 'en', recipient: { source: 'record', to: '07700 900123' }, personalisation: {}, subject: null, body: 'x', writtenAt, state, notificationId: null, sentAt: null, delivery: null, recorded, failure: null, attempts: 0 }) as const;
    await cases.messages.bulkPut([message('m-old', daysAgo(31), 'sent', true), message('m-unrecorded', daysAgo(31), 'sent', false), message('m-waiting', daysAgo(60), 'waiting', false), message('m-recent', daysAgo(2), 'sent', true)]);
    await snapshots.residentSnapshots.bulkPut([
      { residentId: 'r-1', staffId: 'staff-1', view: residentView, savedAt: daysAgo(8) },
      { residentId: 'r-2', staffId: 'staff-1', view: residentView, savedAt: daysAgo(6) },
    ]);

    const result = await applyRetention(cases, snapshots, { snapshotDays: 7, sentDays: 30, syncLogDays: 90 }, now);

    expect(result).toEqual({ snapshots: 1, cases: 1, contacts: 1, messages: 1, syncLog: 1 });
    expect((await cases.messages.toArray()).map((each) => each.id).sort()).toEqual(['m-recent', 'm-unrecorded', 'm-waiting']);
    expect((await cases.cases.toArray()).map((each) => each.id).sort()).toEqual([recentSent, oldWaiting].sort());
    expect(await cases.attachments.count()).toBe(0);
    expect((await cases.interactions.toArray()).map((each) => each.id).sort()).toEqual(['c-recent', 'c-unrecorded']);
    expect((await cases.syncLog.toArray()).map((line) => line.at)).not.toContain(daysAgo(91));
    expect((await cases.syncLog.toArray()).map((line) => line.at)).toContain(daysAgo(89));
    expect((await snapshots.residentSnapshots.toArray()).map((each) => each.residentId)).toEqual(['r-2']);
  });
});

describe('a computer upgraded from a version that kept rows in the clear', () => {
  it('moves this officer’s rows, and rows naming no officer, into their sealed database; another officer’s wait for them', async () => {
    const unsealed = new CaseDatabase('civicdesk-cases', null);
    await unsealed.caseDrafts.bulkPut([draft({ id: 'mine', staffId: 'staff-1', summary: 'Mine' }), draft({ id: 'theirs', staffId: 'staff-2' }), draft({ id: 'nobody', staffId: null })]);
    await unsealed.outbox.put({ id: 'mine', operation: 'create', queuedAt: daysAgo(1), attempts: 0, nextAttemptAt: null, held: false } as never);
    unsealed.close();

    const mine = new CaseDatabase(`civicdesk-cases-staff-1-${crypto.randomUUID()}`, await newKey());
    expect(await moveUnsealedRows('staff-1', mine)).toBe(3);
    expect((await mine.caseDrafts.toArray()).map((each) => each.id).sort()).toEqual(['mine', 'nobody']);
    expect((await mine.caseDrafts.get('mine'))?.summary).toBe('Mine');
    expect(await mine.outbox.count()).toBe(1);

    // The other officer's draft is still there for them, and the old database with it.
    expect(await Dexie.exists('civicdesk-cases')).toBe(true);
    const theirs = new CaseDatabase(`civicdesk-cases-staff-2-${crypto.randomUUID()}`, await newKey());
    expect(await moveUnsealedRows('staff-2', theirs)).toBe(1);
    expect((await theirs.caseDrafts.toArray()).map((each) => each.id)).toEqual(['theirs']);
    // Nothing left in the clear: the old database is gone.
    expect(await Dexie.exists('civicdesk-cases')).toBe(false);
  });
});
