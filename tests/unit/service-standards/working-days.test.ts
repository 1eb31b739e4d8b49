import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  HolidayDataRangeError,
  holidayYears,
  InvalidIsoDateError,
  isIsoDate,
  isoDateInLondon,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  shippedHolidays,
  workingDaysBetween,
} from '../../../shared/service-standards';

// Every expected value below was worked out by hand from the calendar and the GOV.UK
// announcements, day by day in the comments; none was copied from the code's output.
const holidays = shippedHolidays();

describe('the shipped England and Wales bank holidays', () => {
  it('include the one-off days and the substitute days', () => {
    for (const date of ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08', '2020-12-28', '2021-12-27', '2021-12-28', '2022-01-03', '2022-12-27', '2023-01-02']) {
      expect(holidays.has(date), date).toBe(true);
    }
  });

  it('leave out the days those replaced, and weekend days GOV.UK does not list', () => {
    // 4 May 2020: early May moved to VE Day. 30 May 2022: spring moved to 2 June.
    // 25 Dec 2021 (Sat) and 1 Jan 2022 (Sat): GOV.UK lists only the substitute days.
    for (const date of ['2020-05-04', '2022-05-30', '2021-12-25', '2022-01-01']) expect(holidays.has(date), date).toBe(false);
  });

  it('cover 2018 to at least 2027', () => {
    const years = holidayYears(holidays);
    expect(years?.first).toBe(2018);
    expect(years?.last).toBeGreaterThanOrEqual(2027);
  });
});

