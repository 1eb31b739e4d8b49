import type { ParkingPermit } from '../../../shared/domain/account';
import type { Household, Resident, Tenure } from '../../../shared/domain/resident';
import { councilTaxAccountFor, parkingPermitFor, rentAccountFor } from './accounts';
import { activityFor, type IdSource, type StaffPools } from './activity';
import { flagsFor } from './flags';
import type { HomeAllocator } from './homes';
import { planMembers, type MemberPlan } from './members';
import { givenName } from './names';
import {
  accessibilityNeedsFor,
  contactDetailsFor,
  courtesyFor,
  dateOfBirthFor,
  dramaLandline,
  exampleEmail,
  mySouthwarkFor,
  preferencesFor,
} from './people';
import { createRandom, deriveSeed, pickWeighted, weightedTable, type Random } from './random';
import type { ResidentBundle } from './types';

/**
 * Builds one household and everyone in it, with their accounts, cases, contacts and
 * flags. Each household draws from its own random stream; only the running counters for
 * ids and homes carry from one household to the next.
 */
export interface RunContext {
  seed: number;
  asOf: string;
  /** Day number of asOf. */
  today: number;
  staffPools: StaffPools;
  staffIds: readonly string[];
  homes: HomeAllocator;
  councilTaxReference: (householdIndex: number) => string;
  rentReference: (tenancyIndex: number) => string;
  ids: IdSource & {
    residentId(): string;
    rentIndex(): number;
    permitNumber(): number;
    flagId(): string;
  };
}

/** About 35% of households rent from the council, as the brief's borough does. */
const TENURES = weightedTable<Tenure>([
  ['council-tenant', 33],
  ['temporary-accommodation', 2],
  ['leaseholder', 9],
  ['owner-occupier', 24],
  ['private-renter', 32],
]);

const ESTATE_SHARE: Readonly<Record<Tenure, number>> = {
  'council-tenant': 0.8,
  'temporary-accommodation': 0.3,
  leaseholder: 0.85,
  'owner-occupier': 0,
  'private-renter': 0,
};

const LOW_INCOME: Readonly<Record<Tenure, number>> = {
  'council-tenant': 0.45,
  'temporary-accommodation': 0.7,
  leaseholder: 0.08,
  'owner-occupier': 0.05,
  'private-renter': 0.2,
};

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Two people at one address rarely share a first name; a few tries usually avoids it. */
function distinctGivenName(random: Random, plan: MemberPlan, taken: Set<string>): string {
  let given = givenName(random, plan.origin, plan.form);
  for (let tries = 0; tries < 4 && taken.has(given); tries += 1) given = givenName(random, plan.origin, plan.form);
  taken.add(given);
  return given;
}

function residentFrom(
  random: Random,
  ctx: RunContext,
  plan: MemberPlan,
  household: { id: string; landline: string | undefined; givenNames: Set<string> },
): Resident {
  const householdId = household.id;
  const landline = household.landline;
  const given = distinctGivenName(random, plan, household.givenNames);
  const dateOfBirth = dateOfBirthFor(random, plan.age, ctx.today);
  const birthYear = Number(dateOfBirth.slice(0, 4));
  const contact = contactDetailsFor(random, plan.age, landline, () => exampleEmail(random, given, plan.familyName, birthYear));
  const preferences = preferencesFor(random, plan.age, contact, ctx.today);
  const signs = plan.language.code === 'bfi';
  const ageFactor = plan.age >= 65 ? 1.5 : plan.age < 30 ? 0.6 : 1;
  const interpreterNeeded = plan.language.code !== 'en' && random.chance(Math.min(0.95, plan.language.interpreterRate * ageFactor));
  const accessibilityNeeds = accessibilityNeedsFor(random, plan.age, signs);
  const mySouthwark = mySouthwarkFor(random, plan.age, contact.email !== undefined, ctx.today);
  const courtesy = courtesyFor(random, plan.form, plan.age);
  const resident: Resident = {
    id: ctx.ids.residentId(),
    householdId,
    givenName: given,
    familyName: plan.familyName,
    dateOfBirth,
    contact,
    preferences,
    language: { preferred: plan.language.code, interpreterNeeded },
    accessibilityNeeds,
    mySouthwark,
  };
  // Optional keys last and only when known (no spread: see activity.ts).
  if (courtesy.title) resident.title = courtesy.title;
  if (courtesy.pronouns) resident.pronouns = courtesy.pronouns;
  return resident;
}

