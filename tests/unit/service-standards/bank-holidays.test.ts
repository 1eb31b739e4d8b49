import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  englandAndWalesHolidays,
  mergeBankHolidayFeeds,
  parseBankHolidayFeed,
  shippedBankHolidayFeed,
  type BankHolidayFeed,
} from '../../../shared/service-standards';

const event = (date: string, title = 'Bank holiday', notes = '') => ({ title, date, notes, bunting: true });

/** England and Wales 2023-2025 as published by GOV.UK, typed by hand from its announcements. */
const EW_2023_2025 = [
  '2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26',
  '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
];
const feedOf = (dates: readonly string[]) => ({ 'england-and-wales': { division: 'england-and-wales', events: dates.map((date) => event(date)) } });

describe('the shipped resources/bank-holidays.json', () => {
  const raw = JSON.parse(readFileSync(path.resolve(__dirname, '../../../resources/bank-holidays.json'), 'utf8')) as Record<string, { division: string; events: Array<Record<string, unknown>> }>;

  it('is in the GOV.UK feed format, with all three divisions', () => {
    expect(Object.keys(raw)).toEqual(['england-and-wales', 'scotland', 'northern-ireland']);
    for (const [key, division] of Object.entries(raw)) {
      expect(division.division).toBe(key);
      for (const e of division.events) expect(Object.keys(e)).toEqual(['title', 'date', 'notes', 'bunting']);
    }
    expect(raw['england-and-wales']?.events[0]).toEqual({ title: 'New Year’s Day', date: '2018-01-01', notes: '', bunting: true });
  });

  it('words one-offs and substitute days as GOV.UK does', () => {
    const ew = raw['england-and-wales']?.events ?? [];
    const on = (date: string) => ew.find((e) => e.date === date);
    expect(on('2022-01-03')).toEqual({ title: 'New Year’s Day', date: '2022-01-03', notes: 'Substitute day', bunting: true });
    expect(on('2021-12-27')).toMatchObject({ title: 'Christmas Day', notes: 'Substitute day' });
    expect(on('2022-06-03')).toMatchObject({ title: 'Platinum Jubilee bank holiday', notes: '' });
    expect(on('2022-09-19')).toMatchObject({ title: 'Bank Holiday for the State Funeral of Queen Elizabeth II', bunting: false });
    expect(on('2023-05-08')).toMatchObject({ title: 'Bank holiday for the coronation of King Charles III' });
    expect(on('2020-05-08')).toMatchObject({ title: 'Early May bank holiday (VE day)' });
  });

  it('has the England and Wales 2023-2025 dates GOV.UK published, and no others', () => {
    const ew = englandAndWalesHolidays(shippedBankHolidayFeed());
    expect([...ew].filter((d) => d >= '2023' && d < '2026')).toEqual(EW_2023_2025);
  });

  it('has Scotland’s and Northern Ireland’s own days', () => {
    const dates = (division: string) => new Set((raw[division]?.events ?? []).map((e) => e.date));
    expect(dates('scotland').has('2024-01-02')).toBe(true); // 2nd January
    expect(dates('scotland').has('2024-08-05')).toBe(true); // first Monday in August
    expect(dates('scotland').has('2024-04-01')).toBe(false); // no Easter Monday in Scotland
    expect(dates('scotland').has('2025-12-01')).toBe(true); // St Andrew's Day (Sun 30 Nov) substitute
    expect(dates('northern-ireland').has('2024-03-18')).toBe(true); // St Patrick's Day (Sun 17th) substitute
    expect(dates('northern-ireland').has('2025-07-14')).toBe(true); // Battle of the Boyne (Sat 12th) substitute
  });
});

