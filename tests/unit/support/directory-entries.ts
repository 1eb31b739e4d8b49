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
