import type { CaseSubmission } from '../../../../../shared/contract/cases';
import { CASE_CATEGORIES, type CaseCategory, type CasePriority, type CaseService } from '../../../../../shared/domain/case';
import { caseReference } from '../../../../../shared/domain/case-reference';
import type { ContactPreference } from '../../../../../shared/domain/case-draft';
import { CASE_CATEGORY, CASE_PRIORITY, CASE_SERVICE, CONTACT_PREFERENCE } from '../choices';
import type { TableNames } from '../names';
import { isGuid } from '../row';
import { stableId } from '../stable-id';
import { DATAVERSE_DEFAULT_LENGTHS, type ColumnLengths } from '../column-lengths';
import { fitToColumn } from '../text-overflow';
import { INCIDENTS } from './incident';

/** One write inside a case's change set: PATCH to the row's address with If-None-Match: *. */
export interface RowWrite {
  /** What the row is, for the words a person reads if it is refused. */
  role: 'case' | 'attachment' | 'note';
  /** 'incidents(…)' */
  path: string;
  body: Record<string, unknown>;
}

export const ANNOTATIONS = 'annotations';

/** The notes that hold what did not fit in the case's own columns; the column's text names its note. */
export const CONTINUED = { summary: 'Case summary, continued', description: 'Case description, continued' } as const;

/** The incident columns read back when a resend finds a case already there. */
export function capturedColumns(n: TableNames): string[] {
  return ['incidentid', 'ticketnumber', n.custom('reference'), n.custom('capturedat'), n.custom('capturedby')];
}

/** Why the case cannot be written as it is, in plain English; null when it can. */
export function caseProblem(submission: CaseSubmission, anonymousContactId: string | null): string | null {
  if (!isGuid(submission.id)) return 'The case has no proper id.';
  if (submission.residentId !== null && !isGuid(submission.residentId)) return 'The case names a resident the council’s system does not know. Open the resident again, then send the case.';
  if (submission.residentId === null && (anonymousContactId === null || !isGuid(anonymousContactId))) {
    return 'This anonymous case cannot be sent yet: the council’s system needs a contact to file anonymous reports under, and none is set up (the setting anonymousContactId). The case is kept; tell the IT service desk.';
  }
  if (!(CASE_CATEGORIES as readonly string[]).includes(submission.category)) return `“${submission.category}” is not a case category the council’s system knows. Choose the category again.`;
  if (!CASE_SERVICE.codes.includes(submission.service as CaseService)) return `“${submission.service}” is not a service the council’s system knows. Choose the category again.`;
  for (const attachment of submission.attachments) if (!isGuid(attachment.id)) return `The attachment “${attachment.fileName}” has no proper id. Remove it and attach it again.`;
  return null;
}

/**
 * The rows one case becomes, in the order they must be written: the incident first, then
 * what hangs off it (the call or visit it came from is its own record: contacts.save). Every id is fixed before sending (the case's and attachments' from the
 * renderer, the rest derived from them), which is what makes a resend recognisable.
 */
export function caseWrites(submission: CaseSubmission, capturedBy: string | null, n: TableNames, anonymousContactId: string | null, lengths: ColumnLengths = DATAVERSE_DEFAULT_LENGTHS): RowWrite[] {
  const c = n.custom;
  const caseAddress = `/${INCIDENTS}(${submission.id})`;
  // The tenant's columns may be shorter than what the form takes: the rest goes into a note, never lost.
  const title = fitToColumn(submission.summary, lengths.caseTitle, CONTINUED.summary);
  const description = fitToColumn(submission.description, lengths.caseDescription, CONTINUED.description);
  const incident: Record<string, unknown> = {
    title: title.column,
    // The reference the resident was given on the call, made on the PC: Dataverse keeps it.
    [c('reference')]: caseReference(submission.id, submission.receivedOn),
    description: description.column,
    prioritycode: CASE_PRIORITY.value(submission.priority as CasePriority),
    [c('category')]: CASE_CATEGORY.value(submission.category as CaseCategory),
    [c('service')]: CASE_SERVICE.value(submission.service as CaseService),
    [c('receivedon')]: submission.receivedOn,
    [c('dueon')]: submission.dueOn,
    [c('location')]: submission.location,
    [c('postcode')]: submission.postcode,
    [c('contactpreference')]: CONTACT_PREFERENCE.value(submission.contactPreference as ContactPreference),
    [c('servicestandard')]: submission.serviceStandard,
    [c('anonymous')]: submission.anonymous,
    [c('capturedat')]: submission.capturedAt,
    [c('capturedby')]: capturedBy,
  };
  // Dataverse makes no case without a customer: a case with no resident is filed under the
  // council's anonymous contact, and cd_anonymous (above) says nobody was named.
  const customer = submission.residentId ?? anonymousContactId;
  if (customer !== null) incident['customerid_contact@odata.bind'] = `/contacts(${customer.toLowerCase()})`;
  const writes: RowWrite[] = [{ role: 'case', path: `${INCIDENTS}(${submission.id.toLowerCase()})`, body: incident }];

  for (const attachment of submission.attachments) {
    writes.push({
      role: 'attachment',
      path: `${ANNOTATIONS}(${attachment.id.toLowerCase()})`,
      body: {
        subject: attachment.fileName,
        filename: attachment.fileName,
        mimetype: attachment.mimeType,
        documentbody: attachment.base64,
        isdocument: true,
        'objectid_incident@odata.bind': caseAddress,
      },
    });
  }
  for (const [part, fitted] of [['summary', title], ['description', description]] as const) {
    if (fitted.rest === null) continue;
    writes.push({
      role: 'note',
      path: `${ANNOTATIONS}(${stableId(`${submission.id}:${part}-continued`)})`,
      body: { subject: CONTINUED[part], notetext: fitted.rest, isdocument: false, 'objectid_incident@odata.bind': caseAddress },
    });
  }
  if (submission.fields.length > 0) {
    writes.push({
      role: 'note',
      path: `${ANNOTATIONS}(${stableId(`${submission.id}:call-script-answers`)})`,
      body: {
        subject: 'Answers given when the case was raised',
        notetext: submission.fields.map((field) => `${field.question}\n${field.answer}`).join('\n\n'),
        isdocument: false,
        'objectid_incident@odata.bind': caseAddress,
      },
    });
  }
  return writes;
}
