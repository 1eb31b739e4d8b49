import type { DirectoryEntry, SearchHit } from '../domain/directory';
import { searchIndexData } from './engine';
import { FuzzyMatcher } from './fuzzy';
import {
  addressTerms,
  compactPostcode,
  nameTerms,
  normaliseEmail,
  normaliseReference,
  outwardCode,
  phoneDigits,
  sortKey,
} from './normalise';
import { packRecords } from './forward';
import {
  ADDRESSES,
  BIRTH_DATE,
  COUNCIL_TAX_REFERENCE,
  EMAIL,
  NAMES,
  OUTWARD_CODE,
  PHONES,
  POSTCODE,
  RENT_REFERENCE,
  type Field,
  type Records,
} from './score';
import { MultiFieldBuilder, SingleFieldBuilder, singleFieldFromValues, type SingleField, type TermDictionary } from './terms';

/** A built index: answers a query in a few milliseconds from memory. */
export interface SearchIndex {
  /** How many residents are in it. */
  readonly size: number;
  /** Best matches first; at most `limit` (default 20). An unsearchable query gives []. */
  search(query: string, limit?: number): SearchHit[];
  /**
   * The same, with how many residents match every part of the query, so "20 shown" can say
   * of how many. Counted up to a cap: past it, `atLeast` is true.
   */
  searchCounted(query: string, limit?: number): { hits: SearchHit[]; matching: number; atLeast: boolean };
}

export interface BuildOptions {
  /** Called every few thousand entries and once at the end, so a worker can show progress. */
  onProgress?(done: number, total: number): void;
}

/** Everything a search reads. Entry ids are positions in `entries`, which are in tie-break order. */
export interface IndexData {
  entries: readonly DirectoryEntry[];
  records: Records;
  names: Field;
  addresses: Field;
  phones: Field;
  postcodes: Field;
  outwardCodes: Field;
  birthDates: Field;
  emails: Field;
  councilTaxReferences: Field;
  rentReferences: Field;
  nameTypos: FuzzyMatcher;
  addressTypos: FuzzyMatcher;
}

const PROGRESS_EVERY = 16_384;

/** Ranks each distinct raw name by its folded sort key, computing each key once. */
function nameRanks(names: readonly string[]): { rank: Map<string, number>; count: number } {
  const keys = new Map<string, string>();
  for (const name of names) if (!keys.has(name)) keys.set(name, sortKey(name));
  const distinct = [...new Set(keys.values())].sort();
  const byKey = new Map(distinct.map((key, i) => [key, i]));
  return { rank: new Map([...keys].map(([name, key]) => [name, byKey.get(key)!])), count: distinct.length };
}

/**
 * Entry ids are positions in (family name, given name, resident id) order, folded and by code
 * unit (the same on every machine, unlike a locale collator), so that id order *is* the
 * tie-break order: equal scores resolve to the smaller id, and the first postings of a term
 * are the ones that win ties. Returns input index by position. Sorting is numeric where it
 * can be: (name rank, input index) packed into one float sorts natively, many times faster
 * than a comparator; only runs of the same name are then ordered by resident id, if needed.
 */
function tieBreakOrder(entries: readonly DirectoryEntry[]): Int32Array {
  const total = entries.length;
  const family = nameRanks(entries.map((e) => e.familyName));
  const given = nameRanks(entries.map((e) => e.givenName));
  const nameRank = (e: DirectoryEntry): number => family.rank.get(e.familyName)! * given.count + given.rank.get(e.givenName)!;
  const byId = (a: number, b: number): number => (entries[a]!.residentId < entries[b]!.residentId ? -1 : entries[a]!.residentId > entries[b]!.residentId ? 1 : 0);
  const order = new Int32Array(total);
  if (family.count * given.count * total >= 2 ** 53) {
    const ranks = entries.map(nameRank);
    order.set(entries.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]! || byId(a, b)));
    return order;
  }
  const packed = new Float64Array(total);
  for (let i = 0; i < total; i += 1) packed[i] = nameRank(entries[i]!) * total + i;
  packed.sort();
  for (let p = 0; p < total; p += 1) order[p] = packed[p]! % total;
  for (let start = 0; start < total; ) {
    const rank = Math.floor(packed[start]! / total);
    let end = start + 1;
    while (end < total && Math.floor(packed[end]! / total) === rank) end += 1;
    // Runs are in input order; input usually comes in resident id order already (IndexedDB key order).
    let sorted = true;
    for (let p = start + 1; p < end && sorted; p += 1) sorted = byId(order[p - 1]!, order[p]!) < 0;
    if (!sorted) order.set(Array.from(order.subarray(start, end)).sort(byId), start);
    start = end;
  }
  return order;
}

/**
 * Derives a raw string's value once: names, address lines, phones and postcodes repeat. The
 * previous call is checked first: members of a household usually arrive together and share
 * an address, so most look-ups never reach the Map.
 */
function memoised<T>(derive: (raw: string) => T): (raw: string) => T {
  const cache = new Map<string, T>();
  let lastRaw: string | null = null;
  let lastValue: T | undefined;
  return (raw) => {
    if (raw === lastRaw) return lastValue!;
    let value = cache.get(raw);
    if (value === undefined) cache.set(raw, (value = derive(raw)));
    lastRaw = raw;
    lastValue = value;
    return value;
  };
}

/** The number the digits of `text` from `start` spell, or NaN: no substrings, no garbage. */
function digitsValue(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return end > start ? value : NaN;
}

