import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../../shared/domain/directory';
import { buildSearchIndex } from '../../../shared/search';

let next = 0;
function resident(given: string, family: string, more: Partial<DirectoryEntry> = {}): DirectoryEntry {
  next += 1;
  const n = String(next).padStart(6, '0');
  return {
    residentId: `res-${n}`,
    householdId: `hh-${n}`,
    givenName: given,
    familyName: family,
    dateOfBirth: '1970-01-01',
    addressLine: `${next} Sample Street`,
    postcode: 'SE1 1AA',
    phones: [],
    email: null,
    councilTaxReference: null,
    rentReference: null,
    vulnerable: false,
    ...more,
  };
}

const directory: DirectoryEntry[] = [
  resident('Maria', 'García', { residentId: 'res-maria-1', dateOfBirth: '1985-03-12', postcode: 'SE15 4QF', addressLine: 'Flat 3, Lyndhurst Court' }),
  resident('María', 'Garcia', { residentId: 'res-maria-2', dateOfBirth: '1990-07-01', postcode: 'SE17 2DW', addressLine: '40 Merrow Street' }),
  resident('Ana', 'García López', { residentId: 'res-ana' }),
  resident('Lucía', 'García López', { residentId: 'res-lucia', dateOfBirth: '1985-03-12' }),
  resident('Chidi', 'Smith-Okafor', { residentId: 'res-chidi' }),
  resident('Ngozi', 'Okafor', { residentId: 'res-ngozi' }),
  resident('Aoife', 'Ní Bhriain', { residentId: 'res-aoife' }),
  resident('Sean', "O'Brien", { residentId: 'res-sean' }),
  resident('Bruna', 'de Souza', { residentId: 'res-bruna' }),
  resident('José', 'Martín', { residentId: 'res-jose' }),
  resident('Jose', 'Martin', { residentId: 'res-jose-plain' }),
  resident('Zoë', 'Adams', { residentId: 'res-zoe' }),
  resident('Tom', 'Baker', {
    residentId: 'res-tom',
    addressLine: '12 Camberwell Grove',
    postcode: 'SE5 8JA',
    phones: ['07700 900123', '020 7946 0123'],
    email: 'tom.baker@example.org',
    councilTaxReference: 'CT12345674',
    rentReference: 'RN1234566',
  }),
  resident('Ann', 'Green', { residentId: 'res-ann-green' }),
  resident('Zak', 'Aaron', { residentId: 'res-green-lane', addressLine: '1 Green Lane' }),
  resident('Harry', 'Pike-Robinson', { residentId: 'res-harry-pike-robinson' }),
  resident('Harry', 'Robinson', { residentId: 'res-harry-robinson' }),
  resident('Mari', 'Jones', { residentId: 'res-mari' }),
  resident('Mary', 'Jones', { residentId: 'res-mary' }),
  resident('Marianne', 'Jones', { residentId: 'res-marianne' }),
  ...Array.from({ length: 30 }, (_, i) => resident('John', 'Smith', { residentId: `res-smith-${String(i).padStart(2, '0')}` })),
];
const index = buildSearchIndex(directory);
const ids = (query: string, limit?: number): string[] => index.search(query, limit).map((hit) => hit.entry.residentId);
const first = (query: string): string | undefined => ids(query)[0];

