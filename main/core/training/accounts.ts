import type {
  CouncilTaxAccount,
  CouncilTaxBand,
  CouncilTaxDiscount,
  ParkingPermit,
  PaymentMethod,
  RecoveryStage,
  RentAccount,
} from '../../../shared/domain/account';
import type { IsoDate } from '../../../shared/domain/dates';
import type { Household, Resident } from '../../../shared/domain/resident';
import { addDays } from './calendar';
import type { HomeType } from './homes';
import { pickWeighted, weightedTable, type Random, type WeightedTable } from './random';

/**
 * An illustrative band D charge (council plus GLA precept) in pence. Training figures only;
 * the real charge comes from the council tax system.
 */
const BAND_D_PENCE = 190_000;
/** The statutory ratio of each band to band D, in ninths. */
const NINTHS: Readonly<Record<CouncilTaxBand, number>> = { A: 6, B: 7, C: 8, D: 9, E: 11, F: 13, G: 15, H: 18 };

const BANDS_BY_HOME: Readonly<Record<HomeType, WeightedTable<CouncilTaxBand>>> = {
  'estate-flat': weightedTable<CouncilTaxBand>([['A', 25], ['B', 45], ['C', 25], ['D', 5]]),
  'street-flat': weightedTable<CouncilTaxBand>([['A', 5], ['B', 25], ['C', 35], ['D', 25], ['E', 8], ['F', 2]]),
  house: weightedTable<CouncilTaxBand>([['C', 10], ['D', 25], ['E', 28], ['F', 20], ['G', 13], ['H', 4]]),
};

const PAYMENT_METHODS = weightedTable<PaymentMethod>([['direct-debit', 62], ['online', 22], ['phone', 8], ['paypoint', 8]]);

function roundPounds(pence: number): number {
  return Math.round(pence / 100) * 100;
}

export interface CouncilTaxInput {
  id: string;
  reference: string;
  household: Household;
  homeType: HomeType;
  liable: Resident;
  lowIncome: boolean;
}

export function councilTaxAccountFor(random: Random, input: CouncilTaxInput): CouncilTaxAccount {
  const band = pickWeighted(random, BANDS_BY_HOME[input.homeType]);
  const annualChargePence = Math.round((BAND_D_PENCE * NINTHS[band]) / 9);
  const discounts: CouncilTaxDiscount[] = [];
  let net = annualChargePence;
  if (input.household.residentIds.length === 1 && random.chance(0.95)) {
    discounts.push('single-person');
    net = Math.round(net * 0.75);
  }
  if (input.lowIncome && random.chance(0.7)) {
    discounts.push('council-tax-reduction');
    net = Math.round(net * random.int(15, 60) / 100);
  }
  if (input.liable.accessibilityNeeds.includes('step-free-access') && random.chance(0.2)) discounts.push('disability-reduction');
  const instalment = Math.round(net / 10);
  const roll = random.next();
  let balancePence: number;
  let recoveryStage: RecoveryStage = 'none';
  if (roll < 0.04) balancePence = -roundPounds(random.int(1_000, 25_000));
  else if (roll < (input.lowIncome ? 0.62 : 0.8)) balancePence = random.chance(0.5) ? 0 : instalment;
  else {
    const missed = random.int(1, 14);
    balancePence = instalment * missed;
    recoveryStage = missed <= 1 ? 'reminder' : missed <= 3 ? 'final-notice' : missed <= 8 ? 'summons' : 'liability-order';
  }
  const paymentMethod = pickWeighted(random, PAYMENT_METHODS);
  return {
    id: input.id,
    reference: input.reference,
    householdId: input.household.id,
    liableResidentId: input.liable.id,
    band,
    annualChargePence,
    balancePence,
    discounts,
    paymentMethod,
    eBilling: input.liable.contact.email !== undefined && random.chance(0.45),
    recoveryStage,
  };
}

const RENT_PAYMENT = weightedTable<PaymentMethod>([
  ['housing-costs-direct', 30],
  ['direct-debit', 32],
  ['online', 20],
  ['phone', 8],
  ['paypoint', 10],
]);

export interface RentInput {
  id: string;
  reference: string;
  household: Household;
  tenant: Resident;
  tenantAge: number;
  asOf: IsoDate;
  onEstate: boolean;
}

export function rentAccountFor(random: Random, input: RentInput): RentAccount {
  const temporary = input.household.tenure === 'temporary-accommodation';
  const adultYears = Math.max(0, input.tenantAge - 18);
  const yearsAgo = temporary ? random.int(0, 2) : random.int(0, Math.min(35, adultYears));
  const tenancyStartDate = addDays(input.asOf, -(yearsAgo * 365 + random.int(0, 364)));
  const startedWithinAYear = yearsAgo === 0;
  const weeklyRentPence = roundPounds(random.int(9_000, 17_500)) + random.int(0, 99);
  const weeklyServiceChargePence = input.onEstate ? random.int(500, 2_800) : 0;
  const weekly = weeklyRentPence + weeklyServiceChargePence;
  const roll = random.next();
  const balancePence =
    roll < 0.1 ? -weekly * random.int(1, 3) : roll < 0.62 ? 0 : roll < 0.85 ? weekly * random.int(1, 4) : weekly * random.int(5, 30);
  return {
    id: input.id,
    reference: input.reference,
    householdId: input.household.id,
    tenantResidentId: input.tenant.id,
    tenancyType: temporary ? 'temporary-licence' : startedWithinAYear ? 'introductory' : 'secure',
    tenancyStartDate,
    weeklyRentPence,
    weeklyServiceChargePence,
    balancePence,
    paymentMethod: pickWeighted(random, RENT_PAYMENT),
  };
}

/** DVLA never issues I or Q in the random letters; 'ZZ' plates are unissuable as a whole. */
const PLATE_LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXYZ';
const AGE_IDENTIFIERS = ['12', '15', '16', '18', '19', '21', '22', '24', '62', '65', '68', '70', '71', '73', '74'];

function syntheticPlate(random: Random): string {
  let letters = '';
  for (let i = 0; i < 3; i += 1) letters += PLATE_LETTERS.charAt(random.int(0, PLATE_LETTERS.length - 1));
  return `ZZ${random.pick(AGE_IDENTIFIERS)} ${letters}`;
}

export interface PermitInput {
  id: string;
  reference: string;
  holder: Resident;
  zones: readonly string[];
  onEstate: boolean;
  asOf: IsoDate;
}

export function parkingPermitFor(random: Random, input: PermitInput): ParkingPermit {
  const blueBadge =
    input.holder.accessibilityNeeds.includes('step-free-access') || input.holder.accessibilityNeeds.includes('home-visit');
  const validFrom = addDays(input.asOf, -random.int(0, 420));
  return {
    id: input.id,
    reference: input.reference,
    residentId: input.holder.id,
    householdId: input.holder.householdId,
    kind: blueBadge && random.chance(0.6) ? 'blue-badge' : input.onEstate ? 'estate' : 'resident',
    zone: random.pick(input.zones),
    vehicleRegistration: syntheticPlate(random),
    validFrom,
    validUntil: addDays(validFrom, 364),
  };
}
