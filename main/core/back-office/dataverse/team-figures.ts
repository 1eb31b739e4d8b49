import { emptyFigures, type ChannelShift, type DayRange, type DrillDown, type TeamContact, type TeamFigures, type TeamScope } from '../../../../shared/domain/team-measures';
import { addCalendarDays, calendarDaysBetween } from '../../../../shared/service-standards/iso-date';
import { isBackOfficeError } from '../errors';
import { CASE_SERVICE, CONTACT_STATE, FEEDBACK_RATING } from './choices';
import type { AdapterContext } from './context';
import { CONTACT_CHANNELS, contactTable } from './contact-recording';
import type { Row } from './row';
import { choice, dateTime, formatted, text } from './row';

/**
 * The Team place's figures, added up by Dataverse (OData $apply with groupby and aggregate),
 * never by bringing every contact to the PC. Dataverse refuses an aggregate over more than
 * 50,000 rows; a range it refuses is halved and each half asked again, down to one day, and
 * because every figure is a count or a sum the halves simply add up.
 */

/** Dataverse's "AggregateQueryRecordLimit exceeded" error code. */
const AGGREGATE_LIMIT = '0x8004e023';

/** The OData string literal for a value: single quotes doubled. */
const quoted = (value: string) => `'${value.replaceAll("'", "''")}'`;

function scopeFilter(scope: TeamScope, c: (name: string) => string): string | null {
  switch (scope.kind) {
    case 'centre':
      return null;
    case 'team':
      return `${c('team')} eq ${quoted(scope.team)}`;
    case 'queue':
      return `${c('queue')} eq ${quoted(scope.queue)}`;
    case 'officer':
      return `${c('capturedby')} eq ${quoted(scope.staffId)}`;
  }
}

type ContactChannelOf = (typeof CONTACT_CHANNELS)[number];

const and = (...parts: (string | null)[]) => parts.filter((part): part is string => part !== null).join(' and ');

/** Contacts in the range and scope that the same resident came back about, as a filter on cd_repeatcontacts. */
function repeatsIn(context: AdapterContext, scope: TeamScope, range: DayRange, extra: string | null = null): string {
  const c = context.names.custom;
  return and(`${c('contactday')} ge ${range.from}`, `${c('contactday')} le ${range.to}`, scopeFilter(scope, c), extra);
}

/** Completed contacts in the range and scope, as a filter. */
function contactsIn(context: AdapterContext, scope: TeamScope, range: DayRange, extra: string | null = null): string {
  const c = context.names.custom;
  return and(`${c('contactday')} ge ${range.from}`, `${c('contactday')} le ${range.to}`, 'statecode eq 1', scopeFilter(scope, c), extra);
}

function halves(range: DayRange): [DayRange, DayRange] {
  const days = calendarDaysBetween(range.from, range.to);
  const middle = addCalendarDays(range.from, Math.floor(days / 2));
  return [
    { from: range.from, to: middle },
    { from: addCalendarDays(middle, 1), to: range.to },
  ];
}

export interface AggregateCounter {
  /** Aggregate queries answered, and the group rows they brought. */
  queries: number;
  groups: number;
}

/**
 * One aggregate over a range, halving the range while Dataverse says it holds too many rows.
 * `filterFor` gives the $filter expression for a range; `shape` the groupby/aggregate part.
 */
async function aggregate(context: AdapterContext, entitySet: string, range: DayRange, filterFor: (range: DayRange) => string, shape: string, counter?: AggregateCounter): Promise<Row[]> {
  const apply = `filter(${filterFor(range)})/${shape}`;
  try {
    const { rows } = await context.client.readAll(`${entitySet}?$apply=${encodeURIComponent(apply)}`);
    if (counter) {
      counter.queries += 1;
      counter.groups += rows.length;
    }
    return rows;
  } catch (error) {
    if (isBackOfficeError(error) && error.code?.toLowerCase() === AGGREGATE_LIMIT && range.from !== range.to) {
      const [first, second] = halves(range);
      const [a, b] = await Promise.all([aggregate(context, entitySet, first, filterFor, shape, counter), aggregate(context, entitySet, second, filterFor, shape, counter)]);
      return [...a, ...b];
    }
    throw error;
  }
}

