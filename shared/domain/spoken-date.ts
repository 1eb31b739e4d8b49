import type { IsoDate } from './dates';

/**
 * Dates as people say and type them in Britain, day first whatever the computer's locale:
 * "12/3/85", "12.03.1985", "12031985", "12 Mar 85", "12th of March 1985", "March the 12th",
 * "the twelfth of March, nineteen eighty-five", "1985-03-12", "today", "last Tuesday".
 * Numbers alone are always day then month: "03/12/1985" is 3 December, never 12 March.
 *
 * A two-digit year could be either century ("25" is 1925 or 2025), so every reading is given
 * and the caller chooses: an identity check matches any of them against the record, a form
 * takes the one not in the future.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORDS: Record<string, number> = {};
for (const [index, name] of ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].entries()) {
  MONTH_WORDS[name] = index + 1;
  MONTH_WORDS[MONTHS[index] as string] = index + 1;
}
MONTH_WORDS.sept = 9;

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const ORDINAL_UNITS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, twentieth: 20, thirtieth: 30 };
const NUMBER_WORDS: Record<string, number> = { ...TENS, oh: 0, o: 0, nought: 0, hundred: 100, thousand: 1000 };
UNITS.forEach((word, value) => (NUMBER_WORDS[word] = value));
ORDINAL_UNITS.forEach((word, value) => (NUMBER_WORDS[word] = value));

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** Words that carry nothing: "born on the 12th of March". */
const FILLER = new Set(['the', 'of', 'on', 'born', 'in', 'and', 'it', 'was', 'is', 'dob', 'date', 'birth', 'my', 'st', 'nd', 'rd', 'th']);

type Item = { kind: 'number'; value: number; word: boolean } | { kind: 'month'; value: number };

const pad = (value: number) => String(value).padStart(2, '0');

function realDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** "85" is 1985 or 2085; "25" is 1925 or 2025: both, and the caller decides. */
function years(year: number, twoDigits: boolean): number[] {
  return twoDigits ? [1900 + year, 2000 + year] : [year];
}

function dates(year: number | null, twoDigits: boolean, month: number, day: number, today: IsoDate | undefined): IsoDate[] {
  // No year said: this year, or the one either side of it (3 January said in December).
  const thisYear = today ? Number(today.slice(0, 4)) : null;
  const candidates = year === null ? (thisYear === null ? [] : [thisYear - 1, thisYear, thisYear + 1]) : years(year, twoDigits);
  return candidates.map((each) => realDate(each, month, day)).filter((each): each is IsoDate => each !== null);
}

function fromDigits(text: string, today: IsoDate | undefined): IsoDate[] | null {
  const iso = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(text);
  if (iso) return dates(Number(iso[1]), false, Number(iso[2]), Number(iso[3]), today);
  const dayFirst = /^(\d{1,2})\s*[-/. ]\s*(\d{1,2})(?:\s*[-/. ]\s*(\d{4}|\d{2}))?$/.exec(text);
  if (dayFirst) return dates(dayFirst[3] === undefined ? null : Number(dayFirst[3]), dayFirst[3]?.length === 2, Number(dayFirst[2]), Number(dayFirst[1]), today);
  const run = /^(\d{2})(\d{2})(\d{4}|\d{2})$/.exec(text);
  if (run) return dates(Number(run[3]), run[3]?.length === 2, Number(run[2]), Number(run[1]), today);
  return null;
}

