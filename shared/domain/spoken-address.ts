import type { PostalAddress } from './resident';

/**
 * Addresses as callers say them, compared with the record's first line: "Flat C, 111 Hopton
 * Mews", "111c Hopton Mews", "C 111 Hopton Mews", "111 Hopton Mews, SE1 9JH" and "Flat c 111
 * hopton mws" are all the same home. Street words are compared in one written form ("Rd" and
 * "Road" alike); the number, the flat and the street must agree. A caller who leaves out the
 * flat is matched on the building (the rest of the identity check still has to pass); one
 * who names another flat, another number or another street is not.
 */

/** One written form for each word a street can be called by, as Royal Mail and callers shorten them. */
const STREET_WORDS: Record<string, string> = {
  road: 'rd', rd: 'rd', street: 'st', st: 'st', saint: 'st', avenue: 'ave', ave: 'ave', av: 'ave',
  gardens: 'gdns', gdns: 'gdns', court: 'ct', ct: 'ct', close: 'cl', cl: 'cl', crescent: 'cres', cres: 'cres',
  drive: 'dr', dr: 'dr', lane: 'ln', ln: 'ln', place: 'pl', pl: 'pl', square: 'sq', sq: 'sq',
  terrace: 'terr', terr: 'terr', tce: 'terr', grove: 'gr', gr: 'gr', gro: 'gr', park: 'pk', pk: 'pk',
  house: 'ho', ho: 'ho', hse: 'ho', estate: 'est', est: 'est', mews: 'mews', mws: 'mews', walk: 'wk', wk: 'wk',
  way: 'way', wy: 'way', hill: 'hl', hl: 'hl', buildings: 'bldgs', bldgs: 'bldgs', parade: 'pde', pde: 'pde',
  mansions: 'mans', mans: 'mans', green: 'grn', grn: 'grn', row: 'row', yard: 'yd', yd: 'yd', great: 'gt', gt: 'gt',
};

/** Words that introduce a flat: the token after them is the flat's number or letter. */
const FLAT_WORDS = new Set(['flat', 'apartment', 'apt', 'unit', 'maisonette', 'room']);
/** Words that carry nothing: "number 111", "the flat at". */
const FILLER = new Set(['no', 'number', 'at', 'the', 'of']);

const POSTCODE = /\b([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})\b/i;

export interface SpokenAddress {
  /** The flat's number or letter, lower case: 'c', '12'. */
  flat: string | null;
  /** The house or building number: '111'. */
  number: string | null;
  /** The street or building name, each word in one written form. */
  street: string[];
  /** A full postcode said with the address, without its space: 'SE19JH'. */
  postcode: string | null;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '');

/** What an address says: flat, number, street words and any postcode, whatever their order. */
export function readAddress(text: string): SpokenAddress {
  let said = fold(text);
  const postcodeMatch = POSTCODE.exec(said);
  const postcode = postcodeMatch ? `${postcodeMatch[1]}${postcodeMatch[2]}`.toUpperCase() : null;
  if (postcodeMatch) said = said.replace(postcodeMatch[0], ' ');
  const tokens = said.split(/[^a-z0-9]+/).filter(Boolean);
  const address: SpokenAddress = { flat: null, number: null, street: [], postcode };
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as string;
    const next = tokens[index + 1];
    if (FLAT_WORDS.has(token) && next !== undefined && /^(\d+[a-z]?|[a-z])$/.test(next)) {
      address.flat = next;
      index += 1;
    } else if (/^\d+[a-z]$/.test(token) && address.number === null) {
      // "111c": the letter is the flat in a house split into flats.
      address.number = token.slice(0, -1);
      address.flat ??= token.slice(-1);
    } else if (/^\d+$/.test(token)) {
      if (address.number === null) address.number = token;
      else if (address.flat === null) {
        // "3, 25 Hopton Road": flat 3 of number 25.
        address.flat = address.number;
        address.number = token;
      }
    } else if (/^[a-z]$/.test(token) && address.flat === null && (/^\d+$/.test(tokens[index - 1] ?? '') || /^\d+$/.test(next ?? ''))) {
      // "111 c" or "c 111".
      address.flat = token;
    } else if (!FILLER.has(token)) {
      address.street.push(STREET_WORDS[token] ?? token);
    }
  }
  return address;
}

const sameWords = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((word, index) => word === b[index]);

/**
 * Whether what the caller said is the record's home. Words of the estate, the town or
 * "London" said along with the first line are allowed; a postcode said with it must be the
 * record's.
 */
export function addressMatches(record: Pick<PostalAddress, 'line1' | 'line2' | 'town' | 'postcode'>, said: string): boolean {
  const heard = readAddress(said);
  const known = readAddress(record.line1);
  if (heard.postcode !== null && heard.postcode !== record.postcode.replace(/\s+/g, '').toUpperCase()) return false;
  const extra = new Set([...readAddress(record.line2 ?? '').street, ...readAddress(record.town).street, 'london']);
  const street = heard.street.filter((word) => !extra.has(word) || known.street.includes(word));
  if (!sameWords(street, known.street)) return false;
  if (known.number !== null && known.flat !== null) return heard.number === known.number && (heard.flat === null || heard.flat === known.flat);
  // A flat in a named block ("Flat 12, Hopton House"): "12 Hopton House" is the same home.
  if (known.flat !== null) return (heard.flat === known.flat && heard.number === null) || (heard.number === known.flat && heard.flat === null);
  if (known.number !== null) return heard.number === known.number && heard.flat === null;
  return heard.number === null && heard.flat === null;
}
