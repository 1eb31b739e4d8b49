import type { CouncilTaxAccount } from '../../../../../shared/domain/account';
import { COUNCIL_TAX_BAND, COUNCIL_TAX_DISCOUNT, PAYMENT_METHOD, RECOVERY_STAGE } from '../choices';
import type { TableNames } from '../names';
import { bool, choice, choices, pence, requiredChoice, requiredLookup, requiredText, type Row } from '../row';

/** cd_counciltaxaccount: one per household, billed to the liable resident. */
export const councilTaxAccountTable = (n: TableNames) => ({ entitySet: n.custom('counciltaxaccounts') });

export function councilTaxAccountColumns(n: TableNames): string[] {
  return [
    n.custom('counciltaxaccountid'),
    n.custom('reference'),
    n.lookup('householdid'),
    n.lookup('liableresidentid'),
    n.custom('band'),
    n.custom('annualcharge'),
    n.custom('balance'),
    n.custom('discounts'),
    n.custom('paymentmethod'),
    n.custom('ebilling'),
    n.custom('recoverystage'),
  ];
}

export function toCouncilTaxAccount(row: Row, n: TableNames): CouncilTaxAccount {
  return {
    id: requiredText(row, n.custom('counciltaxaccountid')).toLowerCase(),
    reference: requiredText(row, n.custom('reference')),
    householdId: requiredLookup(row, n.lookup('householdid')),
    liableResidentId: requiredLookup(row, n.lookup('liableresidentid')),
    band: requiredChoice(row, n.custom('band'), COUNCIL_TAX_BAND),
    annualChargePence: pence(row, n.custom('annualcharge')),
    balancePence: pence(row, n.custom('balance')),
    discounts: choices(row, n.custom('discounts'), COUNCIL_TAX_DISCOUNT),
    paymentMethod: requiredChoice(row, n.custom('paymentmethod'), PAYMENT_METHOD),
    eBilling: bool(row, n.custom('ebilling')),
    // An account no one has chased is at no recovery stage.
    recoveryStage: choice(row, n.custom('recoverystage'), RECOVERY_STAGE) ?? 'none',
  };
}
