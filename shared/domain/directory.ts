import type { IsoDate } from './dates';

/**
 * One resident in the local directory that search runs over: just enough to find them and to
 * tell two Maria Garcias apart, never their whole record. Kept current from the back office
 * with change tracking, so search works offline.
 */
export interface DirectoryEntry {
  residentId: string;
  householdId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: IsoDate;
  /** First line of the address: 'Flat 12, Bradenham Court'. */
  addressLine: string;
  /** With its space: 'SE17 2DW'. */
  postcode: string;
  /** As written: '020 7946 0123', '07700 900123'. */
  phones: string[];
  email: string | null;
  councilTaxReference: string | null;
  rentReference: string | null;
  /** Whether the resident has a vulnerability flag; the flags themselves stay in the record. */
  vulnerable: boolean;
}

/** Why a search result matched, so the agent sees at a glance what was recognised. */
export type MatchReason = 'name' | 'date-of-birth' | 'postcode' | 'phone' | 'email' | 'council-tax-reference' | 'rent-reference' | 'address';

export interface SearchHit {
  entry: DirectoryEntry;
  score: number;
  matched: MatchReason[];
}
