import { londonClock, londonDate, londonWallTime } from '../../shared/london-time';

/** The window as the officer typed it (London date and times) as instants; null when not a time. */
export function windowOf(day: string, from: string, to: string): { from: string; to: string } | null {
  const at = (time: string) => {
    const match = /^(\d\d):(\d\d)$/.exec(time);
    return match && /^\d{4}-\d\d-\d\d$/.test(day) ? londonWallTime(day, Number(match[1]), Number(match[2])).toISOString() : null;
  };
  const start = at(from);
  const end = at(to);
  return start && end ? { from: start, to: end } : null;
}

/** The next quarter hour on London's clock, and an hour after it. */
export function firstWindow(now: Date): { day: string; from: string; to: string } {
  const start = new Date(Math.ceil(now.getTime() / 900_000) * 900_000);
  const end = new Date(Math.min(start.getTime() + 3_600_000, londonWallTime(londonDate(start), 23, 59).getTime()));
  return { day: londonDate(start), from: londonClock(start), to: londonClock(end) };
}