export function buildHousehold(ctx: RunContext, householdIndex: number, size: number): ResidentBundle[] {
  const random = createRandom(deriveSeed(ctx.seed, 'household', householdIndex));
  const tenure = pickWeighted(random, TENURES);
  const home = ctx.homes.next(random.chance(ESTATE_SHARE[tenure]) ? 'estate' : 'street');
  const householdId = `hh-${pad(householdIndex + 1, 6)}`;
  const plans = planMembers(random, size, tenure === 'private-renter');
  const landline = random.chance(0.3) ? dramaLandline(random) : undefined;
  const members = { id: householdId, landline, givenNames: new Set<string>() };
  const residents = plans.map((plan) => residentFrom(random, ctx, plan, members));
  const lead = residents[0];
  const leadPlan = plans[0];
  if (!lead || !leadPlan) throw new RangeError('A household needs at least one resident.');

  const household: Household = {
    id: householdId,
    address: home.address,
    tenure,
    leadResidentId: lead.id,
    residentIds: residents.map((r) => r.id),
    wasteCollection: home.wasteCollection,
  };
  const lowIncome = random.chance(LOW_INCOME[tenure]);
  const councilTaxAccount = councilTaxAccountFor(random, {
    id: `cta-${pad(householdIndex + 1, 6)}`,
    reference: ctx.councilTaxReference(householdIndex),
    household,
    homeType: home.type,
    liable: lead,
    lowIncome,
  });
  const rentsFromCouncil = tenure === 'council-tenant' || tenure === 'temporary-accommodation';
  const rentIndex = rentsFromCouncil ? ctx.ids.rentIndex() : -1;
  const rentAccount = rentsFromCouncil
    ? rentAccountFor(random, {
        id: `rnt-${pad(rentIndex + 1, 6)}`,
        reference: ctx.rentReference(rentIndex),
        household,
        tenant: lead,
        tenantAge: leadPlan.age,
        asOf: ctx.asOf,
        onEstate: home.type === 'estate-flat',
      })
    : undefined;

  const permits = new Map<string, ParkingPermit[]>();
  const permitRate = home.type === 'house' ? 0.35 : home.type === 'street-flat' ? 0.15 : 0.12;
  const drivers = residents.filter((_, i) => (plans[i]?.age ?? 0) >= 17);
  if (drivers.length > 0 && random.chance(permitRate)) {
    const holders = drivers.length > 1 && random.chance(0.12) ? drivers.slice(0, 2) : drivers.slice(0, 1);
    for (const holder of holders) {
      const n = ctx.ids.permitNumber();
      const permit = parkingPermitFor(random, {
        id: `pp-${pad(n, 6)}`,
        reference: `PP${pad(n, 7)}`,
        holder,
        zones: home.parkingZones,
        onEstate: home.type === 'estate-flat',
        asOf: ctx.asOf,
      });
      permits.set(holder.id, [permit]);
    }
  }

  const inArrears =
    councilTaxAccount.recoveryStage !== 'none' ||
    (rentAccount !== undefined && rentAccount.balancePence > 4 * rentAccount.weeklyRentPence);

  return residents.map((resident, i) => {
    const plan = plans[i] ?? leadPlan;
    const parkingPermits = permits.get(resident.id) ?? [];
    const { cases, contacts } = activityFor(
      random,
      {
        residentId: resident.id,
        householdId,
        circumstances: { tenure, age: plan.age, hasPermit: parkingPermits.length > 0 },
        today: ctx.today,
        staff: ctx.staffPools,
      },
      ctx.ids,
    );
    const flags = flagsFor(random, {
      residentId: resident.id,
      age: plan.age,
      signsLanguage: plan.language.code === 'bfi',
      hasAccessibilityNeeds: resident.accessibilityNeeds.length > 0,
      inArrears: inArrears && i === 0,
      today: ctx.today,
      raisedBy: () => random.pick(ctx.staffIds),
      nextId: () => ctx.ids.flagId(),
    });
    const bundle: ResidentBundle = { resident, parkingPermits, cases, contacts, flags };
    // The lead carries the household's rows.
    if (i === 0) {
      bundle.household = household;
      bundle.councilTaxAccount = councilTaxAccount;
      if (rentAccount) bundle.rentAccount = rentAccount;
    }
    return bundle;
  });
}
