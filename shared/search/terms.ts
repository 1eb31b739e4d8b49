/**
 * Term dictionaries: every distinct normalised term once, in a sorted array (so a prefix is
 * a binary search away and covers a contiguous run of term ids), with the entries that hold
 * each term as one sorted Int32Array slice (CSR layout: `postings[offsets[t] .. offsets[t+1])`).
 * A prefix's run of terms is therefore also one contiguous run of postings. Typed arrays keep
 * 320,000 residents to a few megabytes and copy cheaply between workers.
 */
export class TermDictionary {
  constructor(
    readonly terms: readonly string[],
    readonly offsets: Int32Array,
    readonly postings: Int32Array,
  ) {}

  get size(): number {
    return this.terms.length;
  }

  /** First term id whose term is >= `term` (code-unit order, as Array.prototype.sort). */
  lowerBound(term: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Term id of `term`, or -1. */
  find(term: string): number {
    const id = this.lowerBound(term);
    return this.terms[id] === term ? id : -1;
  }

  /** Term ids [lo, hi) of every term starting with `prefix`; '\uffff' sorts after any code unit. */
  prefixRange(prefix: string): [number, number] {
    return [this.lowerBound(prefix), this.lowerBound(`${prefix}\uffff`)];
  }

  /** How many postings the terms [lo, hi) hold together: the cost of reading them. */
  volume(lo: number, hi: number): number {
    return hi > lo ? this.offsets[hi]! - this.offsets[lo]! : 0;
  }
}

/** A field an entry may hold several terms of (name parts, address words, phones). */
export interface MultiField {
  dictionary: TermDictionary;
  /** Entry e holds values[offsets[e] .. offsets[e+1]). */
  offsets: Int32Array;
  values: Int32Array;
}

/** A field an entry holds at most one term of (postcode, date of birth, references); -1 for none. */
export interface SingleField {
  dictionary: TermDictionary;
  values: Int32Array;
}

/** Interns strings to provisional ids while entries stream past; `sorted` fixes the order. */
class Interner {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];

  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /**
   * Sorts the terms, returning them and the old-id -> new-id map. The engine's own string sort
   * (no comparator) is several times faster than sorting ids with a callback.
   */
  sorted(): { terms: string[]; remap: Int32Array } {
    const terms = [...this.terms].sort();
    const remap = new Int32Array(terms.length);
    terms.forEach((term, newId) => {
      remap[this.ids.get(term)!] = newId;
    });
    return { terms, remap };
  }
}

/** A growable list of Int32 pairs. */
class Pairs {
  first = new Int32Array(4096);
  second = new Int32Array(4096);
  length = 0;

  push(a: number, b: number): void {
    if (this.length === this.first.length) {
      const grow = (from: Int32Array): Int32Array<ArrayBuffer> => {
        const to = new Int32Array(from.length * 2);
        to.set(from);
        return to;
      };
      this.first = grow(this.first);
      this.second = grow(this.second);
    }
    this.first[this.length] = a;
    this.second[this.length] = b;
    this.length += 1;
  }
}

/**
 * Sorted postings by counting sort: count each term, turn counts into offsets, then drop each
 * entry into its terms' slices, visiting entries in id order so every slice comes out sorted.
 */
function postingsFor(termCount: number, entryOffsets: Int32Array, values: Int32Array): { offsets: Int32Array; postings: Int32Array } {
  const offsets = new Int32Array(termCount + 1);
  for (let i = 0; i < values.length; i += 1) offsets[values[i]! + 1]! += 1;
  for (let t = 0; t < termCount; t += 1) offsets[t + 1]! += offsets[t]!;
  const cursor = offsets.slice(0, termCount);
  const postings = new Int32Array(values.length);
  for (let e = 0; e + 1 < entryOffsets.length; e += 1) {
    for (let i = entryOffsets[e]!; i < entryOffsets[e + 1]!; i += 1) postings[cursor[values[i]!]!++] = e;
  }
  return { offsets, postings };
}

/**
 * Builds a MultiField from (entry, term) pairs given in any entry order: entries are read in
 * the order they arrived (cache-friendly) while ids are tie-break positions.
 */
export class MultiFieldBuilder {
  private readonly interner = new Interner();
  private readonly pairs = new Pairs();

