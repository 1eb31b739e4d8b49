import type { IsoDate } from '../domain/dates';

/**
 * Calendar days as 'YYYY-MM-DD' strings, computed as whole UTC day numbers (days since
 * 1970-01-01). No local time is ever involved, so neither the machine's time zone nor the
 * change to and from British Summer Time can move a date by a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Thrown for a string that is not a real calendar date in 'YYYY-MM-DD' form. */
export class InvalidIsoDateError extends RangeError {
  constructor(readonly value: unknown) {
    super(`Not a valid date: ${JSON.stringify(value)} (expected a real calendar date as YYYY-MM-DD, for example 2024-02-29)`);
    this.name = 'InvalidIsoDateError';
  }
}

/** True for a real calendar date written 'YYYY-MM-DD' (so '2023-02-29' and '2024-13-01' are not). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && dayNumberOrNull(value) !== null;
}

function dayNumberOrNull(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 31 April over to 1 May; a real date round-trips unchanged.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date; throws InvalidIsoDateError otherwise. */
export function toDayNumber(date: IsoDate): number {
  const n = typeof date === 'string' ? dayNumberOrNull(date) : null;
  if (n === null) throw new InvalidIsoDateError(date);
  return n;
}

/** The 'YYYY-MM-DD' date of a UTC day number. */
export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function yearOf(date: IsoDate): number {
  toDayNumber(date);
  return Number(date.slice(0, 4));
}

/** `date` plus `days` calendar days (negative goes back). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`addCalendarDays needs a whole number of days, not ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

const londonFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date in London at an instant: what "today" means for the council, whatever
 * time zone the workstation is set to (23:30 UTC on 30 June is already 1 July in London).
 */
export function isoDateInLondon(instant: Date): IsoDate {
  const parts = londonFormat.formatToParts(instant);
  const get = (type: string): string => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
