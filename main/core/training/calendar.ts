import type { IsoDate } from '../../../shared/domain/dates';

/**
 * Day arithmetic on 'YYYY-MM-DD' strings through whole UTC days, so no time zone or
 * daylight-saving change can move a generated date.
 */
const DAY_MS = 86_400_000;

export function toDayNumber(date: IsoDate): number {
  return Math.floor(Date.parse(`${date}T00:00:00.000Z`) / DAY_MS);
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Howard Hinnant's civil-from-days. Date#toISOString costs about a microsecond, and a
 * borough-sized run formats a few million dates.
 */
export function fromDayNumber(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const date = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${two(month)}-${two(date)}`;
}

/** Milliseconds since the epoch as 'YYYY-MM-DDTHH:MM:SS.000Z' (whole seconds only). */
export function isoDateTime(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const seconds = Math.floor((ms - day * DAY_MS) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${fromDayNumber(day)}T${two(h)}:${two(m)}:${two(seconds % 60)}.000Z`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday ... 6 = Saturday, as Date#getUTCDay. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

function dayOf(year: number, month: number, date: number): number {
  return Math.floor(Date.UTC(year, month - 1, date) / DAY_MS);
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, date);
}

function firstMonday(year: number, month: number): number {
  const first = dayOf(year, month, 1);
  return first + ((8 - weekdayOf(first)) % 7);
}

function lastMonday(year: number, month: number): number {
  const last = dayOf(year, month + 1, 0);
  return last - ((weekdayOf(last) + 6) % 7);
}

/** Royal and state occasions that moved or added a bank holiday in England and Wales. */
const MOVED: Readonly<Record<number, { drop: IsoDate[]; add: IsoDate[] }>> = {
  2020: { drop: ['2020-05-04'], add: ['2020-05-08'] },
  2022: { drop: ['2022-05-30'], add: ['2022-06-02', '2022-06-03', '2022-09-19'] },
  2023: { drop: [], add: ['2023-05-08'] },
};

const cache = new Map<number, ReadonlySet<number>>();

/**
 * England and Wales bank holidays for a year, with substitute days when Christmas, Boxing
 * Day or New Year's Day fall at a weekend. The shared working-day SLA clock should own
 * the council's published list; this is enough to give training cases believable due dates.
 */
export function bankHolidays(year: number): ReadonlySet<number> {
  const known = cache.get(year);
  if (known) return known;
  const days = new Set<number>();
  const newYear = dayOf(year, 1, 1);
  days.add(isWeekend(newYear) ? newYear + (weekdayOf(newYear) === 6 ? 2 : 1) : newYear);
  const easter = easterSunday(year);
  days.add(easter - 2);
  days.add(easter + 1);
  days.add(firstMonday(year, 5));
  days.add(lastMonday(year, 5));
  days.add(lastMonday(year, 8));
  const christmas = dayOf(year, 12, 25);
  const christmasWeekday = weekdayOf(christmas);
  if (christmasWeekday === 5) days.add(christmas).add(christmas + 3);
  else if (christmasWeekday === 6) days.add(christmas + 2).add(christmas + 3);
  else if (christmasWeekday === 0) days.add(christmas + 1).add(christmas + 2);
  else days.add(christmas).add(christmas + 1);
  const moved = MOVED[year];
  if (moved) {
    for (const date of moved.drop) days.delete(toDayNumber(date));
    for (const date of moved.add) days.add(toDayNumber(date));
  }
  cache.set(year, days);
  return days;
}

/** Every bank holiday from 2000 to 2099 in one set: the lookup is on the hot path. */
let allBankHolidays: ReadonlySet<number> | undefined;

export function isWorkingDay(day: number): boolean {
  if (isWeekend(day)) return false;
  if (!allBankHolidays) {
    const days = new Set<number>();
    for (let year = 2000; year <= 2099; year += 1) for (const d of bankHolidays(year)) days.add(d);
    allBankHolidays = days;
  }
  return !allBankHolidays.has(day);
}

/** The day that is `count` working days after `day` (the start day itself not counted). */
export function addWorkingDays(day: number, count: number): number {
  let d = day;
  let left = count;
  while (left > 0) {
    d += 1;
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}
