import type { TrainingDataset } from '../../../main/core/training/generator';
import type { DirectoryEntry } from '../../../shared/domain/directory';

/** A synthetic directory entry: the fields a test names, plain defaults for the rest. */
export const testEntry = (fields: Partial<DirectoryEntry> & { residentId: string }): DirectoryEntry => ({
  householdId: '',
  givenName: 'Test',
  familyName: 'Resident',
  dateOfBirth: '1980-01-01',
  addressLine: '1 Test Road',
  postcode: 'SE1 1AA',
  phones: [],
  email: null,
  councilTaxReference: null,
  rentReference: null,
  vulnerable: false,
  ...fields,
});

/** The nth resident of a generated directory, ids in order (r-000000, r-000001…). */
export const numberedEntry = (n: number, familyName = `Resident${n}`): DirectoryEntry =>
  testEntry({ residentId: `r-${String(n).padStart(6, '0')}`, householdId: `h-${n}`, familyName, addressLine: `${n} Test Street` });

/** The directory as the back office would send it, from the synthetic borough. */
export function directoryOf(dataset: TrainingDataset): DirectoryEntry[] {
  const households = new Map(dataset.households.map((household) => [household.id, household]));
  const councilTax = new Map(dataset.councilTaxAccounts.map((account) => [account.liableResidentId, account.reference]));
  const rent = new Map(dataset.rentAccounts.map((account) => [account.tenantResidentId, account.reference]));
  const vulnerable = new Set(dataset.flags.filter((flag) => flag.kind === 'vulnerability').map((flag) => flag.residentId));
  return dataset.residents.map((resident) => {
    const address = households.get(resident.householdId)?.address;
    return {
      residentId: resident.id,
      householdId: resident.householdId,
      givenName: resident.givenName,
      familyName: resident.familyName,
      dateOfBirth: resident.dateOfBirth,
      addressLine: address?.line1 ?? '',
      postcode: address?.postcode ?? '',
      phones: resident.contact.phones.map((phone) => phone.number),
      email: resident.contact.email ?? null,
      councilTaxReference: councilTax.get(resident.id) ?? null,
      rentReference: rent.get(resident.id) ?? null,
      vulnerable: vulnerable.has(resident.id),
    };
  });
}
