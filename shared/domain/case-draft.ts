import type { IsoDate, IsoDateTime } from './dates';

/** A field on a case, as answered in a call script: its question and the answer in words. */
export interface CaseField {
  name: string;
  question: string;
  answer: string;
}

/**
 * A case being written on this computer. It lives in IndexedDB from the first keystroke, so
 * a crash or a dropped network loses nothing; the sync service sends it on.
 */
export interface CaseDraft {
  /** Generated here, and used as the Dataverse record id, so a resend can never duplicate. */
  id: string;
  interactionId: string | null;
  residentId: string | null;
  service: string;
  category: string;
  priority: 'emergency' | 'urgent' | 'routine';
  serviceStandard: string;
  receivedOn: IsoDate;
  dueOn: IsoDate;
  summary: string;
  fields: CaseField[];
  source: { scriptId: string; scriptVersion: number } | null;
  status: 'draft';
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}
