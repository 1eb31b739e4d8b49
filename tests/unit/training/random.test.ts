import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed, hashString, pickWeighted, weightedTable } from '../../../main/core/training/random';

describe('seeded random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number): number[] => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => random.next());
    };
    expect(draw(123)).toEqual(draw(123));
    expect(draw(123)).not.toEqual(draw(124));
  });

  it('keeps floats in [0, 1) and whole numbers within their bounds, reaching both ends', () => {
    const random = createRandom(9);
    const seen = new Set<number>();
    for (let i = 0; i < 20_000; i += 1) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = random.int(-3, 3);
      expect(Number.isInteger(n) && n >= -3 && n <= 3).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
  });

  it('is roughly uniform', () => {
    const random = createRandom(2024);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i += 1) {
      const bucket = Math.floor(random.next() * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('picks by weight', () => {
    const random = createRandom(5);
    const table = weightedTable([['rare', 1], ['never', 0], ['common', 9]] as const);
    let common = 0;
    for (let i = 0; i < 10_000; i += 1) {
      const value = pickWeighted(random, table);
      expect(value).not.toBe('never');
      if (value === 'common') common += 1;
    }
    expect(common / 10_000).toBeGreaterThan(0.87);
    expect(common / 10_000).toBeLessThan(0.93);
  });

  it('refuses empty choices rather than returning undefined', () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError);
    expect(() => weightedTable([['x', 0]])).toThrow(RangeError);
  });

  it('derives distinct stream seeds from parts', () => {
    const seeds = new Set(Array.from({ length: 1_000 }, (_, i) => deriveSeed(20201, 'household', i)));
    expect(seeds.size).toBe(1_000);
    expect(deriveSeed(1, 'staff')).not.toBe(deriveSeed(2, 'staff'));
    expect(hashString('Ashcombe Grove')).toBe(hashString('Ashcombe Grove'));
  });

  it('is the only source of randomness in the generator: no Math.random', () => {
    const folder = fileURLToPath(new URL('../../../main/core/training/', import.meta.url));
    const sources = readdirSync(folder).filter((name) => name.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(5);
    for (const name of sources) expect(readFileSync(join(folder, name), 'utf8')).not.toMatch(/Math\.random|Date\.now|new Date\(\)/);
  });
});
