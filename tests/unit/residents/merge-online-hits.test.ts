import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/domain/directory';
import { mergeOnlineHits } from '../../../renderer/residents/merge-online-hits';
import { testEntry } from '../support/directory-entries';

const entry = (residentId: string, familyName: string) => testEntry({ residentId, familyName });
const hit = (residentId: string, familyName: string, score: number): SearchHit => ({ entry: entry(residentId, familyName), score, matched: ['name'] });

describe('merging what the council’s system found into the local results', () => {
  it('keeps the local results first and in their order, then adds the online ones the copy lacks, marked', () => {
    const local = [hit('a', 'Okafor', 9), hit('b', 'Okafor', 5)];
    const online = [hit('c', 'Okafor', 7), hit('d', 'Okafort', 3)];
    const merged = mergeOnlineHits(local, online);
    expect(merged.map((each) => [each.entry.residentId, each.fromCouncilSystem ?? false])).toEqual([
      ['a', false],
      ['b', false],
      ['c', true],
      ['d', true],
    ]);
  });

  it('shows a resident found by both once, as the local result (unmarked), whatever the online order', () => {
    const local = [hit('b', 'Okafor', 5)];
    const online = [hit('b', 'Okafor', 30), hit('a', 'Okafor', 20), hit('a', 'Okafor', 10)];
    const merged = mergeOnlineHits(local, online);
    expect(merged.map((each) => [each.entry.residentId, each.fromCouncilSystem ?? false])).toEqual([
      ['b', false],
      ['a', true],
    ]);
    expect(merged[0]).toBe(local[0]);
  });

  it('with nothing online, the local results as they are; with nothing local, the online ones, all marked', () => {
    const local = [hit('a', 'Okafor', 9)];
    expect(mergeOnlineHits(local, [])).toEqual(local);
    expect(mergeOnlineHits([], [hit('x', 'Okafor', 1)]).every((each) => each.fromCouncilSystem === true)).toBe(true);
    expect(mergeOnlineHits([], [])).toEqual([]);
  });

  it('does not change the lists it is given', () => {
    const local = [hit('a', 'Okafor', 9)];
    const online = [hit('c', 'Okafor', 7)];
    mergeOnlineHits(local, online);
    expect(local).toHaveLength(1);
    expect(online[0]).not.toHaveProperty('fromCouncilSystem');
  });
});