const numberOf = (row: Row, column: string): number => {
  const value = row[column];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
};
const flag = (row: Row, column: string): boolean | null => (row[column] === true ? true : row[column] === false ? false : null);

function serviceOf(row: Row, column: string): string {
  return choice(row, column, CASE_SERVICE) ?? 'not-known';
}

function addShift(into: Map<string, ChannelShift>, key: string, row: Row, c: (name: string) => string) {
  const shift = into.get(key) ?? { contacts: 0, channelAnswered: 0, couldBeOnline: 0, onlineOffered: 0 };
  const count = numberOf(row, 'contacts');
  const could = flag(row, c('couldbeonline'));
  shift.contacts += count;
  if (could !== null) shift.channelAnswered += count;
  if (could === true) shift.couldBeOnline += count;
  if (flag(row, c('onlinerouteoffered')) === true) shift.onlineOffered += count;
  into.set(key, shift);
}

/**
 * The measures for one scope over one range, and channel shift by service, from eight
 * aggregates: three on each activity table, one on quality reviews and one on repeat contacts.
 */
export async function teamFigures(context: AdapterContext, scope: TeamScope, range: DayRange, counter?: AggregateCounter): Promise<{ figures: TeamFigures; byService: Map<string, ChannelShift> }> {
  const c = context.names.custom;
  const figures = emptyFigures();
  const byService = new Map<string, ChannelShift>();
  const filter = (extra: string | null) => (part: DayRange) => contactsIn(context, scope, part, extra);
  // Every channel's contacts count alike (TeamFigures); only waits are the calls' own (below).
  const tables = CONTACT_CHANNELS.map((channel) => ({ channel, entitySet: contactTable(channel, context.names).entitySet }));

  const work = tables.flatMap(({ channel, entitySet }) => [
    aggregate(
      context,
      entitySet,
      range,
      filter(null),
      `groupby((${c('service')},${c('resolvedatfirstcontact')},${c('couldbeonline')},${c('onlinerouteoffered')}),aggregate($count as contacts,${c('handleseconds')} with sum as handleseconds,${c('afterworkseconds')} with sum as afterworkseconds))`,
      counter,
    ).then((rows) => {
      for (const row of rows) {
        const count = numberOf(row, 'contacts');
        figures.contacts += count;
        if (channel === 'phone') figures.calls += count;
        else if (channel === 'email') figures.emails += count;
        else figures.visits += count;
        figures.handleSeconds += numberOf(row, 'handleseconds');
        figures.afterWorkSeconds += numberOf(row, 'afterworkseconds');
        const resolved = flag(row, c('resolvedatfirstcontact'));
        if (resolved !== null) figures.resolutionRecorded += count;
        if (resolved === true) figures.resolvedRecorded += count;
        const could = flag(row, c('couldbeonline'));
        if (could !== null) figures.channelAnswered += count;
        if (could === true) figures.couldBeOnline += count;
        if (flag(row, c('onlinerouteoffered')) === true) figures.onlineOffered += count;
        addShift(byService, serviceOf(row, c('service')), row, c);
      }
    }),
    aggregate(context, entitySet, range, filter(null), `groupby((${c('feedback')},${c('disposition')}),aggregate($count as contacts))`, counter).then((rows) => {
      for (const row of rows) {
        const count = numberOf(row, 'contacts');
        const rating = choice(row, c('feedback'), FEEDBACK_RATING);
        if (rating) figures.feedback[rating] += count;
        const disposition = text(row, c('disposition'));
        if (disposition === 'complaint') figures.complaints += count;
        if (disposition === 'compliment') figures.compliments += count;
      }
    }),
    aggregate(context, entitySet, range, filter(`${c('interpreterminutes')} gt 0`), `groupby((${c('interpreterlanguage')}),aggregate(${c('interpreterminutes')} with sum as minutes,$count as contacts))`, counter).then((rows) => {
      for (const row of rows) {
        const language = text(row, c('interpreterlanguage')) ?? 'not-known';
        const kept = (figures.interpreting[language] ??= { minutes: 0, contacts: 0 });
        kept.minutes += numberOf(row, 'minutes');
        kept.contacts += numberOf(row, 'contacts');
      }
    }),
  ]);
  // Waits are for calls only.
  work.push(
    aggregate(context, 'phonecalls', range, filter(`${c('waitseconds')} ne null`), `groupby((${c('answeredwithintarget')}),aggregate($count as calls,${c('waitseconds')} with sum as waitseconds))`, counter).then((rows) => {
      for (const row of rows) {
        const count = numberOf(row, 'calls');
        figures.callsTimed += count;
        figures.waitSeconds += numberOf(row, 'waitseconds');
        if (flag(row, c('answeredwithintarget')) === true) figures.callsWithinTarget += count;
      }
    }),
  );
  // Reviews count on the day of the contact they review, in the contact's team and queue.
  const reviewFilter = (part: DayRange) => and(`${c('contactday')} ge ${part.from}`, `${c('contactday')} le ${part.to}`, scopeFilter(scope.kind === 'officer' ? { kind: 'officer', staffId: scope.staffId } : scope, (name) => (name === 'capturedby' ? c('staffid') : c(name))));
  work.push(
    aggregate(context, c('qualityreviews'), range, reviewFilter, `groupby((${c('passed')}),aggregate($count as reviews))`, counter).then((rows) => {
      for (const row of rows) {
        const count = numberOf(row, 'reviews');
        figures.qualityReviews += count;
        if (flag(row, c('passed')) === true) figures.qualityPassed += count;
      }
    }),
  );
  // Resolved as recorded, less those the resident came back about (contact-recording.ts).
  let repeated = 0;
  work.push(
    aggregate(context, c('repeatcontacts'), range, (part) => repeatsIn(context, scope, part, `${c('resolvedatfirstcontact')} eq true`), 'aggregate($count as contacts)', counter).then((rows) => {
      for (const row of rows) repeated += numberOf(row, 'contacts');
    }),
  );
  await Promise.all(work);
  figures.resolvedTrue = Math.max(0, figures.resolvedRecorded - repeated);
  return { figures, byService };
}