describe('resident search ranking', () => {
  it('knows its size', () => {
    expect(index.size).toBe(directory.length);
  });

  it('finds a name with a typo', () => {
    expect(ids('garsia')).toEqual(expect.arrayContaining(['res-maria-1', 'res-maria-2', 'res-ana']));
    expect(first('maria garsia')).toMatch(/^res-maria-/);
    expect(ids('maria grcia')).toContain('res-maria-1');
  });

  it('finds hyphenated surnames by either part, and best by both', () => {
    expect(ids('okafor')).toEqual(expect.arrayContaining(['res-chidi', 'res-ngozi']));
    expect(first('smith okafor')).toBe('res-chidi');
    expect(first('smith-okafor')).toBe('res-chidi');
    expect(first('smithokafor')).toBe('res-chidi');
  });

  it('finds two-part surnames by either part', () => {
    expect(ids('lopez')).toEqual(['res-ana', 'res-lucia']);
    expect(first('ana garcia lopez')).toBe('res-ana');
  });

  it('ignores accents both ways', () => {
    expect(ids('jose martin').slice(0, 2).sort()).toEqual(['res-jose', 'res-jose-plain']);
    expect(ids('José Martín').slice(0, 2).sort()).toEqual(['res-jose', 'res-jose-plain']);
    expect(first('zoe adams')).toBe('res-zoe');
    expect(first('Zoë')).toBe('res-zoe');
    expect(first('Ni Bhriain')).toBe('res-aoife');
    expect(first('aoife ní bhriain')).toBe('res-aoife');
  });

  it("finds O'Brien however the apostrophe is typed", () => {
    for (const query of ['obrien', 'o brien', "o'brien", 'O’Brien', 'brien', 'sean o bri']) expect(first(query), query).toBe('res-sean');
  });

  it('finds "de Souza" by "de souza" and by "souza"', () => {
    expect(first('de souza')).toBe('res-bruna');
    expect(first('souza')).toBe('res-bruna');
    expect(first('desouza')).toBe('res-bruna');
  });

  it('finds a postcode with or without its space, and by outward code', () => {
    expect(first('SE17 2DW')).toBe('res-maria-2');
    expect(first('se172dw')).toBe('res-maria-2');
    expect(ids('se15')).toEqual(['res-maria-1']);
    expect(first('se17 2d')).toBe('res-maria-2');
  });

  it('finds a phone in any spacing, +44 included', () => {
    for (const query of ['07700900123', '07700 900 123', '07700 900123', '+44 7700 900123', '+447700900123', '020 7946 0123', '02079460123', '+44 (0)20 7946 0123']) {
      expect(ids(query), query).toEqual(['res-tom']);
    }
    expect(index.search('07700 900123')[0]?.matched).toEqual(['phone']);
    expect(ids('07700 9001')).toEqual(['res-tom']);
  });

  it('finds references in any case, and email', () => {
    expect(ids('CT12345674')).toEqual(['res-tom']);
    expect(ids('ct12345674')).toEqual(['res-tom']);
    expect(ids('rn1234566')).toEqual(['res-tom']);
    expect(ids('RN1234566')).toEqual(['res-tom']);
    expect(ids('ct1234')).toEqual(['res-tom']);
    expect(ids('Tom.Baker@example.org')).toEqual(['res-tom']);
    expect(index.search('ct12345674')[0]?.matched).toEqual(['council-tax-reference']);
  });

  it('finds an address fragment, house number and street together first', () => {
    expect(first('12 camberwell')).toBe('res-tom');
    expect(first('12 camberwell grove')).toBe('res-tom');
    expect(first('12 camb')).toBe('res-tom');
    expect(index.search('12 camberwell')[0]?.matched).toEqual(['address']);
  });

  it('finds a date of birth in every format', () => {
    for (const query of ['12/03/1985', '12-3-1985', '12 03 1985', '1985-03-12', '12 March 1985', '12 mar 1985', '12031985']) {
      // Equal scores: García before García López (family name order).
      expect(ids(query), query).toEqual(['res-maria-1', 'res-lucia']);
    }
  });

  it('tells two Maria Garcias apart by date of birth or postcode', () => {
    expect(first('maria garcia 12/03/1985')).toBe('res-maria-1');
    expect(first('maria garcia 01/07/1990')).toBe('res-maria-2');
    expect(first('maria garcia se15')).toBe('res-maria-1');
    expect(first('maria garcia SE17 2DW')).toBe('res-maria-2');
    expect(first('garsia lopez 12/03/1985')).toBe('res-lucia');
    const hit = index.search('maria garcia se15')[0];
    expect(hit?.matched).toEqual(['name', 'postcode']);
  });

  it('ranks name matches before other matches', () => {
    expect(ids('green')).toEqual(['res-ann-green', 'res-green-lane']);
    expect(index.search('green').map((hit) => hit.matched)).toEqual([['name'], ['address']]);
  });

  it('ranks exact above prefix above typo, and more parts above fewer', () => {
    // 'mari' is being typed, so it is also a beginning: Mari, then Marianne, then Mary (a typo).
    expect(ids('jones mari').slice(0, 3)).toEqual(['res-mari', 'res-marianne', 'res-mary']);
    // Done typing, 'mari' is a whole word: Marianne now matches only 'jones'.
    expect(ids('mari jones').slice(0, 3)).toEqual(['res-mari', 'res-mary', 'res-marianne']);
    expect(ids('maria garcia se15')[0]).toBe('res-maria-1');
    const [best, next] = index.search('maria garcia se15');
    expect(best!.score).toBeGreaterThan(next!.score);
  });

  it('puts the closest whole name first when several words match the name', () => {
    // Without this, 'pikerobinson' sorts before 'robinson' and would win the tie.
    expect(ids('harry robinson')).toEqual(['res-harry-robinson', 'res-harry-pike-robinson']);
    expect(ids('robinson')).toEqual(['res-harry-pike-robinson', 'res-harry-robinson']);
  });

  it('returns the top 20 by default, ties in family, given name, resident id order', () => {
    const smiths = ids('john smith');
    expect(smiths).toHaveLength(20);
    expect(smiths).toEqual(Array.from({ length: 20 }, (_, i) => `res-smith-${String(i).padStart(2, '0')}`));
    expect(ids('john smith', 5)).toHaveLength(5);
    expect(ids('smith', 50)).toHaveLength(31);
    expect(ids('smith', 50)[0]).toBe('res-smith-00');
  });

  it('is useful while a name is typed one letter at a time', () => {
    expect(ids('ok')).toContain('res-ngozi');
    expect(ids('oka')).toEqual(expect.arrayContaining(['res-chidi', 'res-ngozi']));
    expect(first('ngozi o')).toBe('res-ngozi');
    expect(first('garc')).toMatch(/^res-(maria|ana)/);
    expect(first('maria garsi')).toMatch(/^res-maria-/);
  });

  it('returns nothing for a query too short or only punctuation', () => {
    expect(index.search('m')).toEqual([]);
    expect(index.search('--')).toEqual([]);
    expect(index.search('')).toEqual([]);
    expect(index.search('maria', 0)).toEqual([]);
  });

  it('returns nothing when nothing matches', () => {
    expect(index.search('qqqq zzzz')).toEqual([]);
  });

  it('builds an empty index', () => {
    const empty = buildSearchIndex([]);
    expect(empty.size).toBe(0);
    expect(empty.search('maria')).toEqual([]);
  });

  it('reports progress while building', () => {
    const reports: [number, number][] = [];
    buildSearchIndex(directory, { onProgress: (done, total) => reports.push([done, total]) });
    expect(reports.at(-1)).toEqual([directory.length, directory.length]);
  });
});