  constructor(private readonly entryCount: number) {}

  intern(term: string): number {
    return this.interner.intern(term);
  }

  /** Entry `entry` holds provisional term `term`; the caller keeps each pair distinct. */
  add(entry: number, term: number): void {
    this.pairs.push(entry, term);
  }

  finish(): MultiField {
    const { terms, remap } = this.interner.sorted();
    const { first: entries, second: termIds, length } = this.pairs;
    const offsets = new Int32Array(this.entryCount + 1);
    for (let i = 0; i < length; i += 1) offsets[entries[i]! + 1]! += 1;
    for (let e = 0; e < this.entryCount; e += 1) offsets[e + 1]! += offsets[e]!;
    const cursor = offsets.slice(0, this.entryCount);
    const values = new Int32Array(length);
    for (let i = 0; i < length; i += 1) values[cursor[entries[i]!]!++] = remap[termIds[i]!]!;
    const { offsets: termOffsets, postings } = postingsFor(terms.length, offsets, values);
    return { dictionary: new TermDictionary(terms, termOffsets, postings), offsets, values };
  }
}

/** Builds a SingleField: `set` each entry that has a value, in any order; the rest stay -1. */
export class SingleFieldBuilder {
  private readonly interner = new Interner();
  private readonly values: Int32Array;

  constructor(entryCount: number) {
    this.values = new Int32Array(entryCount).fill(-1);
  }

  intern(term: string): number {
    return this.interner.intern(term);
  }

  set(entry: number, term: number): void {
    this.values[entry] = term;
  }

  finish(): SingleField {
    const { terms, remap } = this.interner.sorted();
    const values = this.values;
    const entryOffsets = new Int32Array(values.length + 1);
    let count = 0;
    for (let e = 0; e < values.length; e += 1) {
      if (values[e]! >= 0) {
        values[e] = remap[values[e]!]!;
        count += 1;
      }
      entryOffsets[e + 1] = count;
    }
    const present = new Int32Array(count);
    for (let e = 0, i = 0; e < values.length; e += 1) if (values[e]! >= 0) present[i++] = values[e]!;
    const { offsets, postings } = postingsFor(terms.length, entryOffsets, present);
    return { dictionary: new TermDictionary(terms, offsets, postings), values };
  }
}

/**
 * A SingleField straight from each entry's value (null for none), without interning: for
 * fields whose values are mostly distinct (emails, references, dates of birth) a Map entry per
 * value costs more than sorting. Entries are sorted by (value, id), so each value's entries
 * form one run in id order: that run is its postings slice. With `numericKey` (an integer that
 * orders like the value, or NaN), (key, id) packs into one float and sorts natively.
 */
export function singleFieldFromValues(values: readonly (string | null)[], numericKey?: (value: string) => number): SingleField {
  const count = values.length;
  const present: number[] = [];
  for (let e = 0; e < count; e += 1) if (values[e]) present.push(e);
  let order: Int32Array | null = null;
  let keys: Float64Array | null = null;
  if (numericKey) {
    const packed = new Float64Array(present.length);
    let ok = true;
    for (let i = 0; i < present.length && ok; i += 1) {
      const key = numericKey(values[present[i]!]!);
      ok = Number.isInteger(key) && key >= 0 && key * count + count < 2 ** 53;
      packed[i] = key * count + present[i]!;
    }
    if (ok) {
      packed.sort();
      order = new Int32Array(packed.length);
      for (let i = 0; i < packed.length; i += 1) order[i] = packed[i]! % count;
      keys = packed;
    }
  }
  order ??= Int32Array.from(present.sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : a - b)));
  const terms: string[] = [];
  const offsets: number[] = [];
  const termOf = new Int32Array(count).fill(-1);
  // A new term wherever the value changes: compared by key when sorted by key (no string reads).
  let previous: string | number | null = null;
  for (let p = 0; p < order.length; p += 1) {
    const e = order[p]!;
    const marker = keys ? Math.floor(keys[p]! / count) : values[e]!;
    if (marker !== previous) {
      terms.push(values[e]!);
      offsets.push(p);
      previous = marker;
    }
    termOf[e] = terms.length - 1;
  }
  offsets.push(order.length);
  return { dictionary: new TermDictionary(terms, Int32Array.from(offsets), order), values: termOf };
}
