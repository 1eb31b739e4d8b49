import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_RESIDENTS,
  generateTrainingData,
  streamTrainingData,
  summariseTrainingData,
  trainingDataHeader,
} from '../../../main/core/training/generator';

const sha256 = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('training data determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives byte-identical output for the same seed', () => {
    const first = generateTrainingData({ seed: 42, residents: 500 });
    const second = generateTrainingData({ seed: 42, residents: 500 });
    expect(second).toEqual(first);
    expect(sha256(second)).toBe(sha256(first));
  });

  it('gives different output for a different seed', () => {
    const a = generateTrainingData({ seed: 1, residents: 300 });
    const b = generateTrainingData({ seed: 2, residents: 300 });
    expect(sha256(a)).not.toBe(sha256(b));
    expect(a.residents.map((r) => r.familyName)).not.toEqual(b.residents.map((r) => r.familyName));
    expect(a.staff.map((s) => s.displayName)).not.toEqual(b.staff.map((s) => s.displayName));
  });

  it('does not read the wall clock: generatedAt and every date come from the seed', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-07-04T12:00:00Z'));
    const later = generateTrainingData({ seed: 7, residents: 200 });
    vi.setSystemTime(new Date('2019-01-01T00:00:00Z'));
    const earlier = generateTrainingData({ seed: 7, residents: 200 });
    expect(sha256(later)).toBe(sha256(earlier));
    expect(later.generatedAt).toMatch(/^2025-\d\d-\d\dT06:00:00\.000Z$/);
  });

  it('lets a session pin the as-of day, still deterministically', () => {
    const pinned = generateTrainingData({ seed: 7, residents: 200, asOf: '2026-03-02' });
    expect(pinned.generatedAt).toBe('2026-03-02T06:00:00.000Z');
    expect(sha256(generateTrainingData({ seed: 7, residents: 200, asOf: '2026-03-02' }))).toBe(sha256(pinned));
  });

  it('streams exactly what the in-memory form holds, in the same order', () => {
    const options = { seed: 99, residents: 400 };
    const dataset = generateTrainingData(options);
    const bundles = [...streamTrainingData(options)];
    expect(bundles.map((b) => b.resident)).toEqual(dataset.residents);
    expect(bundles.flatMap((b) => (b.household ? [b.household] : []))).toEqual(dataset.households);
    expect(bundles.flatMap((b) => b.contacts)).toEqual(dataset.contacts);
    expect(trainingDataHeader(options)).toEqual({
      seed: 99,
      generatedAt: dataset.generatedAt,
      residents: 400,
      staff: dataset.staff,
    });
  });

  it('keeps earlier households unchanged when more residents are asked for', () => {
    const small = generateTrainingData({ seed: 5, residents: 100 });
    const large = generateTrainingData({ seed: 5, residents: 1000 });
    // The last small household may have been cut short to hit the count exactly.
    const complete = small.households.slice(0, -1);
    expect(large.households.slice(0, complete.length)).toEqual(complete);
  });
});

describe('training data sizes', () => {
  it.each([1, 7, 250])('generates exactly %i residents', (residents) => {
    const dataset = generateTrainingData({ seed: 3, residents });
    expect(dataset.residents).toHaveLength(residents);
    expect(dataset.households.reduce((n, h) => n + h.residentIds.length, 0)).toBe(residents);
  });

  it(`defaults to ${DEFAULT_RESIDENTS} residents and 40 staff, quickly`, () => {
    const started = performance.now();
    const dataset = generateTrainingData({});
    const elapsed = performance.now() - started;
    expect(dataset.residents).toHaveLength(DEFAULT_RESIDENTS);
    expect(dataset.staff).toHaveLength(40);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('keeps households between one and six people', () => {
    const { households } = generateTrainingData({ seed: 11, residents: 2_000 });
    const sizes = new Set(households.map((h) => h.residentIds.length));
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(6);
  });

  it.each([0, -1, 1.5, 320_001, Number.NaN])('refuses %s residents with a plain message', (residents) => {
    expect(() => generateTrainingData({ residents })).toThrow(/residents must be a whole number from 1 to 320000/);
  });

  it('refuses a seed that is not a 32-bit whole number and a malformed asOf', () => {
    expect(() => generateTrainingData({ seed: -1 })).toThrow(/seed must be a whole number from 0 to 4294967295/);
    expect(() => generateTrainingData({ asOf: '2025-02-30' })).toThrow(/asOf must be a date/);
  });

  it('summarises counts per collection', () => {
    const dataset = generateTrainingData({ seed: 8, residents: 300 });
    const summary = summariseTrainingData(dataset);
    expect(summary).toEqual({
      residents: 300,
      households: dataset.households.length,
      councilTaxAccounts: dataset.councilTaxAccounts.length,
      rentAccounts: dataset.rentAccounts.length,
      parkingPermits: dataset.parkingPermits.length,
      cases: dataset.cases.length,
      contacts: dataset.contacts.length,
      flags: dataset.flags.length,
      staff: 40,
    });
    expect(summary.households).toBeGreaterThan(0);
    expect(summary.councilTaxAccounts).toBe(summary.households);
  });
});
