import type { TableNames } from '../names';
import { dateTime, formatted, lookup, requiredLookup, requiredText, text, UnreadableRow, type Row } from '../row';

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

/** A message as the council's system has it, for the 360 view: who sent what, to where, when. */
export interface RecordedMessage {
  id: string;
  channel: 'sms' | 'email';
  purpose: string;
  to: string;
  notificationId: string;
  sentAt: string;
  caseId: string | null;
  staffId: string;
  /** The sender's name as Dataverse spells it (the owner's formatted value), when it says. */
  staffName: string | null;
}

export function residentMessageColumns(n: TableNames): string[] {
  return ['activityid', 'actualstart', '_ownerid_value', n.custom('channel'), n.custom('purpose'), n.custom('sentto'), n.custom('notificationid'), n.lookup('caseid')];
}

export function toRecordedMessage(row: Row, n: TableNames): RecordedMessage {
  const channel = text(row, n.custom('channel'));
  if (channel !== 'sms' && channel !== 'email') throw new UnreadableRow('cd_channel is neither sms nor email');
  const sentAt = dateTime(row, 'actualstart');
  if (sentAt === null) throw new UnreadableRow('actualstart is empty');
  return {
    id: requiredText(row, 'activityid').toLowerCase(),
    channel,
    purpose: requiredText(row, n.custom('purpose')),
    to: requiredText(row, n.custom('sentto')),
    notificationId: requiredText(row, n.custom('notificationid')).toLowerCase(),
    sentAt,
    caseId: lookup(row, n.lookup('caseid')),
    staffId: requiredLookup(row, '_ownerid_value'),
    staffName: formatted(row, '_ownerid_value'),
  };
}
