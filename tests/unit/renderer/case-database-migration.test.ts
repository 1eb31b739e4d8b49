import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CaseDatabase } from '../../../renderer/storage/case-database';
import { submitDraft } from '../../../renderer/sync/case-store';

/** A draft exactly as version 1 stored it (shared/domain/case-draft.ts before the case form). */
const versionOneDraft = {
  id: '6f1c1f53-8a4e-4d0a-9a57-6f6b8f1f9a01',
  interactionId: '0b7c2d1e-3f4a-4b5c-8d6e-7f8091a2b3c4',
  residentId: 'c2a9e6f0-1b2c-4d3e-8f4a-5b6c7d8e9f00',
  service: 'waste',
  category: 'missed-bin',
  priority: 'routine',
  serviceStandard: 'missed-bin',
  receivedOn: '2025-03-03',
  dueOn: '2025-03-05',
  summary: 'Missed recycling bin',
  fields: [{ name: 'bin', question: 'Which bin was missed?', answer: 'Recycling' }],
  source: { scriptId: 'missed-bin', scriptVersion: 3 },
  status: 'draft',
  createdAt: '2025-03-03T09:01:00.000Z',
  updatedAt: '2025-03-03T09:04:00.000Z',
};

const versionOneInteraction = {
  id: versionOneDraft.interactionId,
  channel: 'phone',
  callerNumber: '020 7946 0999',
  queue: 'Waste and recycling',
  waitedSeconds: 42,
  answeredAt: '2025-03-03T09:00:00.000Z',
  endedAt: null,
  staffId: 'staff-1',
  residentId: versionOneDraft.residentId,
  outcomes: [],
  wrapUp: null,
  status: 'in-progress',
};

/** Builds a database with version 1's schema, exactly as it shipped, with plain Dexie. */
async function versionOneDatabase(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores({
    caseDrafts: 'id, interactionId, residentId, status, dueOn, updatedAt',
    interactions: 'id, status, answeredAt, residentId',
  });
  await old.table('caseDrafts').put(versionOneDraft);
  await old.table('interactions').put(versionOneInteraction);
  old.close();
}

/** A draft as version 2 stored it: version 1's fields plus the case form's. */
const versionTwoDraft = {
  ...versionOneDraft,
  residentName: 'Ada Lovelace',
  anonymous: false,
  description: 'The recycling was not collected on Monday.',
  location: '',
  postcode: 'SE1 2AA',
  contactPreference: 'phone',
  attachmentIds: ['a2'],
  focus: null,
};

/** One row in each of version 2's other tables. */
const versionTwoRows = {
  outbox: { id: versionTwoDraft.id, operation: 'create', queuedAt: '2025-03-03T09:05:00.000Z', attempts: 1, nextAttemptAt: '2025-03-03T09:06:00.000Z', held: false, lastError: 'not reachable' },
  cases: { id: versionTwoDraft.id, content: { summary: 'Missed recycling bin' }, submittedAt: '2025-03-03T09:05:00.000Z', submittedBy: 'staff-1', syncState: 'waiting', etag: null, reference: null, sentAt: null, problem: null },
  attachments: { id: 'a2', caseId: versionTwoDraft.id, fileName: 'bin.jpg', mimeType: 'image/jpeg', size: 3, thumbnail: null, addedAt: '2025-03-03T09:02:00.000Z' },
  syncLog: { at: '2025-03-03T09:05:30.000Z', caseId: versionTwoDraft.id, event: 'send-failed', detail: 'not reachable' },
  meta: { key: 'lastSuccessfulSync', at: '2025-03-02T17:00:00.000Z' },
};

const pendingAccess = { id: '3f2b8c1d-4e5a-4b6c-9d7e-8f9012a3b4c5', residentId: versionOneDraft.residentId, staffId: 'staff-1', reason: 'call', at: '2025-03-03T09:20:00.000Z', source: 'snapshot' } as const;

