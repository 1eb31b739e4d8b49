import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  bankHolidays,
  fromDayNumber,
  isoDateTime,
  isWorkingDay,
  toDayNumber,
  weekdayOf,
} from '../../../main/core/training/calendar';

const holidays = (year: number): string[] => [...bankHolidays(year)].sort((a, b) => a - b).map(fromDayNumber);

describe('training calendar', () => {
  it('formats day numbers exactly as Date does, across two centuries', () => {
    for (let day = toDayNumber('1900-01-01'); day <= toDayNumber('2100-12-31'); day += 17) {
      expect(fromDayNumber(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
      expect(weekdayOf(day)).toBe(new Date(day * 86_400_000).getUTCDay());
    }
    expect(fromDayNumber(toDayNumber('2024-02-29'))).toBe('2024-02-29');
  });

  it('formats instants as full ISO strings to the second', () => {
    const ms = Date.parse('2024-03-05T09:41:07.000Z');
    expect(isoDateTime(ms)).toBe('2024-03-05T09:41:07.000Z');
    expect(isoDateTime(Date.parse('1999-12-31T23:59:59.000Z'))).toBe('1999-12-31T23:59:59.000Z');
  });

  it('knows the England and Wales bank holidays for 2024 and 2025', () => {
    expect(holidays(2024)).toEqual([
      '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
    ]);
    expect(holidays(2025)).toEqual([
      '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
    ]);
  });

  it('moves and adds the one-off royal and state days', () => {
    expect(holidays(2022)).toEqual([
      '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19',
      '2022-12-26', '2022-12-27',
    ]);
    expect(holidays(2023)).toContain('2023-05-08');
    expect(holidays(2020)).toContain('2020-05-08');
    expect(holidays(2020)).not.toContain('2020-05-04');
  });

  it('gives substitute days when Christmas falls at a weekend', () => {
    expect(holidays(2021)).toEqual(expect.arrayContaining(['2021-12-27', '2021-12-28']));
    expect(holidays(2027)).toEqual(expect.arrayContaining(['2027-12-27', '2027-12-28']));
  });

  it('counts working days past weekends and Easter', () => {
    const thursday = toDayNumber('2025-04-17');
    // Good Friday, the weekend and Easter Monday are skipped.
    expect(fromDayNumber(addWorkingDays(thursday, 1))).toBe('2025-04-22');
    expect(fromDayNumber(addWorkingDays(toDayNumber('2025-06-06'), 5))).toBe('2025-06-13');
    expect(isWorkingDay(toDayNumber('2025-12-25'))).toBe(false);
    expect(isWorkingDay(toDayNumber('2025-12-24'))).toBe(true);
  });
});
