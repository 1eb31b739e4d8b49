import type { ContactRecord } from '../domain/contact';
import type { Resident } from '../domain/resident';
import type { DirectoryEntry } from '../domain/directory';
import type { ResidentFlag } from '../domain/flag';
import type { IdentityQuestion } from '../domain/identity-check';
import type { IdentityCheckResult, Resident360 } from '../domain/resident-360';

/** A slice of the directory for the renderer's offline search index. */
export interface DirectorySlice {
  /** The read this slice is part of: ask for the next slice with it, even after a reload. */
  read: string;
  /** Where this slice starts in the read: 0 when main started the read again. */
  offset: number;
  entries: DirectoryEntry[];
  removed: string[];
  deltaToken: string;
  replacesAll: boolean;
  /** Ask again from here for the rest of this batch; null when it is all sent. */
  nextOffset: number | null;
  /** How many in all: the back office's own count (an estimate) until the last slice, which is exact. */
  total: number;
}

/**
 * A resident's record as the agent may see it right now. Until the identity check is passed
 * or overridden, only the name and the flags this role may see are sent: the rest never
 * leaves the main process.
 */
export interface ResidentView {
  accessId: string;
  residentId: string;
  name: string;
  /** The questions the council's policy asks: all of `required`, and one or more of `oneOf`. */
  identity: { status: IdentityCheckResult; questions: IdentityQuestion[]; required: IdentityQuestion[]; oneOf: IdentityQuestion[] };
  flags: ResidentFlag[];
  /** Staff-safety markers that exist but are hidden for this role. */
  hiddenStaffSafety: number;
  /**
   * The language and adjustments needed to talk to the resident at all. Sent before the
   * identity check, like the name: a caller who needs a Tigrinya interpreter cannot answer
   * the identity questions until one is on the line.
   */
  communication: Pick<Resident, 'language' | 'accessibilityNeeds'>;
  record: Resident360 | null;
  /** Contacts about the same service within 14 days: a repeat contact to handle with care. */
  repeatContact: { service: string; times: number } | null;
}

export interface ContactHistorySlice {
  contacts: ContactRecord[];
  nextCursor: string | null;
  staffNames: Record<string, string>;
}
