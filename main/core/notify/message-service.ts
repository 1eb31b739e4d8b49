import type { MessageSendResult, MessageStatus, MessageTemplates, ResidentMessageRecord, SendMessageInput } from '../../../shared/contract/messages';
import { emailAddress, ukMobile, type MessageTemplate } from '../../../shared/domain/resident-message';
import type { StaffUser } from '../../../shared/domain/staff';
import type { BackOffice } from '../back-office/port';
import { isBackOfficeError } from '../back-office/errors';
import { NotPossible } from '../ipc/router';
import { NotifyError } from './notify-api';
import type { NotifyConnection } from './notify-connector';

interface Log {
  warn(message: string, details?: Record<string, unknown>): void;
}

export interface MessageServiceDeps {
  connection(): Promise<NotifyConnection | null>;
  /** The resident behind an open whose identity check passed (or was gone past); null before it. */
  revealedResidentId(accessId: string): string | null;
  backOffice(): Promise<BackOffice | null>;
  user(): StaffUser | null;
  now(): Date;
  log: Log;
}

/** GOV.UK Notify keeps a message (and its delivery) for 7 days, then answers "no result found". */
const NOTIFY_KEEPS_MS = 7 * 24 * 60 * 60 * 1000;

const NOT_SET_UP = 'This computer is not set up to send texts or emails to residents (GOV.UK Notify). Ask your team leader.';
const KEY_MISSING = 'The council’s GOV.UK Notify key is not on this computer yet, so nothing can be sent. Tell the IT service desk; your message waits here.';
const KEY_REFUSED = 'GOV.UK Notify did not accept the council’s key, so nothing can be sent just now. Tell the IT service desk; your message waits here.';

/** Plain words for the officer about a Notify failure, and whether the message should wait and go again. */
function told(error: NotifyError): MessageSendResult {
  switch (error.kind) {
    case 'refused':
      return { status: 'failed', reason: `GOV.UK Notify turned this message down: ${error.notifyMessage || 'no reason given'}. Check the number or address, then send it again.` };
    case 'key':
      return { status: 'retry', reason: error.status === null ? KEY_MISSING : KEY_REFUSED };
    case 'busy':
      return { status: 'retry', reason: 'GOV.UK Notify is busy or the council has reached today’s limit. Your message waits here and goes when Notify takes it.' };
    default:
      return { status: 'retry', reason: 'GOV.UK Notify could not be reached. Your message waits here and goes when it can.' };
  }
}

/**
 * Texts and emails to residents through GOV.UK Notify, sent exactly once: the message's own id
 * is Notify's `reference`, and a message tried before is first looked for by it, so a send
 * whose answer was lost is found rather than sent again. Once Notify has it, it is recorded on
 * the resident in the council's system with the same id (create-only), and only then counts as
 * done; a recording that fails is tried again without sending again.
 */
