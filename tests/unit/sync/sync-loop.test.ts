import { afterEach, describe, expect, it } from 'vitest';
import type { CaseSendResult } from '../../../shared/contract/cases';
import type { Outcome } from '../../../shared/contract/outcome';
import { editSentCase, returnToDraft, resolveConflict, submitDraft } from '../../../renderer/sync/case-store';
import type { SyncLoop } from '../../../renderer/sync/sync-loop';
import { endCall, queueContact, saveWrapUp } from '../../../renderer/contact/contact-record';
import { fakeBackOffice, freshDb, interaction, loopFor, submitted, until } from './support';

const loops: SyncLoop[] = [];
const started = (loop: SyncLoop) => {
  loops.push(loop);
  loop.start();
  return loop;
};
afterEach(async () => {
  await Promise.all(loops.splice(0).map((loop) => loop.stop()));
});

describe('sync loop: sending new cases', () => {
  it('sends a submitted case once and, in one step, marks it sent with its reference and empties the outbox', async () => {
    const db = freshDb();
    const id = await submitted(db);
    const back = fakeBackOffice();
    started(loopFor(db, back.facade));
    await until(async () => (await db.cases.get(id))?.syncState === 'sent');
    const sent = await db.cases.get(id);
    expect(sent).toMatchObject({ reference: 'CAS-1-0', etag: 'W/"1"', problem: null });
    expect(sent?.sentAt).toEqual(expect.any(String));
    expect(await db.outbox.count()).toBe(0);
    expect(back.submits).toHaveLength(1);
    const [payload] = back.submits[0]!;
    expect(payload).toMatchObject({ id, capturedAt: sent?.submittedAt, contactPreference: 'phone', attachments: [] });
    expect(payload).not.toHaveProperty('residentName');
    expect(await db.meta.get('lastSuccessfulSync')).toMatchObject({ at: sent?.sentAt });
    expect((await db.syncLog.where('caseId').equals(id).toArray()).map((entry) => entry.event)).toEqual(['resent', 'sent']);
  });

  it('treats already-there as success: the case is sent, nothing is queued again', async () => {
    const db = freshDb();
    const id = await submitted(db);
    const back = fakeBackOffice((cases) => ({ ok: true, value: cases.map((each) => ({ id: each.id, result: 'already-there', reference: 'CAS-9', etag: 'W/"4"' })) }));
    started(loopFor(db, back.facade));
    await until(async () => (await db.cases.get(id))?.syncState === 'sent');
    expect(await db.cases.get(id)).toMatchObject({ reference: 'CAS-9', etag: 'W/"4"' });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.syncLog.where('caseId').equals(id).last())?.event).toBe('already-there');
  });

  it('sends a new case as soon as it reaches the outbox, without being asked', async () => {
    const db = freshDb();
    const back = fakeBackOffice();
    started(loopFor(db, back.facade));
    await until(() => loops[0]!.state().leader);
    const id = await submitted(db);
    await until(async () => (await db.cases.get(id))?.syncState === 'sent');
  });

  it('groups cases into calls of at most casesPerCall', async () => {
    const db = freshDb();
    for (let index = 0; index < 7; index += 1) await submitted(db);
    const back = fakeBackOffice();
    started(loopFor(db, back.facade, { limits: { casesPerCall: 3 } }));
    await until(async () => (await db.outbox.count()) === 0);
    expect(back.submits.map((call) => call.length)).toEqual([3, 3, 1]);
    expect(new Set(back.submits.flat().map((each) => each.id)).size).toBe(7);
  });

  it('sends attachments as base64 and deletes the files here once the case is sent, keeping the count', async () => {
    const db = freshDb();
    const bytes = new Uint8Array(70_000).map((_, index) => index % 251);
    const draftId = crypto.randomUUID();
    const attachmentId = crypto.randomUUID();
    await db.attachments.put({ id: attachmentId, caseId: draftId, fileName: 'bin.jpg', mimeType: 'image/jpeg', size: bytes.length, blob: new Blob([bytes], { type: 'image/jpeg' }), thumbnail: null, addedAt: new Date().toISOString() });
    await submitted(db, { id: draftId, attachmentIds: [attachmentId] });
    const back = fakeBackOffice();
    started(loopFor(db, back.facade));
    await until(async () => (await db.cases.get(draftId))?.syncState === 'sent');
    const [sentFile] = back.submits[0]![0]!.attachments;
    expect(sentFile).toMatchObject({ id: attachmentId, fileName: 'bin.jpg', mimeType: 'image/jpeg' });
    expect(Buffer.from(sentFile!.base64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(await db.attachments.count()).toBe(0);
    expect((await db.cases.get(draftId))?.content.attachmentIds).toEqual([attachmentId]);
  });
});

