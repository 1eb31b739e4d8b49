import { describe, expect, it } from 'vitest';
import { CALLBACK_REASON_MAX, callbackGroup, callbackProblems, ukPhoneNumber } from '../../../shared/domain/callback';
import { londonWallTime } from '../../../shared/london-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('where a call back stands (callbackGroup)', () => {
  const now = londonWallTime('2026-12-04', 11);
  const at = (hour: number, minute = 0, date = '2026-12-04') => londonWallTime(date, hour, minute).toISOString();
  const open = (from: string, to: string) => callbackGroup({ status: 'open', from, to }, now);

  it('overdue once its window has ended, however long ago', () => {
    expect(open(at(9), at(10))).toBe('overdue');
    expect(open(at(9, 0, '2026-11-20'), at(10, 0, '2026-11-20'))).toBe('overdue');
    // One millisecond past the end.
    expect(open(at(10), new Date(now.getTime() - 1).toISOString())).toBe('overdue');
  });

  it('due now from the first moment of its window to the last, both included', () => {
    expect(open(at(10, 30), at(12))).toBe('due-now');
    expect(open(at(11), at(12))).toBe('due-now');
    expect(open(at(10), at(11))).toBe('due-now');
  });

  it('later today while its window starts later on London’s day', () => {
    expect(open(new Date(now.getTime() + 1).toISOString(), at(12))).toBe('later-today');
    expect(open(at(23, 30), at(23, 59))).toBe('later-today');
    expect(open(at(0, 0, '2026-12-05'), at(1, 0, '2026-12-05'))).toBe('later');
    expect(open(at(9, 0, '2026-12-20'), at(10, 0, '2026-12-20'))).toBe('later');
  });

  it('uses London’s day, not UTC’s: in summer a window just after London’s midnight is tomorrow', () => {
    // 23:30 in London on 1 July (BST) is 22:30 UTC.
    const lateEvening = londonWallTime('2026-07-01', 23, 30);
    const summer = (from: Date) => callbackGroup({ status: 'open', from: from.toISOString(), to: new Date(from.getTime() + HOUR).toISOString() }, lateEvening);
    expect(summer(londonWallTime('2026-07-01', 23, 45))).toBe('later-today');
    // 00:15 on 2 July in London is still 1 July in UTC (23:15).
    const afterMidnight = londonWallTime('2026-07-02', 0, 15);
    expect(afterMidnight.toISOString().slice(0, 10)).toBe('2026-07-01');
    expect(summer(afterMidnight)).toBe('later');
  });

  it('in winter London is UTC: just before and after midnight', () => {
    const lateEvening = londonWallTime('2026-12-04', 23, 50);
    expect(callbackGroup({ status: 'open', from: at(23, 55), to: at(23, 59) }, lateEvening)).toBe('later-today');
    expect(callbackGroup({ status: 'open', from: at(0, 5, '2026-12-05'), to: at(1, 0, '2026-12-05') }, lateEvening)).toBe('later');
  });

  it('done is done, whatever its window', () => {
    expect(callbackGroup({ status: 'done', from: at(9), to: at(10) }, now)).toBe('done');
    expect(callbackGroup({ status: 'done', from: at(10), to: at(12) }, now)).toBe('done');
    expect(callbackGroup({ status: 'done', from: at(15), to: at(16) }, now)).toBe('done');
  });
});

describe('UK phone numbers as people write them (ukPhoneNumber)', () => {
  it('takes landlines and mobiles, with spaces, brackets, dashes and +44', () => {
    expect(ukPhoneNumber('020 7946 0000')).toBe('02079460000');
    expect(ukPhoneNumber('07700 900123')).toBe('07700900123');
    expect(ukPhoneNumber('07700900123')).toBe('07700900123');
    expect(ukPhoneNumber('+44 20 7946 0000')).toBe('02079460000');
    expect(ukPhoneNumber('+447700900123')).toBe('07700900123');
    expect(ukPhoneNumber('0044 7700 900123')).toBe('07700900123');
    expect(ukPhoneNumber('+44 (0)20 7946 0000')).toBe('02079460000');
    expect(ukPhoneNumber('+44 07700 900123')).toBe('07700900123');
    expect(ukPhoneNumber('(020) 7946-0000')).toBe('02079460000');
    expect(ukPhoneNumber('0113 496 0000')).toBe('01134960000');
    expect(ukPhoneNumber('0300 123 4567')).toBe('03001234567');
    expect(ukPhoneNumber(' 01632 960 001 ')).toBe('01632960001');
  });

  it('refuses what is not a UK landline or mobile', () => {
    expect(ukPhoneNumber('')).toBeNull();
    expect(ukPhoneNumber('999')).toBeNull();
    expect(ukPhoneNumber('12345')).toBeNull();
    // Premium rate and freephone are not numbers to call a resident back on.
    expect(ukPhoneNumber('09001 234567')).toBeNull();
    expect(ukPhoneNumber('0800 123 4567')).toBeNull();
    // Too short, too long, letters, another country.
    expect(ukPhoneNumber('020 7946 000')).toBeNull();
    expect(ukPhoneNumber('020 7946 00000')).toBeNull();
    expect(ukPhoneNumber('020 7946 OOOO')).toBeNull();
    expect(ukPhoneNumber('+33 1 23 45 67 89')).toBeNull();
    expect(ukPhoneNumber('+1 202 555 0100')).toBeNull();
  });
});

