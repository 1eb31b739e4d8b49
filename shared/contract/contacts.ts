import { z } from 'zod';

/** The most contacts one `contacts.save` call carries. */
export const MOST_CONTACTS_PER_SAVE = 50;

const id = z.uuid();
const text = (max: number) => z.string().max(max);
const isoDateTime = z.iso.datetime();

/** What a contact came to, each script run's end: a call can signpost one thing and raise a case for another. */
export const CONTACT_OUTCOME_KINDS = ['resolved', 'create-case', 'signpost', 'transfer', 'emergency'] as const;

/**
 * A contact (a call, a visit or an email) as it goes to the council's system: a Dataverse activity
 * (`phonecall`, `cd_facetoface` for a visit, `email` for an email from the contact mailbox) whose id is the contact's own, made when the
 * contact starts and brought up to date as it goes: wrap-up, then completed. Sending it again
 * changes nothing: the id is fixed. Times are the workstation's; the officer is main's.
 */
export const contactSubmission = z.strictObject({
  id,
  channel: z.enum(['phone', 'face-to-face', 'email']),
  /**
   * An email contact's message: its id in the contact mailbox (Graph's ids run to about 150
   * characters), its sender's address (at most 320, as an address can be) and its subject, as
   * the resident wrote it. Null or absent on a call or a visit.
   */
  emailId: text(200).min(1).nullable().optional(),
  emailFrom: text(320).nullable().optional(),
  emailSubject: text(400).nullable().optional(),
  state: z.enum(['in-progress', 'wrap-up', 'completed']),
  /** The officer who handled it: main sends only the signed-in officer's own. */
  staffId: text(64).min(1),
  queue: text(100).nullable(),
  callerNumber: text(40).nullable(),
  /** A call back the officer made (an outgoing call): the scheduled phone call it keeps. Absent from older workstations. */
  callbackId: id.nullable().optional(),
  /** Who it was about; null when nobody was identified. */
  residentId: id.nullable(),
  /** The service it was about (a script's, or the queue's); null when none is known. */
  service: text(64).nullable(),
  /** When the call was offered to the queue (answered less the wait), or the email received; null for a visit. */
  offeredAt: isoDateTime.nullable(),
  answeredAt: isoDateTime,
  endedAt: isoDateTime.nullable(),
  waitedSeconds: z.number().int().min(0).max(86_400).nullable(),
  afterCallWorkSeconds: z.number().int().min(0).max(86_400).nullable(),
  outcomes: z.array(z.enum(CONTACT_OUTCOME_KINDS)).max(20),
  /** What each script run came to, in words. */
  outcomeSummary: text(2000),
  disposition: text(64).nullable(),
  resolvedAtFirstContact: z.boolean().nullable(),
  couldHaveBeenOnline: z.boolean().nullable(),
  onlineRouteOffered: z.boolean().nullable(),
  feedback: z.enum(['good', 'average', 'poor']).nullable(),
  /** Cases raised on the contact that the council's system has (the first is the activity's case). */
  caseIds: z.array(id).max(20),
  /** The references the resident was given for every case raised, sent or not yet. */
  caseReferences: z.array(text(20)).max(20),
  interpreter: z.strictObject({ language: text(20), supplierId: text(40), interpreterId: text(60), minutes: z.number().int().min(0).max(1440) }).nullable(),
  notes: text(2000),
  incompleteReason: text(500).nullable(),
})
  // An email contact points at its message (the record names it, and a resend finds the same one); a call or visit has none.
  .refine((contact) => (contact.channel === 'email') === Boolean(contact.emailId), { message: 'An email contact carries its email’s id, and only an email contact does.', path: ['emailId'] });
export type ContactSubmission = z.output<typeof contactSubmission>;

/**
 * What happened to one contact: saved (Dataverse has it as sent, whatever it had before), to
 * be tried again, or refused for a reason a person must read.
 */
export type ContactSaveResult = { id: string; result: 'saved' } | { id: string; result: 'retry'; afterMs: number; problem: string } | { id: string; result: 'rejected'; problem: string };
