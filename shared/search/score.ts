import type { MatchReason } from '../domain/directory';
import type { IndexData } from './build';
import type { CompiledPart } from './plan';
import type { TermDictionary } from './terms';

/**
 * Each entry's own terms, packed into one record so that scoring a candidate touches one or
 * two cache lines instead of a dozen arrays. Scoring reads thousands of candidates scattered
 * over 320,000 entries; at that scale the cost is memory latency, not arithmetic.
 *
 *   [names count, addresses count, phones count, postcode, outward code, date of birth,
 *    email, council-tax ref, rent ref, ...name terms, ...address terms, ...phone terms]
 *
 * Single values are term ids or -1; lists hold term ids. The layout lives here, beside the
 * innermost loop that reads it: under loaders that compile modules to CommonJS (tsx), every
 * read of an imported constant is a property lookup.
 */
export const NAMES = 0;
export const ADDRESSES = 1;
export const PHONES = 2;
export const POSTCODE = 3;
export const OUTWARD_CODE = 4;
export const BIRTH_DATE = 5;
export const EMAIL = 6;
export const COUNCIL_TAX_REFERENCE = 7;
export const RENT_REFERENCE = 8;
export const HEADER = 9;

/** A searchable field: its dictionary, and where an entry's values for it sit in its record. */
export interface Field {
  dictionary: TermDictionary;
  /** NAMES, ADDRESSES or PHONES for a list; POSTCODE … RENT_REFERENCE for a single value. */
  slot: number;
}

export interface Records {
  /** Entry e's record starts at values[starts[e]]. */
  starts: Int32Array;
  values: Int32Array;
}

/** First and end index of list `slot` (NAMES, ADDRESSES, PHONES) in the record at `base`. */
export function listBounds(values: Int32Array, base: number, slot: number): [number, number] {
  let start = base + HEADER;
  for (let s = 0; s < slot; s += 1) start += values[base + s]!;
  return [start, start + values[base + slot]!];
}

/**
 * Scoring one entry against every part of a query, through the entry's own (forward) term
 * lists. Scores are integers that sort in this order:
 *   1. how many query parts matched (a part run together from two words counts two),
 *   2. of those, how many matched the name (name matches first),
 *   3. how well: exact 30 > prefix 20 > one typo 10 > two typos 6 for names, lower for the rest,
 *   4. when two or more words matched the name, how little of the name is left over:
 *      'harry robinson' puts Harry Robinson before Harry Pike-Robinson.
 */
export const PARTS = 1_000_000;
export const NAME_PARTS = 10_000;
const QUALITY = 10;
/** The most step 4 can add; an entry found through one part alone gets nothing from it. */
export const MAX_COVERAGE = 9;
const NONE = 0x7fffffff;

const REASONS: readonly MatchReason[] = ['name', 'date-of-birth', 'postcode', 'phone', 'email', 'council-tax-reference', 'rent-reference', 'address'];

/** Which name (2t) or address (2t+1) term gave the last tableGrade its answer. */
let matchedTerm = -1;
/** Terms already claimed by another word of the query (only while resolving a clash). */
const claimed: number[] = [];

function tableGrade(values: Int32Array, base: number, names: Uint8Array | null, addresses: Uint8Array | null): number {
  let best = NONE;
  matchedTerm = -1;
  const nameStart = base + HEADER;
  const addressStart = nameStart + values[base + NAMES]!;
  if (names) {
    for (let i = nameStart; i < addressStart; i += 1) {
      const g = names[values[i]!]!;
      if (g !== 0 && g - 1 < best && (claimed.length === 0 || !claimed.includes(2 * values[i]!))) {
        best = g - 1;
        matchedTerm = 2 * values[i]!;
      }
    }
    if (best !== NONE) return best;
  }
  if (addresses) {
    for (let i = addressStart, end = addressStart + values[base + ADDRESSES]!; i < end; i += 1) {
      const g = addresses[values[i]!]!;
      if (g !== 0 && g - 1 < best && (claimed.length === 0 || !claimed.includes(2 * values[i]! + 1))) {
        best = g - 1;
        matchedTerm = 2 * values[i]! + 1;
      }
    }
  }
  return best === NONE ? -1 : best;
}

