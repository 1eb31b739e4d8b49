/**
 * Text normalisation shared by the index and the query, so that both sides of every
 * comparison went through exactly the same folding. Pure string functions: this file runs in
 * a Node worker thread and in a browser worker alike.
 */

/**
 * Letters that Unicode does not decompose into a base letter plus a mark, so NFD alone would
 * leave them unmatched: 'Bogusław' must be found by 'boguslaw', 'Yılmaz' by 'yilmaz'.
 */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ł: 'l', đ: 'd', ð: 'd', ı: 'i', ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', þ: 'th', ŀ: 'l', ħ: 'h',
};
const UNDECOMPOSABLE_PATTERN = /[łđðıßæøœþŀħ]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
/** Every way a keyboard or a pasted document writes an apostrophe. */
const APOSTROPHES = /['\u2018\u2019\u02bc`\u00b4]/g;

/**
 * Accent- and case-insensitive form: NFD splits 'é' into 'e' + U+0301, the marks are dropped,
 * then lower case. Folding happens before lower-casing so 'İ' (I + dot above) becomes 'i'.
 */
export function fold(text: string): string {
  // Most names and addresses are plain ASCII: skip the Unicode work (a third of build time).
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(UNDECOMPOSABLE_PATTERN, (ch) => UNDECOMPOSABLE[ch] ?? ch);
}

/** Folded text with apostrophes removed, so "O'Brien", "O’Brien" and "obrien" agree. */
export function foldWithoutApostrophes(text: string): string {
  return fold(text).replace(APOSTROPHES, '');
}

const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;
const ASCII_WORD_SEPARATORS = /[^a-z0-9]+/;

/** Letters-and-digits runs of already folded text; everything else separates. */
export function splitWords(folded: string): string[] {
  return folded.split(PLAIN_ASCII.test(folded) ? ASCII_WORD_SEPARATORS : WORD_SEPARATORS).filter((word) => word.length > 0);
}

/**
 * The terms a name is indexed under. Each part on its own (so 'okafor' finds 'Smith-Okafor'
 * and 'lopez' finds 'García López'), the parts joined (so 'smithokafor' and a query typed as
 * 'de souza' both meet 'desouza'), and for an apostrophe name both the joined form ('obrien')
 * and the part after the apostrophe ('brien'). Single letters are not terms: they would each
 * match a twenty-sixth of the borough.
 */
export function nameTerms(name: string): string[] {
  const folded = fold(name);
  const terms = new Set<string>();
  const joinedWords: string[] = [];
  for (const word of folded.split(/[^\p{L}\p{N}'\u2018\u2019\u02bc`\u00b4]+/u)) {
    const joined = word.replace(APOSTROPHES, '');
    if (joined.length === 0) continue;
    joinedWords.push(joined);
    if (joined.length > 1) terms.add(joined);
    if (joined !== word) {
      for (const piece of word.split(APOSTROPHES)) if (piece.length > 1) terms.add(piece);
    }
  }
  if (joinedWords.length > 1) terms.add(joinedWords.join(''));
  // 'Lloyd-Webster-Kidane': each neighbouring pair too, so a query's run-together pair
  // ('lloyd webster') counts for her as it does for an Olivia Lloyd-Webster.
  for (let i = 0; joinedWords.length > 2 && i + 1 < joinedWords.length; i += 1) terms.add(joinedWords[i]! + joinedWords[i + 1]!);
  return [...terms];
}

/** Words that say nothing about which home: nearly every estate address starts 'Flat'. */
export const ADDRESS_STOP_WORDS: ReadonlySet<string> = new Set(['flat', 'flats', 'apartment', 'apt', 'unit']);

/**
 * The terms an address line is indexed under: street and block words and house or flat
 * numbers ('12', '12a'). Flat letters ('Flat C') and stop words are left out: they would
 * put most of the borough under one term.
 */
export function addressTerms(addressLine: string): string[] {
  const terms = new Set<string>();
  for (const word of splitWords(foldWithoutApostrophes(addressLine))) {
    if (word.length < 2 && !/^\d$/.test(word)) continue;
    if (ADDRESS_STOP_WORDS.has(word)) continue;
    terms.add(word);
  }
  return [...terms];
}

/** 'se17 2dw', 'SE172DW' -> 'SE172DW'; the compact form both sides compare on. */
export function compactPostcode(postcode: string): string {
  return postcode.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}

/** The outward code of a compact full postcode: every inward code is exactly three characters. */
export function outwardCode(compact: string): string {
  return compact.length > 3 ? compact.slice(0, -3) : compact;
}

/** 'SE172DW' -> 'SE17 2DW'; an outward code or a fragment shorter than an inward code stays as is. */
export function displayPostcode(compact: string): string {
  return compact.length >= 5 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

/** '+44 (0)20 7946 0123', '0044 20 7946 0123' -> '020 7946 0123': UK numbers written the national way. */
export function nationalPhoneForm(text: string): string {
  // '+44 07700 900123': the 0 kept after the country code is dropped too (no UK number has two).
  return text.replace(/(?:\+|\b00)\s*44\s*(?:\(\s*0\s*\)\s*|0(?=\s*[1-9]))?/g, '0');
}

/** Just the digits of a phone number in national form: '07700 900123' -> '07700900123'. */
export function phoneDigits(phone: string): string {
  return nationalPhoneForm(phone).replace(/\D+/g, '');
}

/**
 * A UK number's digits written the usual way: '02079460123' -> '020 7946 0123' (London and the
 * other 02 areas), '07700900123' -> '07700 900123' (mobiles); null for any other number, whose
 * written form cannot be told from its digits.
 */
export function writtenPhone(digits: string): string | null {
  if (!/^0[27]\d{9}$/.test(digits)) return null;
  return digits[1] === '2' ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}` : `${digits.slice(0, 5)} ${digits.slice(5)}`;
}

/** 'ct12345678' -> 'CT12345678': references compare in capitals, as printed on bills. */
export function normaliseReference(reference: string): string {
  if (/^[A-Z0-9]+$/.test(reference)) return reference;
  return reference.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}

/** Emails compare case-insensitively and without surrounding brackets or punctuation. */
export function normaliseEmail(email: string): string {
  // Most are already plain: return the same string rather than a copy (320,000 of them).
  if (/^[a-z0-9._%+-]+@[a-z0-9.-]+$/.test(email)) return email;
  return email.trim().replace(/^[<("']+|[>)"',;:.]+$/g, '').toLowerCase();
}

/**
 * Key that orders names for tie-breaks: folded, letters and digits only, so 'García' sorts
 * with 'Garcia' and 'O'Brien' with 'Obrien', by code unit (the same on every machine, unlike
 * a locale collator).
 */
export function sortKey(name: string): string {
  return splitWords(foldWithoutApostrophes(name)).join('');
}
