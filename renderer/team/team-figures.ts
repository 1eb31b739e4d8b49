import { ratesOf, type DayRange, type DrillDown, type TeamFigures, type TeamPeriodKind, type TeamView } from '../../shared/domain/team-measures';
import type { FigureTableData } from './figure-table';

type Translate = (key: string, values?: Record<string, unknown>) => string;

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const languageNames = new Intl.DisplayNames(['en-GB'], { type: 'language' });
const at = (day: string) => new Date(`${day}T00:00:00Z`);

/** A period in words: 'Today', 'Tue 1 Dec 2026', 'Week of 30 Nov', 'December 2026'. */
export function periodName(kind: TeamPeriodKind, range: DayRange, t: Translate, current: boolean): string {
  if (kind === 'today' && current) return t('team.period.todayName');
  if (kind === 'month') return monthFormat.format(at(range.from));
  if (kind === 'week') return t('team.period.weekOf', { day: shortDay.format(at(range.from)) });
  return dayFormat.format(at(range.from));
}

export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Seconds as '4 min 05 s', the way a team leader reads a handle time. */
export function duration(seconds: number | null, t: Translate): string {
  if (seconds === null) return t('team.noFigure');
  const minutes = Math.floor(seconds / 60);
  return minutes === 0 ? t('team.seconds', { seconds }) : t('team.minutesSeconds', { minutes, seconds: String(seconds % 60).padStart(2, '0') });
}

const percent = (value: number | null, t: Translate) => (value === null ? t('team.noFigure') : `${value}%`);
const count = (value: number) => value.toLocaleString('en-GB');

/** One of the council's measures: now, before, and the contacts behind it. */
export interface Measure {
  id: string;
  label: string;
  now: string;
  before: string;
  /** What it is out of, in words ('of 1,204 calls timed'). */
  basis: string;
  drillDown: DrillDown | null;
}

export function measuresOf(view: TeamView, t: Translate): Measure[] {
  const [now, before] = [ratesOf(view.now), ratesOf(view.before)];
  const m = (id: string, nowText: string, beforeText: string, basis: string, drillDown: DrillDown | null): Measure => ({ id, label: t(`team.measure.${id}`, { days: view.trueResolutionDays }), now: nowText, before: beforeText, basis, drillDown });
  const minutes = (figures: TeamFigures) => Object.values(figures.interpreting).reduce((sum, each) => sum + each.minutes, 0);
  const ratings = (figures: TeamFigures) => figures.feedback.good + figures.feedback.average + figures.feedback.poor;
  return [
    m('callsAnswered', count(view.now.calls), count(view.before.calls), t('team.basis.callsAnswered'), 'calls'),
    m('withinTarget', percent(now.answeredWithinTarget, t), percent(before.answeredWithinTarget, t), t('team.basis.callsTimed', { count: view.now.callsTimed }), 'answered-late'),
    m('averageWait', duration(now.averageWaitSeconds, t), duration(before.averageWaitSeconds, t), t('team.basis.callsTimed', { count: view.now.callsTimed }), null),
    m('visits', count(view.now.visits), count(view.before.visits), t('team.basis.visits'), null),
    m('emails', count(view.now.emails), count(view.before.emails), t('team.basis.emails'), null),
    m('resolvedRecorded', percent(now.resolvedRecorded, t), percent(before.resolvedRecorded, t), t('team.basis.resolution', { count: view.now.resolutionRecorded }), 'not-resolved'),
    m('resolvedTrue', percent(now.resolvedTrue, t), percent(before.resolvedTrue, t), t('team.basis.resolution', { count: view.now.resolutionRecorded }), 'contacted-again'),
    m('quality', percent(now.meetingQuality, t), percent(before.meetingQuality, t), t('team.basis.reviews', { count: view.now.qualityReviews }), null),
    m('satisfaction', percent(now.netSatisfaction, t), percent(before.netSatisfaction, t), t('team.basis.ratings', { count: ratings(view.now), good: view.now.feedback.good, average: view.now.feedback.average, poor: view.now.feedback.poor }), 'poor'),
    m('complaints', count(view.now.complaints), count(view.before.complaints), t('team.basis.recorded'), 'complaints'),
    m('compliments', count(view.now.compliments), count(view.before.compliments), t('team.basis.recorded'), 'compliments'),
    m('couldBeOnline', percent(now.couldBeOnline, t), percent(before.couldBeOnline, t), t('team.basis.channel', { count: view.now.channelAnswered }), 'could-be-online'),
    m('onlineOffered', percent(now.onlineOffered, t), percent(before.onlineOffered, t), t('team.basis.channel', { count: view.now.channelAnswered }), 'not-offered-online'),
    m('handleTime', duration(now.averageHandleSeconds, t), duration(before.averageHandleSeconds, t), t('team.basis.contacts', { count: view.now.contacts }), null),
    m('afterWork', duration(now.averageAfterWorkSeconds, t), duration(before.averageAfterWorkSeconds, t), t('team.basis.contacts', { count: view.now.contacts }), null),
    m('interpreting', t('team.minutes', { count: minutes(view.now) }), t('team.minutes', { count: minutes(view.before) }), t('team.basis.interpreted', { count: Object.values(view.now.interpreting).reduce((sum, each) => sum + each.contacts, 0) }), 'interpreted'),
  ];
}

