import type { IsoDateTime } from './dates';
import type { CaseDraft } from './case-draft';

/**
 * Where a submitted case is on its way to Dataverse:
 * - waiting: in the outbox, to be sent (again) when the back office can be reached;
 * - sent: Dataverse has it, exactly once;
 * - needs-attention: the back office refused it for a reason a person has to fix; it stays in
 *   the outbox, held, until they fix and resend it;
 * - conflict: an update met a newer version in Dataverse; a person picks which to keep.
 */
export type SyncState = 'waiting' | 'sent' | 'needs-attention' | 'conflict';

/** The case content that goes to Dataverse: the draft as it was submitted, minus the editing state. */
export type CaseContent = Omit<CaseDraft, 'status' | 'focus' | 'createdAt' | 'updatedAt'>;

/** A case after "Submit": what was sent, and how its sending is going. */
export interface SubmittedCase {
  id: string;
  content: CaseContent;
  submittedAt: IsoDateTime;
  submittedBy: string | null;
  syncState: SyncState;
  /** Dataverse's version of the row after the last successful send, for If-Match on updates. */
  etag: string | null;
  /** The reference Dataverse gave the case ('CAS-01234-X1Y2Z3'), once sent. */
  reference: string | null;
  sentAt: IsoDateTime | null;
  /** The server's reason, in plain English, when the case needs attention. */
  problem: string | null;
  /** For a conflict: the case as Dataverse now has it, to show beside ours. */
  theirs: Pick<CaseContent, 'summary' | 'description' | 'location' | 'postcode' | 'contactPreference'> | null;
  theirEtag: string | null;
}

/**
 * One thing to send. An item leaves the outbox only in the same transaction that marks its
 * case sent, so a crash between the two cannot lose it; a resend after a crash is harmless
 * because the case's id is fixed.
 */
export interface OutboxItem {
  /** The case's (or contact's) id: one item per case, and per contact, at a time. */
  id: string;
  /**
   * What goes: a case (the default, and every item made before contacts were sent), or a
   * contact (a call or visit), sent as it is when it goes, so one item carries its latest state.
   */
  kind?: 'case' | 'contact';
  operation: 'create' | 'update';
  queuedAt: IsoDateTime;
  attempts: number;
  /** Not before this instant (backoff, Retry-After); null to send at once. */
  notBefore: IsoDateTime | null;
  /** Held items wait for a person (needs attention, conflict) and are not sent by the loop. */
  held: boolean;
  lastError: string | null;
}

/** A photo or document on a case, kept as a Blob beside the draft until the case is sent. */
export interface CaseAttachment {
  id: string;
  caseId: string;
  fileName: string;
  mimeType: string;
  size: number;
  blob: Blob;
  /** A small JPEG data URL for images, made when the file is added; null for documents. */
  thumbnail: string | null;
  addedAt: IsoDateTime;
}

export interface SyncLogEntry {
  /** Auto-increment. */
  seq?: number;
  at: IsoDateTime;
  caseId: string | null;
  event: 'sent' | 'already-there' | 'retry' | 'needs-attention' | 'conflict' | 'offline' | 'online' | 'resent' | 'resolved';
  detail: string;
}
