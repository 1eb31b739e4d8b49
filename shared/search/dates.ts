import type { IsoDate } from '../domain/dates';

/**
 * Dates of birth as people say and type them in the UK: day first. '12/03/1985' is the
 * twelfth of March, never December the third.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

/** 'mar', 'March' -> 3; anything else -> null. Expects folded (lower-case) text. */
export function monthNumber(word: string): number | null {
  return MONTHS[word] ?? null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Two-digit years: '85' is 1985 and '07' is 2007. A date of birth is in the past, so a year
 * that would be in the future belongs to the previous century.
 */
function fullYear(year: number, digits: number, thisYear: number): number {
  if (digits !== 2) return year;
  const candidate = 2000 + year;
  return candidate > thisYear ? 1900 + year : candidate;
}

/** A real calendar day between 1900 and 2100 as 'YYYY-MM-DD', or null. */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const YEAR_FIRST = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const COMPACT = /^(\d{2})(\d{2})(\d{4})$/;
/** What a date looks like half-typed: '12/', '12/03', '12/03/19'. */
const PARTIAL = /^\d{1,2}[/.-](?:\d{1,2}(?:[/.-]\d{0,3})?)?$|^\d{4}[/.-]\d{0,2}(?:[/.-]\d{0,1})?$/;

/**
 * One chunk of the query written as a date with separators ('12/03/1985', '12-3-1985',
 * '1985-03-12', '12.03.85') or as eight digits ('12031985'). `thisYear` decides two-digit
 * years; pass it in so tests do not depend on the clock. `typing`: the chunk may be unfinished.
 */
export function parseDateChunk(chunk: string, thisYear: number, typing = false): IsoDate | null {
  const dayFirst = DAY_FIRST.exec(chunk);
  // Mid-typing, '12/03/19' is more likely the start of 1985 than a child born in 2019.
  if (dayFirst && typing && /^(?:19|20)$/.test(dayFirst[3] ?? '')) return null;
  if (dayFirst) {
    const [, day, month, year] = dayFirst;
    return isoDate(fullYear(Number(year), year?.length ?? 0, thisYear), Number(month), Number(day));
  }
  const yearFirst = YEAR_FIRST.exec(chunk);
  if (yearFirst) return isoDate(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  const compact = COMPACT.exec(chunk);
  if (compact) return isoDate(Number(compact[3]), Number(compact[2]), Number(compact[1]));
  return null;
}

/** Whether a chunk is a date being typed, so it is neither searched as a number nor as a name. */
export function isPartialDate(chunk: string): boolean {
  return PARTIAL.test(chunk);
}

/**
 * Three separate words: '12 03 1985', '12 March 1985', '12th mar 1985'. The year must have
 * four digits here: '12 03 85' is as likely to be part of a phone number.
 */
export function parseSpacedDate(day: string, month: string, year: string): IsoDate | null {
  const dayMatch = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(day);
  if (!dayMatch || !/^\d{4}$/.test(year)) return null;
  const monthValue = /^\d{1,2}$/.test(month) ? Number(month) : monthNumber(month);
  if (monthValue === null) return null;
  return isoDate(Number(year), monthValue, Number(dayMatch[1]));
}
