import type { StandardsClock } from '../scripts/use-standards';
import { isoDateInLondon } from '../../shared/service-standards';

/** The council's standard for answering an email to the contact centre (shared/service-standards/standards.ts). */
export const EMAIL_STANDARD = 'email-reply';

/** When an email received at `receivedAt` must be answered by, and how that stands today; null until the standards are known. */
export function emailDue(clock: StandardsClock | null, receivedAt: string): { dueOn: string; status: 'on-track' | 'due-soon' | 'overdue' | 'met' } | null {
  if (!clock || !receivedAt) return null;
  const dueOn = clock.dueOn(EMAIL_STANDARD, isoDateInLondon(new Date(receivedAt)));
  if (!dueOn) return null;
  return { dueOn, status: clock.status(dueOn).status };
}

/** "Tuesday 8 December": the day, as officers say it. */
export function dayWords(isoDate: string): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/London' });
}

/** "3 days ago", "2 hours ago", "just now": how long it has waited. */
export function waitedWords(receivedAt: string, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(receivedAt)) / 60_000));
  const format = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
  if (minutes < 60) return minutes < 1 ? 'just now' : format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}
