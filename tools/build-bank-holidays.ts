/**
 * Generates resources/bank-holidays.json, in exactly the shape of the GOV.UK feed
 * (https://www.gov.uk/bank-holidays.json), from the offline data of `date-holidays`.
 *
 *   npm run holidays:build            writes the file
 *   npm run holidays:build -- --check fails if the file on disk differs from what it would write
 *
 * GOV.UK lists only the days people actually get off: a holiday that falls on a weekend is
 * not listed, its substitute day is (same title, notes "Substitute day"). date-holidays lists
 * both, so weekend days are dropped here, and the script insists each has a substitute.
 *
 * Every check below fails loudly (non-zero exit, nothing written): the working-day clock of
 * the whole app depends on this file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';

const FIRST_YEAR = 2018;
const LAST_YEAR = 2030;

interface FeedEvent {
  title: string;
  date: string;
  notes: string;
  bunting: boolean;
}
type DivisionKey = 'england-and-wales' | 'scotland' | 'northern-ireland';
type Feed = Record<DivisionKey, { division: DivisionKey; events: FeedEvent[] }>;

const DIVISIONS: ReadonlyArray<{ key: DivisionKey; state: string }> = [
  { key: 'england-and-wales', state: 'ENG' },
  { key: 'scotland', state: 'SCT' },
  { key: 'northern-ireland', state: 'NIR' },
];

/** date-holidays' names where GOV.UK words them differently. */
const GOV_UK_TITLES: Record<string, string> = {
  "New Year's Day": 'New Year’s Day',
  'January 2nd': '2nd January',
  'Queen’s Platinum Jubilee': 'Platinum Jubilee bank holiday',
  "Queen Elizabeth's Funeral Day": 'Bank Holiday for the State Funeral of Queen Elizabeth II',
  "King Charles III's Coronation": 'Bank holiday for the coronation of King Charles III',
};

/** GOV.UK flies no bunting for these (the feed's `bunting: false`). */
const NO_BUNTING = new Set(['Good Friday', 'Bank Holiday for the State Funeral of Queen Elizabeth II']);

const SUBSTITUTE_SUFFIX = ' (substitute day)';