/** Best grade index (lower is better) at which `part` matches entry `e`, or -1. */
function gradeOf(data: IndexData, part: CompiledPart, e: number): number {
  const values = data.records.values;
  const base = data.records.starts[e]!;
  if (part.nameGrades || part.addressGrades) return tableGrade(values, base, part.nameGrades, part.addressGrades);
  matchedTerm = -1;
  for (const source of part.sources) {
    const slot = source.field.slot;
    if (slot <= PHONES) {
      const [from, to] = listBounds(values, base, slot);
      for (let i = from; i < to; i += 1) if (values[i]! >= source.lo && values[i]! < source.hi) return source.grade;
    } else {
      const v = values[base + slot]!;
      if (v >= source.lo && v < source.hi) return source.grade;
    }
  }
  return -1;
}

const grades = new Int32Array(64);
const terms = new Int32Array(64);
const order = new Int32Array(64);

/**
 * Fills `grades` for each part. One word of the query cannot count twice: 'maria garcia' must
 * not score 'Marcia' for both words (one typo from each), nor 'sam s' score 'Sam' twice. On
 * such a clash the parts are assigned again, best grade first, each to a term nobody has
 * claimed. No allocation either way: this runs for thousands of candidates per keystroke.
 */
function gradeAll(data: IndexData, parts: readonly CompiledPart[], e: number): void {
  let clash = false;
  for (let p = 0; p < parts.length; p += 1) {
    grades[p] = gradeOf(data, parts[p]!, e);
    terms[p] = matchedTerm;
    for (let q = 0; q < p && !clash; q += 1) clash = matchedTerm >= 0 && terms[q] === matchedTerm;
  }
  if (!clash) return;
  let count = 0;
  for (let p = 0; p < parts.length; p += 1) {
    if (terms[p]! < 0) continue;
    let at = count;
    while (at > 0 && grades[order[at - 1]!]! > grades[p]!) {
      order[at] = order[at - 1]!;
      at -= 1;
    }
    order[at] = p;
    count += 1;
  }
  for (let i = 0; i < count; i += 1) {
    const p = order[i]!;
    grades[p] = gradeOf(data, parts[p]!, e);
    if (matchedTerm >= 0) claimed.push(matchedTerm);
  }
  claimed.length = 0;
}

/** What matching `part` at grade `g` adds to a score. */
export function contribution(part: CompiledPart, g: number): number {
  const grade = part.grades[g]!;
  return part.weight * PARTS + (grade.name ? part.weight * NAME_PARTS : 0) + grade.quality * QUALITY;
}

export function scoreOf(data: IndexData, parts: readonly CompiledPart[], e: number): number {
  gradeAll(data, parts, e);
  let matched = 0;
  let named = 0;
  let nameHits = 0;
  let quality = 0;
  for (let p = 0; p < parts.length; p += 1) {
    if (grades[p]! < 0) continue;
    const part = parts[p]!;
    const grade = part.grades[grades[p]!]!;
    matched += part.weight;
    quality += grade.quality;
    if (grade.name) {
      named += part.weight;
      nameHits += 1;
    }
  }
  let coverage = 0;
  if (nameHits >= 2) {
    // Each name hit holds a different name term (see gradeAll); the rest went unmatched.
    const leftOver = data.records.values[data.records.starts[e]! + NAMES]! - nameHits;
    coverage = MAX_COVERAGE - Math.min(MAX_COVERAGE, leftOver);
  }
  return matched * PARTS + named * NAME_PARTS + quality * QUALITY + coverage;
}

/** What matched, in a fixed order, for the agent to see why a resident is listed. */
export function reasonsOf(data: IndexData, parts: readonly CompiledPart[], e: number): MatchReason[] {
  gradeAll(data, parts, e);
  const found = new Set<MatchReason>();
  for (let p = 0; p < parts.length; p += 1) if (grades[p]! >= 0) found.add(parts[p]!.grades[grades[p]!]!.reason);
  return REASONS.filter((reason) => found.has(reason));
}
