import type { CouncilTaxAccount, ParkingPermit, RentAccount } from '../../../shared/domain/account';
import type { ServiceCase } from '../../../shared/domain/case';
import type { ContactRecord } from '../../../shared/domain/contact';
import type { IsoDateTime } from '../../../shared/domain/dates';
import type { ResidentFlag } from '../../../shared/domain/flag';
import type { Household, Resident } from '../../../shared/domain/resident';
import type { StaffUser } from '../../../shared/domain/staff';

/**
 * One resident and every row that hangs off them. A household and its accounts travel
 * with the household's lead resident, so each appears exactly once in a stream and a
 * reader that sees a resident has already seen their household.
 */
export interface ResidentBundle {
  resident: Resident;
  household?: Household;
  councilTaxAccount?: CouncilTaxAccount;
  rentAccount?: RentAccount;
  parkingPermits: ParkingPermit[];
  cases: ServiceCase[];
  contacts: ContactRecord[];
  flags: ResidentFlag[];
}

/** What a reader needs before the first bundle: the run's identity and the staff it refers to. */
export interface TrainingDataHeader {
  seed: number;
  /** Derived from the seed (or the asOf option), never the wall clock. */
  generatedAt: IsoDateTime;
  residents: number;
  staff: StaffUser[];
}

export interface TrainingDataset {
  seed: number;
  generatedAt: IsoDateTime;
  residents: Resident[];
  households: Household[];
  councilTaxAccounts: CouncilTaxAccount[];
  rentAccounts: RentAccount[];
  parkingPermits: ParkingPermit[];
  cases: ServiceCase[];
  contacts: ContactRecord[];
  flags: ResidentFlag[];
  staff: StaffUser[];
}

/** Row counts per collection, for the training dashboard and the command line. */
export interface TrainingDataSummary {
  residents: number;
  households: number;
  councilTaxAccounts: number;
  rentAccounts: number;
  parkingPermits: number;
  cases: number;
  contacts: number;
  flags: number;
  staff: number;
}
