import { SERVICE_OF_CATEGORY, type ServiceCase } from '../../../../../shared/domain/case';
import { CASE_CATEGORY, CASE_PRIORITY, CASE_SERVICE, CASE_STATUS } from '../choices';
import type { TableNames } from '../names';
import { choice, date, formatted, lookup, requiredChoice, requiredDate, requiredLookup, requiredText, text, type Row } from '../row';

/** Cases are Dataverse incidents, with the council's category, service and dates added. */
export const INCIDENTS = 'incidents';

export function incidentColumns(n: TableNames): string[] {
  return [
    'incidentid',
    'ticketnumber',
    n.custom('reference'),
    'title',
    'statecode',
    'prioritycode',
    '_customerid_value',
    '_ownerid_value',
    '_parentcaseid_value',
    n.lookup('householdid'),
    n.custom('category'),
    n.custom('service'),
    n.custom('receivedon'),
    n.custom('dueon'),
    n.custom('closedon'),
  ];
}

export function toServiceCase(row: Row, n: TableNames, fallbackHouseholdId: string): ServiceCase {
  const category = requiredChoice(row, n.custom('category'), CASE_CATEGORY);
  const status = requiredChoice(row, 'statecode', CASE_STATUS);
  const serviceCase: ServiceCase = {
    id: requiredText(row, 'incidentid').toLowerCase(),
    // CivicDesk's own reference when it raised the case (the one the resident was given), else Dataverse's case number.
    reference: text(row, n.custom('reference')) ?? requiredText(row, 'ticketnumber'),
    residentId: requiredLookup(row, '_customerid_value'),
    householdId: lookup(row, n.lookup('householdid')) ?? fallbackHouseholdId,
    // The category decides the service; the column is read when present so a re-routed case shows its new owner.
    service: choice(row, n.custom('service'), CASE_SERVICE) ?? SERVICE_OF_CATEGORY[category],
    category,
    priority: choice(row, 'prioritycode', CASE_PRIORITY) ?? 'routine',
    status,
    summary: requiredText(row, 'title'),
    openedOn: requiredDate(row, n.custom('receivedon')),
    ownerStaffId: requiredLookup(row, '_ownerid_value'),
  };
  const closedOn = date(row, n.custom('closedon'));
  if (status === 'closed' && closedOn) serviceCase.closedOn = closedOn;
  const dueOn = date(row, n.custom('dueon'));
  if (dueOn) serviceCase.dueOn = dueOn;
  const parent = lookup(row, '_parentcaseid_value');
  if (parent) serviceCase.relatedCaseId = parent;
  return serviceCase;
}

/** The owner's name, from the formatted value Dataverse adds to the lookup. */
export function caseOwnerName(row: Row): [string, string] | null {
  const id = lookup(row, '_ownerid_value');
  const name = formatted(row, '_ownerid_value');
  return id && name ? [id, name] : null;
}
