import type { TFunction } from 'i18next';
import type { Callback } from '../../shared/domain/callback';
import { londonClock, londonDate } from '../../shared/london-time';

const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long' });

/** "today 14:00 to 15:00", or "Monday 7 December 14:00 to 15:00": the window as the officer and the resident say it. */
export function windowWords(window: Pick<Callback, 'from' | 'to'>, t: TFunction, now = new Date()): string {
  const from = new Date(window.from);
  const day = londonDate(from) === londonDate(now) ? t('callbacks.today') : dayFormat.format(from);
  return t('callbacks.window', { day, from: londonClock(from), to: londonClock(new Date(window.to)) });
}
