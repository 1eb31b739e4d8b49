import type { IsoDate, IsoDateTime } from './dates';
import type { CasePriority } from './case';
import type { Resident } from './resident';

/** A field on a case, as answered in a call script: its question and the answer in words. */
export interface CaseField {
  name: string;
  question: string;
  answer: string;
}

/** How the resident wants to hear back about the case. */
export type ContactPreference = 'phone' | 'email' | 'text' | 'letter' | 'no-contact';
export const CONTACT_PREFERENCES: readonly ContactPreference[] = ['phone', 'email', 'text', 'letter', 'no-contact'];

/**
 * Where the person's cursor was when the draft was last saved, so a reload puts them back
 * in the same field at the same place.
 */
export interface DraftFocus {
  field: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

/**
 * A case being written on this computer. It lives in IndexedDB from the first keystroke, so
 * a crash or a dropped network loses nothing; submitting moves it to the outbox.
 * Fields hold exactly what was typed, valid or not: validation never clears them.
 */
export interface CaseDraft {
  /** Generated here, and used as the Dataverse record id, so a resend can never duplicate. */
  id: string;
  /**
   * The officer writing it: on a shared computer, another officer never sees it. Null on
   * drafts made before this was kept whose contact was not known.
   */
  staffId: string | null;
  interactionId: string | null;
  /** The resident the case is for; null with `anonymous` true for an anonymous report. */
  residentId: string | null;
  /** The resident's name as shown when the case was started, so lists can say whose it is offline. */
  residentName: string | null;
  anonymous: boolean;
  /** A CaseService code, or '' while not yet chosen. */
  service: string;
  /** A CaseCategory code, or '' while not yet chosen. */
  category: string;
  priority: CasePriority;
  serviceStandard: string;
  receivedOn: IsoDate;
  dueOn: IsoDate;
  /** One line: what the case is about. Becomes the Dataverse case title. */
  summary: string;
  description: string;
  /** Address or a description of the place ("outside 12 Peckham Road, by the bus stop"). */
  location: string;
  postcode: string;
  contactPreference: ContactPreference | '';
  fields: CaseField[];
  /** Photos and documents, in the attachments table, in the order they were added. */
  attachmentIds: string[];
  source: { scriptId: string; scriptVersion: number } | null;
  focus: DraftFocus | null;
  status: 'draft';
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/**
 * How the resident wants to hear back, from what they have told the council: their preferred
 * channel where they agreed to it and the council has the details, else a phone call, else a
 * letter. Texting and email need the resident's consent, not just a number or an address.
 */
export function howToHearBack(resident: Pick<Resident, 'contact' | 'preferences'>): ContactPreference {
  const { preferences, contact } = resident;
  const phone = contact.phones.length > 0;
  const mobile = contact.phones.some((each) => each.kind === 'mobile');
  if (preferences.preferredChannel === 'sms' && preferences.smsConsent && mobile) return 'text';
  if (preferences.preferredChannel === 'email' && preferences.emailConsent && contact.email) return 'email';
  if (preferences.preferredChannel === 'letter') return 'letter';
  return phone ? 'phone' : 'letter';
}
