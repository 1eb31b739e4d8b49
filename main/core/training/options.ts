/** Limits shared by the generator and its command line, so both say the same thing. */
export const DEFAULT_RESIDENTS = 2_000;
/** The borough's population (317,256) rounded up: the largest run anyone needs. */
export const MAX_RESIDENTS = 320_000;
/** The year the customer access strategy began, as a memorable default. */
export const DEFAULT_SEED = 20201;
export const MAX_SEED = 4_294_967_295;

export interface TrainingOptions {
  seed?: number;
  residents?: number;
  /**
   * The day the data is "as of" ('YYYY-MM-DD'). Omitted, it is derived from the seed, so
   * the same seed always gives the same bytes; a training session may pin it to today so
   * due dates and review dates look current.
   */
  asOf?: string;
  /**
   * Told how many residents are made so far, of how many, about every 1% and at the end: a
   * borough-scale run takes a while, and whoever waits deserves to see it move. It does not
   * change the data.
   */
  onProgress?: (done: number, total: number) => void;
}

export interface ResolvedTrainingOptions {
  seed: number;
  residents: number;
  asOf: string;
}

export const RESIDENTS_RULE = `must be a whole number from 1 to ${MAX_RESIDENTS}`;
export const SEED_RULE = `must be a whole number from 0 to ${MAX_SEED}`;
export const AS_OF_RULE = 'must be a date written YYYY-MM-DD between 2000-01-01 and 2099-12-31';

export function isValidResidents(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_RESIDENTS;
}

export function isValidSeed(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_SEED;
}

export function isValidAsOf(value: string): boolean {
  if (!/^20\d\d-\d\d-\d\d$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A day in 2025 picked by the seed: fixed for a seed, never the wall clock. */
export function asOfForSeed(seed: number): string {
  const dayOfYear = Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) >>> 0;
  return new Date(Date.UTC(2025, 0, 1 + (dayOfYear % 365))).toISOString().slice(0, 10);
}

export function resolveTrainingOptions(options: TrainingOptions = {}): ResolvedTrainingOptions {
  const seed = options.seed ?? DEFAULT_SEED;
  const residents = options.residents ?? DEFAULT_RESIDENTS;
  if (!isValidSeed(seed)) throw new RangeError(`seed ${SEED_RULE} (got ${seed}).`);
  if (!isValidResidents(residents)) throw new RangeError(`residents ${RESIDENTS_RULE} (got ${residents}).`);
  const asOf = options.asOf ?? asOfForSeed(seed);
  if (!isValidAsOf(asOf)) throw new RangeError(`asOf ${AS_OF_RULE} (got ${asOf}).`);
  return { seed, residents, asOf };
}