/** 'CT12345678' / 'RN1234567' as their digits, so the usual format sorts numerically. */
function referenceKey(letters: string, length: number): (reference: string) => number {
  return (reference) => (reference.length === length && reference.startsWith(letters) ? digitsValue(reference, 2, length) : NaN);
}

/** 'YYYY-MM-DD' as an integer in the same order (NaN for anything else), for a numeric sort. */
function dayKey(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return NaN;
  const month = digitsValue(iso, 5, 7);
  const day = digitsValue(iso, 8, 10);
  // Out-of-range parts would collide with other dates' keys.
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? digitsValue(iso, 0, 4) * 512 + month * 32 + day : NaN;
}

/** Outward codes follow from the distinct postcodes; no need to derive one per resident. */
function outwardField(postcodes: SingleField): SingleField {
  const outward = new SingleFieldBuilder(postcodes.values.length);
  const ofPostcode = postcodes.dictionary.terms.map((term) => outward.intern(outwardCode(term)));
  postcodes.values.forEach((postcode, e) => {
    if (postcode >= 0) outward.set(e, ofPostcode[postcode]!);
  });
  return outward.finish();
}

export function buildIndexData(input: readonly DirectoryEntry[], options: BuildOptions = {}): IndexData {
  const total = input.length;
  const order = tieBreakOrder(input);
  const position = new Int32Array(total);
  order.forEach((i, p) => {
    position[i] = p;
  });
  const names = new MultiFieldBuilder(total);
  const addresses = new MultiFieldBuilder(total);
  const phones = new MultiFieldBuilder(total);
  const postcodes = new SingleFieldBuilder(total);
  const birthDates: (string | null)[] = new Array<string | null>(total).fill(null);
  const emails = birthDates.slice();
  const councilTax = birthDates.slice();
  const rent = birthDates.slice();
  const nameIds = memoised((raw) => nameTerms(raw).map((term) => names.intern(term)));
  const addressIds = memoised((raw) => addressTerms(raw).map((term) => addresses.intern(term)));
  const phoneId = memoised((raw) => {
    const digits = phoneDigits(raw);
    return digits.length > 0 ? phones.intern(digits) : -1;
  });
  const postcodeId = memoised((raw) => {
    const compact = compactPostcode(raw);
    return compact.length > 0 ? postcodes.intern(compact) : -1;
  });
  const seenPhones: number[] = [];
  // Entries are read in the order given (neighbours in memory), each written at its position.
  for (let i = 0; i < total; i += 1) {
    const entry = input[i]!;
    const e = position[i]!;
    const given = nameIds(entry.givenName);
    for (const id of given) names.add(e, id);
    for (const id of nameIds(entry.familyName)) if (!given.includes(id)) names.add(e, id);
    for (const id of addressIds(entry.addressLine)) addresses.add(e, id);
    seenPhones.length = 0;
    for (const phone of entry.phones) {
      const id = phoneId(phone);
      if (id >= 0 && !seenPhones.includes(id)) {
        seenPhones.push(id);
        phones.add(e, id);
      }
    }
    const postcode = postcodeId(entry.postcode);
    if (postcode >= 0) postcodes.set(e, postcode);
    birthDates[e] = entry.dateOfBirth || null;
    emails[e] = entry.email ? normaliseEmail(entry.email) : null;
    councilTax[e] = entry.councilTaxReference ? normaliseReference(entry.councilTaxReference) : null;
    rent[e] = entry.rentReference ? normaliseReference(entry.rentReference) : null;
    if ((i + 1) % PROGRESS_EVERY === 0) options.onProgress?.(i + 1, total);
  }
  const lists = [names.finish(), addresses.finish(), phones.finish()] as const;
  const postcodeField = postcodes.finish();
  const singles = [
    postcodeField,
    outwardField(postcodeField),
    singleFieldFromValues(birthDates, dayKey),
    singleFieldFromValues(emails),
    singleFieldFromValues(councilTax, referenceKey('CT', 10)),
    singleFieldFromValues(rent, referenceKey('RN', 9)),
  ];
  const field = (dictionary: TermDictionary, slot: number): Field => ({ dictionary, slot });
  const data: IndexData = {
    entries: Array.from(order, (i) => input[i]!),
    records: packRecords(lists, singles),
    names: field(lists[NAMES].dictionary, NAMES),
    addresses: field(lists[ADDRESSES].dictionary, ADDRESSES),
    phones: field(lists[PHONES].dictionary, PHONES),
    postcodes: field(singles[0]!.dictionary, POSTCODE),
    outwardCodes: field(singles[1]!.dictionary, OUTWARD_CODE),
    birthDates: field(singles[2]!.dictionary, BIRTH_DATE),
    emails: field(singles[3]!.dictionary, EMAIL),
    councilTaxReferences: field(singles[4]!.dictionary, COUNCIL_TAX_REFERENCE),
    rentReferences: field(singles[5]!.dictionary, RENT_REFERENCE),
    nameTypos: new FuzzyMatcher(lists[NAMES].dictionary.terms),
    addressTypos: new FuzzyMatcher(lists[ADDRESSES].dictionary.terms),
  };
  options.onProgress?.(total, total);
  return data;
}

/**
 * Builds the index over the directory. Synchronous, meant for a worker (progress through
 * `onProgress`): a few seconds for 320,000 residents on a two-core machine.
 */
export function buildSearchIndex(entries: readonly DirectoryEntry[], options: BuildOptions = {}): SearchIndex {
  return searchIndexData(buildIndexData(entries, options));
}
