import type { DirectoryEntry } from '../domain/directory';
import type { IndexData } from './build';
import { FuzzyMatcher } from './fuzzy';
import { writtenPhone } from './normalise';
import { listBounds, PHONES, type Field } from './score';
import { TermDictionary } from './terms';

/**
 * A built index as one ArrayBuffer: built in the worker, handed to the page without a copy
 * (a transfer), and saved in the officer's sealed directory database so a later start opens
 * it instead of rebuilding. Typed arrays are views into the buffer, never copies. Only the
 * name and address terms are decoded to strings when it is opened (the typo matchers scan
 * them); every other dictionary's terms, nearly one per resident for emails and references,
 * and the residents themselves, stay as bytes and are decoded one at a time, when a lookup's
 * binary search or a result reads them: 320,000 residents as objects, or their emails as
 * strings, would cost the page far more memory than the whole index. Resident and household
 * ids that are GUIDs (Dataverse's, so all of them live) are kept as 16 bytes each, not 36
 * characters: at borough scale that is 13 MB less to keep, read and open at every start.
 * Nor is a resident's text kept twice (format 3): names, address lines and postcodes, which
 * many residents share, are kept once each with a number per resident, and a date of birth,
 * email, reference or list of phones (written the usual way: normalise.ts, writtenPhone) that
 * the record already holds as terms is read from there, as GUID ids are from `guids`; a byte of
 * flags a resident says which (format 4). At borough scale the residents' fields (their ids
 * apart) fell from 35 to about 7 MB, and the whole index from 92 to 64 MB, which every later
 * start reads and opens (renderer/storage/directory-database.ts) and the page holds.
 *
 * Bump PACKED_FORMAT whenever IndexData or the directory entry changes shape: a saved index
 * of another format is rebuilt, never misread.
 */
export const PACKED_FORMAT = 4;

/** Where each part sits in the buffer: [byte offset, length in elements]. */
type Section = [number, number];

export interface PackedLayout {
  format: number;
  size: number;
  sections: Record<string, Section>;
  /** Each field of IndexData that is a Field, with its record slot. */
  fields: Record<string, number>;
}

export interface PackedIndex {
  layout: PackedLayout;
  buffer: ArrayBuffer;
}

/** Residents decoded and kept for the next keystroke, at most. */
const KEPT_RESIDENTS = 1_000;

/** Typo matchers are derived from a field's terms, so they are rebuilt, not stored. */
const TYPOS_OF: Record<string, string> = { nameTypos: 'names', addressTypos: 'addresses' };

/** Separators that never occur in a resident's fields or a normalised term. */
const FIELD = '\u0000';
const PHONE = '\u0001';
const NULL = '\u0002';

/**
 * A resident's flags (one byte each, the `entries.flags` section): which of their fields are
 * not in their own text, being their ids' 16 bytes in `guids` (slots 2e and 2e + 1) or exactly
 * what their record holds (TERMS_OF, and the phones written the usual way); and whether they
 * are vulnerable. Most residents' text is then empty.
 */
const RESIDENT_GUID = 1;
const HOUSEHOLD_GUID = 2;
const DATE_IN_RECORD = 4;
const PHONES_IN_RECORD = 8;
const EMAIL_IN_RECORD = 16;
const COUNCIL_TAX_IN_RECORD = 32;
const RENT_IN_RECORD = 64;
const VULNERABLE = 128;

/** Text many residents share: each distinct value kept once, in order of first use, and each resident's as its number. */
const SHARED = ['givenName', 'familyName', 'addressLine', 'postcode'] as const;
type SharedField = (typeof SHARED)[number];

