import type { ResidentFlag, StaffSafetyMarker, VulnerabilityType } from '../../../../../shared/domain/flag';
import { FLAG_KIND, FLAG_TYPE } from '../choices';
import type { TableNames } from '../names';
import { formatted, lookup, requiredChoice, requiredDate, requiredLookup, requiredText, text, UnreadableRow, type Row } from '../row';

/** cd_residentflag: vulnerability and staff-safety markers, each with a review date. */
export const residentFlagTable = (n: TableNames) => ({ entitySet: n.custom('residentflags') });

const VULNERABILITY_TYPES = new Set<string>(['safeguarding', 'mental-health', 'mobility', 'hearing', 'sight', 'learning-disability', 'domestic-abuse', 'financial-hardship']);

export function residentFlagColumns(n: TableNames): string[] {
  return [
    n.custom('residentflagid'),
    n.lookup('residentid'),
    n.custom('kind'),
    n.custom('type'),
    n.custom('note'),
    n.custom('raisedon'),
    n.custom('reviewdate'),
    n.lookup('raisedbyid'),
  ];
}

export function toResidentFlag(row: Row, n: TableNames): ResidentFlag {
  const kind = requiredChoice(row, n.custom('kind'), FLAG_KIND);
  const type = requiredChoice(row, n.custom('type'), FLAG_TYPE);
  const base = {
    id: requiredText(row, n.custom('residentflagid')).toLowerCase(),
    residentId: requiredLookup(row, n.lookup('residentid')),
    note: text(row, n.custom('note')) ?? '',
    raisedOn: requiredDate(row, n.custom('raisedon')),
    reviewOn: requiredDate(row, n.custom('reviewdate')),
    raisedByStaffId: requiredLookup(row, n.lookup('raisedbyid')),
  };
  // One choice column holds both kinds' types; a type of the other kind is a data error.
  if (kind === 'vulnerability') {
    if (!VULNERABILITY_TYPES.has(type)) throw new UnreadableRow(`a vulnerability flag has the staff-safety type ${type}`);
    return { ...base, kind, type: type as VulnerabilityType };
  }
  if (VULNERABILITY_TYPES.has(type)) throw new UnreadableRow(`a staff-safety flag has the vulnerability type ${type}`);
  return { ...base, kind, marker: type as StaffSafetyMarker };
}

export function flagRaiserName(row: Row, n: TableNames): [string, string] | null {
  const id = lookup(row, n.lookup('raisedbyid'));
  const name = formatted(row, n.lookup('raisedbyid'));
  return id && name ? [id, name] : null;
}
