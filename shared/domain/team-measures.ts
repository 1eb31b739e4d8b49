import { addCalendarDays, toDayNumber } from '../service-standards/iso-date';
import type { IsoDate, IsoDateTime } from './dates';
import type { Availability } from '../contract/microsoft365';
import type { FeedbackRating } from './interaction';
import type { AgentState } from './agent-state';

/**
 * The council's contact-centre measures for a team, a queue or an officer over a period
 * (domain brief, "Measures"), as sums: Dataverse adds them up on the server, a day or a week
 * at a time, and sums of sums are sums. Percentages and averages are worked out from them
 * only when shown, so a figure is never an average of averages.
 */
export interface TeamFigures {
  /**
   * Completed contacts: calls, visits and emails from the contact mailbox. An email answered is
   * a contact like the others, so it counts in contacts handled, handle time, first-contact
   * resolution and channel shift; waits and answer-within-target are the telephony's, for calls only.
   */
  contacts: number;
  visits: number;
  calls: number;
  emails: number;
  /** Calls whose wait is known, and how many of those were answered within 180 seconds. */
  callsTimed: number;
  callsWithinTarget: number;
  waitSeconds: number;
  /** Contacts whose wrap-up said whether it was resolved at first contact, and those it said yes. */
  resolutionRecorded: number;
  resolvedRecorded: number;
  /** Of those resolved, the ones the same resident did not contact again about within the window. */
  resolvedTrue: number;
  /** Contacts whose wrap-up answered the channel-shift questions. */
  channelAnswered: number;
  couldBeOnline: number;
  onlineOffered: number;
  handleSeconds: number;
  afterWorkSeconds: number;
  feedback: Record<FeedbackRating, number>;
  complaints: number;
  compliments: number;
  qualityReviews: number;
  qualityPassed: number;
  /** Interpreted minutes and contacts by language code. */
  interpreting: Record<string, { minutes: number; contacts: number }>;
}

export function emptyFigures(): TeamFigures {
  return {
    contacts: 0,
    visits: 0,
    calls: 0,
    emails: 0,
    callsTimed: 0,
    callsWithinTarget: 0,
    waitSeconds: 0,
    resolutionRecorded: 0,
    resolvedRecorded: 0,
    resolvedTrue: 0,
    channelAnswered: 0,
    couldBeOnline: 0,
    onlineOffered: 0,
    handleSeconds: 0,
    afterWorkSeconds: 0,
    feedback: { good: 0, average: 0, poor: 0 },
    complaints: 0,
    compliments: 0,
    qualityReviews: 0,
    qualityPassed: 0,
    interpreting: {},
  };
}

/** The channel-shift questions for one service, or one week. */
export interface ChannelShift {
  contacts: number;
  channelAnswered: number;
  couldBeOnline: number;
  onlineOffered: number;
}

/** Whole percent, or null when there is nothing to measure (shown as "no contacts yet", never 0%). */
export const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((100 * part) / whole));

/** Whole seconds on average, or null with nothing to average. */
export const averageOf = (total: number, count: number): number | null => (count === 0 ? null : Math.round(total / count));

/** The figures as people read them. */
export interface TeamRates {
  answeredWithinTarget: number | null;
  averageWaitSeconds: number | null;
  resolvedRecorded: number | null;
  resolvedTrue: number | null;
  meetingQuality: number | null;
  /** Good less poor, as a share of every rating: GovMetric's net figure. */
  netSatisfaction: number | null;
  couldBeOnline: number | null;
  onlineOffered: number | null;
  averageHandleSeconds: number | null;
  averageAfterWorkSeconds: number | null;
}

export function ratesOf(figures: TeamFigures): TeamRates {
  const ratings = figures.feedback.good + figures.feedback.average + figures.feedback.poor;
  return {
    answeredWithinTarget: percentOf(figures.callsWithinTarget, figures.callsTimed),
    averageWaitSeconds: averageOf(figures.waitSeconds, figures.callsTimed),
    resolvedRecorded: percentOf(figures.resolvedRecorded, figures.resolutionRecorded),
    resolvedTrue: percentOf(figures.resolvedTrue, figures.resolutionRecorded),
    meetingQuality: percentOf(figures.qualityPassed, figures.qualityReviews),
    netSatisfaction: percentOf(figures.feedback.good - figures.feedback.poor, ratings),
    couldBeOnline: percentOf(figures.couldBeOnline, figures.channelAnswered),
    onlineOffered: percentOf(figures.onlineOffered, figures.channelAnswered),
    averageHandleSeconds: averageOf(figures.handleSeconds, figures.contacts),
    averageAfterWorkSeconds: averageOf(figures.afterWorkSeconds, figures.contacts),
  };
}

