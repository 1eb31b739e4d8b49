import { z } from 'zod';
import { MESSAGE_PURPOSES, type DeliveryStatus, type MessageTemplate } from '../domain/resident-message';

/**
 * Texts and emails to residents through GOV.UK Notify. The renderer writes each message to its
 * outbox first; `messages.send` is called until Notify has it, with the message's own id as
 * Notify's `reference`, so a resend after a lost answer never sends a second.
 */

/** Personalisation as Notify takes it: short names, values of at most 500 characters each. */
const personalisation = z.record(z.string().regex(/^[a-z_]{1,40}$/), z.string().max(500)).refine((value) => Object.keys(value).length <= 10, 'At most 10 values.');

export const sendMessageInput = z.strictObject({
  messageId: z.uuid(),
  writtenAt: z.iso.datetime(),
  /** Dataverse's contact id of the resident the message is recorded against. */
  residentId: z.guid(),
  interactionId: z.uuid().nullable(),
  caseId: z.uuid().nullable(),
  purpose: z.enum(MESSAGE_PURPOSES),
  channel: z.enum(['sms', 'email']),
  templateId: z.uuid(),
  recipient: z.strictObject({ source: z.enum(['record', 'given']), to: z.string().trim().min(3).max(320) }),
  personalisation,
  /** What the officer saw: recorded on the activity as the text sent. */
  body: z.string().max(10_000),
  /** Earlier tries: from the second on, main first asks Notify whether the first got through. */
  attempts: z.number().int().min(0).max(10_000),
});
export type SendMessageInput = z.output<typeof sendMessageInput>;

export type MessageSendResult =
  /** Notify has it; `recorded` once the council's system has it too (until then, it is sent again to be recorded, never to Notify). */
  | { status: 'sent'; notificationId: string; sentAt: string; delivery: DeliveryStatus; recorded: boolean }
  /** Notify or the council's system could not be reached, or was busy: it waits in the outbox. */
  | { status: 'retry'; reason: string }
  /** It cannot go as it is (Notify refused it): say why; the officer can change it or let it go. */
  | { status: 'failed'; reason: string };

export const messageStatusInput = z.strictObject({ notificationIds: z.array(z.uuid()).min(1).max(50) });
export type MessageStatus = { notificationId: string; delivery: DeliveryStatus };

export type MessageTemplates = { templates: MessageTemplate[]; problem: string | null };

/** A text or email the council's system has recorded on the resident, from any computer, with its delivery while Notify keeps it. */
export interface ResidentMessageRecord {
  id: string;
  channel: 'sms' | 'email';
  purpose: string;
  to: string;
  sentAt: string;
  staffName: string | null;
  /** Null once Notify no longer keeps it (after 7 days), or when Notify could not be asked. */
  delivery: DeliveryStatus | null;
}

export const residentMessagesInput = z.strictObject({ accessId: z.string().min(1).max(64) });
