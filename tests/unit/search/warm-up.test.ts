import { describe, expect, it } from 'vitest';
import { analyseQuery, type QueryPart } from '../../../shared/search';
import { WARM_UP_QUERIES, warmUpKeystrokes } from '../../../shared/search/warm-up';

/** Each kind of part a query can have, whole and half-typed where it can be either. */
const FORMS: readonly string[] = [
  'word',
  'word (half-typed)',
  'joined',
  'house-number',
  'date-of-birth',
  'postcode full',
  'postcode outward',
  'postcode prefix',
  'phone',
  'phone (half-typed)',
  'email',
  'email (half-typed)',
  'council-tax-reference',
  'council-tax-reference (half-typed)',
  'rent-reference',
  'rent-reference (half-typed)',
];

const formOf = (part: QueryPart): string => {
  if (part.kind === 'postcode') return `postcode ${part.scope}`;
  if ('prefix' in part && part.prefix && part.kind !== 'joined') return `${part.kind} (half-typed)`;
  return part.kind;
};

describe('the warm-up queries searched before the first call', () => {
  it('take every path a query can: every kind of part, whole and half-typed', () => {
    const taken = new Set(WARM_UP_QUERIES.flatMap((query) => {
      const analysed = analyseQuery(query, { thisYear: 2026 });
      return analysed.kind === 'parts' ? analysed.parts.map(formOf) : [];
    }));
    expect(FORMS.filter((form) => !taken.has(form))).toEqual([]);
  });

  it('are all searchable queries (none refused as too short or punctuation)', () => {
    expect(WARM_UP_QUERIES.filter((query) => analyseQuery(query).kind !== 'parts')).toEqual([]);
  });
});

describe('the warm-up as typed', () => {
  const typedOut = warmUpKeystrokes();
  it('types each query out a key at a time from its second character, in order', () => {
    const at = typedOut.indexOf('jo');
    expect(typedOut.slice(at, at + 8)).toEqual(['jo', 'jon', 'jon ', 'jon s', 'jon sm', 'jon smt', 'jon smti', 'jon smtih']);
    expect(WARM_UP_QUERIES.filter((query) => !typedOut.includes(query))).toEqual([]);
  });

  it('leaves out what the box refuses (one letter and a quote is too short)', () => {
    expect(typedOut).not.toContain("o'");
    expect(typedOut).toContain("o'b");
    expect(typedOut.filter((typed) => analyseQuery(typed).kind !== 'parts')).toEqual([]);
  });
});
