import { z } from 'zod';
import { CONTACT_PREFERENCES } from '../domain/case-draft';

/** The largest attachment CivicDesk accepts unless a council configures another: 10 MB. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/**
 * The most a council may set maxAttachmentMegabytes to: 32 MB. The contract lets files up to
 * this through; main refuses anything over the council's own limit with a clear message.
 */
export const LARGEST_ATTACHMENT_BYTES = 32 * 1024 * 1024;
/** The most cases one `cases.submit` call carries; main splits them into $batch requests. */
export const MOST_CASES_PER_SUBMIT = 200;

const id = z.uuid();
const text = (max: number) => z.string().max(max);
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime();

export const attachmentSubmission = z.strictObject({
  id,
  fileName: text(255).min(1),
  mimeType: z.enum(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'application/pdf']),
  /** The file, base64: the contract travels as JSON over IPC and the loopback socket. */
  base64: z.string().max(Math.ceil((LARGEST_ATTACHMENT_BYTES * 4) / 3) + 4),
});

/**
 * A case as sent to main/core: the content the person submitted, its fixed id (the Dataverse
 * incidentid), and who captured it when, which is how a resend recognises its own case.
 */
export const caseSubmission = z.strictObject({
  id,
  residentId: id.nullable(),
  anonymous: z.boolean(),
  service: text(64).min(1),
  category: text(64).min(1),
  priority: z.enum(['emergency', 'urgent', 'routine']),
  serviceStandard: text(64),
  receivedOn: isoDate,
  dueOn: isoDate,
  summary: text(200).min(1),
  description: text(10_000),
  location: text(500),
  postcode: text(10),
  contactPreference: z.enum(CONTACT_PREFERENCES as [string, ...string[]]),
  fields: z.array(z.strictObject({ name: text(64), question: text(500), answer: text(2000) })).max(100),
  capturedAt: isoDateTime,
  attachments: z.array(attachmentSubmission).max(20),
});
export type CaseSubmission = z.infer<typeof caseSubmission>;

/**
 * What happened to one case:
 * - created: Dataverse made it now;
 * - already-there: a resend found the case already made by an earlier send of ours (a lost
 *   reply, a double send): success, nothing duplicated;
 * - retry: not sent for a reason that passes (network, timeout, 5xx, 429); try after `afterMs`;
 * - rejected: the back office refused it for a reason a person must fix (`problem`, plain English).
 */
export type CaseSendResult =
  | { id: string; result: 'created' | 'already-there'; reference: string | null; etag: string | null }
  | { id: string; result: 'retry'; afterMs: number; problem: string }
  | { id: string; result: 'rejected'; problem: string; code: string | null };

/** The parts of a sent case a person can change afterwards; sent with If-Match. */
export const caseUpdate = z.strictObject({
  id,
  /** The version the change was made against; null to overwrite whatever is there (after a conflict). */
  etag: z.string().min(1).max(200).nullable(),
  changes: z
    .strictObject({
      summary: text(200).min(1),
      description: text(10_000),
      location: text(500),
      postcode: text(10),
      contactPreference: z.enum(CONTACT_PREFERENCES as [string, ...string[]]),
    })
    .partial(),
});
export type CaseUpdate = z.infer<typeof caseUpdate>;

export interface CaseVersion {
  summary: string;
  description: string;
  location: string;
  postcode: string;
  contactPreference: string;
}

export type CaseUpdateResult =
  | { result: 'updated'; etag: string | null }
  /** Someone changed the case in Dataverse since `etag`: theirs is the case as it is now. */
  | { result: 'conflict'; theirs: CaseVersion; etag: string | null }
  | { result: 'retry'; afterMs: number; problem: string }
  | { result: 'rejected'; problem: string; code: string | null };

/** Whether the back office answers now, by a real request, not the operating system's guess. */
export interface Reachability {
  reachable: boolean;
  checkedAt: string;
  /** Plain English when not reachable. */
  problem: string | null;
}

/**
 * How much the council's own case columns hold (incident.title and .description), read from
 * its Dataverse once a run. The form takes more (up to the limits above): what does not fit
 * goes into a note on the case, so these say how much is left before that happens.
 */
export interface CaseTextLengths {
  summary: number;
  description: number;
  /** 'defaults' when the tenant could not be asked and Dataverse's own lengths are assumed. */
  source: 'tenant' | 'defaults';
}
