import { describe, expect, it } from 'vitest';
import { generateTrainingData } from '../../../main/core/training/generator';
import type { DirectoryEntry } from '../../../shared/domain/directory';
import { buildIndexData } from '../../../shared/search/build';
import { searchIndexData } from '../../../shared/search/engine';
import { compilePart } from '../../../shared/search/plan';
import { analyseQuery } from '../../../shared/search/query';
import { scoreOf } from '../../../shared/search/score';

/**
 * The engine skips most entries (bounds, marks, windows). Whatever it skips must not change
 * the answer: compare it with scoring every entry, for many queries typed a key at a time.
 */
function directory(): DirectoryEntry[] {
  const dataset = generateTrainingData({ residents: 4_000, seed: 77 });
  const homes = new Map(dataset.households.map((household) => [household.id, household.address]));
  return dataset.residents.map((resident) => ({
    residentId: resident.id,
    householdId: resident.householdId,
    givenName: resident.givenName,
    familyName: resident.familyName,
    dateOfBirth: resident.dateOfBirth,
    addressLine: homes.get(resident.householdId)?.line1 ?? '',
    postcode: homes.get(resident.householdId)?.postcode ?? '',
    phones: resident.contact.phones.map((phone) => phone.number),
    email: resident.contact.email ?? null,
    councilTaxReference: null,
    rentReference: null,
    vulnerable: false,
  }));
}

describe('search engine shortcuts', () => {
  const entries = directory();
  const data = buildIndexData(entries);
  const index = searchIndexData(data);

  const bruteForce = (query: string, limit: number): string[] => {
    const analysis = analyseQuery(query);
    if (analysis.kind !== 'parts') return [];
    const parts = analysis.parts.map((part) => compilePart(data, part)).filter((part) => part.volume > 0);
    const scored: { e: number; score: number }[] = [];
    for (let e = 0; e < data.entries.length; e += 1) {
      const score = parts.length > 0 ? scoreOf(data, parts, e) : 0;
      if (score > 0) scored.push({ e, score });
    }
    scored.sort((a, b) => b.score - a.score || a.e - b.e);
    return scored.slice(0, limit).map(({ e }) => data.entries[e]!.residentId);
  };

  it('returns exactly what scoring every entry would, keystroke by keystroke', () => {
    const pick = (i: number): DirectoryEntry => entries[(i * 7919) % entries.length]!;
    const queries = [
      ...Array.from({ length: 8 }, (_, i) => `${pick(i).givenName} ${pick(i).familyName}`),
      ...Array.from({ length: 4 }, (_, i) => `${pick(i + 8).familyName} ${pick(i + 8).postcode}`),
      ...Array.from({ length: 3 }, (_, i) => `${pick(i + 12).addressLine} ${pick(i + 12).postcode.split(' ')[0]}`),
      ...Array.from({ length: 3 }, (_, i) => pick(i + 15).phones[0] ?? '07700 900'),
      `${pick(20).givenName.slice(0, 3)} ${pick(21).familyName.slice(0, 4)}x`,
      'se15 g',
      'se1 se5',
      'maria g',
      'a b c',
      'court house',
      'smith jones brown',
      'o c',
    ];
    let compared = 0;
    for (const query of queries) {
      for (let end = 2; end <= query.length; end += 1) {
        const text = query.slice(0, end);
        for (const limit of [1, 20]) {
          expect(index.search(text, limit).map((hit) => hit.entry.residentId), `${text} (${limit})`).toEqual(bruteForce(text, limit));
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(400);
  });

  it('counts every resident who matches each part of the query, as scoring every entry would, up to its cap', () => {
    const fullMatches = (query: string): number => {
      const analysis = analyseQuery(query);
      if (analysis.kind !== 'parts') return 0;
      const parts = analysis.parts.map((part) => compilePart(data, part)).filter((part) => part.volume > 0);
      const whole = parts.reduce((sum, part) => sum + part.weight, 0);
      let count = 0;
      for (let e = 0; e < data.entries.length; e += 1) if (parts.length > 0 && Math.floor(scoreOf(data, parts, e) / 1_000_000) === whole) count += 1;
      return count;
    };
    const pick = (i: number): DirectoryEntry => entries[(i * 104_729) % entries.length]!;
    const queries = ['smith', 'maria g', 'se15', 'court house', `${pick(1).givenName} ${pick(1).familyName}`, `${pick(2).familyName} ${pick(2).postcode}`, pick(3).familyName.slice(0, 3), 'a b'];
    for (const query of queries) {
      const { matching, atLeast } = index.searchCounted(query);
      const expected = fullMatches(query);
      if (atLeast) expect(expected, query).toBeGreaterThanOrEqual(matching);
      else expect(matching, query).toBe(expected);
    }
  });
});
