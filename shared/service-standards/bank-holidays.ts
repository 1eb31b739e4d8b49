import { z } from 'zod';
import type { IsoDate } from '../domain/dates';
import { isIsoDate } from './iso-date';

/**
 * The GOV.UK bank holidays feed (https://www.gov.uk/bank-holidays.json):
 *
 *   {"england-and-wales": {"division": "england-and-wales", "events": [
 *      {"title": "New Year’s Day", "date": "2018-01-01", "notes": "", "bunting": true}, …]},
 *    "scotland": {…}, "northern-ireland": {…}}
 *
 * A feed fetched from the internet is untrusted: it replaces good data only if it passes
 * every check in parseBankHolidayFeed.
 */

export const DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Division = (typeof DIVISIONS)[number];

/** Years outside this are not plausible in a bank holiday feed for this app. */
const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2100;
/** No real division has had fewer or more bank holidays in a year (2022: 10 in E&W, 12 in NI). */
export const MIN_EVENTS_PER_YEAR = 6;
export const MAX_EVENTS_PER_YEAR = 12;

export const bankHolidayEventSchema = z.object({
  title: z.string().min(1).max(200),
  date: z.string().refine(isIsoDate, { error: 'must be a real date written YYYY-MM-DD' }),
  notes: z.string().max(200),
  bunting: z.boolean(),
});

const divisionSchema = <D extends Division>(division: D) =>
  z.object({
    division: z.literal(division),
    events: z.array(bankHolidayEventSchema).max(MAX_EVENTS_PER_YEAR * (LATEST_YEAR - EARLIEST_YEAR + 1)),
  });

export const bankHolidayFeedSchema = z.object({
  'england-and-wales': divisionSchema('england-and-wales'),
  scotland: divisionSchema('scotland').optional(),
  'northern-ireland': divisionSchema('northern-ireland').optional(),
});

export type BankHolidayEvent = z.infer<typeof bankHolidayEventSchema>;
export type BankHolidayDivision = { division: Division; events: BankHolidayEvent[] };
export type BankHolidayFeed = z.infer<typeof bankHolidayFeedSchema>;

export interface YearSpan {
  first: number;
  last: number;
}

export interface ParseFeedOptions {
  /**
   * Years England and Wales must cover in full, for example the current year and the next,
   * so a feed that has dropped them cannot replace data that has them.
   */
  requiredYears?: YearSpan;
}

export type ParsedFeed =
  | { ok: true; feed: BankHolidayFeed; holidays: Set<IsoDate>; years: YearSpan }
  | { ok: false; problem: string };

/**
 * Checks a feed (the parsed JSON value, or its text) and returns it with the England and
 * Wales holidays, or a plain-English problem. Checks, beyond the shape:
 * - the England and Wales division is there, and each division's name matches its key;
 * - every date is a real calendar date, and no date appears twice in a division;
 * - the years run without a gap (a feed that drops a year in the middle is refused);
 * - every year of every division has 6 to 12 bank holidays;
 * - England and Wales covers `requiredYears`, when given.
 */
export function parseBankHolidayFeed(json: unknown, options: ParseFeedOptions = {}): ParsedFeed {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch {
      return { ok: false, problem: 'The bank holiday feed is not valid JSON.' };
    }
  }
  const parsed = bankHolidayFeedSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the feed';
    const message = issue?.path[0] === 'england-and-wales' && issue.path.length === 1 ? 'the England and Wales division is missing or malformed' : (issue?.message ?? 'invalid');
    return { ok: false, problem: `The bank holiday feed is not in the GOV.UK format: ${where}: ${message}.` };
  }
  const feed = parsed.data;

  let ewYears: YearSpan | null = null;
  for (const division of DIVISIONS) {
    const events = feed[division]?.events;
    if (!events) continue;
    const problem = checkDivision(division, events);
    if (typeof problem === 'string') return { ok: false, problem };
    if (division === 'england-and-wales') ewYears = problem;
  }
  if (!ewYears) return { ok: false, problem: 'The bank holiday feed has no England and Wales bank holidays.' };

  const required = options.requiredYears;
  if (required && (ewYears.first > required.first || ewYears.last < required.last)) {
    return {
      ok: false,
      problem: `The bank holiday feed covers ${ewYears.first}-${ewYears.last} for England and Wales, but must cover at least ${required.first}-${required.last}.`,
    };
  }
  return { ok: true, feed, holidays: englandAndWalesHolidays(feed), years: ewYears };
}

/** The span of years, or a problem. An empty division is a problem. */
function checkDivision(division: Division, events: readonly BankHolidayEvent[]): YearSpan | string {
  if (events.length === 0) return `The bank holiday feed has no events for ${division}.`;
  const seen = new Set<string>();
  const perYear = new Map<number, number>();
  for (const event of events) {
    if (seen.has(event.date)) return `The bank holiday feed lists ${event.date} twice for ${division}.`;
    seen.add(event.date);
    const year = Number(event.date.slice(0, 4));
    if (year < EARLIEST_YEAR || year > LATEST_YEAR) return `The bank holiday feed has an implausible date ${event.date} for ${division}.`;
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  const years = [...perYear.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  for (let year = first; year <= last; year += 1) {
    const count = perYear.get(year) ?? 0;
    if (count === 0) return `The bank holiday feed has no ${division} bank holidays in ${year}, between ${first} and ${last}.`;
    if (count < MIN_EVENTS_PER_YEAR || count > MAX_EVENTS_PER_YEAR) {
      return `The bank holiday feed has ${count} ${division} bank holidays in ${year}; a real year has ${MIN_EVENTS_PER_YEAR} to ${MAX_EVENTS_PER_YEAR}.`;
    }
  }
  return { first, last };
}

/** The England and Wales bank holidays, the days the working-day clock skips. */
export function englandAndWalesHolidays(feed: BankHolidayFeed): Set<IsoDate> {
  return new Set(feed['england-and-wales'].events.map((event) => event.date));
}

/**
 * `update` laid over `base`, a year at a time: for each division, a year that `update` has
 * replaces that year in `base` wholesale (so a moved holiday moves, rather than appearing
 * twice); every year only `base` has is kept. GOV.UK's feed covers only the years around
 * now, so merging it never loses the older and later years CivicDesk ships.
 */
export function mergeBankHolidayFeeds(base: BankHolidayFeed, update: BankHolidayFeed): BankHolidayFeed {
  const merged: Partial<Record<Division, BankHolidayDivision>> = {};
  for (const division of DIVISIONS) {
    const older = base[division]?.events;
    const newer = update[division]?.events;
    if (!older && !newer) continue;
    const newerYears = new Set((newer ?? []).map((event) => event.date.slice(0, 4)));
    const events = [...(older ?? []).filter((event) => !newerYears.has(event.date.slice(0, 4))), ...(newer ?? [])]
      .map((event) => ({ ...event }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    merged[division] = { division, events };
  }
  return merged as BankHolidayFeed;
}
