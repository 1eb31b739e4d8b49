import type { CaseCategory } from '../../../shared/domain/case';
import { toDayNumber } from './calendar';
import { CASE_REFERENCE_PREFIX } from './case-rules';
import { createHomeAllocator } from './homes';
import { buildHousehold, type RunContext } from './household';
import { resolveTrainingOptions, type ResolvedTrainingOptions, type TrainingOptions } from './options';
import { createRandom, deriveSeed, pickWeighted, weightedTable } from './random';
import { councilTaxReferences, rentReferences } from './references';
import { staffPools, trainingStaff } from './staff';
import type { ResidentBundle, TrainingDataHeader, TrainingDataSummary, TrainingDataset } from './types';

/**
 * Synthetic Southwark-like residents for training mode. Nothing here is a real person:
 * names are recombined from lists, phones are Ofcom drama numbers, emails are at RFC 2606
 * example domains and homes are on invented streets. The same seed gives the same bytes.
 */
export type { ResidentBundle, TrainingDataHeader, TrainingDataSummary, TrainingDataset } from './types';
export type { TrainingOptions } from './options';
export { DEFAULT_RESIDENTS, DEFAULT_SEED, MAX_RESIDENTS } from './options';

/** Adults per home: mostly one or two, a few large families. */
const HOUSEHOLD_SIZES = weightedTable([[1, 34], [2, 33], [3, 15], [4, 10], [5, 5], [6, 3]] as const);

function generatedAtFor(options: ResolvedTrainingOptions): string {
  return `${options.asOf}T06:00:00.000Z`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function createRunContext(options: ResolvedTrainingOptions): RunContext {
  const staff = trainingStaff(options.seed);
  let residents = 0;
  let tenancies = 0;
  let permits = 0;
  let cases = 0;
  let contacts = 0;
  let flags = 0;
  return {
    seed: options.seed,
    asOf: options.asOf,
    today: toDayNumber(options.asOf),
    staffPools: staffPools(staff),
    staffIds: staff.map((s) => s.id),
    homes: createHomeAllocator(deriveSeed(options.seed, 'homes')),
    councilTaxReference: councilTaxReferences(deriveSeed(options.seed, 'council-tax')),
    rentReference: rentReferences(deriveSeed(options.seed, 'rent')),
    ids: {
      residentId: () => `res-${pad((residents += 1), 6)}`,
      rentIndex: () => (tenancies += 1) - 1,
      permitNumber: () => (permits += 1),
      nextCase: (category: CaseCategory, openedOn: string) => {
        cases += 1;
        return { id: `case-${pad(cases, 7)}`, reference: `${CASE_REFERENCE_PREFIX[category]}-${openedOn.slice(0, 4)}-${pad(cases, 6)}` };
      },
      contactId: () => `con-${pad((contacts += 1), 7)}`,
      flagId: () => `flg-${pad((flags += 1), 6)}`,
    },
  };
}

export function trainingDataHeader(options?: TrainingOptions): TrainingDataHeader {
  const resolved = resolveTrainingOptions(options);
  return {
    seed: resolved.seed,
    generatedAt: generatedAtFor(resolved),
    residents: resolved.residents,
    staff: trainingStaff(resolved.seed),
  };
}

/**
 * One resident at a time with everything that hangs off them, so a borough-sized run
 * (320,000 residents) can be written out holding only one household in memory. Staff
 * come from trainingDataHeader with the same options.
 */
export function* streamTrainingData(options?: TrainingOptions): Generator<ResidentBundle, void, undefined> {
  const resolved = resolveTrainingOptions(options);
  const ctx = createRunContext(resolved);
  const sizes = createRandom(deriveSeed(resolved.seed, 'household-sizes'));
  let remaining = resolved.residents;
  const { onProgress } = options ?? {};
  const step = Math.max(1, Math.ceil(resolved.residents / 100));
  let nextReport = step;
  for (let householdIndex = 0; remaining > 0; householdIndex += 1) {
    const size = Math.min(remaining, pickWeighted(sizes, HOUSEHOLD_SIZES));
    remaining -= size;
    yield* buildHousehold(ctx, householdIndex, size);
    const done = resolved.residents - remaining;
    if (onProgress && (done >= nextReport || remaining === 0)) {
      onProgress(done, resolved.residents);
      nextReport = done + step;
    }
  }
}

/** The whole data set in memory: the quick start (2,000 residents) and tests. */
export function generateTrainingData(options?: TrainingOptions): TrainingDataset {
  const header = trainingDataHeader(options);
  const dataset: TrainingDataset = {
    seed: header.seed,
    generatedAt: header.generatedAt,
    residents: [],
    households: [],
    councilTaxAccounts: [],
    rentAccounts: [],
    parkingPermits: [],
    cases: [],
    contacts: [],
    flags: [],
    staff: header.staff,
  };
  for (const bundle of streamTrainingData(options)) {
    dataset.residents.push(bundle.resident);
    if (bundle.household) dataset.households.push(bundle.household);
    if (bundle.councilTaxAccount) dataset.councilTaxAccounts.push(bundle.councilTaxAccount);
    if (bundle.rentAccount) dataset.rentAccounts.push(bundle.rentAccount);
    dataset.parkingPermits.push(...bundle.parkingPermits);
    dataset.cases.push(...bundle.cases);
    dataset.contacts.push(...bundle.contacts);
    dataset.flags.push(...bundle.flags);
  }
  return dataset;
}

export function emptySummary(staff = 0): TrainingDataSummary {
  return { residents: 0, households: 0, councilTaxAccounts: 0, rentAccounts: 0, parkingPermits: 0, cases: 0, contacts: 0, flags: 0, staff };
}

/** Counts a streamed bundle into a running summary (the command line's tally). */
export function addToSummary(summary: TrainingDataSummary, bundle: ResidentBundle): TrainingDataSummary {
  summary.residents += 1;
  if (bundle.household) summary.households += 1;
  if (bundle.councilTaxAccount) summary.councilTaxAccounts += 1;
  if (bundle.rentAccount) summary.rentAccounts += 1;
  summary.parkingPermits += bundle.parkingPermits.length;
  summary.cases += bundle.cases.length;
  summary.contacts += bundle.contacts.length;
  summary.flags += bundle.flags.length;
  return summary;
}

export function summariseTrainingData(dataset: TrainingDataset): TrainingDataSummary {
  return {
    residents: dataset.residents.length,
    households: dataset.households.length,
    councilTaxAccounts: dataset.councilTaxAccounts.length,
    rentAccounts: dataset.rentAccounts.length,
    parkingPermits: dataset.parkingPermits.length,
    cases: dataset.cases.length,
    contacts: dataset.contacts.length,
    flags: dataset.flags.length,
    staff: dataset.staff.length,
  };
}
