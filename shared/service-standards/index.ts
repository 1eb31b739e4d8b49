/**
 * Service standards: response targets, the working-day clock and bank holidays. Pure
 * TypeScript (no Node, no DOM), so the main process and the renderer compute the same dates.
 */
import shippedFeedJson from '../../resources/bank-holidays.json';
import type { IsoDate } from '../domain/dates';
import { parseBankHolidayFeed, type BankHolidayFeed, type YearSpan } from './bank-holidays';

export {
  DIVISIONS,
  MAX_EVENTS_PER_YEAR,
  MIN_EVENTS_PER_YEAR,
  bankHolidayFeedSchema,
  englandAndWalesHolidays,
  mergeBankHolidayFeeds,
  parseBankHolidayFeed,
  type BankHolidayDivision,
  type BankHolidayEvent,
  type BankHolidayFeed,
  type Division,
  type ParseFeedOptions,
  type ParsedFeed,
  type YearSpan,
} from './bank-holidays';
export {
  addCalendarDays,
  calendarDaysBetween,
  fromDayNumber,
  InvalidIsoDateError,
  isIsoDate,
  isoDateInLondon,
  toDayNumber,
  weekdayOf,
} from './iso-date';
export {
  addWorkingDays,
  coversDate,
  HolidayDataRangeError,
  holidayYears,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
  type HolidaySet,
} from './working-days';
export {
  createStandardsRegistry,
  DEFAULT_SERVICE_STANDARDS,
  ServiceStandardsConfigError,
  type ServiceStandard,
  type ServiceStandardOverride,
  type StandardsProblem,
  type StandardsRegistry,
} from './standards';
export { dueDate, standardStatus, type StandardStatus, type StandardStatusOptions, type StandardStatusResult } from './due-dates';

/** The England and Wales years resources/bank-holidays.json must cover (it covers more). */
export const SHIPPED_YEARS: YearSpan = { first: 2018, last: 2027 };

let shipped: { feed: BankHolidayFeed; holidays: ReadonlySet<IsoDate>; years: YearSpan } | undefined;

function loadShipped(): NonNullable<typeof shipped> {
  if (!shipped) {
    const parsed = parseBankHolidayFeed(shippedFeedJson, { requiredYears: SHIPPED_YEARS });
    if (!parsed.ok) throw new Error(`resources/bank-holidays.json is broken (${parsed.problem}); regenerate it with npm run holidays:build`);
    shipped = { feed: parsed.feed, holidays: parsed.holidays, years: parsed.years };
  }
  return shipped;
}

/** The England and Wales bank holidays CivicDesk ships with (resources/bank-holidays.json). */
export function shippedHolidays(): ReadonlySet<IsoDate> {
  return loadShipped().holidays;
}

/** The whole shipped feed, GOV.UK format, for merging with a fresh one. */
export function shippedBankHolidayFeed(): BankHolidayFeed {
  return structuredClone(loadShipped().feed);
}

/** The England and Wales years the shipped data covers. */
export function shippedHolidayYears(): YearSpan {
  return { ...loadShipped().years };
}