export const TEAM_PERIOD_KINDS = ['today', 'day', 'week', 'month'] as const;
export type TeamPeriodKind = (typeof TEAM_PERIOD_KINDS)[number];

/** A run of whole days, both ends included. */
export interface DayRange {
  from: IsoDate;
  to: IsoDate;
}

/** Monday of the week a day is in: the council's weeks start on Monday. */
export function mondayOf(day: IsoDate): IsoDate {
  // Day number 0 (1970-01-01) was a Thursday.
  const weekday = (((toDayNumber(day) + 3) % 7) + 7) % 7;
  return addCalendarDays(day, -weekday);
}

function monthRange(day: IsoDate): DayRange {
  const [year = 0, month = 1] = day.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = day.slice(0, 8);
  return { from: `${prefix}01`, to: `${prefix}${String(last).padStart(2, '0')}` };
}

/**
 * The period a view shows and the one beside it. A day is set beside the same weekday a week
 * earlier (Mondays are not like Fridays); a week beside the week before; a month beside the
 * month before. "Today" is a day that is still going on.
 */
export function periodsOf(kind: TeamPeriodKind, day: IsoDate): { current: DayRange; previous: DayRange } {
  switch (kind) {
    case 'today':
    case 'day':
      return { current: { from: day, to: day }, previous: { from: addCalendarDays(day, -7), to: addCalendarDays(day, -7) } };
    case 'week': {
      const monday = mondayOf(day);
      return { current: { from: monday, to: addCalendarDays(monday, 6) }, previous: { from: addCalendarDays(monday, -7), to: addCalendarDays(monday, -1) } };
    }
    case 'month': {
      const current = monthRange(day);
      return { current, previous: monthRange(addCalendarDays(current.from, -1)) };
    }
  }
}

/** The eight weeks, Monday to Sunday, ending with the week a day is in: the channel-shift trend. */
export function trendWeeks(day: IsoDate, weeks = 8): DayRange[] {
  const last = mondayOf(day);
  return Array.from({ length: weeks }, (_, index) => {
    const from = addCalendarDays(last, -7 * (weeks - 1 - index));
    return { from, to: addCalendarDays(from, 6) };
  });
}

/** Whom the figures are about. */
export type TeamScope = { kind: 'centre' } | { kind: 'team'; team: string } | { kind: 'queue'; queue: string } | { kind: 'officer'; staffId: string };

/** The Team place's view: the period and the one beside it, by service, and the weeks before. */
export interface TeamView {
  scope: TeamScope;
  kind: TeamPeriodKind;
  current: DayRange;
  previous: DayRange;
  now: TeamFigures;
  before: TeamFigures;
  byService: ({ service: string } & ChannelShift)[];
  weeks: (DayRange & ChannelShift)[];
  trueResolutionDays: number;
  refreshedAt: IsoDateTime;
}

/** What an officer is doing now, from the contacts open under their name today. */
export type OfficerActivity = 'on-a-call' | 'with-a-visitor' | 'handling-an-email' | 'wrapping-up' | 'no-open-contact';

export interface OfficerNow {
  staffId: string;
  name: string;
  activity: OfficerActivity;
  /** When the open contact started, or null. */
  since: IsoDateTime | null;
  /** Teams presence, or null when this computer is not signed in to Microsoft 365. */
  presence: Availability | null;
  contactsToday: number;
  /** Their latest state recorded today (cd_agentstate) and when it began, or null if none is. Absent where the back office keeps none. */
  recordedState?: { state: AgentState; since: IsoDateTime } | null;
}

/** The measures a drill-down lists the contacts behind. */
export const DRILL_DOWNS = ['all', 'calls', 'answered-late', 'not-resolved', 'contacted-again', 'could-be-online', 'not-offered-online', 'poor', 'complaints', 'compliments', 'interpreted'] as const;
export type DrillDown = (typeof DRILL_DOWNS)[number];

/** One contact behind a figure: what a team leader needs to see and to review it, nothing about the resident. */
export interface TeamContact {
  id: string;
  channel: 'phone' | 'face-to-face';
  staffId: string;
  staffName: string;
  team: string | null;
  queue: string | null;
  service: string | null;
  answeredAt: IsoDateTime;
  waitSeconds: number | null;
  handleSeconds: number | null;
  disposition: string | null;
  resolvedAtFirstContact: boolean | null;
  contactedAgain: boolean;
  couldBeOnline: boolean | null;
  onlineRouteOffered: boolean | null;
  feedback: FeedbackRating | null;
  interpreterLanguage: string | null;
  outcomeSummary: string;
  /** Whether a resident was identified: who, is not shown here. */
  identified: boolean;
}