/** Channel shift for each range (the weeks of the trend), every channel together. */
export async function channelShiftOver(context: AdapterContext, scope: TeamScope, ranges: readonly DayRange[], counter?: AggregateCounter): Promise<ChannelShift[]> {
  const c = context.names.custom;
  const tables = CONTACT_CHANNELS.map((channel) => contactTable(channel, context.names).entitySet);
  return Promise.all(
    ranges.map(async (range) => {
      const totals = new Map<string, ChannelShift>();
      const answers = await Promise.all(
        tables.map((entitySet) =>
          aggregate(context, entitySet, range, (part) => contactsIn(context, scope, part), `groupby((${c('couldbeonline')},${c('onlinerouteoffered')}),aggregate($count as contacts))`, counter),
        ),
      );
      for (const row of answers.flat()) addShift(totals, 'all', row, c);
      return totals.get('all') ?? { contacts: 0, channelAnswered: 0, couldBeOnline: 0, onlineOffered: 0 };
    }),
  );
}

/** Who has recorded contacts in a range, in which team, and the queues used: what a team leader picks from. */
export async function recentTeams(context: AdapterContext, range: DayRange): Promise<{ officers: { staffId: string; name: string; team: string }[]; queues: string[] }> {
  const c = context.names.custom;
  const tables = CONTACT_CHANNELS.map((channel) => contactTable(channel, context.names).entitySet);
  const everyone: TeamScope = { kind: 'centre' };
  const [officerRows, queueRows] = await Promise.all([
    Promise.all(tables.map((entitySet) => aggregate(context, entitySet, range, (part) => contactsIn(context, everyone, part), `groupby((${c('team')},${c('capturedby')},_ownerid_value))`))),
    aggregate(context, 'phonecalls', range, (part) => contactsIn(context, everyone, part), `groupby((${c('queue')}))`),
  ]);
  // An officer's name is their Dataverse user's, the activity's owner.
  const officers = new Map<string, { staffId: string; name: string; team: string }>();
  for (const row of officerRows.flat()) {
    const staffId = text(row, c('capturedby'));
    const team = text(row, c('team'));
    if (staffId && team) officers.set(staffId, { staffId, team, name: formatted(row, '_ownerid_value') ?? staffId });
  }
  const queues = queueRows.map((row) => text(row, c('queue'))).filter((queue): queue is string => queue !== null);
  return { officers: [...officers.values()], queues: [...new Set(queues)].sort((a, b) => a.localeCompare(b)) };
}

