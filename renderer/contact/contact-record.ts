import type { DeepLink } from '../../shared/contract/deep-link';
import type { Interaction, ScriptOutcomeRecord, WrapUp, WrapUpDraft } from '../../shared/domain/interaction';
import type { InterpreterSession } from '../../shared/languages/interpreting';
import type { CaseDatabase } from '../storage/case-database';
import { newId, nowIso } from '../storage/ids';

/**
 * The contact as it is kept in IndexedDB from the moment it starts, so a reload mid-call or
 * mid-wrap-up comes back to exactly where the officer was. Each function is one transaction;
 * changes are made in place inside IndexedDB, so two quick saves cannot overwrite each other.
 * Every contact belongs to one officer: another officer on the same computer never sees it.
 *
 * Each change the council's system should know of (started, identified, ended, wrapped up)
 * queues the contact in the outbox in the same transaction: one item per contact, sent as
 * the contact is when it goes (renderer/sync/contact-payload.ts), so it is recorded as an
 * activity exactly once and brought up to date, offline or not.
 */

/** Queues the contact to go (again): the item is replaced, so the latest state is what goes. */
export async function queueContact(db: CaseDatabase, interactionId: string): Promise<void> {
  await db.outbox.put({ id: interactionId, kind: 'contact', operation: 'create', queuedAt: nowIso(), attempts: 0, notBefore: null, held: false, lastError: null });
}

const OPEN = ['in-progress', 'wrap-up'] as const;

/** This officer's contact in hand: the oldest not yet wrapped up. */
export async function contactInHand(db: CaseDatabase, staffId: string | null): Promise<Interaction | null> {
  if (staffId === null) return null;
  const open = await db.interactions.where('status').anyOf(OPEN).filter((each) => each.staffId === staffId).sortBy('answeredAt');
  return open[0] ?? null;
}

/** Resolves to the new call's id once it is in IndexedDB. */
export async function startCall(db: CaseDatabase, staffId: string | null, link: Extract<DeepLink, { kind: 'call' }>): Promise<string> {
  return db.transaction('rw', db.interactions, db.outbox, async () => {
    // A new call while one is open: the open one goes to wrap-up, never lost.
    const open = await db.interactions.where('status').equals('in-progress').filter((each) => each.staffId === staffId).toArray();
    for (const each of open) {
      await db.interactions.update(each.id, { status: 'wrap-up', endedAt: nowIso() });
      await queueContact(db, each.id);
    }
    const call = newContact(staffId, { channel: 'phone', callerNumber: link.callerNumber, queue: link.queue, waitedSeconds: link.waitedSeconds, residentId: null });
    await db.interactions.add(call);
    await queueContact(db, call.id);
    return call.id;
  });
}

/**
 * Starts a call back: an outgoing call to a resident, as a call in hand (a call open before it
 * goes to wrap-up first, as when a call arrives).
 */
export async function startCallback(db: CaseDatabase, staffId: string | null, callback: { id: string; number: string; residentId: string }): Promise<string> {
  return db.transaction('rw', db.interactions, db.outbox, async () => {
    const open = await db.interactions.where('status').equals('in-progress').filter((each) => each.staffId === staffId).toArray();
    for (const each of open) {
      await db.interactions.update(each.id, { status: 'wrap-up', endedAt: nowIso() });
      await queueContact(db, each.id);
    }
    // Whom it is for is known from the start: the call back was promised to them.
    const call = { ...newContact(staffId, { channel: 'phone', callerNumber: callback.number, queue: null, waitedSeconds: null, residentId: callback.residentId }), callbackId: callback.id };
    await db.interactions.add(call);
    await queueContact(db, call.id);
    return call.id;
  });
}

/** What an email contact starts from: the email taken from the contact mailbox, and whom it is from if known. */
export interface EmailTaken {
  emailId: string;
  from: string;
  subject: string;
  /** When the mailbox received it: the contact's "offered" time. */
  receivedAt: string;
  residentId: string | null;
}

/**
 * Starts an email contact: an email from the contact mailbox the officer has just taken. Only
 * when no other contact is in hand: a call or visit is finished (wrapped up) first. Taking the
 * same email again (after a reload) carries on with its contact. It is answered when taken,
 * and has no queue wait (waitedSeconds null): how long it waited runs from when it was received.
 */