describe('what to put right in a call back (callbackProblems)', () => {
  const now = londonWallTime('2026-12-04', 11);
  const ok = { number: '020 7946 0000', reason: 'Rent arrears plan', from: londonWallTime('2026-12-04', 14).toISOString(), to: londonWallTime('2026-12-04', 15).toISOString() };
  const fields = (input: Partial<typeof ok>) => callbackProblems({ ...ok, ...input }, now).map((each) => each.field);
  const iso = (ms: number) => new Date(ms).toISOString();

  it('nothing, for a good one', () => {
    expect(callbackProblems(ok, now)).toEqual([]);
  });

  it('a number that is not a UK phone number, saying what one looks like', () => {
    expect(callbackProblems({ ...ok, number: '12345' }, now)).toEqual([{ field: 'number', message: 'Enter a UK phone number to call, like 020 7946 0000 or 07700 900123.' }]);
    expect(fields({ number: '' })).toEqual(['number']);
  });

  it('a reason of 1 to 150 characters, spaces not counted at the ends', () => {
    expect(CALLBACK_REASON_MAX).toBe(150);
    expect(callbackProblems({ ...ok, reason: '   ' }, now)).toEqual([{ field: 'reason', message: 'Say what the call back is about.' }]);
    expect(fields({ reason: 'x' })).toEqual([]);
    expect(fields({ reason: 'x'.repeat(150) })).toEqual([]);
    expect(fields({ reason: `  ${'x'.repeat(150)}  ` })).toEqual([]);
    expect(callbackProblems({ ...ok, reason: 'x'.repeat(151) }, now)).toEqual([{ field: 'reason', message: 'Say what it is about in 150 characters or fewer.' }]);
  });

  it('a start no more than 5 minutes past', () => {
    const to = iso(now.getTime() + HOUR);
    expect(fields({ from: iso(now.getTime() - 5 * MINUTE), to })).toEqual([]);
    expect(callbackProblems({ ...ok, from: iso(now.getTime() - 5 * MINUTE - 1), to }, now)).toEqual([{ field: 'from', message: 'That time has passed. Choose a time from now on.' }]);
  });

  it('a start within the next 30 days', () => {
    const from = now.getTime() + 30 * DAY;
    expect(fields({ from: iso(from), to: iso(from + HOUR) })).toEqual([]);
    expect(callbackProblems({ ...ok, from: iso(from + 1), to: iso(from + HOUR) }, now)).toEqual([{ field: 'from', message: 'Choose a time within the next 30 days.' }]);
  });

  it('an end after the start, and at most 4 hours after it', () => {
    const from = Date.parse(ok.from);
    expect(callbackProblems({ ...ok, to: ok.from }, now)).toEqual([{ field: 'to', message: 'The end of the window must be after its start.' }]);
    expect(fields({ to: iso(from - HOUR) })).toEqual(['to']);
    expect(fields({ to: iso(from + 4 * HOUR) })).toEqual([]);
    expect(callbackProblems({ ...ok, to: iso(from + 4 * HOUR + 1) }, now)).toEqual([{ field: 'to', message: 'Make the window 4 hours or shorter, so the resident knows when to expect the call.' }]);
  });

  it('times that are not times', () => {
    expect(callbackProblems({ ...ok, from: 'soon', to: 'later' }, now)).toEqual([
      { field: 'from', message: 'Choose when the call back can start.' },
      { field: 'to', message: 'Choose when the call back must be made by.' },
    ]);
  });

  it('every problem at once, in the order of the form', () => {
    expect(fields({ number: 'x', reason: '', from: iso(now.getTime() - DAY), to: iso(now.getTime() - 2 * DAY) })).toEqual(['number', 'reason', 'from', 'to']);
  });
});
