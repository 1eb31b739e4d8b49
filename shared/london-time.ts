/**
 * Council days run on UK time. These helpers turn "today in London" into the UTC instants
 * Graph wants, and UTC instants into the HH:MM an officer reads, whatever the computer's zone.
 */
const LONDON = 'Europe/London';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function londonParts(at: Date): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts;
}

/** How far London's wall clock is ahead of UTC at that moment, in milliseconds (0 or 1 hour). */
function londonOffsetMs(at: Date): number {
  const p = londonParts(at);
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The London calendar date of a moment, as YYYY-MM-DD. */
export function londonDate(at: Date): string {
  const p = londonParts(at);
  return `${String(p.year)}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** A London wall-clock time on a date ('2026-11-27', 9, 30) as the UTC instant it is. */
export function londonWallTime(date: string, hour: number, minute = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = new Date(Date.UTC(y, m - 1, d, hour, minute));
  // The offset at the guess is right except in the hour the clocks change, which no council day uses.
  return new Date(guess.getTime() - londonOffsetMs(guess));
}

/** Midnight to midnight of the London day that `at` falls in, as UTC instants. */
export function londonDay(at: Date): { date: string; start: Date; end: Date } {
  const date = londonDate(at);
  const start = londonWallTime(date, 0);
  const next = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 1));
  return { date, start, end: londonWallTime(next.toISOString().slice(0, 10), 0) };
}

/** HH:MM on the London clock. */
export function londonClock(at: Date): string {
  const p = londonParts(at);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}
