import type { StaffSafetyFlag, StaffSafetyMarker } from '../../../../../shared/domain/flag';
import { FLAG_TYPE } from '../choices';
import type { TableNames } from '../names';
import { formatted, lookup, requiredChoice, requiredDate, requiredLookup, requiredText, text, UnreadableRow, type Row } from '../row';

/**
 * cd_staffsafetymarker: staff-safety markers, in a table of their own so Dataverse's security
 * roles keep them from agents whatever client an agent uses (docs/dataverse-tables.md). What
 * an agent may know, how many a resident has, is the contact's rollup cd_staffsafetymarkercount.
 */
export const staffSafetyMarkerTable = (n: TableNames) => ({ entitySet: n.custom('staffsafetymarkers') });

const MARKERS = new Set<string>(['two-officers-on-visits', 'verbal-abuse-history', 'physical-aggression-history', 'dangerous-dog', 'contact-in-writing-only']);

export function staffSafetyMarkerColumns(n: TableNames): string[] {
  return [n.custom('staffsafetymarkerid'), n.lookup('residentid'), n.custom('marker'), n.custom('note'), n.custom('raisedon'), n.custom('reviewdate'), n.lookup('raisedbyid')];
}

export function toStaffSafetyFlag(row: Row, n: TableNames): StaffSafetyFlag {
  const marker = requiredChoice(row, n.custom('marker'), FLAG_TYPE);
  if (!MARKERS.has(marker)) throw new UnreadableRow(`a staff-safety marker has the vulnerability type ${marker}`);
  return {
    id: requiredText(row, n.custom('staffsafetymarkerid')).toLowerCase(),
    residentId: requiredLookup(row, n.lookup('residentid')),
    kind: 'staff-safety',
    marker: marker as StaffSafetyMarker,
    note: text(row, n.custom('note')) ?? '',
    raisedOn: requiredDate(row, n.custom('raisedon')),
    reviewOn: requiredDate(row, n.custom('reviewdate')),
    raisedByStaffId: requiredLookup(row, n.lookup('raisedbyid')),
  };
}

export function markerRaiserName(row: Row, n: TableNames): [string, string] | null {
  const id = lookup(row, n.lookup('raisedbyid'));
  const name = formatted(row, n.lookup('raisedbyid'));
  return id && name ? [id, name] : null;
}