describe('sync loop: when sending does not work', () => {
  it('waits at least the Retry-After the back office asked for, and counts the attempt', async () => {
    const db = freshDb();
    const id = await submitted(db);
    const back = fakeBackOffice((cases) => ({ ok: true, value: cases.map((each) => ({ id: each.id, result: 'retry', afterMs: 60_000, problem: 'Too many requests.' })) }));
    const before = Date.now();
    started(loopFor(db, back.facade, { random: () => 0 }));
    await until(async () => (await db.outbox.get(id))?.attempts === 1);
    const item = await db.outbox.get(id);
    expect(Date.parse(item!.notBefore!)).toBeGreaterThanOrEqual(before + 60_000);
    expect(item).toMatchObject({ held: false, lastError: 'Too many requests.' });
    expect((await db.cases.get(id))?.syncState).toBe('waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(back.submits).toHaveLength(1);
  });

  it('backs off exponentially with jitter when there is no Retry-After, and tries again', async () => {
    const db = freshDb();
    const id = await submitted(db);
    let calls = 0;
    const back = fakeBackOffice((cases) => {
      calls += 1;
      const result: CaseSendResult[] = cases.map((each) => (calls < 3 ? { id: each.id, result: 'retry', afterMs: 0, problem: 'Server busy.' } : { id: each.id, result: 'created', reference: 'CAS-3', etag: null }));
      return { ok: true, value: result };
    });
    // random 0.05: 5% of a 2 s, then 4 s, ceiling.
    started(loopFor(db, back.facade, { random: () => 0.05 }));
    await until(async () => (await db.cases.get(id))?.syncState === 'sent', 8000);
    expect(calls).toBe(3);
    const retries = await db.syncLog.where('caseId').equals(id).filter((entry) => entry.event === 'retry').count();
    expect(retries).toBe(2);
  });

  it('a call that gets no answer puts every case in it back to wait, and tells the monitor', async () => {
    const db = freshDb();
    const ids = [await submitted(db), await submitted(db)];
    let told = 0;
    const back = fakeBackOffice(() => ({ ok: false, error: { code: 'not-connected', message: 'CivicDesk has lost its connection.' } }));
    // random 0.5: the next try a second away (half of a 2 s wait), so the checks below see the
    // first failed call before another is made; at random it could come at once, and they never did.
    const loop = started(loopFor(db, back.facade, { onCallFailed: () => (told += 1), random: () => 0.5 }));
    await until(() => told === 1);
    await until(async () => (await db.outbox.toArray()).every((item) => item.attempts === 1));
    for (const id of ids) expect((await db.cases.get(id))?.syncState).toBe('waiting');
    expect(loop.state()).toMatchObject({ problem: 'CivicDesk has lost its connection.', lastCallFailed: true });
  });

  it('a refused case needs attention and stays held; fixed and resubmitted, it goes with the same id', async () => {
    const db = freshDb();
    const id = await submitted(db);
    let refuse = true;
    const back = fakeBackOffice((cases) => ({
      ok: true,
      value: cases.map((each) => (refuse ? { id: each.id, result: 'rejected', problem: 'The postcode is not in the borough.', code: 'postcode' } : { id: each.id, result: 'created', reference: 'CAS-2', etag: null })),
    }));
    const loop = started(loopFor(db, back.facade));
    await until(async () => (await db.cases.get(id))?.syncState === 'needs-attention');
    expect(await db.cases.get(id)).toMatchObject({ problem: 'The postcode is not in the borough.' });
    expect(await db.outbox.get(id)).toMatchObject({ held: true });
    loop.syncNow();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(back.submits).toHaveLength(1);

    const back_ = await returnToDraft(db, id);
    expect(back_?.id).toBe(id);
    await db.caseDrafts.update(id, { postcode: 'SE5 8UB' });
    refuse = false;
    await submitDraft(db, id, 'staff-1');
    await until(async () => (await db.cases.get(id))?.syncState === 'sent');
    expect(back.submits.map((call) => call[0]!.id)).toEqual([id, id]);
  });

  it('holds a case the contract would refuse without sending it, and still sends the others', async () => {
    const db = freshDb();
    const bad = await submitted(db, { contactPreference: '' });
    const good = await submitted(db);
    const back = fakeBackOffice();
    started(loopFor(db, back.facade));
    await until(async () => (await db.cases.get(good))?.syncState === 'sent');
    expect(await db.cases.get(bad)).toMatchObject({ syncState: 'needs-attention', problem: expect.stringContaining('contactPreference') });
    expect(await db.outbox.get(bad)).toMatchObject({ held: true });
    expect(back.submits.flat().map((each) => each.id)).toEqual([good]);
  });

  it('ignores a reply that comes after the time limit; the next send is told already-there', async () => {
    const db = freshDb();
    const id = await submitted(db);
    let lateReply: (value: Outcome<CaseSendResult[]>) => void = () => {};
    let calls = 0;
    const back = fakeBackOffice((cases) => {
      calls += 1;
      if (calls === 1) return new Promise((resolve) => (lateReply = resolve));
      return { ok: true, value: cases.map((each) => ({ id: each.id, result: 'already-there', reference: 'CAS-7', etag: 'W/"7"' })) };
    });
    let told = 0;
    // random 1: the next try two seconds away, so the checks below see the first call given up
    // before another is made. With Math.random the loop waited one to two seconds, and in CI at
    // c466fbd the case had gone again (and left the outbox) before the check. The test sends
    // again itself (syncNow).
    const loop = started(loopFor(db, back.facade, { limits: { timeoutMs: 100, perMegabyteMs: 0 }, onCallFailed: () => (told += 1), random: () => 1 }));
    await until(() => told === 1);
    expect(await db.outbox.get(id)).toMatchObject({ attempts: 1 });
    lateReply({ ok: true, value: [{ id, result: 'created', reference: 'CAS-7', etag: 'W/"7"' }] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await db.cases.get(id))?.syncState).toBe('waiting');
    loop.syncNow();
    await until(async () => (await db.cases.get(id))?.syncState === 'sent');
    expect(await db.cases.get(id)).toMatchObject({ reference: 'CAS-7' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('a case edited while its send is on the way keeps the edit queued, as an update', async () => {
    const db = freshDb();
    const id = await submitted(db);
    let answer: () => void = () => {};
    const back = fakeBackOffice((cases) => new Promise((resolve) => (answer = () => resolve({ ok: true, value: cases.map((each) => ({ id: each.id, result: 'created', reference: 'CAS-1', etag: 'W/"1"' })) }))));
    started(loopFor(db, back.facade));
    await until(() => back.submits.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await editSentCase(db, id, { summary: 'Missed recycling bin, third week' });
    answer();
    await until(() => back.updates.length === 1);
    expect(back.updates[0]).toMatchObject({ id, etag: 'W/"1"', changes: { summary: 'Missed recycling bin, third week' } });
    await until(async () => (await db.cases.get(id))?.syncState === 'sent');
    expect(await db.cases.get(id)).toMatchObject({ etag: 'W/"2"', reference: 'CAS-1' });
  });
});

describe('sync loop: updates and conflicts', () => {
  it('an update meeting a newer version becomes a conflict with theirs kept; keeping mine sends it against their version', async () => {
    const db = freshDb();
    const id = await submitted(db);
    let conflict = true;
    const theirs = { summary: 'Missed bin (checked by crew)', description: 'Crew say it was not out.', location: '12 Peckham Road', postcode: 'SE5 8UB', contactPreference: 'email' };
    const back = fakeBackOffice(undefined, () => ({ ok: true, value: conflict ? { result: 'conflict', theirs, etag: 'W/"5"' } : { result: 'updated', etag: 'W/"6"' } }));
    started(loopFor(db, back.facade));
    await until(async () => (await db.cases.get(id))?.syncState === 'sent');
    await editSentCase(db, id, { description: 'Not collected on Monday or Tuesday.' });
    await until(async () => (await db.cases.get(id))?.syncState === 'conflict');
    expect(back.updates[0]).toMatchObject({ id, etag: 'W/"1"' });
    expect(await db.cases.get(id)).toMatchObject({ theirs, theirEtag: 'W/"5"' });
    expect(await db.outbox.get(id)).toMatchObject({ held: true, operation: 'update' });

    conflict = false;
    await resolveConflict(db, id, 'mine');
    await until(async () => (await db.cases.get(id))?.syncState === 'sent');
    expect(back.updates[1]).toMatchObject({ id, etag: 'W/"5"', changes: { description: 'Not collected on Monday or Tuesday.' } });
    expect(await db.cases.get(id)).toMatchObject({ etag: 'W/"6"' });
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('sync loop: recording contacts', () => {
  const wrapUp = { disposition: 'case-raised', resolvedAtFirstContact: false, couldHaveBeenOnline: true, onlineRouteOffered: true, feedback: 'good' as const, feedbackOffered: true, notes: 'Bin blocked by a car.', incompleteReason: null, savedAt: '2025-03-03T09:06:00.000Z', afterCallWorkSeconds: 60 };

  it('records a contact once as it stands when it goes, then brings it up to date when it is wrapped up', async () => {
    const db = freshDb();
    const call = interaction({ status: 'in-progress', endedAt: null });
    await db.interactions.put(call);
    await queueContact(db, call.id);
    const back = fakeBackOffice();
    started(loopFor(db, back.facade, { staffId: () => 'staff-1' }));
    await until(async () => (await db.outbox.count()) === 0);
    expect(back.contactSaves.flat().map((each) => [each.id, each.state])).toEqual([[call.id, 'in-progress']]);
    expect((await db.interactions.get(call.id))?.recorded?.state).toBe('in-progress');

    await saveWrapUp(db, call.id, wrapUp);
    await until(async () => (await db.interactions.get(call.id))?.recorded?.state === 'completed');
    const last = back.contactSaves.flat().at(-1);
    expect(last).toMatchObject({ id: call.id, state: 'completed', staffId: 'staff-1', queue: 'Waste', waitedSeconds: 30, offeredAt: '2025-03-03T08:59:30.000Z', disposition: 'case-raised', resolvedAtFirstContact: false, couldHaveBeenOnline: true, onlineRouteOffered: true, feedback: 'good', afterCallWorkSeconds: 60, notes: 'Bin blocked by a car.' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends the newer state again when the contact changed while it was on its way', async () => {
    const db = freshDb();
    const call = interaction({ status: 'in-progress', endedAt: null });
    await db.interactions.put(call);
    await queueContact(db, call.id);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    const back = fakeBackOffice(undefined, undefined, async (contacts) => {
      if (first) {
        first = false;
        await held;
      }
      return { ok: true, value: contacts.map((each) => ({ id: each.id, result: 'saved' as const })) };
    });
    started(loopFor(db, back.facade, { staffId: () => 'staff-1' }));
    await until(() => back.contactSaves.length === 1);
    await endCall(db, { ...call, status: 'in-progress' });
    release();
    await until(() => back.contactSaves.flat().some((each) => each.state === 'wrap-up'));
    await until(async () => (await db.outbox.count()) === 0);
    expect(back.contactSaves.flat().map((each) => each.state)).toEqual(['in-progress', 'wrap-up']);
  });

  it('waits while a screen-pop is opening a caller’s record, then sends', async () => {
    const db = freshDb();
    const call = interaction({ status: 'in-progress', endedAt: null });
    await db.interactions.put(call);
    await queueContact(db, call.id);
    let popDone: () => void = () => undefined;
    const popping = new Promise<void>((resolve) => (popDone = resolve));
    const back = fakeBackOffice();
    started(loopFor(db, back.facade, { staffId: () => 'staff-1', quiet: () => popping }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(back.contactSaves).toHaveLength(0);
    popDone();
    await until(async () => (await db.outbox.count()) === 0);
    expect(back.contactSaves.flat().map((each) => each.id)).toEqual([call.id]);
  });

  it('keeps a contact the council’s system turned down, and tries it again a quarter of an hour on rather than holding it for ever', async () => {
    const db = freshDb();
    const call = interaction({ status: 'done', wrapUp });
    await db.interactions.put(call);
    await queueContact(db, call.id);
    const back = fakeBackOffice(undefined, undefined, async (contacts) => ({ ok: true, value: contacts.map((each) => ({ id: each.id, result: 'rejected' as const, problem: 'You do not have permission to do that in the council’s system.' })) }));
    const before = Date.now();
    started(loopFor(db, back.facade, { staffId: () => 'staff-1' }));
    await until(async () => (await db.outbox.get(call.id))?.lastError !== null && (await db.outbox.get(call.id))?.lastError !== undefined);
    const item = await db.outbox.get(call.id);
    expect(item).toMatchObject({ held: false, attempts: 1, lastError: 'You do not have permission to do that in the council’s system.' });
    expect(Date.parse(item?.notBefore ?? '') - before).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
    expect((await db.interactions.get(call.id))?.recorded?.state).not.toBe('completed');
  });

  it('waits for a case the contact raised, then names it; another officer’s contact waits for them', async () => {
    const db = freshDb();
    const caseId = await submitted(db);
    const call = interaction({ status: 'done', wrapUp, outcomes: [{ runId: 'run-1', scriptId: 'missed-bin', scriptVersion: 3, kind: 'create-case', summary: 'Missed bin', caseDraftId: caseId, onlineRoute: null, service: 'waste', at: '2025-03-03T09:03:00.000Z' }] });
    const theirs = interaction({ staffId: 'staff-2', status: 'done', wrapUp });
    await db.interactions.bulkPut([call, theirs]);
    await queueContact(db, call.id);
    await queueContact(db, theirs.id);
    const back = fakeBackOffice();
    started(loopFor(db, back.facade, { staffId: () => 'staff-1' }));
    await until(async () => (await db.interactions.get(call.id))?.recorded?.state === 'completed');
    // The case went first, and the contact names it and the reference the resident was given.
    const [saved] = back.contactSaves.flat();
    expect(saved).toMatchObject({ id: call.id, caseIds: [caseId], service: 'waste', outcomes: ['create-case'] });
    expect(saved?.caseReferences).toEqual([(await db.cases.get(caseId))?.reference]);
    expect(back.contactSaves.flat().map((each) => each.id)).not.toContain(theirs.id);
    expect((await db.outbox.toArray()).map((each) => each.id)).toEqual([theirs.id]);
  });
});
