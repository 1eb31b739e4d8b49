import type { IsoDateTime } from './dates';

/** Channels differ in cost (£8.62 face to face, £2.83 phone, £0.15 web), so each is counted. */
export type ContactChannel = 'phone' | 'email' | 'face-to-face' | 'web-form' | 'web-chat' | 'letter';

export const CONTACT_CHANNELS: readonly ContactChannel[] = [
  'phone',
  'email',
  'face-to-face',
  'web-form',
  'web-chat',
  'letter',
];

/** The wrap-up (disposition) code recorded at the end of a contact. */
export type ContactOutcome =
  | 'resolved-first-contact'
  | 'signposted-online'
  | 'case-raised'
  | 'case-updated'
  | 'callback-arranged'
  | 'transferred'
  | 'escalated'
  | 'no-further-action';

export const CONTACT_OUTCOMES: readonly ContactOutcome[] = [
  'resolved-first-contact',
  'signposted-online',
  'case-raised',
  'case-updated',
  'callback-arranged',
  'transferred',
  'escalated',
  'no-further-action',
];

export interface ContactRecord {
  id: string;
  residentId: string;
  /** Absent when the contact was resolved without a case. */
  caseId?: string;
  channel: ContactChannel;
  direction: 'inbound' | 'outbound';
  occurredAt: IsoDateTime;
  summary: string;
  outcome: ContactOutcome;
  /** The officer who handled it, also for web forms and letters worked in the back office. */
  staffId: string;
}
