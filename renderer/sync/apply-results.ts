import type { CaseSendResult, CaseUpdateResult } from '../../shared/contract/cases';
import type { ContactSaveResult, ContactSubmission } from '../../shared/contract/contacts';
import type { OutboxItem, SyncLogEntry } from '../../shared/domain/case-sync';
import type { CaseDatabase } from '../storage/case-database';
import { retryDelayMs } from './backoff';

/** What the loop needs from one call's results to decide what to do next. */
export interface Applied {
  succeeded: number;
  /** The longest Retry-After the back office asked for, 0 if none. */
  throttleMs: number;
}

type Clock = { at: string; nowMs: number; random: () => number };

const tables = (db: CaseDatabase) => [db.cases, db.outbox, db.attachments, db.syncLog, db.meta, db.interactions];

/**
 * An item is "still ours" if nobody re-queued it while it was on its way: a person may edit a
 * case mid-send, and then the outbox holds their newer change, which must not be deleted or
 * delayed by the answer to the older one.
 */
const stillOurs = (current: OutboxItem | undefined, sent: OutboxItem): boolean =>
  current !== undefined && current.queuedAt === sent.queuedAt && current.operation === sent.operation;

/**
 * The answers to one `cases.submit`, all in one transaction: for each case, its new state, the
 * outbox item and the log entry move together, so a crash leaves every case either before or
 * after its answer, never between. An id main did not answer is retried, never dropped.
 */
export async function applySendResults(db: CaseDatabase, sent: OutboxItem[], results: CaseSendResult[], clock: Clock): Promise<Applied> {
  const byId = new Map(results.map((result) => [result.id, result]));
  const applied: Applied = { succeeded: 0, throttleMs: 0 };
  await db.transaction('rw', tables(db), async () => {
    for (const item of sent) {
      const result: CaseSendResult = byId.get(item.id) ?? { id: item.id, result: 'retry', afterMs: 0, problem: 'No answer for this case.' };
      if (result.result === 'retry') {
        applied.throttleMs = Math.max(applied.throttleMs, result.afterMs);
        await markRetry(db, item, result.afterMs, result.problem, clock);
      } else if (result.result === 'rejected') {
        await markHeld(db, item, 'needs-attention', result.problem, clock);
      } else {
        applied.succeeded += 1;
        await markSent(db, item, result, clock);
      }
    }
  });
  return applied;
}

/** How long a contact the council's system turned down waits before it is tried again. */
export const CONTACT_REFUSED_RETRY_MS = 15 * 60_000;

/**
 * The answers to one `contacts.save`, in one transaction: a saved contact leaves the outbox
 * (unless it changed again on its way: then its newer state still goes) and says how far the
 * council's system has it.
 */
export async function applyContactResults(db: CaseDatabase, sent: { item: OutboxItem; payload: ContactSubmission }[], results: ContactSaveResult[], clock: Clock): Promise<Applied> {
  const byId = new Map(results.map((result) => [result.id, result]));
  const applied: Applied = { succeeded: 0, throttleMs: 0 };
  await db.transaction('rw', tables(db), async () => {
    for (const { item, payload } of sent) {
      const result: ContactSaveResult = byId.get(item.id) ?? { id: item.id, result: 'retry', afterMs: 0, problem: 'No answer for this contact.' };
      if (result.result === 'retry') {
        applied.throttleMs = Math.max(applied.throttleMs, result.afterMs);
        await markRetry(db, item, result.afterMs, result.problem, clock);
      } else if (result.result === 'rejected') {
        // Nobody can fix a contact by typing (it is the record of what happened): what turns one
        // down is a setting or a role someone puts right, so it is tried again every so often
        // rather than held for ever, and the status bar goes on counting it.
        await markRetry(db, item, CONTACT_REFUSED_RETRY_MS, result.problem, clock);
      } else {
        applied.succeeded += 1;
        if (stillOurs(await db.outbox.get(item.id), item)) await db.outbox.delete(item.id);
        await db.interactions.update(item.id, { recorded: { state: payload.state, at: clock.at } });
        await log(db, clock, null, 'sent', `Contact ${item.id} recorded (${payload.state}).`);
        await db.meta.put({ key: 'lastSuccessfulSync', at: clock.at });
      }
    }
  });
  return applied;
}