/** Builds a database with version 2's schema, exactly as it shipped, with plain Dexie. */
async function versionTwoDatabase(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores({
    caseDrafts: 'id, interactionId, residentId, status, dueOn, updatedAt',
    interactions: 'id, status, answeredAt, residentId',
  });
  old.version(2).stores({
    caseDrafts: 'id, interactionId, residentId, status, dueOn, updatedAt',
    interactions: 'id, status, answeredAt, residentId',
    outbox: 'id, queuedAt',
    cases: 'id, syncState, submittedAt',
    attachments: 'id, caseId',
    syncLog: '++seq, at, caseId',
    meta: 'key',
  });
  await old.table('caseDrafts').put(versionTwoDraft);
  await old.table('interactions').put(versionOneInteraction);
  await old.table('outbox').put(versionTwoRows.outbox);
  await old.table('cases').put(versionTwoRows.cases);
  await old.table('attachments').put({ ...versionTwoRows.attachments, blob: new Blob(['abc']) });
  await old.table('syncLog').add(versionTwoRows.syncLog);
  await old.table('meta').put(versionTwoRows.meta);
  old.close();
}

describe('case database migrations', () => {
  it('carries a version 1 draft and interaction into version 2 with the new fields defaulted and nothing lost', async () => {
    const name = `migration-${Date.now()}`;
    await versionOneDatabase(name);

    const db = new CaseDatabase(name, null);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await db.caseDrafts.get(versionOneDraft.id)).toEqual({
      ...versionOneDraft,
      // Version 5: the draft is its contact's officer's.
      staffId: 'staff-1',
      residentName: null,
      anonymous: false,
      description: '',
      location: '',
      postcode: '',
      contactPreference: '',
      attachmentIds: [],
      focus: null,
    });
    expect(await db.interactions.get(versionOneInteraction.id)).toEqual(versionOneInteraction);
    // The old indexes still answer.
    expect(await db.caseDrafts.where('interactionId').equals(versionOneDraft.interactionId).count()).toBe(1);
    expect(await db.interactions.where('status').equals('in-progress').count()).toBe(1);

    // The new tables work, and a migrated draft can be submitted.
    const submitted = await submitDraft(db, versionOneDraft.id, 'staff-1');
    expect(submitted?.content).toMatchObject({ summary: 'Missed recycling bin', attachmentIds: [], contactPreference: '' });
    expect(await db.outbox.get(versionOneDraft.id)).toMatchObject({ operation: 'create', held: false, attempts: 0 });
    expect(await db.cases.where('syncState').equals('waiting').count()).toBe(1);
    await db.attachments.put({ id: 'a1', caseId: versionOneDraft.id, fileName: 'bin.jpg', mimeType: 'image/jpeg', size: 3, blob: new Blob(['abc']), thumbnail: null, addedAt: '2025-03-03T09:02:00.000Z' });
    expect(await db.attachments.where('caseId').equals(versionOneDraft.id).count()).toBe(1);
    expect(await db.syncLog.where('caseId').equals(versionOneDraft.id).count()).toBe(1);
    await db.meta.put({ key: 'lastSuccessfulSync', at: '2025-03-03T09:10:00.000Z' });
    expect(await db.meta.get('lastSuccessfulSync')).toMatchObject({ at: '2025-03-03T09:10:00.000Z' });
    // Version 3's table works too.
    await db.pendingAccesses.add(pendingAccess);
    expect(await db.pendingAccesses.where('staffId').equals('staff-1').toArray()).toEqual([pendingAccess]);
    db.close();
  });

  it('carries every version 2 table into version 3 untouched, and adds the pending accesses', async () => {
    const name = `migration-v2-${Date.now()}`;
    await versionTwoDatabase(name);

    const db = new CaseDatabase(name, null);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await db.caseDrafts.toArray()).toEqual([{ ...versionTwoDraft, staffId: 'staff-1' }]);
    expect(await db.interactions.toArray()).toEqual([versionOneInteraction]);
    expect(await db.outbox.toArray()).toEqual([versionTwoRows.outbox]);
    expect(await db.cases.toArray()).toEqual([versionTwoRows.cases]);
    expect(await db.syncLog.toArray()).toEqual([{ ...versionTwoRows.syncLog, seq: 1 }]);
    expect(await db.meta.toArray()).toEqual([versionTwoRows.meta]);
    const [attachment] = await db.attachments.toArray();
    expect(attachment).toMatchObject({ ...versionTwoRows.attachments, blob: expect.anything() });
    // The old indexes still answer.
    expect(await db.cases.where('syncState').equals('waiting').count()).toBe(1);
    expect(await db.outbox.orderBy('queuedAt').first()).toEqual(versionTwoRows.outbox);
    expect(await db.attachments.where('caseId').equals(versionTwoDraft.id).count()).toBe(1);
    expect(await db.syncLog.where('caseId').equals(versionTwoDraft.id).count()).toBe(1);
    // The new table starts empty and answers by staff and by time.
    expect(await db.pendingAccesses.count()).toBe(0);
    await db.pendingAccesses.add(pendingAccess);
    expect(await db.pendingAccesses.where('staffId').equals('staff-1').toArray()).toEqual([pendingAccess]);
    expect(await db.pendingAccesses.orderBy('at').first()).toEqual(pendingAccess);
    db.close();
  });

  it('carries every version 3 table into version 4 untouched, and adds the Teams outbox', async () => {
    const name = `migration-v3-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores({ caseDrafts: 'id, interactionId, residentId, status, dueOn, updatedAt', interactions: 'id, status, answeredAt, residentId' });
    old.version(2).stores({ outbox: 'id, queuedAt', cases: 'id, syncState, submittedAt', attachments: 'id, caseId', syncLog: '++seq, at, caseId', meta: 'key' });
    old.version(3).stores({ pendingAccesses: 'id, at, staffId' });
    await old.open();
    await old.table('caseDrafts').put(versionTwoDraft);
    await old.table('cases').put(versionTwoRows.cases);
    await old.table('pendingAccesses').put(pendingAccess);
    old.close();

    const db = new CaseDatabase(name, null);
    await db.open();
    expect(db.verno).toBe(9);
    // No contact to say whose it was: the draft stays everyone's.
    expect(await db.caseDrafts.toArray()).toEqual([{ ...versionTwoDraft, staffId: null }]);
    expect(await db.cases.toArray()).toEqual([versionTwoRows.cases]);
    expect(await db.pendingAccesses.toArray()).toEqual([pendingAccess]);
    // The new table starts empty and answers by case and by state.
    expect(await db.teamsOutbox.count()).toBe(0);
    const message = {
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      kind: 'escalate' as const,
      caseId: versionTwoDraft.id,
      input: { messageId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', writtenAt: '2025-03-03T09:30:00.000Z', case: { caseId: versionTwoDraft.id, reference: null, service: 'waste', serviceName: 'Waste and recycling', category: 'Missed bin collection', priority: 'routine' as const, dueOn: null, summary: 'Missed recycling bin', description: '', residentReference: null }, note: 'Third time', service: 'waste' },
      state: 'waiting' as const,
      chatId: null,
      sentAt: null,
      late: false,
      failure: null,
      attempts: 0,
    };
    await db.teamsOutbox.add(message);
    expect(await db.teamsOutbox.where('caseId').equals(versionTwoDraft.id).toArray()).toEqual([message]);
    expect(await db.teamsOutbox.where('state').equals('waiting').count()).toBe(1);
    db.close();
  });

  it('opens an empty version 1 database without complaint', async () => {
    const name = `migration-empty-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores({ caseDrafts: 'id, interactionId, residentId, status, dueOn, updatedAt', interactions: 'id, status, answeredAt, residentId' });
    await old.open();
    old.close();
    const db = new CaseDatabase(name, null);
    expect(await db.caseDrafts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.pendingAccesses.count()).toBe(0);
    db.close();
  });

  it('finds version 4 cases by their resident and contacts by their officer in version 5', async () => {
    const name = `migration-v4-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores({ caseDrafts: 'id, interactionId, residentId, status, dueOn, updatedAt', interactions: 'id, status, answeredAt, residentId' });
    old.version(2).stores({ outbox: 'id, queuedAt', cases: 'id, syncState, submittedAt', attachments: 'id, caseId', syncLog: '++seq, at, caseId', meta: 'key' });
    old.version(3).stores({ pendingAccesses: 'id, at, staffId' });
    old.version(4).stores({ teamsOutbox: 'id, caseId, state' });
    await old.open();
    await old.table('interactions').put(versionOneInteraction);
    await old.table('caseDrafts').put(versionTwoDraft);
    const aboutAda = { ...versionTwoRows.cases, content: { ...versionTwoRows.cases.content, residentId: versionOneDraft.residentId } };
    await old.table('cases').put(aboutAda);
    old.close();

    const db = new CaseDatabase(name, null);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await db.cases.where('content.residentId').equals(versionOneDraft.residentId).toArray()).toEqual([aboutAda]);
    expect(await db.interactions.where('staffId').equals('staff-1').count()).toBe(1);
    expect(await db.caseDrafts.where('staffId').equals('staff-1').toArray()).toEqual([{ ...versionTwoDraft, staffId: 'staff-1' }]);
    db.close();
  });
  it('carries a version 6 database into version 7 untouched, and adds the officer’s state changes waiting to be recorded', async () => {
    const name = `migration-v6-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores({ caseDrafts: 'id, interactionId, residentId, status, dueOn, updatedAt', interactions: 'id, status, answeredAt, residentId' });
    old.version(2).stores({ outbox: 'id, queuedAt', cases: 'id, syncState, submittedAt', attachments: 'id, caseId', syncLog: '++seq, at, caseId', meta: 'key' });
    old.version(3).stores({ pendingAccesses: 'id, at, staffId' });
    old.version(4).stores({ teamsOutbox: 'id, caseId, state' });
    old.version(5).stores({ cases: 'id, syncState, submittedAt, content.residentId', caseDrafts: 'id, interactionId, residentId, status, dueOn, updatedAt, staffId', interactions: 'id, status, answeredAt, residentId, staffId' });
    old.version(6).stores({ messages: 'id, residentId, interactionId, state, writtenAt, staffId' });
    await old.open();
    await old.table('interactions').put({ ...versionOneInteraction, staffId: 'staff-1' });
    old.close();

    const db = new CaseDatabase(name, null);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await db.interactions.where('staffId').equals('staff-1').count()).toBe(1);
    const change = { id: '0b9d2a3c-4e5f-4a6b-8c7d-9e0f1a2b3c4d', staffId: 'staff-1', state: 'on-a-break' as const, previous: 'available' as const, at: '2025-03-03T10:42:00.000Z', cause: 'chosen' as const };
    await db.agentStates.add(change);
    expect(await db.agentStates.where('staffId').equals('staff-1').sortBy('at')).toEqual([change]);
    // 8: call backs promised, waiting for the back office, found by their officer.
    const promise = { id: '1c0e3b4d-5f60-4b7c-9d8e-0f1a2b3c4d5e', staffId: 'staff-1', residentId: '7d1a0e6c-1111-4a2b-8c3d-4e5f6a7b8c9d', residentName: 'Ada Example', interactionId: null, number: '02079460000', reason: 'Council tax arrears', from: '2025-03-03T11:00:00.000Z', to: '2025-03-03T12:00:00.000Z', forWhom: 'me' as const, writtenAt: '2025-03-03T10:43:00.000Z', state: 'waiting' as const, failure: null };
    await db.callbacks.add(promise);
    expect(await db.callbacks.where('staffId').equals('staff-1').toArray()).toEqual([promise]);
    db.close();
  });
});
