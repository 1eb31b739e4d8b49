import type { DirectoryEntry } from '../domain/directory';
import type { IndexData } from './build';
import { FuzzyMatcher } from './fuzzy';
import type { Field } from './score';
import { TermDictionary } from './terms';

/**
 * A built index as one ArrayBuffer: built in the worker, handed to the page without a copy
 * (a transfer), and saved in the officer's sealed directory database so a later start opens
 * it instead of rebuilding. Typed arrays are views into the buffer, never copies; only the
 * terms are decoded to strings (the dictionaries compare strings). The residents themselves
 * stay as bytes and are decoded one at a time, when a result shows them: 320,000 residents
 * as objects would cost the page far more memory than the whole index.
 *
 * Bump PACKED_FORMAT whenever IndexData or the directory entry changes shape: a saved index
 * of another format is rebuilt, never misread.
 */
export const PACKED_FORMAT = 1;

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

/** Typo matchers are derived from a field's terms, so they are rebuilt, not stored. */
const TYPOS_OF: Record<string, string> = { nameTypos: 'names', addressTypos: 'addresses' };

/** Separators that never occur in a resident's fields or a normalised term. */
const FIELD = '\u0000';
const PHONE = '\u0001';
const NULL = '\u0002';

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

function entryText(entry: DirectoryEntry): string {
  return [
    entry.residentId,
    entry.householdId,
    entry.givenName,
    entry.familyName,
    entry.dateOfBirth,
    entry.addressLine,
    entry.postcode,
    entry.phones.join(PHONE),
    entry.email ?? NULL,
    entry.councilTaxReference ?? NULL,
    entry.rentReference ?? NULL,
    entry.vulnerable ? '1' : '0',
  ].join(FIELD);
}

function entryFrom(text: string): DirectoryEntry {
  const [residentId, householdId, givenName, familyName, dateOfBirth, addressLine, postcode, phones, email, councilTax, rent, vulnerable] = text.split(FIELD) as string[];
  const orNull = (value: string | undefined) => (value === NULL || value === undefined ? null : value);
  return {
    residentId: residentId!,
    householdId: householdId!,
    givenName: givenName!,
    familyName: familyName!,
    dateOfBirth: dateOfBirth!,
    addressLine: addressLine!,
    postcode: postcode!,
    phones: phones ? phones.split(PHONE) : [],
    email: orNull(email),
    councilTaxReference: orNull(councilTax),
    rentReference: orNull(rent),
    vulnerable: vulnerable === '1',
  };
}

/** Packs every part of the index into one buffer (ready to transfer or to save). */
export function packIndexData(data: IndexData): PackedIndex {
  const texts = new Writer();
  const ints: { name: string; array: Int32Array }[] = [];
  const sections: Record<string, Section> = {};
  const fields: Record<string, number> = {};
  /** Text sections, placed after the Int32 ones once their size is known. */
  const textSections: Section[] = [];
  const textSection = (name: string, write: () => void) => {
    const start = texts.length;
    write();
    textSections.push((sections[name] = [start, texts.length - start]));
  };

  const total = data.entries.length;
  const entryStarts = new Int32Array(total + 1);
  textSection('entries', () => {
    const base = texts.length;
    for (let e = 0; e < total; e += 1) {
      entryStarts[e] = texts.length - base;
      texts.text(entryText(data.entries[e]!));
    }
    entryStarts[total] = texts.length - base;
  });
  ints.push({ name: 'entryStarts', array: entryStarts });
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

  // Int32 sections first (4-byte aligned), then the text bytes.
  let size = 0;
  for (const { array } of ints) size += array.byteLength;
  const buffer = new ArrayBuffer(size + texts.length);
  const view = new Uint8Array(buffer);
  let at = 0;
  for (const { name, array } of ints) {
    view.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    sections[name] = [at, array.length];
    at += array.byteLength;
  }
  view.set(texts.bytes.subarray(0, texts.length), at);
  for (const section of textSections) section[0] += at;
  return { layout: { format: PACKED_FORMAT, size: total, sections, fields }, buffer };
}

/**
 * The residents of a packed index, decoded only when read: an array to the engine (which
 * reads `length` and the handful of entries it shows), bytes in memory.
 */
function lazyEntries(bytes: Uint8Array, starts: Int32Array): readonly DirectoryEntry[] {
  const decoder = new TextDecoder();
  const size = starts.length - 1;
  return new Proxy([] as DirectoryEntry[], {
    get(target, property, receiver) {
      if (property === 'length') return size;
      if (typeof property === 'string') {
        const e = Number(property);
        if (Number.isInteger(e) && String(e) === property) return e >= 0 && e < size ? entryFrom(decoder.decode(bytes.subarray(starts[e]!, starts[e + 1]!))) : undefined;
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
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
  const decoder = new TextDecoder();
  const text = (name: string) => {
    const [at, length] = section(name);
    return decoder.decode(new Uint8Array(buffer, at, length));
  };
  const [entriesAt, entriesLength] = section('entries');
  const data: Record<string, unknown> = {
    entries: lazyEntries(new Uint8Array(buffer, entriesAt, entriesLength), ints('entryStarts')),
    records: { starts: ints('records.starts'), values: ints('records.values') },
  };
  for (const [name, slot] of Object.entries(layout.fields)) {
    const count = section(`${name}.count`)[1];
    const terms = count === 0 ? [] : text(`${name}.terms`).split(FIELD);
    data[name] = { dictionary: new TermDictionary(terms, ints(`${name}.offsets`), ints(`${name}.postings`)), slot } satisfies Field;
  }
  for (const [typos, of] of Object.entries(TYPOS_OF)) data[typos] = new FuzzyMatcher((data[of] as Field).dictionary.terms);
  return data as unknown as IndexData;
}