/** The answer to one `cases.update`, in one transaction. */
export async function applyUpdateResult(db: CaseDatabase, sent: OutboxItem, result: CaseUpdateResult, clock: Clock): Promise<Applied> {
  const applied: Applied = { succeeded: 0, throttleMs: 0 };
  await db.transaction('rw', tables(db), async () => {
    if (result.result === 'updated') {
      applied.succeeded = 1;
      await markSent(db, sent, { result: 'updated', reference: null, etag: result.etag }, clock);
    } else if (result.result === 'conflict') {
      const submitted = await db.cases.get(sent.id);
      if (submitted) {
        const { summary, description, location, postcode } = result.theirs;
        const contactPreference = result.theirs.contactPreference as typeof submitted.content.contactPreference;
        await db.cases.put({ ...submitted, syncState: 'conflict', theirs: { summary, description, location, postcode, contactPreference }, theirEtag: result.etag, problem: null });
      }
      // Held whatever was queued since: the person decides between the versions first.
      const current = await db.outbox.get(sent.id);
      if (current) await db.outbox.put({ ...current, held: true, lastError: 'conflict' });
      await log(db, clock, sent.id, 'conflict', 'The back office has a newer version.');
    } else if (result.result === 'retry') {
      applied.throttleMs = result.afterMs;
      await markRetry(db, sent, result.afterMs, result.problem, clock);
    } else {
      await markHeld(db, sent, 'needs-attention', result.problem, clock);
    }
  });
  return applied;
}

/** A whole call that got no answer (not connected, timed out, failed): every case tries again later. */
export async function applyCallFailure(db: CaseDatabase, sent: OutboxItem[], problem: string, clock: Clock): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    for (const item of sent) await markRetry(db, item, 0, problem, clock);
  });
}

/** Cases this computer cannot send as they are (checked before sending, or refused by main's schema). */
export async function applyHeld(db: CaseDatabase, held: { item: OutboxItem; problem: string }[], clock: Clock): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    for (const { item, problem } of held) await markHeld(db, item, 'needs-attention', problem, clock);
  });
}

async function markSent(db: CaseDatabase, item: OutboxItem, result: { result: 'created' | 'already-there' | 'updated'; reference: string | null; etag: string | null }, clock: Clock) {
  const submitted = await db.cases.get(item.id);
  const current = await db.outbox.get(item.id);
  const ours = stillOurs(current, item);
  if (submitted) {
    await db.cases.put({
      ...submitted,
      // Edited while on its way: Dataverse has the case, the newer change still has to go.
      syncState: ours || !current ? 'sent' : 'waiting',
      reference: result.reference ?? submitted.reference,
      etag: result.etag,
      sentAt: clock.at,
      problem: null,
    });
  }
  if (ours) await db.outbox.delete(item.id);
  else if (current) await db.outbox.put({ ...current, operation: 'update' });
  // Data minimisation: the files now live in Dataverse; content.attachmentIds keeps the count.
  if (item.operation === 'create') await db.attachments.where('caseId').equals(item.id).delete();
  const event = result.result === 'already-there' ? 'already-there' : 'sent';
  await log(db, clock, item.id, event, result.reference ?? submitted?.reference ?? '');
  await db.meta.put({ key: 'lastSuccessfulSync', at: clock.at });
}

async function markRetry(db: CaseDatabase, item: OutboxItem, afterMs: number, problem: string, clock: Clock) {
  const current = await db.outbox.get(item.id);
  if (current && stillOurs(current, item)) {
    const attempts = current.attempts + 1;
    const notBefore = new Date(clock.nowMs + retryDelayMs(attempts, afterMs, clock.random)).toISOString();
    await db.outbox.put({ ...current, attempts, notBefore, lastError: problem });
  }
  await log(db, clock, item.id, 'retry', problem);
}

async function markHeld(db: CaseDatabase, item: OutboxItem, state: 'needs-attention', problem: string, clock: Clock) {
  const current = await db.outbox.get(item.id);
  // Edited since it was sent: the newer version goes instead and gets its own answer.
  if (current && stillOurs(current, item)) {
    await db.outbox.put({ ...current, held: true, lastError: problem });
    const submitted = await db.cases.get(item.id);
    if (submitted) await db.cases.put({ ...submitted, syncState: state, problem });
  }
  await log(db, clock, item.id, state, problem);
}

function log(db: CaseDatabase, clock: Clock, caseId: string | null, event: SyncLogEntry['event'], detail: string) {
  return db.syncLog.add({ at: clock.at, caseId, event, detail });
}
