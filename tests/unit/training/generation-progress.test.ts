import { describe, expect, it } from 'vitest';
import { generateTrainingData } from '../../../main/core/training/generator';

/** `npm run dev:browser -- --residents 320000` says how far the borough has got as it is made. */
describe('making the training borough, with progress', () => {
  it('is told how many residents are made, rising to all of them, about once per hundredth', () => {
    const told: [number, number][] = [];
    generateTrainingData({ residents: 1_000, onProgress: (done, total) => told.push([done, total]) });
    expect(told.at(-1)).toEqual([1_000, 1_000]);
    expect(told.every(([, total]) => total === 1_000)).toBe(true);
    expect(told.map(([done]) => done)).toEqual([...told.map(([done]) => done)].sort((a, b) => a - b));
    expect(told.length).toBeGreaterThanOrEqual(90);
    expect(told.length).toBeLessThanOrEqual(101);
  });

  it('makes the same borough whether or not anyone is told', () => {
    expect(JSON.stringify(generateTrainingData({ residents: 500, onProgress: () => undefined }))).toBe(JSON.stringify(generateTrainingData({ residents: 500 })));
  });
});
