/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32). Training data
 * must be byte-identical for the same seed on every machine, which the built-in generator
 * can never be, and sfc32 passes PractRand at the sizes used here while needing only 32-bit integer
 * arithmetic.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number from min to max inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRandom(seed: number): Random {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = 1;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 mixes its state over its first dozen rounds.
  for (let i = 0; i < 12; i += 1) nextUint32();

  const next = (): number => nextUint32() / 4294967296;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list.');
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

/** FNV-1a over UTF-16 code units: a stable 32-bit hash for strings such as street names. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A seed for one independent stream, such as household number 1234 of seed 20201. Each
 * household draws from its own stream, so changing how one household is built never
 * shifts every household after it.
 */
export function deriveSeed(seed: number, ...parts: readonly (number | string)[]): number {
  let h = splitmix32(seed >>> 0)();
  for (const part of parts) {
    const value = typeof part === 'number' ? part >>> 0 : hashString(part);
    h = splitmix32((h ^ value) >>> 0)();
  }
  return h;
}

/** A precomputed table so a weighted pick is a binary search, not a scan. */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  readonly cumulative: readonly number[];
  readonly total: number;
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    if (!(weight > 0)) continue;
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  if (values.length === 0) throw new RangeError('A weighted table needs at least one positive weight.');
  return { values, cumulative, total };
}

export function pickWeighted<T>(random: Random, table: WeightedTable<T>): T {
  const target = random.next() * table.total;
  let low = 0;
  let high = table.cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((table.cumulative[mid] as number) > target) high = mid;
    else low = mid + 1;
  }
  return table.values[low] as T;
}