function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function govUkTitle(name: string): string {
  return GOV_UK_TITLES[name] ?? name.replace(/'/g, '’');
}

function buildDivision(state: string, problems: string[], label: string): FeedEvent[] {
  const hd = new Holidays('GB', state);
  const events: FeedEvent[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    const publicDays = hd.getHolidays(year).filter((h) => h.type === 'public');
    const kept: FeedEvent[] = [];
    const weekendNames: string[] = [];
    const substituteNames: string[] = [];
    for (const h of publicDays) {
      const date = h.date.slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !date.startsWith(`${year}-`)) {
        problems.push(`${label} ${year}: unexpected date "${h.date}" for ${h.name}`);
        continue;
      }
      const isSubstitute = h.substitute === true || h.name.endsWith(SUBSTITUTE_SUFFIX);
      const baseName = h.name.endsWith(SUBSTITUTE_SUFFIX) ? h.name.slice(0, -SUBSTITUTE_SUFFIX.length) : h.name;
      const day = weekday(date);
      if (day === 0 || day === 6) {
        if (isSubstitute) problems.push(`${label} ${date}: substitute day ${h.name} falls on a weekend`);
        weekendNames.push(baseName);
        continue;
      }
      if (isSubstitute) substituteNames.push(baseName);
      const title = govUkTitle(baseName);
      kept.push({ title, date, notes: isSubstitute ? 'Substitute day' : '', bunting: !NO_BUNTING.has(title) });
    }
    for (const name of weekendNames) {
      // A weekend New Year's Day may be substituted in the next year's list only if it were
      // 31 Dec, which never happens; every other weekend holiday is substituted in-year.
      if (!substituteNames.includes(name)) problems.push(`${label} ${year}: ${name} falls on a weekend and has no substitute day`);
    }
    const dates = kept.map((e) => e.date);
    if (new Set(dates).size !== dates.length) problems.push(`${label} ${year}: two holidays on one day (${dates.join(', ')})`);
    if (kept.length < 6 || kept.length > 12) problems.push(`${label} ${year}: ${kept.length} bank holidays, expected 6 to 12`);
    events.push(...kept);
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** England and Wales facts checked by hand against GOV.UK announcements. */
const MUST_BE_HOLIDAYS: ReadonlyArray<[string, string]> = [
  ['2018-12-25', 'Christmas Day'],
  ['2020-05-08', 'Early May bank holiday (VE day), moved from Monday 4 May'],
  ['2020-12-28', 'Boxing Day substitute'],
  ['2021-12-27', 'Christmas Day substitute'],
  ['2021-12-28', 'Boxing Day substitute'],
  ['2022-01-03', 'New Year’s Day substitute'],
  ['2022-06-02', 'Spring bank holiday, moved for the Platinum Jubilee'],
  ['2022-06-03', 'Platinum Jubilee bank holiday'],
  ['2022-09-19', 'State Funeral of Queen Elizabeth II'],
  ['2022-12-27', 'Christmas Day substitute'],
  ['2023-01-02', 'New Year’s Day substitute'],
  ['2023-05-08', 'Coronation of King Charles III'],
  ['2024-03-29', 'Good Friday 2024'],
  ['2025-04-21', 'Easter Monday 2025'],
  ['2026-12-28', 'Boxing Day 2026 substitute'],
  ['2027-12-27', 'Christmas Day 2027 substitute'],
  ['2027-12-28', 'Boxing Day 2027 substitute'],
];
const MUST_NOT_BE_HOLIDAYS: ReadonlyArray<[string, string]> = [
  ['2020-05-04', 'first Monday in May 2020: the early May bank holiday moved to Friday 8 May'],
  ['2022-05-30', 'last Monday in May 2022: the spring bank holiday moved to Thursday 2 June'],
  ['2021-12-25', 'a Saturday: GOV.UK lists the substitute day instead'],
  ['2022-01-01', 'a Saturday: GOV.UK lists the substitute day instead'],
];

function buildFeed(): { feed: Feed; problems: string[] } {
  const problems: string[] = [];
  const feed = {} as Feed;
  for (const { key, state } of DIVISIONS) {
    feed[key] = { division: key, events: buildDivision(state, problems, key) };
  }

  const ew = new Map(feed['england-and-wales'].events.map((e) => [e.date, e]));
  for (const [date, what] of MUST_BE_HOLIDAYS) {
    if (!ew.has(date)) problems.push(`england-and-wales: ${date} (${what}) is missing`);
  }
  for (const [date, why] of MUST_NOT_BE_HOLIDAYS) {
    if (ew.has(date)) problems.push(`england-and-wales: ${date} must not be a bank holiday (${why})`);
  }
  const expectTitle = (date: string, title: string, notes = ''): void => {
    const event = ew.get(date);
    if (event && (event.title !== title || event.notes !== notes)) {
      problems.push(`england-and-wales: ${date} is "${event.title}"/"${event.notes}", expected "${title}"/"${notes}"`);
    }
  };
  expectTitle('2022-06-03', 'Platinum Jubilee bank holiday');
  expectTitle('2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II');
  expectTitle('2023-05-08', 'Bank holiday for the coronation of King Charles III');
  expectTitle('2022-01-03', 'New Year’s Day', 'Substitute day');
  expectTitle('2021-12-28', 'Boxing Day', 'Substitute day');
  // A normal year in England and Wales has exactly 8 bank holidays.
  const extra: Record<number, number> = { 2022: 2, 2023: 1 };
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    const count = feed['england-and-wales'].events.filter((e) => e.date.startsWith(`${year}-`)).length;
    const expected = 8 + (extra[year] ?? 0);
    if (count !== expected) problems.push(`england-and-wales ${year}: ${count} bank holidays, expected ${expected}`);
  }
  return { feed, problems };
}

function main(): void {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const target = path.resolve(here, '../resources/bank-holidays.json');
  const { feed, problems } = buildFeed();
  if (problems.length > 0) {
    console.error(`bank-holidays: ${problems.length} check(s) failed; nothing written:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  const text = `${JSON.stringify(feed)}\n`;
  if (process.argv.includes('--check')) {
    let onDisk = '';
    try {
      onDisk = readFileSync(target, 'utf8');
    } catch {
      // missing file: reported below as out of date
    }
    if (onDisk !== text) {
      console.error(`bank-holidays: ${path.relative(process.cwd(), target)} is out of date; run npm run holidays:build`);
      process.exit(1);
    }
    console.log('bank-holidays: resources/bank-holidays.json is up to date');
    return;
  }
  writeFileSync(target, text);
  const counts = Object.values(feed).map((d) => `${d.division} ${d.events.length}`).join(', ');
  console.log(`bank-holidays: wrote ${path.relative(process.cwd(), target)} (${FIRST_YEAR}-${LAST_YEAR}: ${counts} events)`);
}

main();
