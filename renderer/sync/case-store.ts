import type { CaseDraft, DraftFocus } from '../../shared/domain/case-draft';
import type { CaseContent, SubmittedCase } from '../../shared/domain/case-sync';
import type { CaseDatabase } from '../storage/case-database';
import { nowIso } from '../storage/ids';

/**
 * The case's way through this computer, each step one IndexedDB transaction so a crash
 * between two writes can never leave a case half-moved:
 * draft -> submitted (case + outbox item) -> sent; or back to a draft to fix and resend.
 */

/** Saves the draft as typed, valid or not, with where the cursor was. */
export async function saveDraft(db: CaseDatabase, draft: CaseDraft, focus?: DraftFocus | null): Promise<void> {
  await db.caseDrafts.put({ ...draft, focus: focus === undefined ? draft.focus : focus, updatedAt: nowIso() });
}

export function contentOf(draft: CaseDraft): CaseContent {
  const { status: _status, focus: _focus, createdAt: _created, updatedAt: _updated, ...content } = draft;
  return content;
}

/**
 * Submit: the draft becomes a submitted case waiting in the outbox, in one transaction. The
 * caller has checked the draft (see shared/domain/case-validation.ts). Submitting twice is
 * harmless: the second finds no draft and changes nothing.
 */
export async function submitDraft(db: CaseDatabase, draftId: string, submittedBy: string | null): Promise<SubmittedCase | null> {
  return db.transaction('rw', [db.caseDrafts, db.cases, db.outbox, db.syncLog], async () => {
    const draft = await db.caseDrafts.get(draftId);
    if (!draft) return null;
    const at = nowIso();
    const submitted: SubmittedCase = {
      id: draft.id,
      content: contentOf(draft),
      submittedAt: at,
      submittedBy,
      syncState: 'waiting',
      etag: null,
      reference: null,
      sentAt: null,
      problem: null,
      theirs: null,
      theirEtag: null,
    };
    await db.cases.put(submitted);
    await db.outbox.put({ id: draft.id, operation: 'create', queuedAt: at, attempts: 0, notBefore: null, held: false, lastError: null });
    await db.caseDrafts.delete(draft.id);
    await db.syncLog.add({ at, caseId: draft.id, event: 'resent', detail: 'Submitted and waiting to send.' });
    return submitted;
  });
}

/**
 * "Fix and resend" for a case the back office refused: it goes back to being a draft with the
 * same id (so a later send still cannot duplicate it), and out of the outbox, in one step.
 */
export async function returnToDraft(db: CaseDatabase, caseId: string): Promise<CaseDraft | null> {
  return db.transaction('rw', [db.caseDrafts, db.cases, db.outbox, db.syncLog], async () => {
    const submitted = await db.cases.get(caseId);
    if (!submitted || submitted.syncState !== 'needs-attention') return null;
    const at = nowIso();
    const draft: CaseDraft = { ...submitted.content, status: 'draft', focus: null, createdAt: submitted.submittedAt, updatedAt: at };
    await db.caseDrafts.put(draft);
    await db.outbox.delete(caseId);
    await db.cases.delete(caseId);
    await db.syncLog.add({ at, caseId, event: 'resolved', detail: 'Returned to drafts to fix and resend.' });
    return draft;
  });
}

export type EditableCaseFields = Pick<CaseContent, 'summary' | 'description' | 'location' | 'postcode' | 'contactPreference'>;

/** A change to a case already sent: kept here at once, sent as an update against the version we last saw. */
export async function editSentCase(db: CaseDatabase, caseId: string, changes: Partial<EditableCaseFields>): Promise<void> {
  await db.transaction('rw', [db.cases, db.outbox], async () => {
    const submitted = await db.cases.get(caseId);
    // A case held for a person (refused, or in conflict) is settled through its own screen first.
    if (!submitted || (submitted.syncState !== 'sent' && submitted.syncState !== 'waiting')) return;
    await db.cases.put({ ...submitted, content: { ...submitted.content, ...changes }, syncState: 'waiting', problem: null });
    const existing = await db.outbox.get(caseId);
    // A case Dataverse has not got yet stays a create, and goes with its latest content.
    const operation = submitted.syncState === 'sent' ? 'update' : (existing?.operation ?? 'create');
    await db.outbox.put({ id: caseId, operation, queuedAt: nowIso(), attempts: 0, notBefore: null, held: false, lastError: null });
  });
}

/**
 * A person's answer to a conflict. 'mine' sends our version again over theirs, now knowing
 * their version (its ETag), so a third change in between would be a new conflict; 'theirs'
 * takes the back office's version and drops ours.
 */
export async function resolveConflict(db: CaseDatabase, caseId: string, keep: 'mine' | 'theirs'): Promise<void> {
  await db.transaction('rw', [db.cases, db.outbox, db.syncLog], async () => {
    const submitted = await db.cases.get(caseId);
    if (!submitted || submitted.syncState !== 'conflict' || !submitted.theirs) return;
    const at = nowIso();
    if (keep === 'theirs') {
      await db.cases.put({ ...submitted, content: { ...submitted.content, ...submitted.theirs }, etag: submitted.theirEtag, syncState: 'sent', theirs: null, theirEtag: null, problem: null });
      await db.outbox.delete(caseId);
    } else {
      await db.cases.put({ ...submitted, etag: submitted.theirEtag, syncState: 'waiting', theirs: null, theirEtag: null, problem: null });
      await db.outbox.put({ id: caseId, operation: 'update', queuedAt: at, attempts: 0, notBefore: null, held: false, lastError: null });
    }
    await db.syncLog.add({ at, caseId, event: 'resolved', detail: keep === 'mine' ? 'Kept this computer’s version.' : 'Kept the back office’s version.' });
  });
}
