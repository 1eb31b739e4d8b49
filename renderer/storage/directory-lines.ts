import type { IsoDate } from '../../shared/domain/dates';
import type { DirectoryEntry } from '../../shared/domain/directory';

/**
 * A slice of the directory as lines of text, the way a block keeps it on this computer. At a
 * first start the search worker seals every block as it arrives: measured in Chromium at borough
 * scale, JSON took about 58 ms for each slice of 5,000 residents (3.7 s in all, beside the
 * sync), these lines about 10 ms. A field holding one of the separators (or not text at all)
 * cannot be kept this way: then `linesOf` answers null, and the block keeps its JSON.
 */
const FIELD = '\u0000';
const LIST = '\u0001';
const NONE = '\u0002';
const LINE = '\u001e';
// eslint-disable-next-line no-control-regex -- the separators are control characters, chosen as no resident's field holds them
const SEPARATOR = /[\u0000-\u0002\u001e]/;

const plain = (value: unknown): value is string => typeof value === 'string' && !SEPARATOR.test(value);
const orNone = (value: string | null): string | null => (value === null ? NONE : plain(value) ? value : null);

/** One resident's line, or null when a field cannot be kept in one. */
function lineOf(entry: DirectoryEntry): string | null {
  const texts = [entry.residentId, entry.householdId, entry.givenName, entry.familyName, entry.dateOfBirth, entry.addressLine, entry.postcode];
  if (!texts.every(plain) || !Array.isArray(entry.phones) || !entry.phones.every(plain) || typeof entry.vulnerable !== 'boolean') return null;
  const optional = [orNone(entry.email), orNone(entry.councilTaxReference), orNone(entry.rentReference)];
  if (optional.includes(null)) return null;
  // An empty list is NONE, so that one empty phone number is not read back as none.
  const phones = entry.phones.length === 0 ? NONE : entry.phones.join(LIST);
  return [...texts, phones, ...optional, entry.vulnerable ? '1' : '0'].join(FIELD);
}

/** The residents as UTF-8 lines, or null when any of them cannot be kept as a line. */
export function linesOf(entries: readonly DirectoryEntry[]): Uint8Array | null {
  if (entries.length === 0) return null;
  const lines: string[] = [];
  for (const entry of entries) {
    const line = lineOf(entry);
    if (line === null) return null;
    lines.push(line);
  }
  const bytes = new TextEncoder().encode(lines.join(LINE));
  // A view made here: sealing keeps a Uint8Array of this realm as bytes (in component tests the encoder's is another realm's).
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const fromNone = (value: string | undefined): string | null => (value === NONE || value === undefined ? null : value);

/** The residents kept by `linesOf`, exactly as they were. */
export function entriesOfLines(bytes: Uint8Array): DirectoryEntry[] {
  return new TextDecoder().decode(bytes).split(LINE).map((line): DirectoryEntry => {
    const [residentId, householdId, givenName, familyName, dateOfBirth, addressLine, postcode, phones, email, councilTax, rent, vulnerable] = line.split(FIELD);
    return {
      residentId: residentId ?? '',
      householdId: householdId ?? '',
      givenName: givenName ?? '',
      familyName: familyName ?? '',
      dateOfBirth: (dateOfBirth ?? '') as IsoDate,
      addressLine: addressLine ?? '',
      postcode: postcode ?? '',
      phones: phones === NONE || phones === undefined ? [] : phones.split(LIST),
      email: fromNone(email),
      councilTaxReference: fromNone(councilTax),
      rentReference: fromNone(rent),
      vulnerable: vulnerable === '1',
    };
  });
}
