import type { IsoDate } from '../domain/dates';
import { isPartialDate, parseDateChunk, parseSpacedDate } from './dates';
import {
  ADDRESS_STOP_WORDS,
  compactPostcode,
  displayPostcode,
  foldWithoutApostrophes,
  nationalPhoneForm,
  normaliseEmail,
  splitWords,
} from './normalise';

/**
 * What a free-text query is made of. An agent types whatever the caller gives, in any order
 * ('maria garcia se15', 'garsia lopez 12/03/1985', '020 7946 0123'), one character at a time,
 * so the last thing typed may be half a word, half a postcode or half a phone number: those
 * carry `prefix: true` and are matched as beginnings.
 */
export type QueryPart =
  /** A word: matched against names first, then against address lines. */
  | { kind: 'word'; text: string; prefix: boolean }
  /** Two neighbouring words run together: 'o brien' -> 'obrien', 'de souza' -> 'desouza'. */
  | { kind: 'joined'; text: string; prefix: boolean }
  | { kind: 'house-number'; text: string }
  | { kind: 'date-of-birth'; date: IsoDate }
  /** `compact` has no space: 'SE172DW', the outward code 'SE15', or the start of a full one. */
  | { kind: 'postcode'; compact: string; scope: 'full' | 'outward' | 'prefix' }
  | { kind: 'phone'; digits: string; prefix: boolean }
  | { kind: 'email'; text: string; prefix: boolean }
  | { kind: 'council-tax-reference' | 'rent-reference'; text: string; prefix: boolean };

/** The recognised parts, also summarised so the screen can say what it understood. */
export interface QueryParts {
  kind: 'parts';
  /** Folded words, matched against names (and address lines): ['garsia', 'lopez']. */
  nameTokens: string[];
  dateOfBirth: IsoDate | null;
  /** 'SE17 2DW', an outward code 'SE15', or as much of a full postcode as has been typed. */
  postcode: string | null;
  /** Digits in national form, '02079460123', or the digits typed so far. */
  phone: string | null;
  email: string | null;
  councilTaxReference: string | null;
  rentReference: string | null;
  /** House or flat numbers: '12', '12a'. */
  houseNumbers: string[];
  parts: QueryPart[];
}

export interface TooShortQuery {
  kind: 'too-short';
  tooShort: true;
  message: string;
}

export interface OnlyPunctuationQuery {
  kind: 'only-punctuation';
  onlyPunctuation: true;
  message: string;
}

export type QueryAnalysis = QueryParts | TooShortQuery | OnlyPunctuationQuery;

export const TOO_SHORT_MESSAGE = 'Type at least 2 letters or numbers.';
export const ONLY_PUNCTUATION_MESSAGE = 'Type letters or numbers: punctuation alone cannot be searched.';

/** A pasted paragraph should not cost more than a sensible query. */
const MAX_PARTS = 16;
/** References are unique, so a few digits already narrow them; fewer would match thousands. */
const MIN_REFERENCE_PREFIX_DIGITS = 4;
/** Below this many digits a phone prefix matches a whole exchange. */
const MIN_PHONE_PREFIX_DIGITS = 5;

const FULL_POSTCODE = /^[a-z]{1,2}\d[a-z\d]?\d[a-z]{2}$/;
const OUTWARD_CODE = /^[a-z]{1,2}\d[a-z\d]?$/;
const INWARD_CODE = /^\d[a-z]{2}$/;
const INWARD_START = /^\d[a-z]?$/;
const POSTCODE_BEING_TYPED = /^[a-z]{1,2}\d[a-z\d]?\d[a-z]?$/;
const REFERENCE = /^(ct|rn)(\d+)$/;

type Token =
  | { kind: 'break' }
  | { kind: 'word' | 'number' | 'other'; text: string; prefix: boolean };

export interface AnalyseOptions {
  /** Decides two-digit years ('85' -> 1985); defaults to the current year. */
  thisYear?: number;
}

