import type { ParkingPermit } from '../../../../../shared/domain/account';
import { PERMIT_KIND } from '../choices';
import type { TableNames } from '../names';
import { requiredChoice, requiredDate, requiredLookup, requiredText, type Row } from '../row';

/** cd_parkingpermit: held by one resident for one vehicle in one zone. */
export const parkingPermitTable = (n: TableNames) => ({ entitySet: n.custom('parkingpermits') });

export function parkingPermitColumns(n: TableNames): string[] {
  return [
    n.custom('parkingpermitid'),
    n.custom('reference'),
    n.lookup('residentid'),
    n.lookup('householdid'),
    n.custom('kind'),
    n.custom('zone'),
    n.custom('vehicleregistration'),
    n.custom('validfrom'),
    n.custom('validuntil'),
  ];
}

export function toParkingPermit(row: Row, n: TableNames): ParkingPermit {
  return {
    id: requiredText(row, n.custom('parkingpermitid')).toLowerCase(),
    reference: requiredText(row, n.custom('reference')),
    residentId: requiredLookup(row, n.lookup('residentid')),
    householdId: requiredLookup(row, n.lookup('householdid')),
    kind: requiredChoice(row, n.custom('kind'), PERMIT_KIND),
    zone: requiredText(row, n.custom('zone')),
    vehicleRegistration: requiredText(row, n.custom('vehicleregistration')),
    validFrom: requiredDate(row, n.custom('validfrom')),
    validUntil: requiredDate(row, n.custom('validuntil')),
  };
}
