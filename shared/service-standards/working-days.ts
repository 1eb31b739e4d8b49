import type { IsoDate } from '../domain/dates';
import { addCalendarDays, toDayNumber, weekdayOf, fromDayNumber } from './iso-date';

/**
 * The working-day clock. A working day is Monday to Friday and not an England and Wales
 * bank holiday (substitute days and one-off days included: they are in the data).
 *
 * `holidays` is the set of bank holiday dates ('YYYY-MM-DD'), as from
 * englandAndWalesHolidays(). The years it covers are the years it has any holiday in (every
 * real year has at least six). Asking about a date in a year it does not cover throws
 * HolidayDataRangeError: a due date that silently ignored an unknown bank holiday would be
 * wrong without anyone noticing. Treat the set as read-only once made.
 */
export type HolidaySet = ReadonlySet<IsoDate>;

export { addCalendarDays };

/** Thrown when the clock is asked about a date its bank holiday data does not cover. */
export class HolidayDataRangeError extends RangeError {
  constructor(
    readonly date: IsoDate,
    readonly coveredYears: { first: number; last: number } | null,
  ) {
    super(
      coveredYears
        ? `No bank holiday data for ${date}: CivicDesk knows England and Wales bank holidays for ${coveredYears.first}-${coveredYears.last} only. Update resources/bank-holidays.json (npm run holidays:build) or refresh from GOV.UK.`
        : `No bank holiday data at all: cannot count working days to or from ${date}.`,
    );
    this.name = 'HolidayDataRangeError';
  }
}

const coverageCache = new WeakMap<HolidaySet, { size: number; years: Set<number> }>();

function coveredYears(holidays: HolidaySet): Set<number> {
  const cached = coverageCache.get(holidays);
  if (cached && cached.size === holidays.size) return cached.years;
  const years = new Set<number>();
  for (const date of holidays) years.add(Number(date.slice(0, 4)));
  coverageCache.set(holidays, { size: holidays.size, years });
  return years;
}

/** The first and last year the data covers, or null for no data. */
export function holidayYears(holidays: HolidaySet): { first: number; last: number } | null {
  const years = [...coveredYears(holidays)];
  return years.length === 0 ? null : { first: Math.min(...years), last: Math.max(...years) };
}

/** True when `holidays` has data for the year of `date` ('YYYY-MM-DD'). */
export function coversDate(date: IsoDate, holidays: HolidaySet): boolean {
  toDayNumber(date);
  return coveredYears(holidays).has(Number(date.slice(0, 4)));
}

function assertCovered(date: IsoDate, holidays: HolidaySet): void {
  if (!coversDate(date, holidays)) throw new HolidayDataRangeError(date, holidayYears(holidays));
}

function isWorkingDayNumber(dayNumber: number, holidays: HolidaySet): boolean {
  const weekday = weekdayOf(dayNumber);
  if (weekday === 0 || weekday === 6) return false;
  const date = fromDayNumber(dayNumber);
  assertCovered(date, holidays);
  return !holidays.has(date);
}

/** Monday to Friday and not a bank holiday. Throws for a date outside the data. */
export function isWorkingDay(date: IsoDate, holidays: HolidaySet): boolean {
  assertCovered(date, holidays);
  return isWorkingDayNumber(toDayNumber(date), holidays);
}

/** `date` itself when it is a working day, else the next working day after it. */
export function nextWorkingDayOnOrAfter(date: IsoDate, holidays: HolidaySet): IsoDate {
  assertCovered(date, holidays);
  let day = toDayNumber(date);
  while (!isWorkingDayNumber(day, holidays)) day += 1;
  return fromDayNumber(day);
}

/**
 * The date `days` working days after a request arrived on `receivedOn`.
 *
 * The rule (the council's, and the ICO's for FOI):
 * - the day a request arrives is day 0, and day 1 is the next working day. So a complaint
 *   received on Friday with a 3 working day target is due on Wednesday (Mon 1, Tue 2, Wed 3);
 * - a request that arrives on a non-working day (a weekend or a bank holiday) counts as
 *   received on the next working day, which is its day 0. So one received on Saturday with
 *   3 working days is due on Thursday (received Monday: Tue 1, Wed 2, Thu 3);
 * - 0 working days means by the end of the day of receipt (that next working day, if it
 *   arrived on a non-working day).
 * The due date is always a working day.
 */
export function addWorkingDays(receivedOn: IsoDate, days: number, holidays: HolidaySet): IsoDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`addWorkingDays needs a whole number of working days, 0 or more, not ${days}`);
  assertCovered(receivedOn, holidays);
  let day = toDayNumber(receivedOn);
  while (!isWorkingDayNumber(day, holidays)) day += 1;
  let left = days;
  while (left > 0) {
    day += 1;
    if (isWorkingDayNumber(day, holidays)) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * Working days after `from` up to and including `to`: Friday to the next Wednesday is 3,
 * a day to itself is 0, and a later `from` gives a negative count (Wednesday back to the
 * Friday before is -3). Both dates must be within the holiday data.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, holidays: HolidaySet): number {
  assertCovered(from, holidays);
  assertCovered(to, holidays);
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day += 1) {
    if (isWorkingDayNumber(day, holidays)) count += 1;
  }
  return sign * count;
}
