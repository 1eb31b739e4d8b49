import type { CouncilTaxAccount, ParkingPermit, RentAccount } from './account';
import type { ServiceCase } from './case';
import type { IsoDateTime } from './dates';
import type { ResidentFlag } from './flag';
import type { Household, Resident } from './resident';

/** Someone else registered at the resident's address, as the 360 view lists them. */
export interface HouseholdMember {
  residentId: string;
  name: string;
  /** To the household's lead, only where the back office records it: 'partner', 'son'. */
  relationship?: string;
  /** In whole years today, so the agent never works out a date of birth on the call. */
  age: number;
}

/**
 * Everything the agent needs about one resident on one screen, read from the back office in
 * one go. Flags are all here on purpose: which roles may see which is decided by the caller,
 * so the rule lives in one place and is tested there.
 */
export interface Resident360 {
  resident: Resident;
  household: Household | null;
  /** Everyone else registered at the address; the resident is not repeated here. */
  householdMembers: HouseholdMember[];
  councilTaxAccount: CouncilTaxAccount | null;
  rentAccount: RentAccount | null;
  parkingPermits: ParkingPermit[];
  /** Open cases and those closed in the last year, newest first. */
  cases: ServiceCase[];
  /** Every current flag, both kinds. */
  flags: ResidentFlag[];
  /**
   * Names of the officers the cases and flags refer to, by staff id, as the back office
   * spells them: the agent gives the resident the case owner's name.
   */
  staffNames: Record<string, string>;
  /**
   * Staff-safety markers the back office would not show this officer (Dataverse's security role
   * refused them): how many there are, from the contact, without what they say.
   */
  withheldStaffSafety?: number;
}

export type AccessReason = 'call' | 'appointment' | 'case-work' | 'email';

export type IdentityCheckResult = 'passed' | 'overridden' | 'not-done';

/**
 * One look at a resident's record, kept in the back office so the council can answer
 * "who has looked at my record, and why?" (UK GDPR right of access).
 */
export interface ResidentAccess {
  /** Made on this computer, so sending it twice records it once. */
  id: string;
  residentId: string;
  staffId: string;
  staffName: string;
  at: IsoDateTime;
  /**
   * For a read of this computer's copy: when the officer's screen says the copy was read, where
   * that can be true. `at` is then when main was told, by main's own clock.
   */
  copyReadAt?: IsoDateTime;
  reason: AccessReason;
  identityCheck: IdentityCheckResult;
  /** Why the agent went ahead without the resident passing the identity check. */
  overrideReason?: string;
  /**
   * 'snapshot': read from this computer's copy while the back office could not be reached,
   * sent later. Not yet written to Dataverse: the resident-access table has no column for it.
   */
  source?: 'snapshot';
}