export function startEmail(db: CaseDatabase, staffId: string | null, email: EmailTaken): Promise<Interaction> {
  return db.transaction('rw', db.interactions, db.outbox, async () => {
    const open = await contactInHand(db, staffId);
    if (open?.channel === 'email' && open.emailId === email.emailId) return open;
    if (open) throw new Error('Finish the contact in hand (its wrap-up) before taking an email.');
    const contact: Interaction = {
      ...newContact(staffId, { channel: 'email', callerNumber: null, queue: null, waitedSeconds: null, residentId: email.residentId }),
      emailId: email.emailId,
      emailFrom: email.from,
      emailSubject: email.subject,
      // Kept as an ISO time the contract takes; a time that cannot be read is left out, never a contact refused for it.
      ...(Number.isNaN(Date.parse(email.receivedAt)) ? {} : { emailReceivedAt: new Date(email.receivedAt).toISOString() }),
    };
    await db.interactions.add(contact);
    await queueContact(db, contact.id);
    return contact;
  });
}

/** Starts a face-to-face contact (a visit) when none is in hand; resolves to the contact in hand. */
export function startVisit(db: CaseDatabase, staffId: string | null, residentId: string | null): Promise<Interaction> {
  return db.transaction('rw', db.interactions, db.outbox, async () => {
    const open = await contactInHand(db, staffId);
    if (open) return open;
    const visit = newContact(staffId, { channel: 'face-to-face', callerNumber: null, queue: null, waitedSeconds: null, residentId });
    await db.interactions.add(visit);
    await queueContact(db, visit.id);
    return visit;
  });
}

function newContact(staffId: string | null, start: Pick<Interaction, 'channel' | 'callerNumber' | 'queue' | 'waitedSeconds' | 'residentId'>): Interaction {
  return {
    id: newId(),
    ...start,
    answeredAt: nowIso(),
    endedAt: null,
    staffId,
    residentIds: start.residentId ? [start.residentId] : [],
    outcomes: [],
    wrapUp: null,
    status: 'in-progress',
  };
}

/** Ends the contact in hand, whatever its channel (a call, a visit or an email): it goes to wrap-up. */
export async function endCall(db: CaseDatabase, interaction: Interaction): Promise<void> {
  if (interaction.status !== 'in-progress') return;
  await db.transaction('rw', db.interactions, db.outbox, async () => {
    await db.interactions.update(interaction.id, { status: 'wrap-up', endedAt: nowIso() });
    await queueContact(db, interaction.id);
  });
}

/**
 * Records who the contact is about, and everyone opened during it: a call about a household
 * member is about them, and the resident who called is kept beside them.
 */
export async function recordResident(db: CaseDatabase, interactionId: string, residentId: string, about: boolean): Promise<void> {
  await db.transaction('rw', db.interactions, db.outbox, async () => {
    await db.interactions.where('id').equals(interactionId).modify((interaction) => {
      const opened = interaction.residentIds ?? (interaction.residentId ? [interaction.residentId] : []);
      interaction.residentIds = opened.includes(residentId) ? opened : [...opened, residentId];
      if (about || interaction.residentId === null) interaction.residentId = residentId;
    });
    await queueContact(db, interactionId);
  });
}

/** Where a script run ended, replacing what that run recorded before. */
export async function recordOutcome(db: CaseDatabase, interactionId: string, outcome: ScriptOutcomeRecord): Promise<void> {
  await db.interactions.where('id').equals(interactionId).modify((interaction) => {
    interaction.outcomes = [...interaction.outcomes.filter((each) => each.runId !== outcome.runId), outcome];
  });
}

export async function clearOutcome(db: CaseDatabase, interactionId: string, runId: string): Promise<void> {
  await db.interactions.where('id').equals(interactionId).modify((interaction) => {
    interaction.outcomes = interaction.outcomes.filter((each) => each.runId !== runId);
  });
}

export async function saveWrapUp(db: CaseDatabase, interactionId: string, wrapUp: WrapUp): Promise<void> {
  await db.transaction('rw', db.interactions, db.outbox, async () => {
    await db.interactions.update(interactionId, { wrapUp, status: 'done', wrapUpDraft: undefined });
    await queueContact(db, interactionId);
  });
}

/** The wrap-up as it is being typed: kept, so a reload or a crash brings it back as it was. */
export async function saveWrapUpDraft(db: CaseDatabase, interactionId: string, draft: WrapUpDraft): Promise<void> {
  await db.interactions.update(interactionId, { wrapUpDraft: draft });
}

/** An interpreted conversation, replacing what the same session (by id) recorded before, so "joined" then "left" leave one record. */
export async function recordInterpreter(db: CaseDatabase, interactionId: string, session: InterpreterSession): Promise<void> {
  await db.interactions.where('id').equals(interactionId).modify((interaction) => {
    interaction.interpreterSessions = [...(interaction.interpreterSessions ?? []).filter((each) => each.id !== session.id), session];
  });
}
