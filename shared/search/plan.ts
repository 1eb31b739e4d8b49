import type { MatchReason } from '../domain/directory';
import type { IndexData } from './build';
import { allowedDistance, type FuzzyMatcher } from './fuzzy';
import { nameVariants } from './name-variants';
import type { QueryPart } from './query';
import type { Field } from './score';

/**
 * Turns recognised query parts into term-id ranges of the index, each with a grade. A part
 * matches an entry at its best grade; grades are listed best first, so "best" is simply the
 * lowest grade index. Every word tries names before address lines, so a word that names the
 * resident always counts as a name match (name matches first).
 */
export interface Grade {
  quality: number;
  name: boolean;
  reason: MatchReason;
}

/** Term ids [lo, hi) of one field, all at one grade. */
export interface Source {
  field: Field;
  lo: number;
  hi: number;
  grade: number;
}

export interface CompiledPart {
  /** How many query words it stands for: 'o brien' run together counts for two. */
  weight: number;
  grades: readonly Grade[];
  /** Best first, so scoring can stop at the first hit. */
  sources: Source[];
  /** Name / address term id -> 1 + grade, for the word parts' many fuzzy terms; null if unused. */
  nameGrades: Uint8Array | null;
  addressGrades: Uint8Array | null;
  /** Postings to read to find every entry this part matches. */
  volume: number;
}

/**
 * exact > prefix > another spelling of the name ('steven' for Stephen) > one typo > two typos;
 * names above addresses at each step. Addresses have no other spellings: their slot is unused.
 */
const WORD_GRADES: readonly Grade[] = [
  { quality: 30, name: true, reason: 'name' },
  { quality: 20, name: true, reason: 'name' },
  { quality: 14, name: true, reason: 'name' },
  { quality: 10, name: true, reason: 'name' },
  { quality: 6, name: true, reason: 'name' },
  { quality: 15, name: false, reason: 'address' },
  { quality: 10, name: false, reason: 'address' },
  { quality: 7, name: false, reason: 'address' },
  { quality: 5, name: false, reason: 'address' },
  { quality: 3, name: false, reason: 'address' },
];
const ADDRESS_GRADE = 5;
const JOINED_GRADES: readonly Grade[] = [
  { quality: 60, name: true, reason: 'name' },
  { quality: 40, name: true, reason: 'name' },
];

function exactAndPrefix(reason: MatchReason, exact: number, prefix: number): readonly Grade[] {
  return [
    { quality: exact, name: false, reason },
    { quality: prefix, name: false, reason },
  ];
}

/** Names this long are allowed two slips (see fuzzy.ts allowedDistance). */
const LONG_NAME = 8;
/** No part of a query should fan out into more typo variants than this. */
const MAX_TYPO_TERMS = 48;

function addTypos(matcher: FuzzyMatcher, terms: readonly string[], text: string, prefix: boolean, found: Map<number, number>): void {
  const distance = allowedDistance(text.length);
  const keep = (id: number, d: number): void => {
    if (d < (found.get(id) ?? Infinity)) found.set(id, d);
  };
  // Two slips in an eight-letter name often leave seven ('kavanagh' -> 'kavnaah'): the name's
  // length allows two edits even when the query's does not.
  if (text.length === LONG_NAME - 1) {
    matcher.match(text, 2, false, (id, d) => {
      if (d === 1 || terms[id]!.length >= LONG_NAME) keep(id, d);
    });
  } else matcher.match(text, distance, false, keep);
  // While a word is being typed its typo may be in the part already typed: 'garsi' -> 'garcia'.
  // One typo only: a two-typo match on a beginning is too loose to be worth its cost.
  if (prefix && text.length >= 5) matcher.match(text, 1, true, keep);
}

/**
 * Exact, prefix (when being typed), other spellings (`variants`) and typo terms of one
 * dictionary, as sources at grades base, base+1 (prefix), base+2 (another spelling) and
 * base+3 / base+4 (one / two typos), with the term -> grade table.
 */
