import { describe, expect, it } from 'vitest';
import { generateTrainingData } from '../../../main/core/training/generator';
import type { DirectoryEntry } from '../../../shared/domain/directory';
import { buildSearchIndex } from '../../../shared/search';
import { directoryOf } from '../support/directory-entries';
import { seededRandom as random } from '../support/seeded-random';

describe('search over the synthetic borough', () => {
  const entries = directoryOf(generateTrainingData({ residents: 6_000 }));
  const index = buildSearchIndex(entries);
  const nameAndPostcode = (entry: DirectoryEntry): string => `${entry.givenName} ${entry.familyName} ${entry.postcode}`;
  // Two people of the same name at one postcode cannot be told apart by name and postcode.
  const count = new Map<string, number>();
  for (const entry of entries) count.set(nameAndPostcode(entry).toLowerCase(), (count.get(nameAndPostcode(entry).toLowerCase()) ?? 0) + 1);
  const unique = entries.filter((entry) => count.get(nameAndPostcode(entry).toLowerCase()) === 1);

  it('finds each of 50 random residents first by exact name and postcode', () => {
    const next = random(2024);
    const picked = Array.from({ length: 50 }, () => unique[Math.floor(next() * unique.length)]!);
    for (const entry of picked) {
      const [hit] = index.search(nameAndPostcode(entry));
      expect(hit?.entry.residentId, nameAndPostcode(entry)).toBe(entry.residentId);
      expect(hit?.matched).toEqual(['name', 'postcode']);
    }
  });

  it('finds each of 50 random residents by their phone, email or reference', () => {
    const next = random(7);
    for (let i = 0; i < 50; i += 1) {
      const entry = entries[Math.floor(next() * entries.length)]!;
      const query = entry.councilTaxReference ?? entry.email ?? entry.phones[0];
      if (!query) continue;
      expect(index.search(query, 500).map((hit) => hit.entry.residentId), query).toContain(entry.residentId);
    }
  });

  it('finds residents whose names are typed without accents or with one typo', () => {
    const accented = entries.filter((entry) => /[^\x20-\x7e]/.test(entry.familyName)).slice(0, 20);
    expect(accented.length).toBeGreaterThan(0);
    for (const entry of accented) {
      const plain = `${entry.givenName} ${entry.familyName} ${entry.postcode}`.normalize('NFD').replace(/\p{M}/gu, '');
      expect(index.search(plain).map((hit) => hit.entry.residentId), plain).toContain(entry.residentId);
    }
    const simple = unique.filter((entry) => /^[A-Za-z]{5,}$/.test(entry.familyName)).slice(0, 20);
    for (const entry of simple) {
      const family = entry.familyName.toLowerCase();
      const typo = `${family.slice(0, 2)}${family[2] === 'x' ? 'z' : 'x'}${family.slice(3)}`;
      const query = `${entry.givenName} ${typo} ${entry.postcode}`;
      expect(index.search(query)[0]?.entry.residentId, query).toBe(entry.residentId);
    }
  });
});