/** Words and digits to items: numbers (from digits or words) and the month. */
function itemsOf(text: string): Item[] | null {
  const words = text
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/[,.'’/-]/g, ' ')
    .split(/\s+/)
    .filter((word) => word && !FILLER.has(word));
  const items: Item[] = [];
  for (const word of words) {
    if (/^\d+$/.test(word)) items.push({ kind: 'number', value: Number(word), word: false });
    else if (word in MONTH_WORDS) items.push({ kind: 'month', value: MONTH_WORDS[word] as number });
    else if (word in NUMBER_WORDS) items.push({ kind: 'number', value: NUMBER_WORDS[word] as number, word: true });
    else return null;
  }
  return items;
}

/** "twenty first" → 21, "12" → 12: a day is one number, or tens and a unit. */
function dayOf(numbers: number[]): number | null {
  if (numbers.length === 1) return numbers[0] as number;
  if (numbers.length === 2 && [20, 30].includes(numbers[0] as number) && (numbers[1] as number) < 10) return (numbers[0] as number) + (numbers[1] as number);
  return null;
}

/** Up to 99 from words: "eighty five", "oh five", "ten". */
function belowHundred(numbers: number[]): number | null {
  if (numbers.length === 0) return 0;
  if (numbers.length === 1) return (numbers[0] as number) < 100 ? (numbers[0] as number) : null;
  const [first, second] = numbers as [number, number];
  if (numbers.length === 2 && first % 10 === 0 && first < 100 && second < 10) return first + second;
  return null;
}

/** "nineteen eighty five" → 1985, "two thousand and five" → 2005, "twenty twenty six" → 2026, "85" → 85 (two digits). */
function yearOf(numbers: number[], spoken: boolean): { year: number; twoDigits: boolean } | null {
  if (numbers.length === 0) return null;
  if (numbers.length === 1 && !spoken) {
    const only = numbers[0] as number;
    return only >= 1000 ? { year: only, twoDigits: false } : only < 100 ? { year: only, twoDigits: true } : null;
  }
  const thousand = numbers.indexOf(1000);
  if (thousand === 1) {
    const rest = belowHundred(numbers.slice(2));
    return rest === null ? null : { year: (numbers[0] as number) * 1000 + rest, twoDigits: false };
  }
  const [first] = numbers as [number];
  if (numbers.length >= 2 && first >= 10 && first <= 20) {
    const rest = numbers[1] === 100 ? belowHundred(numbers.slice(2)) : belowHundred(numbers.slice(1));
    return rest === null ? null : { year: first * 100 + rest, twoDigits: false };
  }
  const short = belowHundred(numbers);
  return short === null ? null : { year: short, twoDigits: true };
}

function fromWords(text: string, today: IsoDate | undefined): IsoDate[] | null {
  const items = itemsOf(text);
  if (!items) return null;
  const month = items.findIndex((item) => item.kind === 'month');
  if (month === -1 || items.filter((item) => item.kind === 'month').length > 1) return null;
  const numbers = (list: Item[]) => list.map((item) => item.value);
  const spoken = items.some((item) => item.kind === 'number' && item.word);
  const before = items.slice(0, month);
  const after = items.slice(month + 1);
  let day: number | null;
  let yearItems: Item[];
  if (before.length > 0) {
    day = dayOf(numbers(before));
    yearItems = after;
  } else {
    // "March the twelfth, 1985": the day follows the month, then the year.
    const takesTwo = after.length >= 2 && [20, 30].includes(after[0]?.value as number) && (after[1]?.value as number) < 10 && (after[1] as { word?: boolean }).word === true;
    day = dayOf(numbers(after.slice(0, takesTwo ? 2 : 1)));
    yearItems = after.slice(takesTwo ? 2 : 1);
  }
  if (day === null) return null;
  const year = yearItems.length === 0 ? null : yearOf(numbers(yearItems), spoken && yearItems.some((item) => item.kind === 'number' && item.word));
  if (yearItems.length > 0 && year === null) return null;
  return dates(year?.year ?? null, year?.twoDigits ?? false, items[month]?.value as number, day, today);
}

function addDays(iso: IsoDate, days: number): IsoDate {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "today", "yesterday", "tomorrow", "Tuesday", "last Tuesday", "next Tuesday": the days either side that the words can mean. */
function fromDayWords(text: string, today: IsoDate | undefined): IsoDate[] | null {
  if (!today) return null;
  if (text === 'today') return [today];
  if (text === 'yesterday') return [addDays(today, -1)];
  if (text === 'tomorrow') return [addDays(today, 1)];
  const weekday = /^(last |this |on |next )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/.exec(text);
  if (!weekday) return null;
  const back = (new Date(`${today}T00:00:00Z`).getUTCDay() - WEEKDAYS.indexOf(weekday[2] as string) + 7) % 7;
  const before = addDays(today, weekday[1] === 'last ' && back === 0 ? -7 : -back);
  const after = addDays(today, back === 0 ? (weekday[1] === 'next ' ? 7 : 0) : 7 - back);
  return weekday[1] === 'last ' ? [before] : weekday[1] === 'next ' ? [after] : [before, after];
}

/**
 * Every date the words could mean, earliest first; empty when they are not a date. `today`
 * lets words like "yesterday" and a date without a year ("3 Dec") be understood.
 */
export function spokenDates(text: string, options: { today?: IsoDate } = {}): IsoDate[] {
  const said = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!said) return [];
  const found = fromDigits(said, options.today) ?? fromDayWords(said, options.today) ?? fromWords(said, options.today) ?? [];
  return [...new Set(found)].sort();
}

/**
 * The one date meant, for a form. Asking about the past (a missed bin, a date of birth): of
 * the readings, the latest not after today. Booking ahead (`prefer: 'future'`): the earliest
 * not before today. Null when the words are not a date.
 */
export function spokenDate(text: string, options: { today?: IsoDate; prefer?: 'past' | 'future' } = {}): IsoDate | null {
  const found = spokenDates(text, options);
  const { today } = options;
  if (!today) return found[0] ?? null;
  if (options.prefer === 'future') return found.find((each) => each >= today) ?? found.at(-1) ?? null;
  return found.filter((each) => each <= today).at(-1) ?? found[0] ?? null;
}