function termSources(field: Field, matcher: FuzzyMatcher | null, text: string, prefix: boolean, base: number, sources: Source[], variants: readonly string[] = []): Uint8Array | null {
  const dictionary = field.dictionary;
  const table = new Uint8Array(dictionary.size);
  const exact = dictionary.find(text);
  if (exact >= 0) {
    sources.push({ field, lo: exact, hi: exact + 1, grade: base });
    table[exact] = base + 1;
  }
  const [start, hi] = prefix ? dictionary.prefixRange(text) : [0, 0];
  // The exact term is the first of its own prefix range; it already has the better grade.
  const lo = exact >= 0 && start === exact ? start + 1 : start;
  if (hi > lo) {
    sources.push({ field, lo, hi, grade: base + 1 });
    table.fill(base + 2, lo, hi);
  }
  for (const variant of variants) {
    const id = dictionary.find(variant);
    if (id >= 0 && table[id] === 0) {
      sources.push({ field, lo: id, hi: id + 1, grade: base + 2 });
      table[id] = base + 3;
    }
  }
  if (matcher) {
    const typos = new Map<number, number>();
    addTypos(matcher, dictionary.terms, text, prefix, typos);
    const kept = [...typos].filter(([id]) => table[id] === 0).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    for (const [id, d] of kept.slice(0, MAX_TYPO_TERMS)) {
      sources.push({ field, lo: id, hi: id + 1, grade: base + 2 + d });
      table[id] = base + 3 + d;
    }
  }
  return sources.length > 0 ? table : null;
}

function rangeSources(field: Field, text: string, prefix: boolean): Source[] {
  const dictionary = field.dictionary;
  const sources: Source[] = [];
  const exact = dictionary.find(text);
  if (exact >= 0) sources.push({ field, lo: exact, hi: exact + 1, grade: 0 });
  if (prefix) {
    const [lo, hi] = dictionary.prefixRange(text);
    if (hi > lo) sources.push({ field, lo, hi, grade: 1 });
  }
  return sources;
}

function compiled(weight: number, grades: readonly Grade[], sources: Source[], nameGrades: Uint8Array | null, addressGrades: Uint8Array | null): CompiledPart {
  sources.sort((a, b) => a.grade - b.grade);
  const volume = sources.reduce((sum, s) => sum + s.field.dictionary.volume(s.lo, s.hi), 0);
  return { weight, grades, sources, nameGrades, addressGrades, volume };
}

export function compilePart(data: IndexData, part: QueryPart): CompiledPart {
  switch (part.kind) {
    case 'word': {
      const nameSources: Source[] = [];
      const addressSources: Source[] = [];
      const nameGrades = termSources(data.names, data.nameTypos, part.text, part.prefix, 0, nameSources, nameVariants(part.text));
      // One letter is an initial, not an address: 'maria g' wants Maria G., not every Grove.
      const addressGrades = part.text.length > 1 ? termSources(data.addresses, data.addressTypos, part.text, part.prefix, ADDRESS_GRADE, addressSources) : null;
      return compiled(1, WORD_GRADES, [...nameSources, ...addressSources], nameGrades, addressGrades);
    }
    case 'joined': {
      const sources: Source[] = [];
      return compiled(2, JOINED_GRADES, sources, termSources(data.names, null, part.text, part.prefix, 0, sources), null);
    }
    case 'house-number': {
      const sources: Source[] = [];
      return compiled(1, WORD_GRADES, sources, null, termSources(data.addresses, null, part.text, false, ADDRESS_GRADE, sources));
    }
    case 'date-of-birth':
      return compiled(1, exactAndPrefix('date-of-birth', 30, 30), rangeSources(data.birthDates, part.date, false), null, null);
    case 'postcode': {
      if (part.scope === 'outward') return compiled(1, exactAndPrefix('postcode', 20, 20), rangeSources(data.outwardCodes, part.compact, false), null, null);
      return compiled(1, exactAndPrefix('postcode', 30, 25), rangeSources(data.postcodes, part.compact, part.scope === 'prefix'), null, null);
    }
    case 'phone':
      return compiled(1, exactAndPrefix('phone', 30, 20), rangeSources(data.phones, part.digits, part.prefix), null, null);
    case 'email':
      return compiled(1, exactAndPrefix('email', 30, 20), rangeSources(data.emails, part.text, part.prefix), null, null);
    case 'council-tax-reference':
      return compiled(1, exactAndPrefix('council-tax-reference', 30, 20), rangeSources(data.councilTaxReferences, part.text, part.prefix), null, null);
    case 'rent-reference':
      return compiled(1, exactAndPrefix('rent-reference', 30, 20), rangeSources(data.rentReferences, part.text, part.prefix), null, null);
  }
}