/** Fields whose text the records hold as a term of this dictionary (normalised, so only where that is the text itself). */
const TERMS_OF = { dateOfBirth: 'birthDates', email: 'emails', councilTaxReference: 'councilTaxReferences', rentReference: 'rentReferences' } as const;
type InRecord = keyof typeof TERMS_OF;
const GUID_BYTES = 16;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Writes a lower-case GUID's 16 bytes at `at`; false (nothing written) for any other id. */
function writeGuid(id: string, into: Uint8Array, at: number): boolean {
  if (!GUID.test(id)) return false;
  const hex = id.replaceAll('-', '');
  for (let i = 0; i < GUID_BYTES; i += 1) into[at + i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return true;
}

function readGuid(from: Uint8Array, at: number): string {
  let hex = '';
  for (let i = 0; i < GUID_BYTES; i += 1) hex += HEX[from[at + i]!];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const isField = (value: unknown): value is Field => typeof value === 'object' && value !== null && 'dictionary' in value && 'slot' in value;

class Writer {
  bytes = new Uint8Array(1 << 16);
  length = 0;
  private readonly encoder = new TextEncoder();

  room(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  text(value: string): void {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    this.room(value.length * 3);
    this.length += this.encoder.encodeInto(value, this.bytes.subarray(this.length)).written;
  }
}

/** Resident e's term for a field of TERMS_OF, read from their record; null where the record has none. */
type RecordTerm = (field: InRecord, e: number) => string | null;
/** Resident e's phones as their record holds them (digits), written the usual way; null if any cannot be (writtenPhone). */
type RecordPhones = (e: number) => string[] | null;

/** The entry's own text (what is neither shared, nor in `guids`, nor in its record) and its flags. Its ids go into `guids` where they are GUIDs. */
function entryText(entry: DirectoryEntry, guids: Uint8Array, e: number, term: RecordTerm, phones: RecordPhones): { text: string; flags: number } {
  const kept: string[] = [];
  let flags = entry.vulnerable ? VULNERABLE : 0;
  const keep = (flag: number, elsewhere: boolean, text: string) => (elsewhere ? (flags |= flag) : kept.push(text));
  keep(RESIDENT_GUID, writeGuid(entry.residentId, guids, 2 * e * GUID_BYTES), entry.residentId);
  keep(HOUSEHOLD_GUID, writeGuid(entry.householdId, guids, (2 * e + 1) * GUID_BYTES), entry.householdId);
  // A resident with no date of birth has '' (and no term).
  keep(DATE_IN_RECORD, entry.dateOfBirth === (term('dateOfBirth', e) ?? ''), entry.dateOfBirth);
  const written = phones(e);
  keep(PHONES_IN_RECORD, written !== null && written.length === entry.phones.length && written.every((phone, i) => phone === entry.phones[i]), entry.phones.join(PHONE));
  keep(EMAIL_IN_RECORD, entry.email === term('email', e), entry.email ?? NULL);
  keep(COUNCIL_TAX_IN_RECORD, entry.councilTaxReference === term('councilTaxReference', e), entry.councilTaxReference ?? NULL);
  keep(RENT_IN_RECORD, entry.rentReference === term('rentReference', e), entry.rentReference ?? NULL);
  return { text: kept.join(FIELD), flags };
}

function entryFrom(text: string, flags: number, guids: Uint8Array, e: number, shared: (field: SharedField, e: number) => string, term: RecordTerm, recordPhones: RecordPhones): DirectoryEntry {
  const kept = text.split(FIELD);
  let next = 0;
  /** The next field kept in the text, in entryText's order; called only for fields whose flag is clear. */
  const fromText = () => kept[next++]!;
  const orNull = (value: string) => (value === NULL ? null : value);
  // In entryText's order, each read either from elsewhere or from the text.
  const residentId = flags & RESIDENT_GUID ? readGuid(guids, 2 * e * GUID_BYTES) : fromText();
  const householdId = flags & HOUSEHOLD_GUID ? readGuid(guids, (2 * e + 1) * GUID_BYTES) : fromText();
  const dateOfBirth = flags & DATE_IN_RECORD ? (term('dateOfBirth', e) ?? '') : fromText();
  const phonesText = flags & PHONES_IN_RECORD ? null : fromText();
  const phones = phonesText === null ? (recordPhones(e) ?? []) : phonesText ? phonesText.split(PHONE) : [];
  const email = flags & EMAIL_IN_RECORD ? term('email', e) : orNull(fromText());
  const councilTaxReference = flags & COUNCIL_TAX_IN_RECORD ? term('councilTaxReference', e) : orNull(fromText());
  const rentReference = flags & RENT_IN_RECORD ? term('rentReference', e) : orNull(fromText());
  return {
    residentId,
    householdId,
    givenName: shared('givenName', e),
    familyName: shared('familyName', e),
    dateOfBirth,
    addressLine: shared('addressLine', e),
    postcode: shared('postcode', e),
    phones,
    email,
    councilTaxReference,
    rentReference,
    vulnerable: (flags & VULNERABLE) !== 0,
  };
}

/** The term of a TERMS_OF field in entry e's record, from the index's records and dictionaries. */
function recordTerms(data: Pick<IndexData, 'records' | InRecordDictionary>): RecordTerm {
  const { starts, values } = data.records;
  return (field, e) => {
    const { dictionary, slot } = data[TERMS_OF[field]];
    const id = values[starts[e]! + slot]!;
    return id >= 0 ? dictionary.terms[id]! : null;
  };
}
type InRecordDictionary = (typeof TERMS_OF)[InRecord];

/** Entry e's phones from the records and the phones dictionary, written the usual way (writtenPhone). */
function recordPhones(data: Pick<IndexData, 'records' | 'phones'>): RecordPhones {
  const { starts, values } = data.records;
  return (e) => {
    const [from, to] = listBounds(values, starts[e]!, PHONES);
    const written: string[] = [];
    for (let i = from; i < to; i += 1) {
      const phone = writtenPhone(data.phones.dictionary.terms[values[i]!]!);
      if (phone === null) return null;
      written.push(phone);
    }
    return written;
  };
}

/** Packs every part of the index into one buffer (ready to transfer or to save). */
export function packIndexData(data: IndexData): PackedIndex {
  const texts = new Writer();
  /** Number sections: Int32 ones, then Uint16 ones (a shared field's numbers, where they fit), each keeping the next aligned. */
  const ints: { name: string; array: Int32Array }[] = [];
  const shorts: { name: string; array: Uint16Array }[] = [];
  const sections: Record<string, Section> = {};
  const fields: Record<string, number> = {};
  /** Text sections, placed after the number ones once their size is known. */
  const textSections: Section[] = [];
  const textSection = (name: string, write: () => void) => {
    const start = texts.length;
    write();
    textSections.push((sections[name] = [start, texts.length - start]));
  };

  const total = data.entries.length;
  const term = recordTerms(data);
  const phones = recordPhones(data);
  const entryStarts = new Int32Array(total + 1);
  const guids = new Uint8Array(2 * GUID_BYTES * total);
  const flags = new Uint8Array(total);
  textSection('entries', () => {
    const base = texts.length;
    for (let e = 0; e < total; e += 1) {
      entryStarts[e] = texts.length - base;
      const own = entryText(data.entries[e]!, guids, e, term, phones);
      flags[e] = own.flags;
      texts.text(own.text);
    }
    entryStarts[total] = texts.length - base;
  });
  // Bytes, like the text: placed with it, after the number sections.
  const byteSection = (name: string, bytes: Uint8Array) =>
    textSection(name, () => {
      texts.room(bytes.length);
      texts.bytes.set(bytes, texts.length);
      texts.length += bytes.length;
    });
  byteSection('guids', guids);
  byteSection('entries.flags', flags);
  ints.push({ name: 'entryStarts', array: entryStarts });
  for (const field of SHARED) {
    const numbers = new Map<string, number>();
    const ids = new Int32Array(total);
    for (let e = 0; e < total; e += 1) {
      const value = data.entries[e]![field];
      let id = numbers.get(value);
      if (id === undefined) numbers.set(value, (id = numbers.size));
      ids[e] = id;
    }
    textSection(`entries.${field}.values`, () => texts.text([...numbers.keys()].join(FIELD)));
    sections[`entries.${field}.count`] = [0, numbers.size];
    if (numbers.size <= 1 << 16) shorts.push({ name: `entries.${field}.u16`, array: Uint16Array.from(ids) });
    else ints.push({ name: `entries.${field}.i32`, array: ids });
  }
  ints.push({ name: 'records.starts', array: data.records.starts }, { name: 'records.values', array: data.records.values });

  for (const [name, value] of Object.entries(data)) {
    if (name === 'entries' || name === 'records' || name in TYPOS_OF) continue;
    if (!isField(value)) throw new Error(`packIndexData does not know how to pack IndexData.${name}: add it to shared/search/packed.ts`);
    fields[name] = value.slot;
    const { terms, offsets, postings } = value.dictionary;
    textSection(`${name}.terms`, () => texts.text(terms.join(FIELD)));
    sections[`${name}.count`] = [0, terms.length];
    ints.push({ name: `${name}.offsets`, array: offsets }, { name: `${name}.postings`, array: postings });
  }

  // Int32 sections first (4-byte aligned), then Uint16 ones (2-byte aligned), then the text bytes.
  const numbers = [...ints, ...shorts];
  let size = 0;
  for (const { array } of numbers) size += array.byteLength;
  const buffer = new ArrayBuffer(size + texts.length);
  const view = new Uint8Array(buffer);
  let at = 0;
  for (const { name, array } of numbers) {
    view.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    sections[name] = [at, array.length];
    at += array.byteLength;
  }
  view.set(texts.bytes.subarray(0, texts.length), at);
  for (const section of textSections) section[0] += at;
  return { layout: { format: PACKED_FORMAT, size: total, sections, fields }, buffer };
}

/**
 * A list decoded only where it is read: to its reader an array (of `length`, read by index),
 * in memory the bytes and where each item starts. Each item is `starts[i] .. starts[i + 1]`,
 * less `gap` bytes of separator at its end. With `keep`, up to that many items read are kept
 * and given again as they were; past that, all are forgotten and read afresh.
 */
function lazyList<T>(bytes: Uint8Array, starts: Int32Array, gap: number, decode: (text: string, i: number) => T, keep = 0): readonly T[] {
  const decoder = new TextDecoder();
  const size = starts.length - 1;
  const kept = new Map<number, T>();
  const read = (i: number): T => {
    let item = kept.get(i);
    if (item === undefined) {
      item = decode(decoder.decode(bytes.subarray(starts[i]!, starts[i + 1]! - gap)), i);
      if (keep > 0) {
        if (kept.size >= keep) kept.clear();
        kept.set(i, item);
      }
    }
    return item;
  };
  return new Proxy([] as T[], {
    get(target, property, receiver) {
      if (property === 'length') return size;
      if (typeof property === 'string') {
        const i = Number(property);
        if (Number.isInteger(i) && String(i) === property) return i >= 0 && i < size ? read(i) : undefined;
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/** Where each of `count` terms starts in their bytes (joined by FIELD, one byte in UTF-8), and the end. */
function termStarts(bytes: Uint8Array, count: number): Int32Array {
  const starts = new Int32Array(count + 1);
  let t = 1;
  for (let at = 0; at < bytes.length && t < count; at += 1) if (bytes[at] === 0) starts[t++] = at + 1;
  // As if a separator followed the last term too, so every term ends one byte before the next starts.
  starts[count] = bytes.length + 1;
  return starts;
}

/** The index again, over the same buffer (no copy of the arrays). */
export function unpackIndexData(packed: PackedIndex): IndexData {
  const { layout, buffer } = packed;
  if (layout.format !== PACKED_FORMAT) throw new Error(`A packed index of format ${layout.format}, not ${PACKED_FORMAT}.`);
  const section = (name: string): Section => {
    const found = layout.sections[name];
    if (!found) throw new Error(`The packed index has no ${name}.`);
    return found;
  };
  const ints = (name: string) => {
    const [at, length] = section(name);
    return new Int32Array(buffer, at, length);
  };
  const bytes = (name: string) => {
    const [at, length] = section(name);
    return new Uint8Array(buffer, at, length);
  };
  const decoder = new TextDecoder();
  const guids = bytes('guids');
  const columns = {} as Record<SharedField, { values: readonly string[]; ids: Int32Array | Uint16Array }>;
  for (const field of SHARED) {
    const valueBytes = bytes(`entries.${field}.values`);
    const count = section(`entries.${field}.count`)[1];
    const wide = layout.sections[`entries.${field}.i32`];
    const [at, length] = wide ?? section(`entries.${field}.u16`);
    columns[field] = { values: lazyList(valueBytes, termStarts(valueBytes, count), 1, (value) => value), ids: wide ? new Int32Array(buffer, at, length) : new Uint16Array(buffer, at, length) };
  }
  const shared = (field: SharedField, e: number): string => {
    const { values, ids } = columns[field];
    return values[ids[e]!]!;
  };
  const data: Record<string, unknown> = {
    records: { starts: ints('records.starts'), values: ints('records.values') },
  };
  const term = recordTerms(data as unknown as IndexData);
  const phones = recordPhones(data as unknown as IndexData);
  const flags = bytes('entries.flags');
  // Residents found are kept, a keystroke's worth many times over: the next keystroke mostly
  // finds the same ones (decoding the twenty shown was about 0.5 ms of a slow keystroke's script).
  data.entries = lazyList(bytes('entries'), ints('entryStarts'), 0, (text, e) => entryFrom(text, flags[e]!, guids, e, shared, term, phones), KEPT_RESIDENTS);
  for (const [name, slot] of Object.entries(layout.fields)) {
    const count = section(`${name}.count`)[1];
    const typos = Object.values(TYPOS_OF).includes(name);
    const termBytes = bytes(`${name}.terms`);
    const terms = count === 0 ? [] : typos ? decoder.decode(termBytes).split(FIELD) : lazyList(termBytes, termStarts(termBytes, count), 1, (term) => term);
    data[name] = { dictionary: new TermDictionary(terms, ints(`${name}.offsets`), ints(`${name}.postings`)), slot } satisfies Field;
  }
  for (const [typos, of] of Object.entries(TYPOS_OF)) data[typos] = new FuzzyMatcher((data[of] as Field).dictionary.terms);
  return data as unknown as IndexData;
}
