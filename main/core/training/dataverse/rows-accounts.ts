import { COUNCIL_TAX_BAND, COUNCIL_TAX_DISCOUNT, PAYMENT_METHOD, PERMIT_KIND, RECOVERY_STAGE, TENANCY_TYPE } from '../../back-office/dataverse/choices';
import type { TableNames } from '../../back-office/dataverse/names';
import type { TrainingDataset } from '../generator';
import { rowIdFor } from './row-ids';
import { dataverseDateTime, multiSelect, type StandInRow } from './rows-people';

/** Money columns hold decimal pounds. */
const pounds = (pence: number) => pence / 100;

export function councilTaxAccountRows(dataset: TrainingDataset, n: TableNames): StandInRow[] {
  const c = n.custom;
  const createdon = dataverseDateTime(dataset.generatedAt);
  return dataset.councilTaxAccounts.map((account) => ({
    [c('counciltaxaccountid')]: rowIdFor(account.id),
    [c('reference')]: account.reference,
    [n.lookup('householdid')]: rowIdFor(account.householdId),
    [n.lookup('liableresidentid')]: rowIdFor(account.liableResidentId),
    [c('band')]: COUNCIL_TAX_BAND.value(account.band),
    [c('annualcharge')]: pounds(account.annualChargePence),
    [c('balance')]: pounds(account.balancePence),
    [c('discounts')]: multiSelect(account.discounts, COUNCIL_TAX_DISCOUNT.value),
    [c('paymentmethod')]: PAYMENT_METHOD.value(account.paymentMethod),
    [c('ebilling')]: account.eBilling,
    [c('recoverystage')]: RECOVERY_STAGE.value(account.recoveryStage),
    statecode: 0,
    createdon,
  }));
}

export function rentAccountRows(dataset: TrainingDataset, n: TableNames): StandInRow[] {
  const c = n.custom;
  return dataset.rentAccounts.map((account) => ({
    [c('rentaccountid')]: rowIdFor(account.id),
    [c('reference')]: account.reference,
    [n.lookup('householdid')]: rowIdFor(account.householdId),
    [n.lookup('tenantid')]: rowIdFor(account.tenantResidentId),
    [c('tenancytype')]: TENANCY_TYPE.value(account.tenancyType),
    [c('tenancystartdate')]: account.tenancyStartDate,
    [c('weeklyrent')]: pounds(account.weeklyRentPence),
    [c('weeklyservicecharge')]: pounds(account.weeklyServiceChargePence),
    [c('balance')]: pounds(account.balancePence),
    [c('paymentmethod')]: PAYMENT_METHOD.value(account.paymentMethod),
    statecode: 0,
    createdon: dataverseDateTime(`${account.tenancyStartDate}T09:00:00Z`),
  }));
}

export function parkingPermitRows(dataset: TrainingDataset, n: TableNames): StandInRow[] {
  const c = n.custom;
  return dataset.parkingPermits.map((permit) => ({
    [c('parkingpermitid')]: rowIdFor(permit.id),
    [c('reference')]: permit.reference,
    [n.lookup('residentid')]: rowIdFor(permit.residentId),
    [n.lookup('householdid')]: rowIdFor(permit.householdId),
    [c('kind')]: PERMIT_KIND.value(permit.kind),
    [c('zone')]: permit.zone,
    [c('vehicleregistration')]: permit.vehicleRegistration,
    [c('validfrom')]: permit.validFrom,
    [c('validuntil')]: permit.validUntil,
    statecode: 0,
    createdon: dataverseDateTime(`${permit.validFrom}T09:00:00Z`),
  }));
}
