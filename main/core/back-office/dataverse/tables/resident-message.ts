import type { TableNames } from '../names';

/** A text or email to a resident, as the council's system records it (docs/dataverse-tables.md, `cd_residentmessage`). */
export interface MessageRecord {
  /** The message's own id, made on the workstation: the activity's id, and Notify's reference. */
  id: string;
  residentId: string;
  caseId: string | null;
  interactionId: string | null;
  channel: 'sms' | 'email';
  purpose: string;
  templateId: string;
  notificationId: string;
  to: string;
  recipientSource: 'record' | 'given';
  body: string;
  sentAt: string;
  capturedBy: string;
}

/** cd_residentmessage: a custom activity, so it sits with the resident's calls and visits. */
export const residentMessageTable = (n: TableNames) => ({ entitySet: n.custom('residentmessages'), logicalName: n.custom('residentmessage') });

const CHANNEL_WORDS = { sms: 'Text', email: 'Email' } as const;

/**
 * The body that creates the row, completed (it has happened). The id is the workstation's, so
 * a resend is refused as a duplicate rather than recorded twice; the resident is what the
 * activity is regarding, and the case is bound when the message is about one.
 */
export function residentMessageBody(message: MessageRecord, n: TableNames): Record<string, unknown> {
  const { logicalName } = residentMessageTable(n);
  const body: Record<string, unknown> = {
    activityid: message.id.toLowerCase(),
    subject: `${CHANNEL_WORDS[message.channel]} to resident: ${message.purpose}`.slice(0, 200),
    description: message.body.slice(0, 2000),
    actualstart: new Date(message.sentAt).toISOString(),
    directioncode: true,
    [`regardingobjectid_contact_${logicalName}@odata.bind`]: `/contacts(${message.residentId.toLowerCase()})`,
    [n.custom('channel')]: message.channel,
    [n.custom('purpose')]: message.purpose,
    [n.custom('templateid')]: message.templateId.toLowerCase(),
    [n.custom('notificationid')]: message.notificationId.toLowerCase(),
    [n.custom('sentto')]: message.to,
    [n.custom('recipientsource')]: message.recipientSource,
    [n.custom('capturedby')]: message.capturedBy,
    statecode: 1,
  };
  if (message.interactionId) body[n.custom('interactionid')] = message.interactionId.toLowerCase();
  if (message.caseId) body[n.bind('CaseId')] = `/incidents(${message.caseId.toLowerCase()})`;
  return body;
}