export function analyseQuery(text: string, options: AnalyseOptions = {}): QueryAnalysis {
  const significant = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (significant === 0 && text.trim().length > 0) {
    return { kind: 'only-punctuation', onlyPunctuation: true, message: ONLY_PUNCTUATION_MESSAGE };
  }
  if (significant < 2) return { kind: 'too-short', tooShort: true, message: TOO_SHORT_MESSAGE };
  const thisYear = options.thisYear ?? new Date().getFullYear();
  // Only the very end of the text can be half-typed: a trailing space means the word is done.
  const typing = !/\s$/.test(text);
  const chunks = foldWithoutApostrophes(nationalPhoneForm(text)).split(/\s+/).filter((c) => c.length > 0);
  const parts: QueryPart[] = [];
  const tokens: Token[] = [];
  const reference = (letters: string, digits: string, prefix: boolean): void => {
    const kind = letters === 'ct' ? 'council-tax-reference' : 'rent-reference';
    const length = letters === 'ct' ? 8 : 7;
    if (digits.length === length) parts.push({ kind, text: `${letters.toUpperCase()}${digits}`, prefix: false });
    else if (prefix && digits.length >= MIN_REFERENCE_PREFIX_DIGITS && digits.length < length) {
      parts.push({ kind, text: `${letters.toUpperCase()}${digits}`, prefix: true });
    }
  };

  // First pass: whole chunks that only make sense unsplit (emails, dates, references, postcodes).
  for (let i = 0; i < chunks.length; i += 1) {
    const chunk = chunks[i] ?? '';
    const last = i === chunks.length - 1;
    const chunkTyping = last && typing;
    const next = chunks[i + 1];
    const date = parseDateChunk(chunk, thisYear, chunkTyping);
    const ref = REFERENCE.exec(chunk);
    if (chunk.includes('@')) parts.push({ kind: 'email', text: normaliseEmail(chunk), prefix: chunkTyping });
    else if (ref) reference(ref[1] ?? '', ref[2] ?? '', chunkTyping);
    else if (date) parts.push({ kind: 'date-of-birth', date });
    else if (/[/.-]/.test(chunk) && isPartialDate(chunk)) {
      // A date being typed is neither a house number nor a name: leave it out until it is whole.
    } else if (FULL_POSTCODE.test(chunk)) parts.push({ kind: 'postcode', compact: compactPostcode(chunk), scope: 'full' });
    else if (OUTWARD_CODE.test(chunk)) {
      if (next !== undefined && INWARD_CODE.test(next)) {
        parts.push({ kind: 'postcode', compact: compactPostcode(chunk + next), scope: 'full' });
        i += 1;
      } else if (next !== undefined && i + 1 === chunks.length - 1 && typing && INWARD_START.test(next)) {
        parts.push({ kind: 'postcode', compact: compactPostcode(chunk + next), scope: 'prefix' });
        i += 1;
      } else parts.push({ kind: 'postcode', compact: compactPostcode(chunk), scope: 'outward' });
    } else if (chunkTyping && POSTCODE_BEING_TYPED.test(chunk)) {
      parts.push({ kind: 'postcode', compact: compactPostcode(chunk), scope: 'prefix' });
    } else {
      const words = splitWords(chunk);
      words.forEach((word, w) => {
        const kind = /^\d+$/.test(word) ? 'number' : /^\p{L}+$/u.test(word) ? 'word' : 'other';
        tokens.push({ kind, text: word, prefix: chunkTyping && w === words.length - 1 });
      });
      continue;
    }
    tokens.push({ kind: 'break' });
  }
  wordLevelParts(tokens, parts, reference);
  return summarise(parts.slice(0, MAX_PARTS));
}

function isTyped(token: Token): boolean {
  return token.kind !== 'break' && token.prefix;
}

