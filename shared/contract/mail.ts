import { z } from 'zod';

/**
 * The council's contact mailbox as a queue, through Microsoft Graph. Main reads the mailbox
 * with the officer's own sign-in (delegated, Mail.ReadWrite.Shared and Mail.Send.Shared), so
 * Exchange's own permissions decide who may work it. Taking an email marks it with a category
 * every colleague's queue shows; a reply or forward is written to the renderer's outbox first
 * and sent once, found again by its own id if an answer is lost.
 */

/** Graph's message ids are long base64 strings; 400 is well above any Exchange gives. */
const emailId = z.string().min(1).max(400);

export interface EmailAddress {
  name: string | null;
  address: string;
}

/** One email in the queue, as every officer's Email place lists it. */
export interface QueuedEmail {
  id: string;
  from: EmailAddress;
  subject: string;
  /** Graph's plain-text preview (at most 255 characters): enough to choose, not to answer. */
  preview: string;
  receivedAt: string;
  hasAttachments: boolean;
  /** Who has it in hand (the name on its "In hand" category), or null while nobody has taken it. */
  takenBy: string | null;
  takenByMe: boolean;
}

export interface MailQueue {
  mailbox: string;
  /** Oldest first: the longest waiting is answered first. */
  emails: QueuedEmail[];
  /** When main last heard from the mailbox. */
  readAt: string;
}

export interface EmailAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  /** A picture the email's own text shows (cid:), rather than a file sent with it. */
  inline: boolean;
  contentId: string | null;
  /** An inline picture's bytes (base64), so the email shows it without going to the internet; null for files. */
  inlineBase64: string | null;
}

/** An email opened to be answered: its HTML as sent (the page sanitises it), and its files' names. */
export interface OpenedEmail extends QueuedEmail {
  /** The contact mailbox it is in: a reply goes from here. */
  mailbox: string;
  html: string;
  to: EmailAddress[];
  attachments: EmailAttachment[];
}

export const takeEmailInput = z.strictObject({ emailId });
export type TakeEmailResult =
  | { status: 'taken'; email: QueuedEmail }
  /** A colleague took it first: their name, so the officer knows whom to ask. */
  | { status: 'taken-by-other'; by: string }
  /** No longer in the queue (answered and filed, or deleted). */
  | { status: 'gone' };

export const emailInput = z.strictObject({ emailId });
export const attachmentInput = z.strictObject({ emailId, attachmentId: z.string().min(1).max(400) });
export type AttachmentContent = { name: string; contentType: string; base64: string };

/** The most a reply or forward may say: well inside Exchange's message size. */
export const MAIL_TEXT_MAX = 20_000;

/**
 * A reply or forward from the outbox. `outboxId` is made when the officer sends it and goes
 * on the message as an extended property, so a resend finds the draft or sent copy and never
 * sends a second.
 */
export const sendMailInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('reply'), outboxId: z.uuid(), emailId, text: z.string().trim().min(1, 'Write the reply.').max(MAIL_TEXT_MAX) }),
  z.strictObject({
    kind: z.literal('forward'),
    outboxId: z.uuid(),
    emailId,
    /** The service whose mailbox it goes to, as the deployment file names it. */
    service: z.string().min(1).max(64),
    text: z.string().trim().max(MAIL_TEXT_MAX),
  }),
]);
export type SendMailInput = z.output<typeof sendMailInput>;

export type MailSendResult =
  | { status: 'sent'; sentAt: string }
  /** Microsoft 365 could not be reached, was busy, or the officer is not signed in: it waits in the outbox. */
  | { status: 'retry'; reason: string }
  /** It cannot go as it is: say why; the officer can change it or let it go. */
  | { status: 'failed'; reason: string };

/** The services an email can be forwarded to: their names as the deployment file keys them. */
export type ForwardServices = { services: string[] };

/** Handled: filed out of the queue (moved to the mailbox's Archive folder), for every colleague. */
export const finishEmailInput = z.strictObject({ emailId });
