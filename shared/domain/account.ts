import type { IsoDate } from './dates';

/** Valuation Office bands; the charge is a fixed ninths-of-band-D ratio per band. */
export type CouncilTaxBand = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H';

export const COUNCIL_TAX_BANDS: readonly CouncilTaxBand[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

export type CouncilTaxDiscount = 'single-person' | 'council-tax-reduction' | 'disability-reduction';

/** Where an unpaid bill has got to; agents must not promise what recovery has moved past. */
export type RecoveryStage = 'none' | 'reminder' | 'final-notice' | 'summons' | 'liability-order';

export type PaymentMethod = 'direct-debit' | 'online' | 'phone' | 'paypoint' | 'housing-costs-direct';

export interface CouncilTaxAccount {
  id: string;
  /** 'CT' + 8 digits, the last a Luhn check digit so mistyped references are caught. */
  reference: string;
  householdId: string;
  liableResidentId: string;
  band: CouncilTaxBand;
  /** Charge for the year before discounts, in pence. */
  annualChargePence: number;
  /** Positive: the resident owes; negative: in credit. Pence, never floating pounds. */
  balancePence: number;
  discounts: CouncilTaxDiscount[];
  paymentMethod: PaymentMethod;
  /** Bills by email instead of post (the strategy's e-billing push). */
  eBilling: boolean;
  recoveryStage: RecoveryStage;
}

export type TenancyType = 'secure' | 'introductory' | 'temporary-licence';

export interface RentAccount {
  id: string;
  /** 'RN' + 7 digits, the last a Luhn check digit. */
  reference: string;
  householdId: string;
  tenantResidentId: string;
  tenancyType: TenancyType;
  tenancyStartDate: IsoDate;
  weeklyRentPence: number;
  weeklyServiceChargePence: number;
  /** Positive: arrears; negative: in credit. */
  balancePence: number;
  paymentMethod: PaymentMethod;
}

export type ParkingPermitKind = 'resident' | 'estate' | 'blue-badge';

export interface ParkingPermit {
  id: string;
  reference: string;
  residentId: string;
  householdId: string;
  kind: ParkingPermitKind;
  /** Controlled parking zone or estate parking area. */
  zone: string;
  /**
   * Synthetic plates start 'ZZ': no GB memory tag starts with Z, so none can belong to a
   * real vehicle.
   */
  vehicleRegistration: string;
  validFrom: IsoDate;
  validUntil: IsoDate;
}

export type Weekday = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday';

export const WEEKDAYS: readonly Weekday[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

export type WasteStream = 'refuse' | 'recycling' | 'food' | 'garden';

/** Rounds are planned by street, so everyone on a street shares a day. */
export interface WasteCollection {
  day: Weekday;
  streams: WasteStream[];
}

/** "£1,234.50": an amount as the council writes it, without its sign (the words say owed or in credit). */
export const pounds = (pence: number): string => `£${(Math.abs(pence) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