describe('parseBankHolidayFeed', () => {
  it('accepts a feed in the GOV.UK format, as a value or as text', () => {
    const parsed = parseBankHolidayFeed(feedOf(EW_2023_2025));
    expect(parsed).toMatchObject({ ok: true, years: { first: 2023, last: 2025 } });
    if (parsed.ok) expect(parsed.holidays.has('2023-05-08')).toBe(true);
    expect(parseBankHolidayFeed(JSON.stringify(feedOf(EW_2023_2025))).ok).toBe(true);
  });

  const refused = (json: unknown, options?: Parameters<typeof parseBankHolidayFeed>[1]): string => {
    const parsed = parseBankHolidayFeed(json, options);
    if (parsed.ok) throw new Error('expected the feed to be refused');
    return parsed.problem;
  };

  it('refuses text that is not JSON, and JSON that is not a feed', () => {
    expect(refused('<html>Service unavailable</html>')).toMatch(/not valid JSON/);
    expect(refused(null)).toMatch(/not in the GOV.UK format/);
    expect(refused([])).toMatch(/not in the GOV.UK format/);
    expect(refused({ scotland: { division: 'scotland', events: [] } })).toMatch(/England and Wales division is missing/);
  });

  it('refuses a division filed under the wrong name', () => {
    expect(refused({ 'england-and-wales': { division: 'scotland', events: EW_2023_2025.map((d) => event(d)) } })).toMatch(/england-and-wales\.division/);
  });

  it('refuses dates that are not real dates', () => {
    const bad = [...EW_2023_2025.slice(0, -1), '2025-02-29'];
    expect(refused(feedOf(bad))).toMatch(/events\.24\.date: must be a real date/);
    expect(refused(feedOf([...EW_2023_2025.slice(0, -1), '26/12/2025']))).toMatch(/must be a real date/);
    expect(refused({ 'england-and-wales': { division: 'england-and-wales', events: [{ ...event('2024-01-01'), bunting: 'yes' }] } })).toMatch(/bunting/);
  });

  it('refuses a year with fewer than 6 or more than 12 bank holidays', () => {
    expect(refused(feedOf(EW_2023_2025.filter((d) => !d.startsWith('2024-0'))))).toMatch(/has 2 england-and-wales bank holidays in 2024/) // only 25 and 26 December left;
    const thirteen = [...EW_2023_2025, '2024-02-05', '2024-02-06', '2024-02-07', '2024-02-08', '2024-02-09'];
    expect(refused(feedOf(thirteen))).toMatch(/13 england-and-wales bank holidays in 2024/);
  });

  it('refuses a feed that drops a year in the middle, or repeats a date', () => {
    expect(refused(feedOf(EW_2023_2025.filter((d) => !d.startsWith('2024'))))).toMatch(/no england-and-wales bank holidays in 2024/);
    expect(refused(feedOf([...EW_2023_2025, '2025-12-26']))).toMatch(/2025-12-26 twice/);
  });

  it('refuses a feed that does not cover the years it must', () => {
    expect(refused(feedOf(EW_2023_2025), { requiredYears: { first: 2023, last: 2026 } })).toMatch(/covers 2023-2025 .* at least 2023-2026/);
    expect(parseBankHolidayFeed(feedOf(EW_2023_2025), { requiredYears: { first: 2024, last: 2025 } }).ok).toBe(true);
  });

  it('checks Scotland and Northern Ireland too, when present', () => {
    const feed = { ...feedOf(EW_2023_2025), scotland: { division: 'scotland', events: [event('2024-01-02')] } };
    expect(refused(feed)).toMatch(/1 scotland bank holidays in 2024/);
  });
});

describe('mergeBankHolidayFeeds', () => {
  it('replaces the years the update has, keeps every other year, and sorts', () => {
    const base = shippedBankHolidayFeed();
    // An update for 2025 only, with a made-up extra day on Fri 6 June 2025.
    const update = feedOf([...EW_2023_2025.filter((d) => d.startsWith('2025')), '2025-06-06']) as BankHolidayFeed;
    const merged = mergeBankHolidayFeeds(base, update);
    const ew = englandAndWalesHolidays(merged);
    expect(ew.has('2025-06-06')).toBe(true);
    expect(ew.has('2018-01-01')).toBe(true);
    expect(ew.has('2027-12-28')).toBe(true);
    expect([...ew].filter((d) => d.startsWith('2025'))).toHaveLength(9);
    const dates = merged['england-and-wales'].events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    // Scotland and Northern Ireland, not in the update, are kept as they were.
    expect(merged.scotland?.events).toEqual(base.scotland?.events);
  });

  it('moves a holiday that the update moved, instead of keeping both days', () => {
    const base = feedOf(EW_2023_2025) as BankHolidayFeed;
    const moved = EW_2023_2025.filter((d) => d.startsWith('2024')).map((d) => (d === '2024-05-06' ? '2024-05-08' : d));
    const ew = englandAndWalesHolidays(mergeBankHolidayFeeds(base, feedOf(moved) as BankHolidayFeed));
    expect(ew.has('2024-05-08')).toBe(true);
    expect(ew.has('2024-05-06')).toBe(false);
    expect(ew.has('2023-05-08')).toBe(true);
  });
});