/** Contacts open today in a scope (a call, visit or email in progress, or in wrap-up), and each officer's count today. */
export async function contactsToday(context: AdapterContext, scope: TeamScope, today: string): Promise<{ open: { staffId: string; channel: ContactChannelOf; state: 'in-progress' | 'wrap-up'; since: string }[]; completed: Map<string, number>; rows: number }> {
  const c = context.names.custom;
  const day = { from: today, to: today };
  const open: { staffId: string; channel: ContactChannelOf; state: 'in-progress' | 'wrap-up'; since: string }[] = [];
  const completed = new Map<string, number>();
  let rows = 0;
  await Promise.all(
    CONTACT_CHANNELS.map(async (channel) => {
      const { entitySet } = contactTable(channel, context.names);
      const openFilter = and(`${c('contactday')} eq ${today}`, 'statecode eq 0', scopeFilter(scope, c));
      const [openRows, counts] = await Promise.all([
        context.client.readAll(`${entitySet}?$select=activityid,actualstart,${c('capturedby')},${c('contactstate')}&$filter=${encodeURIComponent(openFilter)}&$orderby=actualstart desc`),
        aggregate(context, entitySet, day, (part) => contactsIn(context, scope, part), `groupby((${c('capturedby')}),aggregate($count as contacts))`),
      ]);
      rows += openRows.rows.length;
      for (const row of openRows.rows) {
        const staffId = text(row, c('capturedby'));
        const since = dateTime(row, 'actualstart');
        const state = choice(row, c('contactstate'), CONTACT_STATE);
        if (staffId && since && (state === 'in-progress' || state === 'wrap-up')) open.push({ staffId, channel, state, since });
      }
      for (const row of counts) {
        const staffId = text(row, c('capturedby'));
        if (staffId) completed.set(staffId, (completed.get(staffId) ?? 0) + numberOf(row, 'contacts'));
      }
    }),
  );
  return { open, completed, rows };
}

function drillFilter(drillDown: DrillDown, c: (name: string) => string, channel: 'phone' | 'face-to-face'): string | null | false {
  switch (drillDown) {
    case 'all':
      return null;
    case 'calls':
      return channel === 'phone' ? null : false;
    case 'answered-late':
      return channel === 'phone' ? `${c('answeredwithintarget')} eq false` : false;
    case 'not-resolved':
      return `${c('resolvedatfirstcontact')} eq false`;
    case 'contacted-again':
      // Read through cd_repeatcontacts (teamContacts).
      return null;
    case 'could-be-online':
      return `${c('couldbeonline')} eq true`;
    case 'not-offered-online':
      return `${c('couldbeonline')} eq true and ${c('onlinerouteoffered')} eq false`;
    case 'poor':
      return `${c('feedback')} eq ${FEEDBACK_RATING.value('poor')}`;
    case 'complaints':
      return `${c('disposition')} eq 'complaint'`;
    case 'compliments':
      return `${c('disposition')} eq 'compliment'`;
    case 'interpreted':
      return `${c('interpreterminutes')} gt 0`;
  }
}

/**
 * The contacts behind a figure, most recent first, at most `top`: a team leader's drill-down,
 * to review. Calls and visits only for now: the quality form and cd_qualityreview are for a
 * call or a visit (its lookups name one of the two), so an email listed here could not be reviewed.
 */
