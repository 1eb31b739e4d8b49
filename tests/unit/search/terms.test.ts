import { describe, expect, it } from 'vitest';
import { MultiFieldBuilder, singleFieldFromValues, type TermDictionary } from '../../../shared/search/terms';

const postingsOf = (dictionary: TermDictionary, term: string): number[] => {
  const id = dictionary.find(term);
  return id < 0 ? [] : Array.from(dictionary.postings.subarray(dictionary.offsets[id]!, dictionary.offsets[id + 1]!));
};

describe('term dictionaries', () => {
  const names = new MultiFieldBuilder(4);
  const add = (entry: number, terms: string[]): void => terms.forEach((term) => names.add(entry, names.intern(term)));
  // Entries arrive in any order; postings still come out in entry order.
  add(2, ['maria', 'garcia']);
  add(0, ['mariam', 'smith']);
  add(3, ['maria', 'lopez']);
  add(1, ['mario', 'garcia']);
  const field = names.finish();

  it('keeps terms sorted and postings in entry order', () => {
    expect(field.dictionary.terms).toEqual(['garcia', 'lopez', 'maria', 'mariam', 'mario', 'smith']);
    expect(postingsOf(field.dictionary, 'maria')).toEqual([2, 3]);
    expect(postingsOf(field.dictionary, 'garcia')).toEqual([1, 2]);
    expect(postingsOf(field.dictionary, 'nobody')).toEqual([]);
  });

  it('finds a prefix as one run of terms and postings', () => {
    const [lo, hi] = field.dictionary.prefixRange('mari');
    expect(field.dictionary.terms.slice(lo, hi)).toEqual(['maria', 'mariam', 'mario']);
    expect(field.dictionary.volume(lo, hi)).toBe(4);
    expect(field.dictionary.prefixRange('zz')).toEqual([6, 6]);
  });

  it("keeps each entry's own terms", () => {
    const termsOf = (e: number): string[] => Array.from(field.values.subarray(field.offsets[e]!, field.offsets[e + 1]!), (t) => field.dictionary.terms[t]!).sort();
    expect(termsOf(0)).toEqual(['mariam', 'smith']);
    expect(termsOf(3)).toEqual(['lopez', 'maria']);
  });

  it('builds single-value fields the same by number as by string, and falls back for odd values', () => {
    const dates = ['1985-03-12', null, '1970-01-01', '1985-03-12', '2001-12-31'];
    const key = (iso: string): number => Number(iso.replaceAll('-', ''));
    const byNumber = singleFieldFromValues(dates, key);
    const byString = singleFieldFromValues(dates);
    expect(byNumber.dictionary.terms).toEqual(['1970-01-01', '1985-03-12', '2001-12-31']);
    expect(byNumber.dictionary.terms).toEqual(byString.dictionary.terms);
    expect(Array.from(byNumber.values)).toEqual([1, -1, 0, 1, 2]);
    expect(Array.from(byNumber.dictionary.postings)).toEqual(Array.from(byString.dictionary.postings));
    const odd = singleFieldFromValues(['12/03/1985', '1985-03-12'], (value) => (value.includes('/') ? NaN : key(value)));
    expect(odd.dictionary.terms).toEqual(['12/03/1985', '1985-03-12']);
  });
});