export function createMessageService(deps: MessageServiceDeps) {
  // Templates change rarely; asked of Notify once per run, again only after a failure.
  let fetched: Promise<MessageTemplates> | null = null;

  const connection = async (): Promise<NotifyConnection | null> => {
    try {
      return await deps.connection();
    } catch (error) {
      if (error instanceof NotifyError) throw new NotPossible(KEY_REFUSED);
      throw error;
    }
  };

  const readTemplates = async (): Promise<MessageTemplates> => {
    const notify = await connection();
    if (!notify) return { templates: [], problem: NOT_SET_UP };
    const read = await Promise.allSettled(
      notify.templates.map(async (choice): Promise<MessageTemplate> => {
        const template = await notify.api.template(choice.templateId);
        if (template.type !== choice.channel) throw new Error(`template ${choice.templateId} is a ${template.type} template, not ${choice.channel}`);
        return { ...choice, version: template.version, subject: template.subject, body: template.body };
      }),
    );
    const templates = read.flatMap((each) => (each.status === 'fulfilled' ? [each.value] : []));
    const failed = read.length - templates.length;
    if (failed > 0) deps.log.warn('notify templates not read', { count: failed });
    return { templates, problem: failed === 0 ? null : 'Some of the council’s message templates could not be read from GOV.UK Notify. Those messages cannot be sent until they can.' };
  };

  return {
    async templates(): Promise<MessageTemplates> {
      fetched ??= readTemplates();
      const answer = await fetched.catch((error: unknown) => {
        fetched = null;
        throw error;
      });
      if (answer.problem) fetched = null;
      return answer;
    },

    async send(input: SendMessageInput): Promise<MessageSendResult> {
      const staff = deps.user();
      if (!staff) throw new NotPossible('Sign in to send messages.');
      let notify: NotifyConnection | null;
      try {
        notify = await deps.connection();
      } catch (error) {
        // No key in the keychain yet: the message waits for IT, it is not wrong.
        if (error instanceof NotifyError) return told(error);
        throw error;
      }
      if (!notify) return { status: 'failed', reason: NOT_SET_UP };
      if (!notify.templates.some((each) => each.templateId === input.templateId && each.channel === input.channel && each.purpose === input.purpose)) {
        return { status: 'failed', reason: 'That message template is not one the council has set up for this. Write the message again.' };
      }
      const to = input.channel === 'sms' ? ukMobile(input.recipient.to) : emailAddress(input.recipient.to);
      if (!to) return { status: 'failed', reason: input.channel === 'sms' ? 'That is not a UK mobile number. Check it with the resident.' : 'That is not an email address. Check it with the resident.' };
      let notification: { id: string } | null;
      try {
        notification = input.attempts > 0 ? await notify.api.byReference(input.channel, input.messageId) : null;
        notification ??= await notify.api.send({ channel: input.channel, templateId: input.templateId, to, personalisation: input.personalisation, reference: input.messageId });
      } catch (error) {
        if (!(error instanceof NotifyError)) throw error;
        deps.log.warn('notify did not take a message', { messageId: input.messageId, kind: error.kind, status: error.status });
        return told(error);
      }
      const sentAt = deps.now().toISOString();
      const office = await deps.backOffice();
      // A back office with nowhere to record messages has nothing to wait for.
      let recorded = office !== null && !office.recordMessage;
      try {
        if (office?.recordMessage) {
          await office.recordMessage({
            id: input.messageId,
            residentId: input.residentId,
            caseId: input.caseId,
            interactionId: input.interactionId,
            channel: input.channel,
            purpose: input.purpose,
            templateId: input.templateId,
            notificationId: notification.id,
            to,
            recipientSource: input.recipient.source,
            body: input.body,
            sentAt,
            capturedBy: staff.id,
          });
          recorded = true;
        }
      } catch (error) {
        // Sent all the same: the next try finds it by its reference and only records it.
        if (!isBackOfficeError(error)) throw error;
        deps.log.warn('message sent but not yet recorded', { messageId: input.messageId, failure: error.failure, status: error.status });
      }
      return { status: 'sent', notificationId: notification.id, sentAt, delivery: 'created', recorded };
    },

    /**
     * The texts and emails recorded on an open resident, from any computer: the identity check
     * first, as for their contact history. Delivery is asked of Notify for the last 7 days only,
     * which is as long as Notify keeps a message.
     */
    async forResident(accessId: string): Promise<ResidentMessageRecord[]> {
      const residentId = deps.revealedResidentId(accessId);
      if (residentId === null) throw new NotPossible('Complete the identity check first.');
      const office = await deps.backOffice();
      if (!office?.residentMessages) return [];
      const recorded = await office.residentMessages(residentId);
      const notify = await connection().catch(() => null);
      const since = deps.now().getTime() - NOTIFY_KEEPS_MS;
      return Promise.all(
        recorded.map(async (message): Promise<ResidentMessageRecord> => {
          const delivery = notify && Date.parse(message.sentAt) >= since ? await notify.api.status(message.notificationId).catch(() => null) : null;
          return { id: message.id, channel: message.channel, purpose: message.purpose, to: message.to, sentAt: message.sentAt, staffName: message.staffName, delivery };
        }),
      );
    },

    /** Each message's delivery as Notify has it now; one Notify cannot answer for is left out. */
    async status(notificationIds: readonly string[]): Promise<MessageStatus[]> {
      if (!deps.user()) throw new NotPossible('Sign in to see messages.');
      const notify = await connection();
      if (!notify) return [];
      const read = await Promise.allSettled(notificationIds.map(async (notificationId) => ({ notificationId, delivery: await notify.api.status(notificationId) })));
      return read.flatMap((each) => (each.status === 'fulfilled' ? [each.value] : []));
    },
  };
}