/** Second pass over the remaining words: spaced dates, phone numbers in groups, numbers, names. */
function wordLevelParts(tokens: Token[], parts: QueryPart[], reference: (letters: string, digits: string, prefix: boolean) => void): void {
  const at = (i: number): Token => tokens[i] ?? { kind: 'break' };
  let end = 0;
  for (let i = 0; i < tokens.length; ) {
    const token = at(i);
    if (token.kind === 'break') {
      i += 1;
      continue;
    }
    const second = at(i + 1);
    const third = at(i + 2);
    const date = second.kind !== 'break' && third.kind !== 'break' ? parseSpacedDate(token.text, second.text, third.text) : null;
    if (date) {
      parts.push({ kind: 'date-of-birth', date });
      i += 3;
    } else if (token.kind === 'word' && (token.text === 'ct' || token.text === 'rn') && second.kind === 'number') {
      // 'CT 1234 5678': the reference read out in groups.
      let digits = '';
      let j = i + 1;
      for (let t = at(j); t.kind === 'number'; t = at(j)) {
        digits += t.text;
        j += 1;
      }
      reference(token.text, digits, isTyped(at(j - 1)));
      i = j;
    } else if (token.kind === 'number' && token.text.startsWith('44') && (end = internationalPhone(tokens, i, parts)) > 0) {
      // '447700 900123', '44 20 7946 0123': the country code without its plus.
      i = end;
    } else if (token.kind === 'number' && token.text.length >= 3 && !token.text.startsWith('0') && (end = bareReference(tokens, i, reference)) > 0) {
      // '12345678', '1234 5678': a council tax (8 digits) or rent (7 digits) reference read without its letters.
      i = end;
    } else if (token.kind === 'number' && token.text.startsWith('0')) {
      // '020 7946 0123', '07700 900123': groups of digits that start with 0 are one phone number.
      let digits = '';
      let j = i;
      let prefix = false;
      for (let t = at(j); t.kind === 'number' && digits.length < 11; t = at(j)) {
        digits += t.text;
        prefix = t.prefix;
        j += 1;
      }
      if (digits.length === 11 || (digits.length === 10 && !prefix)) parts.push({ kind: 'phone', digits, prefix: false });
      else if (prefix && digits.length >= MIN_PHONE_PREFIX_DIGITS && digits.length < 11) parts.push({ kind: 'phone', digits, prefix: true });
      i = j;
    } else {
      if (token.kind === 'number' && token.text.length <= 4) parts.push({ kind: 'house-number', text: token.text });
      else if (token.kind === 'other' && /^\d{1,4}[a-z]$/.test(token.text)) parts.push({ kind: 'house-number', text: token.text });
      else if (token.kind === 'word' && !ADDRESS_STOP_WORDS.has(token.text)) {
        if (token.text.length > 1 || token.prefix) parts.push({ kind: 'word', text: token.text, prefix: token.prefix });
        if (second.kind === 'word') parts.push({ kind: 'joined', text: token.text + second.text, prefix: second.prefix });
      }
      i += 1;
    }
  }
}

/** The digits of the run of number tokens from `i`, taken while fewer than `max`; and where the run ends. */
function digitRun(tokens: readonly Token[], i: number, max: number): { digits: string; end: number; prefix: boolean } {
  let digits = '';
  let end = i;
  let prefix = false;
  for (let t = tokens[end]; t && t.kind === 'number' && digits.length < max; t = tokens[end]) {
    digits += t.text;
    prefix = t.prefix;
    end += 1;
  }
  return { digits, end, prefix };
}

/**
 * 44 and ten more digits, not starting 0, as a phone number in national form. Returns where
 * the number ends (0 when it is not one: '44' alone is a house number).
 */
function internationalPhone(tokens: readonly Token[], i: number, parts: QueryPart[]): number {
  const { digits, end, prefix } = digitRun(tokens, i, 12);
  if (digits[2] === '0') return 0;
  if (digits.length === 12) parts.push({ kind: 'phone', digits: `0${digits.slice(2)}`, prefix: false });
  else if (prefix && digits.length >= MIN_PHONE_PREFIX_DIGITS + 1 && digits.length < 12) parts.push({ kind: 'phone', digits: `0${digits.slice(2)}`, prefix: true });
  else return 0;
  return end;
}

/**
 * Exactly eight digits (in one or more groups) as a council tax reference, exactly seven as a
 * rent reference: the form of each (CT or RN then 8 or 7 digits, never starting 0). Returns
 * where the reference ends, or 0.
 */
function bareReference(tokens: readonly Token[], i: number, reference: (letters: string, digits: string, prefix: boolean) => void): number {
  const { digits, end } = digitRun(tokens, i, 8);
  if (digits.length === 8) reference('ct', digits, false);
  else if (digits.length === 7 && tokens[end]?.kind !== 'number') reference('rn', digits, false);
  else return 0;
  return end;
}

function summarise(parts: QueryPart[]): QueryParts {
  const summary: QueryParts = {
    kind: 'parts',
    nameTokens: [],
    dateOfBirth: null,
    postcode: null,
    phone: null,
    email: null,
    councilTaxReference: null,
    rentReference: null,
    houseNumbers: [],
    parts,
  };
  for (const part of parts) {
    if (part.kind === 'word') summary.nameTokens.push(part.text);
    else if (part.kind === 'house-number') summary.houseNumbers.push(part.text);
    else if (part.kind === 'date-of-birth') summary.dateOfBirth ??= part.date;
    else if (part.kind === 'postcode') summary.postcode ??= part.scope === 'full' ? displayPostcode(part.compact) : part.compact;
    else if (part.kind === 'phone') summary.phone ??= part.digits;
    else if (part.kind === 'email') summary.email ??= part.text;
    else if (part.kind === 'council-tax-reference') summary.councilTaxReference ??= part.text;
    else if (part.kind === 'rent-reference') summary.rentReference ??= part.text;
  }
  return summary;
}