/** The percentages beside the period before, as the comparison chart and its table show them. */
export function comparisonTable(view: TeamView, t: Translate, names: { now: string; before: string }): FigureTableData {
  const [now, before] = [ratesOf(view.now), ratesOf(view.before)];
  const rows: [string, number | null, number | null][] = [
    [t('team.measure.withinTarget'), now.answeredWithinTarget, before.answeredWithinTarget],
    [t('team.measure.resolvedRecorded'), now.resolvedRecorded, before.resolvedRecorded],
    [t('team.measure.resolvedTrue', { days: view.trueResolutionDays }), now.resolvedTrue, before.resolvedTrue],
    [t('team.measure.quality'), now.meetingQuality, before.meetingQuality],
    [t('team.measure.couldBeOnline'), now.couldBeOnline, before.couldBeOnline],
    [t('team.measure.onlineOffered'), now.onlineOffered, before.onlineOffered],
  ];
  return { title: t('team.chartOf.comparison', names), columns: [t('team.column.measure'), t('team.column.percentIn', { period: names.now }), t('team.column.percentIn', { period: names.before })], rows };
}

export function satisfactionTable(view: TeamView, t: Translate, names: { now: string; before: string }): FigureTableData {
  const ratings = ['good', 'average', 'poor'] as const;
  return {
    title: t('team.chartOf.satisfaction', names),
    columns: [t('team.column.rating'), names.now, names.before],
    rows: ratings.map((rating) => [t(`team.rating.${rating}`), view.now.feedback[rating], view.before.feedback[rating]]),
  };
}

export function serviceTable(view: TeamView, t: Translate, name: string): FigureTableData {
  return {
    title: t('team.chartOf.byService', { period: name }),
    columns: [t('team.column.service'), t('team.column.contacts'), t('team.column.couldBeOnline'), t('team.column.onlineOffered')],
    rows: view.byService.map((row) => [serviceName(row.service, t), row.contacts, percentOfOrNull(row.couldBeOnline, row.channelAnswered), percentOfOrNull(row.onlineOffered, row.channelAnswered)]),
  };
}

export function weeksTable(view: TeamView, t: Translate): FigureTableData {
  return {
    title: t('team.chartOf.weeks'),
    columns: [t('team.column.week'), t('team.column.contacts'), t('team.column.couldBeOnline'), t('team.column.onlineOffered')],
    rows: view.weeks.map((week) => [t('team.period.weekOf', { day: shortDay.format(at(week.from)) }), week.contacts, percentOfOrNull(week.couldBeOnline, week.channelAnswered), percentOfOrNull(week.onlineOffered, week.channelAnswered)]),
  };
}

export function interpretingTable(view: TeamView, t: Translate, name: string): FigureTableData {
  return {
    title: t('team.chartOf.interpreting', { period: name }),
    columns: [t('team.column.language'), t('team.column.minutes'), t('team.column.contacts')],
    rows: Object.entries(view.now.interpreting)
      .sort(([, a], [, b]) => b.minutes - a.minutes)
      .map(([code, figures]) => [languageName(code), figures.minutes, figures.contacts]),
  };
}

function percentOfOrNull(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((100 * part) / whole);
}

export function serviceName(service: string | null, t: Translate): string {
  if (service === null || service === 'not-known') return t('team.serviceNotKnown');
  const name = t(`services.${service}`, { defaultValue: service });
  return name.charAt(0).toUpperCase() + name.slice(1);
}
