import type { ContactChannel, ContactRecord } from '../../../../../shared/domain/contact';
import { CONTACT_OUTCOME } from '../choices';
import type { TableNames } from '../names';
import { choice, dateTime, formatted, lookup, requiredLookup, requiredText, text, UnreadableRow, type Row } from '../row';

/**
 * Contacts with residents are Dataverse activities "regarding" the resident's contact row.
 * History is paged over activitypointers (every activity type in one ordered list); the
 * columns only some types have (direction, the wrap-up outcome, the case) are then read
 * from each type's own table for the rows on the page.
 */
export const ACTIVITY_POINTERS = 'activitypointers';

export interface ActivityKind {
  typeCode: string;
  entitySet: string;
  channel: ContactChannel;
  /** Phone calls, emails and letters record which way they went; the rest come in. */
  hasDirection: boolean;
}

export function activityKinds(n: TableNames): ActivityKind[] {
  return [
    { typeCode: 'phonecall', entitySet: 'phonecalls', channel: 'phone', hasDirection: true },
    { typeCode: 'email', entitySet: 'emails', channel: 'email', hasDirection: true },
    { typeCode: 'letter', entitySet: 'letters', channel: 'letter', hasDirection: true },
    // A service-point appointment booked in Dataverse is a face-to-face contact once kept.
    { typeCode: 'appointment', entitySet: 'appointments', channel: 'face-to-face', hasDirection: false },
    { typeCode: n.custom('facetoface'), entitySet: n.custom('facetofaces'), channel: 'face-to-face', hasDirection: false },
    { typeCode: n.custom('webform'), entitySet: n.custom('webforms'), channel: 'web-form', hasDirection: false },
    { typeCode: n.custom('webchat'), entitySet: n.custom('webchats'), channel: 'web-chat', hasDirection: false },
  ];
}

export const POINTER_COLUMNS = ['activityid', 'activitytypecode', 'subject', 'description', 'actualstart', 'createdon', '_regardingobjectid_value', '_ownerid_value'];

export function detailColumns(kind: ActivityKind, n: TableNames): string[] {
  const columns = ['activityid', n.custom('outcome'), n.lookup('caseid')];
  return kind.hasDirection ? [...columns, 'directioncode'] : columns;
}

export function toContactRecord(pointer: Row, detail: Row | undefined, kind: ActivityKind, n: TableNames): ContactRecord {
  const occurredAt = dateTime(pointer, 'actualstart') ?? dateTime(pointer, 'createdon');
  if (occurredAt === null) throw new UnreadableRow('the activity has no date');
  const record: ContactRecord = {
    id: requiredText(pointer, 'activityid').toLowerCase(),
    residentId: requiredLookup(pointer, '_regardingobjectid_value'),
    channel: kind.channel,
    // directioncode is true for outgoing.
    direction: detail?.directioncode === true ? 'outbound' : 'inbound',
    occurredAt,
    // The description holds the agent's full note; the subject is its headline.
    summary: text(pointer, 'description') ?? text(pointer, 'subject') ?? '',
    // Activities made outside CivicDesk (an email tracked from Outlook) carry no wrap-up code.
    outcome: (detail && choice(detail, n.custom('outcome'), CONTACT_OUTCOME)) ?? 'no-further-action',
    staffId: requiredLookup(pointer, '_ownerid_value'),
  };
  const caseId = detail ? lookup(detail, n.lookup('caseid')) : null;
  if (caseId) record.caseId = caseId;
  return record;
}

export function handlerName(pointer: Row): [string, string] | null {
  const id = lookup(pointer, '_ownerid_value');
  const name = formatted(pointer, '_ownerid_value');
  return id && name ? [id, name] : null;
}
