import type { Household } from '../../../../../shared/domain/resident';
import { TENURE, WASTE_STREAM, WEEKDAY } from '../choices';
import type { TableNames } from '../names';
import { choices, requiredChoice, requiredText, text, type Row } from '../row';

/** cd_household: one home, its address as the council writes it, and its bin round. */
export const householdTable = (n: TableNames) => ({ entitySet: n.custom('households'), key: n.custom('householdid') });

export function householdColumns(n: TableNames): string[] {
  return [
    n.custom('householdid'),
    n.custom('addressline1'),
    n.custom('addressline2'),
    n.custom('town'),
    n.custom('postcode'),
    n.custom('streetname'),
    n.custom('tenure'),
    n.lookup('leadresidentid'),
    n.custom('collectionday'),
    n.custom('wastestreams'),
  ];
}

/** Who lives there comes from the contacts that point at the household. */
export function toHousehold(row: Row, n: TableNames, residentIds: string[]): Household {
  const line2 = text(row, n.custom('addressline2'));
  const address: Household['address'] = {
    line1: requiredText(row, n.custom('addressline1')),
    town: text(row, n.custom('town')) ?? '',
    postcode: requiredText(row, n.custom('postcode')),
    streetName: text(row, n.custom('streetname')) ?? '',
  };
  if (line2) address.line2 = line2;
  return {
    id: requiredText(row, n.custom('householdid')).toLowerCase(),
    address,
    tenure: requiredChoice(row, n.custom('tenure'), TENURE),
    leadResidentId: requiredText(row, n.lookup('leadresidentid')).toLowerCase(),
    residentIds,
    wasteCollection: { day: requiredChoice(row, n.custom('collectionday'), WEEKDAY), streams: choices(row, n.custom('wastestreams'), WASTE_STREAM) },
  };
}