export async function teamContacts(context: AdapterContext, scope: TeamScope, range: DayRange, drillDown: DrillDown, service: string | null, top: number): Promise<TeamContact[]> {
  const c = context.names.custom;
  const serviceCode = service && CASE_SERVICE.codes.includes(service as never) ? CASE_SERVICE.value(service as never) : null;
  const columns = [
    'activityid',
    'actualstart',
    '_regardingobjectid_value',
    '_ownerid_value',
    c('capturedby'),
    c('team'),
    c('queue'),
    c('service'),
    c('waitseconds'),
    c('handleseconds'),
    c('disposition'),
    c('resolvedatfirstcontact'),
    c('couldbeonline'),
    c('onlinerouteoffered'),
    c('feedback'),
    c('interpreterlanguage'),
    c('outcomesummary'),
  ];
  const ofService = service === null ? null : serviceCode === null ? `${c('service')} eq null` : `${c('service')} eq ${serviceCode}`;
  // Resolved, but the resident came back: the contacts cd_repeatcontacts names, newest first.
  const again =
    drillDown === 'contacted-again'
      ? (await context.client.readAll(`${c('repeatcontacts')}?$select=${c('repeatcontactid')},${c('channel')}&$filter=${encodeURIComponent(repeatsIn(context, scope, range, and(`${c('resolvedatfirstcontact')} eq true`, ofService)))}&$orderby=${c('contactday')} desc&$top=${top}`)).rows
      : null;
  const lists = await Promise.all(
    (['phone', 'face-to-face'] as const).map(async (channel) => {
      const extra = drillFilter(drillDown, c, channel);
      if (extra === false) return [];
      const { entitySet } = contactTable(channel, context.names);
      let rows: Row[];
      if (again) {
        const ids = again.filter((row) => row[c('channel')] === channel).map((row) => String(row[c('repeatcontactid')]).toLowerCase());
        rows = await byIds(context, entitySet, columns, ids);
      } else {
        const filter = contactsIn(context, scope, range, and(extra, ofService) || null);
        rows = (await context.client.readAll(`${entitySet}?$select=${columns.join(',')}&$filter=${encodeURIComponent(filter)}&$orderby=actualstart desc&$top=${top}`)).rows;
      }
      return rows.map(
        (row): TeamContact => ({
          id: String(row.activityid).toLowerCase(),
          channel,
          staffId: text(row, c('capturedby')) ?? '',
          staffName: formatted(row, '_ownerid_value') ?? text(row, c('capturedby')) ?? '',
          team: text(row, c('team')),
          queue: text(row, c('queue')),
          service: choice(row, c('service'), CASE_SERVICE),
          answeredAt: dateTime(row, 'actualstart') ?? '',
          waitSeconds: typeof row[c('waitseconds')] === 'number' ? (row[c('waitseconds')] as number) : null,
          handleSeconds: typeof row[c('handleseconds')] === 'number' ? (row[c('handleseconds')] as number) : null,
          disposition: text(row, c('disposition')),
          resolvedAtFirstContact: flag(row, c('resolvedatfirstcontact')),
          contactedAgain: false,
          couldBeOnline: flag(row, c('couldbeonline')),
          onlineRouteOffered: flag(row, c('onlinerouteoffered')),
          feedback: choice(row, c('feedback'), FEEDBACK_RATING),
          interpreterLanguage: text(row, c('interpreterlanguage')),
          outcomeSummary: text(row, c('outcomesummary')) ?? '',
          identified: text(row, '_regardingobjectid_value') !== null,
        }),
      );
    }),
  );
  const contacts = lists
    .flat()
    .sort((a, b) => b.answeredAt.localeCompare(a.answeredAt))
    .slice(0, top);
  const followed = again ? new Set(contacts.map((contact) => contact.id)) : await repeatedOf(context, contacts.map((contact) => contact.id));
  return contacts.map((contact) => ({ ...contact, contactedAgain: followed.has(contact.id) }));
}

/** Ids to a filter in groups small enough for a URL. */
const ID_GROUP = 40;
const inGroups = (ids: readonly string[]) => Array.from({ length: Math.ceil(ids.length / ID_GROUP) }, (_, index) => ids.slice(index * ID_GROUP, (index + 1) * ID_GROUP));

/** These rows of a table, by id. */
async function byIds(context: AdapterContext, entitySet: string, columns: readonly string[], ids: readonly string[]): Promise<Row[]> {
  const groups = await Promise.all(
    inGroups(ids).map(async (group) => (await context.client.readAll(`${entitySet}?$select=${columns.join(',')}&$filter=${encodeURIComponent(`(${group.map((id) => `activityid eq ${id}`).join(' or ')})`)}`)).rows),
  );
  return groups.flat();
}

/** Which of these contacts the same resident came back about. */
async function repeatedOf(context: AdapterContext, ids: readonly string[]): Promise<Set<string>> {
  const c = context.names.custom;
  const key = c('repeatcontactid');
  const groups = await Promise.all(
    inGroups(ids).map(async (group) => (await context.client.readAll(`${c('repeatcontacts')}?$select=${key}&$filter=${encodeURIComponent(`(${group.map((id) => `${key} eq ${id}`).join(' or ')})`)}`)).rows),
  );
  return new Set(groups.flat().map((row) => String(row[key]).toLowerCase()));
}
