import type { RentAccount } from '../../../../../shared/domain/account';
import { PAYMENT_METHOD, TENANCY_TYPE } from '../choices';
import type { TableNames } from '../names';
import { pence, requiredChoice, requiredDate, requiredLookup, requiredText, type Row } from '../row';

/** cd_rentaccount: only households renting from the council have one. */
export const rentAccountTable = (n: TableNames) => ({ entitySet: n.custom('rentaccounts') });

export function rentAccountColumns(n: TableNames): string[] {
  return [
    n.custom('rentaccountid'),
    n.custom('reference'),
    n.lookup('householdid'),
    n.lookup('tenantid'),
    n.custom('tenancytype'),
    n.custom('tenancystartdate'),
    n.custom('weeklyrent'),
    n.custom('weeklyservicecharge'),
    n.custom('balance'),
    n.custom('paymentmethod'),
  ];
}

export function toRentAccount(row: Row, n: TableNames): RentAccount {
  return {
    id: requiredText(row, n.custom('rentaccountid')).toLowerCase(),
    reference: requiredText(row, n.custom('reference')),
    householdId: requiredLookup(row, n.lookup('householdid')),
    tenantResidentId: requiredLookup(row, n.lookup('tenantid')),
    tenancyType: requiredChoice(row, n.custom('tenancytype'), TENANCY_TYPE),
    tenancyStartDate: requiredDate(row, n.custom('tenancystartdate')),
    weeklyRentPence: pence(row, n.custom('weeklyrent')),
    weeklyServiceChargePence: pence(row, n.custom('weeklyservicecharge')),
    balancePence: pence(row, n.custom('balance')),
    paymentMethod: requiredChoice(row, n.custom('paymentmethod'), PAYMENT_METHOD),
  };
}
