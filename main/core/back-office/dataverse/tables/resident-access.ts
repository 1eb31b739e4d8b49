import type { ResidentAccess } from '../../../../../shared/domain/resident-360';
import { ACCESS_REASON, IDENTITY_CHECK } from '../choices';
import type { TableNames } from '../names';
import { bool, dateTime, requiredChoice, requiredLookup, requiredText, text, UnreadableRow, type Row } from '../row';

/** cd_residentaccess: the audit of who opened a resident's record, and why. */
export const residentAccessTable = (n: TableNames) => ({ entitySet: n.custom('residentaccesses') });

export function residentAccessColumns(n: TableNames): string[] {
  return [
    n.custom('residentaccessid'),
    n.lookup('residentid'),
    n.custom('staffid'),
    n.custom('staffname'),
    n.custom('accessedat'),
    n.custom('reason'),
    n.custom('identitycheck'),
    n.custom('overridereason'),
    n.custom('fromcopy'),
    n.custom('copyreadat'),
  ];
}

export function toResidentAccess(row: Row, n: TableNames): ResidentAccess {
  const at = dateTime(row, n.custom('accessedat'));
  if (at === null) throw new UnreadableRow('accessedat is empty');
  const access: ResidentAccess = {
    id: requiredText(row, n.custom('residentaccessid')).toLowerCase(),
    residentId: requiredLookup(row, n.lookup('residentid')),
    staffId: requiredText(row, n.custom('staffid')),
    staffName: text(row, n.custom('staffname')) ?? '',
    at,
    reason: requiredChoice(row, n.custom('reason'), ACCESS_REASON),
    identityCheck: requiredChoice(row, n.custom('identitycheck'), IDENTITY_CHECK),
  };
  const overrideReason = text(row, n.custom('overridereason'));
  if (overrideReason) access.overrideReason = overrideReason;
  if (bool(row, n.custom('fromcopy'))) access.source = 'snapshot';
  const copyReadAt = dateTime(row, n.custom('copyreadat'));
  if (copyReadAt !== null) access.copyReadAt = copyReadAt;
  return access;
}

/**
 * The body that creates the row. The id is the client's, so sending it twice cannot make
 * two rows; the resident is bound through the lookup's navigation property.
 */
export function residentAccessBody(access: ResidentAccess, n: TableNames): Record<string, unknown> {
  const body: Record<string, unknown> = {
    [n.custom('residentaccessid')]: access.id.toLowerCase(),
    // The primary name column, what Dataverse's own views list.
    [n.custom('name')]: `${access.staffName} (${access.reason})`.slice(0, 100),
    [n.bind('ResidentId')]: `/contacts(${access.residentId.toLowerCase()})`,
    [n.custom('staffid')]: access.staffId,
    [n.custom('staffname')]: access.staffName,
    [n.custom('accessedat')]: new Date(access.at).toISOString(),
    [n.custom('reason')]: ACCESS_REASON.value(access.reason),
    [n.custom('identitycheck')]: IDENTITY_CHECK.value(access.identityCheck),
  };
  if (access.overrideReason) body[n.custom('overridereason')] = access.overrideReason;
  // Read offline from the workstation's copy: the audit says so, so nobody mistakes it for a live open.
  body[n.custom('fromcopy')] = access.source === 'snapshot';
  // When the copy was read, as the workstation said and main judged possible; cd_accessedat is when main was told.
  if (access.copyReadAt) body[n.custom('copyreadat')] = new Date(access.copyReadAt).toISOString();
  return body;
}