describe('isWorkingDay', () => {
  it('is false at weekends', () => {
    expect(isWorkingDay('2024-03-09', holidays)).toBe(false); // Saturday
    expect(isWorkingDay('2024-03-10', holidays)).toBe(false); // Sunday
    expect(isWorkingDay('2024-03-08', holidays)).toBe(true); // Friday
    expect(isWorkingDay('2024-03-11', holidays)).toBe(true); // Monday
  });

  it('is false on bank holidays, substitute days and the 2022-2023 one-offs', () => {
    for (const date of ['2024-03-29', '2024-04-01', '2021-12-27', '2021-12-28', '2022-01-03', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) {
      expect(isWorkingDay(date, holidays), date).toBe(false);
    }
    // Christmas Eve is a normal working day; 29 Dec 2021 is the first working day after the substitutes.
    expect(isWorkingDay('2024-12-24', holidays)).toBe(true);
    expect(isWorkingDay('2021-12-29', holidays)).toBe(true);
    expect(isWorkingDay('2020-05-04', holidays)).toBe(true);
  });

  it('knows 29 February in a leap year', () => {
    expect(isWorkingDay('2024-02-29', holidays)).toBe(true); // Thursday
    expect(() => isWorkingDay('2023-02-29', holidays)).toThrow(InvalidIsoDateError);
  });
});

describe('addWorkingDays', () => {
  it('counts the day of receipt as day 0: Friday + 3 working days is Wednesday', () => {
    // Fri 8 Mar 2024: Mon 11 (1), Tue 12 (2), Wed 13 (3).
    expect(addWorkingDays('2024-03-08', 3, holidays)).toBe('2024-03-13');
    expect(addWorkingDays('2024-03-08', 0, holidays)).toBe('2024-03-08');
    expect(addWorkingDays('2024-03-08', 1, holidays)).toBe('2024-03-11');
  });

  it('treats a request received on a weekend as received on the next working day', () => {
    // Sat 9 / Sun 10 Mar 2024 count as received Mon 11: Tue 12 (1), Wed 13 (2), Thu 14 (3).
    expect(addWorkingDays('2024-03-09', 3, holidays)).toBe('2024-03-14');
    expect(addWorkingDays('2024-03-10', 3, holidays)).toBe('2024-03-14');
    expect(addWorkingDays('2024-03-09', 0, holidays)).toBe('2024-03-11');
  });

  it('treats a request received on a bank holiday as received on the next working day', () => {
    // Good Friday 29 Mar 2024 and Easter Monday 1 Apr: received counts as Tue 2 Apr; Wed 3 (1).
    expect(addWorkingDays('2024-03-29', 1, holidays)).toBe('2024-04-03');
  });

  it('skips Easter', () => {
    // Thu 28 Mar 2024: Fri 29 (Good Friday), Mon 1 Apr (Easter Monday), Tue 2 (1), Wed 3 (2), Thu 4 (3).
    expect(addWorkingDays('2024-03-28', 3, holidays)).toBe('2024-04-04');
  });

  it('skips the substitute days of Christmas 2021 and New Year 2022', () => {
    // Thu 23 Dec 2021: Fri 24 (1), Mon 27 & Tue 28 substitutes, Wed 29 (2), Thu 30 (3).
    expect(addWorkingDays('2021-12-23', 3, holidays)).toBe('2021-12-30');
    // Fri 31 Dec 2021: Mon 3 Jan 2022 substitute for New Year's Day, Tue 4 Jan (1).
    expect(addWorkingDays('2021-12-31', 1, holidays)).toBe('2022-01-04');
  });

  it('skips the Platinum Jubilee bank holidays, 2 and 3 June 2022', () => {
    // Tue 31 May 2022 is day 0: Wed 1 Jun (1), Thu 2 & Fri 3 Jubilee, Sat, Sun, Mon 6 (2), Tue 7 (3).
    expect(addWorkingDays('2022-05-31', 3, holidays)).toBe('2022-06-07');
    // Mon 30 May 2022 was an ordinary working day (the spring bank holiday moved to 2 June):
    // Fri 27 May: Mon 30 (1), Tue 31 (2), Wed 1 Jun (3).
    expect(addWorkingDays('2022-05-27', 3, holidays)).toBe('2022-06-01');
  });

  it('skips the State Funeral of Queen Elizabeth II, 19 September 2022', () => {
    // Fri 16 Sep 2022: Mon 19 funeral, Tue 20 (1).
    expect(addWorkingDays('2022-09-16', 1, holidays)).toBe('2022-09-20');
  });

  it('skips the Coronation of King Charles III, 8 May 2023, and early May the week before', () => {
    // Fri 28 Apr 2023: Mon 1 May holiday, Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4), Mon 8 Coronation, Tue 9 (5).
    expect(addWorkingDays('2023-04-28', 5, holidays)).toBe('2023-05-09');
    expect(addWorkingDays('2023-05-05', 1, holidays)).toBe('2023-05-09');
  });

  it('skips VE Day 2020 but not the Monday it replaced', () => {
    // Fri 1 May 2020: Mon 4 (1), Tue 5 (2), Wed 6 (3), Thu 7 (4), Fri 8 VE Day, Mon 11 (5).
    expect(addWorkingDays('2020-05-01', 5, holidays)).toBe('2020-05-11');
  });

  it('crosses Christmas and the New Year', () => {
    // Tue 23 Dec 2025: Wed 24 (1), Thu 25 & Fri 26 holidays, Sat, Sun, Mon 29 (2), Tue 30 (3).
    expect(addWorkingDays('2025-12-23', 3, holidays)).toBe('2025-12-30');
    // … Wed 31 (4), Thu 1 Jan 2026 holiday, Fri 2 Jan (5).
    expect(addWorkingDays('2025-12-23', 5, holidays)).toBe('2026-01-02');
    // Mon 16 Dec 2024 + 15: 17,18,19,20 (4), 23,24 (6), 25-26 holidays, 27 (7), 30,31 (9),
    // 1 Jan holiday, 2,3 (11), 6,7,8,9 (15).
    expect(addWorkingDays('2024-12-16', 15, holidays)).toBe('2025-01-09');
  });

  it('crosses 29 February in a leap year', () => {
    // Wed 28 Feb 2024: Thu 29 Feb (1), Fri 1 Mar (2). In 2023: Tue 28 Feb: Wed 1 Mar (1).
    expect(addWorkingDays('2024-02-28', 2, holidays)).toBe('2024-03-01');
    expect(addWorkingDays('2023-02-28', 1, holidays)).toBe('2023-03-01');
  });

  it('refuses a fraction or a negative number of days, and a date that is not a date', () => {
    expect(() => addWorkingDays('2024-03-08', 1.5, holidays)).toThrow(/whole number/);
    expect(() => addWorkingDays('2024-03-08', -1, holidays)).toThrow(/0 or more/);
    expect(() => addWorkingDays('8/3/2024', 1, holidays)).toThrow(InvalidIsoDateError);
    expect(() => addWorkingDays('2024-04-31', 1, holidays)).toThrow(InvalidIsoDateError);
  });

  it('does not shift a date whatever time zone the machine is in', () => {
    const original = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London', 'UTC']) {
        process.env.TZ = zone;
        expect(addWorkingDays('2024-03-29', 1, holidays), zone).toBe('2024-04-03');
        expect(addCalendarDays('2024-03-30', 1), zone).toBe('2024-03-31');
        expect(addCalendarDays('2024-10-26', 2), zone).toBe('2024-10-28');
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

describe('outside the bank holiday data', () => {
  it('throws rather than silently ignoring holidays it does not know', () => {
    const only2024 = new Set(['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26']);
    expect(isWorkingDay('2024-06-03', only2024)).toBe(true);
    expect(() => isWorkingDay('2025-01-02', only2024)).toThrow(HolidayDataRangeError);
    expect(() => isWorkingDay('2025-01-02', only2024)).toThrow(/2024-2024 only/);
    // Mon 23 Dec 2024 + 5: Tue 24 (1), 25-26 holidays, Fri 27 (2), Mon 30 (3), Tue 31 (4), then 2025: unknown.
    expect(() => addWorkingDays('2024-12-23', 5, only2024)).toThrow(HolidayDataRangeError);
    expect(() => workingDaysBetween('2023-12-29', '2024-01-03', only2024)).toThrow(HolidayDataRangeError);
    expect(() => isWorkingDay('2024-06-03', new Set())).toThrow(/No bank holiday data at all/);
  });

  it('throws past the end of the shipped data', () => {
    const last = holidayYears(holidays)?.last ?? 0;
    expect(() => addWorkingDays(`${last}-12-20`, 15, holidays)).toThrow(HolidayDataRangeError);
    expect(() => isWorkingDay('2017-06-01', holidays)).toThrow(HolidayDataRangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2024-03-08', '2024-03-13', holidays)).toBe(3); // Fri to Wed
    expect(workingDaysBetween('2024-03-13', '2024-03-08', holidays)).toBe(-3);
    expect(workingDaysBetween('2024-03-13', '2024-03-13', holidays)).toBe(0);
    expect(workingDaysBetween('2024-03-08', '2024-03-10', holidays)).toBe(0); // Fri to Sun
  });

  it('leaves out bank holidays and substitute days', () => {
    // Thu 23 Dec 2021 to Tue 4 Jan 2022: Fri 24, Wed 29, Thu 30, Fri 31, Tue 4 = 5.
    expect(workingDaysBetween('2021-12-23', '2022-01-04', holidays)).toBe(5);
  });

  it('gives the number of working days in whole years', () => {
    // 2022: starts Sat, 365 days = 260 weekdays; 10 bank holidays on weekdays -> 250.
    expect(workingDaysBetween('2021-12-31', '2022-12-31', holidays)).toBe(250);
    // 2023: starts Sun, 260 weekdays; 9 bank holidays (Coronation included) -> 251.
    expect(workingDaysBetween('2022-12-31', '2023-12-31', holidays)).toBe(251);
    // 2024: leap year starting Mon, 262 weekdays; 8 bank holidays -> 254.
    expect(workingDaysBetween('2023-12-31', '2024-12-31', holidays)).toBe(254);
  });
});

describe('calendar days and dates', () => {
  it('adds calendar days across month ends and leap years', () => {
    expect(addCalendarDays('2024-01-31', 30)).toBe('2024-03-01'); // 29 days to 29 Feb, then 1 Mar
    expect(addCalendarDays('2023-01-31', 30)).toBe('2023-03-02'); // 28 days to 28 Feb
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('knows a real date', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false); // 2100 is not a leap year
    expect(isIsoDate('2024-2-9')).toBe(false);
    expect(isIsoDate('2024-06-31')).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
  });

  it('finds the next working day', () => {
    expect(nextWorkingDayOnOrAfter('2022-06-02', holidays)).toBe('2022-06-06'); // Thu, Fri Jubilee, weekend
    expect(nextWorkingDayOnOrAfter('2022-06-06', holidays)).toBe('2022-06-06');
  });

  it("takes today's date in London, not the machine's zone", () => {
    expect(isoDateInLondon(new Date('2024-06-30T23:30:00Z'))).toBe('2024-07-01'); // 00:30 BST
    expect(isoDateInLondon(new Date('2024-12-31T23:30:00Z'))).toBe('2024-12-31'); // GMT
    expect(isoDateInLondon(new Date('2024-03-31T00:30:00Z'))).toBe('2024-03-31'); // before BST starts
  });
});
