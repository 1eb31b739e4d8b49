import type { IsoDate } from '../domain/dates';
import { addCalendarDays, calendarDaysBetween, toDayNumber } from './iso-date';
import type { ServiceStandard } from './standards';
import { addWorkingDays, workingDaysBetween, type HolidaySet } from './working-days';

/**
 * The one place "due", "due soon" and "overdue" come from, so every screen, list and
 * report in the app agrees.
 */

/**
 * When a request received on `receivedOn` is due under `standard`.
 * - Working-day standards: addWorkingDays (the day of receipt is day 0; a request received
 *   on a weekend or bank holiday counts from the next working day). Always a working day.
 * - Calendar-day standards: receivedOn plus `days` calendar days, whatever day that is
 *   (subject access: received 31 January 2024, due 1 March 2024). No bank holiday data needed.
 */
export function dueDate(standard: Pick<ServiceStandard, 'days' | 'clock'>, receivedOn: IsoDate, holidays: HolidaySet): IsoDate {
  if (standard.clock === 'calendar') return addCalendarDays(receivedOn, standard.days);
  return addWorkingDays(receivedOn, standard.days, holidays);
}

export type StandardStatus = 'on-track' | 'due-soon' | 'overdue' | 'met';

export interface StandardStatusResult {
  status: StandardStatus;
  dueOn: IsoDate;
  /** Working days after today up to and including the due date; null once met or overdue. */
  workingDaysLeft: number | null;
  /** Calendar days past the due date (on `closedOn` if closed late, else today); 0 unless overdue. */
  daysOverdue: number;
}

export interface StandardStatusOptions {
  /** "Due soon" when this many working days or fewer are left (default 2; 0 = only on the day). */
  dueSoonWorkingDays?: number;
  /** The day the request was closed, if it has been. */
  closedOn?: IsoDate;
}

/**
 * Where a request stands against its due date on `today` (the London date: isoDateInLondon):
 * - 'met': closed on or before the due date;
 * - 'overdue': closed after the due date, or still open after it;
 * - 'due-soon': open, and at most `dueSoonWorkingDays` working days left (due today is 0 left);
 * - 'on-track': open, with more working days left than that.
 */
export function standardStatus(dueOn: IsoDate, today: IsoDate, holidays: HolidaySet, options: StandardStatusOptions = {}): StandardStatusResult {
  const { dueSoonWorkingDays = 2, closedOn } = options;
  if (!Number.isInteger(dueSoonWorkingDays) || dueSoonWorkingDays < 0) {
    throw new RangeError(`dueSoonWorkingDays must be a whole number, 0 or more, not ${dueSoonWorkingDays}`);
  }
  toDayNumber(dueOn);
  toDayNumber(today);
  if (closedOn !== undefined) {
    const late = calendarDaysBetween(dueOn, closedOn);
    return late <= 0 ? { status: 'met', dueOn, workingDaysLeft: null, daysOverdue: 0 } : { status: 'overdue', dueOn, workingDaysLeft: null, daysOverdue: late };
  }
  const late = calendarDaysBetween(dueOn, today);
  if (late > 0) return { status: 'overdue', dueOn, workingDaysLeft: null, daysOverdue: late };
  const left = workingDaysBetween(today, dueOn, holidays);
  return { status: left <= dueSoonWorkingDays ? 'due-soon' : 'on-track', dueOn, workingDaysLeft: left, daysOverdue: 0 };
}
