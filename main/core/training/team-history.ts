import type { CaseService } from '../../../shared/domain/case';
import { ANSWER_TARGET_SECONDS } from '../../../shared/domain/interaction';
import type { ContactOutcome } from '../../../shared/domain/contact';
import { isoDateInLondon } from '../../../shared/service-standards/iso-date';
import { CASE_SERVICE, CONTACT_OUTCOME, CONTACT_OUTCOME_KIND, CONTACT_STATE, FEEDBACK_RATING } from '../back-office/dataverse/choices';
import type { TableNames } from '../back-office/dataverse/names';
import { DEFAULT_QUEUE_SERVICES, DEFAULT_TRUE_RESOLUTION_DAYS } from '../config/deployment-config';
import { fromDayNumber, isWorkingDay, toDayNumber, weekdayOf } from './calendar';
import { rowIdFor } from './dataverse/row-ids';
import type { StandInRow } from './dataverse/rows-people';
import { dramaLandline, dramaMobile } from './people';
import { createRandom, deriveSeed, pickWeighted, weightedTable, type Random, type WeightedTable } from './random';
import type { TrainingDataset } from './types';
import type { QualityForm } from '../../../shared/quality/quality-form';
import { qualityHistoryRows } from './quality-history';

/**
 * Eight weeks of the contact centre's own history: every call and service-point visit the
 * borough's officers handled, as CivicDesk records them (contact-recording.ts), so a team
 * leader's Team place has believable figures on a fresh training machine. The shapes are
 * the ones a real centre shows: Mondays busiest, a morning peak, waits growing over the
 * lunch hours, repeat callers, and a little more channel shift each week.
 */

export const DEFAULT_TEAM_HISTORY_CONTACTS = 60_000;

export interface TeamHistoryOptions {
  /** About how many contacts in all, over the eight weeks; the default is about 1,500 a working day. */
  contacts?: number;
  /** The council's quality form: given, team leaders' reviews of a sample of the contacts come too. */
  qualityForm?: QualityForm | null;
}

export type TeamHistoryDisposition =
  | 'resolved-info'
  | 'resolved-transaction'
  | 'case-raised'
  | 'signposted-online'
  | 'transferred'
  | 'complaint'
  | 'compliment'
  | 'emergency'
  | 'call-dropped'
  | 'wrong-number';

type OutcomeKind = (typeof CONTACT_OUTCOME_KIND.codes)[number];
type Rating = (typeof FEEDBACK_RATING.codes)[number];

/** One contact before it becomes rows, with the notional caller the rows do not carry. */
export interface TeamHistoryContact {
  /** 1, 2, 3… in the order answered: the row's id is made from it. */
  number: number;
  channel: 'phone' | 'face-to-face';
  /** The notional caller: the same number is the same person, across the eight weeks. */
  caller: number;
  /** The caller's number, on calls; visits have none. */
  phoneNumber: string | null;
  /** The London day it was answered, as a day number and as 'YYYY-MM-DD'. */
  day: number;
  contactDay: string;
  /** When it was answered, in milliseconds since the epoch. */
  answeredAt: number;
  /** Seconds in the queue; null for a visit. */
  waitSeconds: number | null;
  handleSeconds: number;
  afterWorkSeconds: number;
  staffId: string;
  team: string;
  queue: string;
  service: CaseService;
  disposition: TeamHistoryDisposition;
  notes: string;
  /** Null when the wrap-up was complete. */
  incompleteReason: string | null;
  /** Null, with the next two, when the wrap-up was saved incomplete. */
  resolvedAtFirstContact: boolean | null;
  couldBeOnline: boolean | null;
  onlineRouteOffered: boolean | null;
  feedback: Rating | null;
  interpreter: { language: string; supplierId: string; interpreterId: string; minutes: number } | null;
  /** The same caller came back about the same service within the true-resolution days (7 × 24 hours). */
  contactedAgain: boolean;
  /** The day they came back, when they did. */
  contactedAgainOn: string | null;
}

const HISTORY_DAYS = 56;
const DAY_MS = 86_400_000;
const HOUR = 3600;
const VISIT_SHARE = 0.09;
const TEAM_LEADER_SHARE = 0.02;
const ABSENT = 0.08;
/** Of all contacts, the share that are the same caller about the same service again within a week, and after it. */
const REPEAT_WITHIN_DAYS = 0.125;
const REPEAT_LATER = 0.03;
const INCOMPLETE = 0.01;
const INTERPRETED = 0.03;
const FEEDBACK_OFFERED = 0.42;

/** Busier at the start of the week; a day after a bank holiday takes the holiday's calls too. */
const DAY_VOLUME = [0, 1.27, 1.06, 1.0, 0.96, 0.86, 0];
const AFTER_HOLIDAY = 1.2;

/** Calls answered by hour: the morning peak, a dip over lunch. */
const CALL_HOURS = weightedTable([[9, 15], [10, 16], [11, 14], [12, 12], [13, 11], [14, 12], [15, 11], [16, 9]] as const);
/** Service points see people 09:00 to 16:00, by appointment, fewer over lunch. */
const VISIT_HOURS = weightedTable([[9, 14], [10, 16], [11, 16], [12, 11], [13, 11], [14, 16], [15, 16]] as const);
/** The mean wait at each hour, against the day's: staff take lunch 12:00 to 14:00, so the queue grows. */
const WAIT_BY_HOUR: Readonly<Record<number, number>> = { 9: 0.95, 10: 1.05, 11: 1.0, 12: 1.5, 13: 1.6, 14: 1.05, 15: 0.8, 16: 0.7 };
/** Seconds: about 80% of calls within the 180-second target on an ordinary day, about 65% on a Monday. */
const MEAN_WAIT = 105;
const MONDAY_WAIT = 1.6;
const LONGEST_WAIT = 1800;
const NO_WAIT = 4095;

const QUEUE_SHARE: Readonly<Record<string, number>> = {
  'Waste and recycling': 30,
  'Council tax': 25,
  'Housing repairs': 20,
  Parking: 10,
  'General enquiries': 15,
};
/** Within a queue of several services; a service not named here has a share of 1. */
const SERVICE_SHARE: Partial<Record<CaseService, number>> = { 'housing-repairs': 85, 'pest-control': 15, 'community-hub': 55, 'noise-nuisance': 30, complaints: 15 };

/** How much of each service's business could have been done online: most missed bins and permits, few repairs. */
const COULD_BE_ONLINE: Partial<Record<CaseService, number>> = {
  waste: 0.39,
  parking: 0.42,
  'council-tax': 0.35,
  'housing-repairs': 0.04,
  'pest-control': 0.12,
  'community-hub': 0.15,
  'noise-nuisance': 0.2,
  complaints: 0.06,
};
/** Officers offer the online route to more of those each week (the channel-shift drive). */
const OFFERED_AT_START = 0.46;
const OFFERED_WEEKLY_RISE = 0.025;
const OFFERED_ANYWAY = 0.05;

interface DispositionFacts {
  /** The history outcome (cd_outcome) it reads as. */
  outcome: ContactOutcome;
  /** The script outcome (cd_outcomes), if a script ended that way. */
  kind: OutcomeKind | null;
  resolved: boolean;
  /** The script outcome's summary, after the service's name. */
  summary: string;
  notes: readonly string[];
}

const DISPOSITIONS: Readonly<Record<TeamHistoryDisposition, DispositionFacts>> = {
  'resolved-info': { outcome: 'resolved-first-contact', kind: 'resolved', resolved: true, summary: 'information given', notes: ['Explained and caller happy.', 'Gave the dates asked for.', 'Answered the question; nothing more needed.'] },
  'resolved-transaction': { outcome: 'resolved-first-contact', kind: 'resolved', resolved: true, summary: 'request completed on the call', notes: ['Done on the call.', 'Updated the account while the caller waited.', 'Payment taken and confirmed.'] },
  'case-raised': { outcome: 'case-raised', kind: 'create-case', resolved: false, summary: 'case raised', notes: ['Case raised; reference given.', 'Reported to the service; caller told what happens next.'] },
  'signposted-online': { outcome: 'signposted-online', kind: 'signpost', resolved: true, summary: 'shown how to do it online', notes: ['Walked through the online form.', 'Sent the link; caller will do it online.'] },
  transferred: { outcome: 'transferred', kind: 'transfer', resolved: false, summary: 'transferred to the service', notes: ['Warm transfer to the service team.', 'Needed a specialist; transferred.'] },
  complaint: { outcome: 'case-raised', kind: 'create-case', resolved: false, summary: 'complaint recorded', notes: ['Complaint recorded; stage 1 explained.', 'Unhappy with the service; complaint logged.'] },
  compliment: { outcome: 'no-further-action', kind: null, resolved: true, summary: '', notes: ['Wanted to thank the crew.', 'Compliment for the officer; passed on.'] },
  emergency: { outcome: 'escalated', kind: 'emergency', resolved: false, summary: 'emergency escalated', notes: ['Emergency repair; passed to the out-of-hours team.', 'Urgent; escalated at once.'] },
  'call-dropped': { outcome: 'no-further-action', kind: null, resolved: false, summary: '', notes: ['Line went dead.', 'Caller rang off.'] },
  'wrong-number': { outcome: 'no-further-action', kind: null, resolved: true, summary: '', notes: ['Not a council matter; gave the right number.', 'Wrong number.'] },
};

const DISPOSITION_SHARE: Readonly<Record<TeamHistoryDisposition, number>> = {
  'resolved-info': 35,
  'resolved-transaction': 15,
  'case-raised': 24,
  'signposted-online': 12,
  transferred: 6,
  complaint: 1.5,
  compliment: 0.7,
  emergency: 0,
  'call-dropped': 2,
  'wrong-number': 3,
};
/** Each queue's own mix, averaging to the centre's: repairs raise cases and emergencies and are seldom done online, council tax is done on the call. */
const QUEUE_DISPOSITIONS: Readonly<Record<string, Partial<Record<TeamHistoryDisposition, number>>>> = {
  'Waste and recycling': { 'resolved-transaction': 12, 'case-raised': 28, 'signposted-online': 15 },
  'Housing repairs': { 'resolved-info': 31, 'resolved-transaction': 6, 'case-raised': 36, 'signposted-online': 6, emergency: 2.5 },
  'Council tax': { 'resolved-transaction': 26, 'case-raised': 14 },
  Parking: { 'resolved-transaction': 22, 'case-raised': 18, 'signposted-online': 15 },
  'General enquiries': { 'resolved-info': 39, 'resolved-transaction': 8 },
};

const INCOMPLETE_REASONS = ['Caller rang off before the questions were done.', 'System slow; saved to take the next call.', 'Not sure which outcome fits; asked the team leader.'];

/** Feedback after a long wait is poorer. */
const RATINGS = weightedTable<Rating>([['good', 75], ['average', 18], ['poor', 7]]);
const RATINGS_AFTER_LONG_WAIT = weightedTable<Rating>([['good', 60], ['average', 19], ['poor', 21]]);

/** Languages the borough most often needs an interpreter for; all are in the app's language table. */
const INTERPRETED_LANGUAGES = weightedTable([['es', 16], ['so', 12], ['pt', 10], ['ar', 10], ['yue', 10], ['bn', 9], ['ti', 9], ['yo', 8], ['pl', 8], ['tr', 8]] as const);
/** The training interpreting line's supplier (interpreter-lines.ts). */
const INTERPRETER_SUPPLIER = 'languageline';

const CALL_LABEL: Partial<Record<CaseService, string>> = {
  waste: 'Waste and recycling',
  'housing-repairs': 'Housing repairs',
  'pest-control': 'Pest control',
  'council-tax': 'Council tax',
  parking: 'Parking',
  'noise-nuisance': 'Noise',
  complaints: 'Complaints',
  'community-hub': 'Community hub',
};

interface Officer {
  id: string;
  team: string;
  /** How long this officer's calls run, against the centre's: some are quicker than others. */
  pace: number;
}

/** Where the staff are on one day: who is in, and when each is next free (seconds after London midnight). */
interface Shift {
  officers: Officer[];
  freeAt: number[];
}

/** The London clock's lead on UTC that day, in seconds: clocks change at 01:00 UTC on a Sunday, so one figure holds all working day. */
const londonHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });
function londonLeadSeconds(day: number): number {
  return (Number(londonHour.format(new Date(day * DAY_MS + 12 * HOUR * 1000))) - 12) * HOUR;
}

/** The working days of the eight weeks before the data set's day, oldest first. */
function historyDays(dataset: TrainingDataset): number[] {
  const today = toDayNumber(isoDateInLondon(new Date(dataset.generatedAt)));
  const days: number[] = [];
  for (let day = today - HISTORY_DAYS; day < today; day += 1) if (isWorkingDay(day)) days.push(day);
  return days;
}

/** Each day's contacts, summing exactly to the total asked for. */
function dailyCounts(random: Random, days: readonly number[], total: number): number[] {
  const weights = days.map((day) => (DAY_VOLUME[weekdayOf(day)] ?? 1) * (!isWorkingDay(day - 1) && weekdayOf(day) !== 1 ? AFTER_HOLIDAY : 1) * (0.94 + random.next() * 0.12));
  const sum = weights.reduce((a, b) => a + b, 0);
  let before = 0;
  let running = 0;
  return weights.map((weight) => {
    running += weight;
    const upTo = Math.round((running / sum) * total);
    const count = upTo - before;
    before = upTo;
    return count;
  });
}

function shiftOf(random: Random, officers: readonly Officer[]): Shift {
  const present = officers.filter(() => !random.chance(ABSENT));
  const chosen = present.length > 0 ? present : [...officers];
  return { officers: chosen, freeAt: chosen.map(() => 0) };
}

/** A free officer if there is one, starting from a random seat; otherwise whoever is free soonest. */
function takeOfficer(random: Random, shift: Shift, at: number): number {
  const seats = shift.officers.length;
  const start = random.int(0, seats - 1);
  let soonest = start;
  for (let step = 0; step < seats; step += 1) {
    const seat = (start + step) % seats;
    if ((shift.freeAt[seat] ?? 0) <= at) return seat;
    if ((shift.freeAt[seat] ?? 0) < (shift.freeAt[soonest] ?? 0)) soonest = seat;
  }
  return soonest;
}

/** An exponential draw: most waits and calls short, a long tail. */
const exponential = (random: Random, mean: number): number => -mean * Math.log(1 - random.next());

function handleSeconds(random: Random, disposition: TeamHistoryDisposition, pace: number): number {
  if (disposition === 'wrong-number') return random.int(180, 240);
  if (disposition === 'call-dropped') return random.int(180, 300);
  return Math.min(720, 180 + Math.round(exponential(random, 140) * pace));
}

function afterWorkSeconds(random: Random, disposition: TeamHistoryDisposition): number {
  const writing = disposition === 'case-raised' || disposition === 'complaint' || disposition === 'emergency' ? 40 : 0;
  return Math.min(180, 20 + writing + Math.round(exponential(random, 40)));
}

function couldBeOnline(random: Random, disposition: TeamHistoryDisposition, service: CaseService): boolean {
  if (disposition === 'signposted-online') return true;
  if (disposition === 'emergency' || disposition === 'complaint' || disposition === 'call-dropped' || disposition === 'wrong-number') return false;
  return random.chance(COULD_BE_ONLINE[service] ?? 0.1);
}

/**
 * The contacts, oldest first, with their notional callers. Deterministic for the data set's
 * seed and day. Exported so the tests can check what the rows cannot show: who called again.
 */
export function teamHistoryContacts(dataset: TrainingDataset, options: TeamHistoryOptions = {}): TeamHistoryContact[] {
  const total = Math.max(0, Math.round(options.contacts ?? DEFAULT_TEAM_HISTORY_CONTACTS));
  const days = historyDays(dataset);
  const traits = createRandom(deriveSeed(dataset.seed, 'team-history', 'officers'));
  const officer = (staff: TrainingDataset['staff'][number]): Officer => ({ id: staff.id, team: staff.team, pace: 0.8 + traits.next() * 0.45 });
  const agents = dataset.staff.filter((each) => each.role === 'agent').map(officer);
  const leaders = dataset.staff.filter((each) => each.role === 'team-leader').map(officer);
  const counters = dataset.staff.filter((each) => each.role === 'service-point-officer').map(officer);
  if (days.length === 0 || total === 0 || agents.length === 0) return [];

  const queueOf = new Map<CaseService, string>();
  const services: [CaseService, number][] = [];
  for (const [queue, listed] of Object.entries(DEFAULT_QUEUE_SERVICES)) {
    const known = listed.filter((each): each is CaseService => CASE_SERVICE.codes.includes(each as CaseService));
    const sum = known.reduce((a, each) => a + (SERVICE_SHARE[each] ?? 1), 0);
    for (const service of known) {
      queueOf.set(service, queue);
      services.push([service, ((QUEUE_SHARE[queue] ?? 0) * (SERVICE_SHARE[service] ?? 1)) / sum]);
    }
  }
  const serviceTable = weightedTable(services);
  const dispositionTables = new Map<string, { phone: WeightedTable<TeamHistoryDisposition>; visit: WeightedTable<TeamHistoryDisposition> }>();
  for (const queue of Object.keys(DEFAULT_QUEUE_SERVICES)) {
    const shares = Object.entries({ ...DISPOSITION_SHARE, ...QUEUE_DISPOSITIONS[queue] }) as [TeamHistoryDisposition, number][];
    // Nobody hangs up on a service-point officer.
    dispositionTables.set(queue, { phone: weightedTable(shares), visit: weightedTable(shares.filter(([code]) => code !== 'call-dropped')) });
  }

  const counts = dailyCounts(createRandom(deriveSeed(dataset.seed, 'team-history', 'volume')), days, total);
  const contacts: TeamHistoryContact[] = [];
  /** Each caller's number, by caller. The drama ranges hold only 2,000 numbers, so callers share them. */
  const callerPhones: string[] = [];
  const dayStarts: number[] = [];
  const firstWeek = days[0] ?? 0;

  days.forEach((day, dayIndex) => {
    const random = createRandom(deriveSeed(dataset.seed, 'team-history', day));
    const contactDay = fromDayNumber(day);
    const lead = londonLeadSeconds(day);
    const monday = weekdayOf(day) === 1;
    const afterHoliday = !isWorkingDay(day - 1) && !monday;
    const dayWait = MEAN_WAIT * (monday ? MONDAY_WAIT : afterHoliday ? 1.3 : 1) * (0.85 + random.next() * 0.3);
    const offeredRate = OFFERED_AT_START + OFFERED_WEEKLY_RISE * Math.floor((day - firstWeek) / 7);
    const agentShift = shiftOf(random, agents);
    const leaderShift = shiftOf(random, leaders);
    const counterShift = counters.length > 0 ? shiftOf(random, counters) : null;
    // Where the last week's contacts (and the fortnight before it) start in the list so far.
    let weekStart = contacts.length;
    let laterStart = contacts.length;
    for (let back = dayIndex - 1; back >= 0; back -= 1) {
      const earlier = days[back] ?? 0;
      if (earlier >= day - DEFAULT_TRUE_RESOLUTION_DAYS) weekStart = dayStarts[back] ?? weekStart;
      if (earlier >= day - DEFAULT_TRUE_RESOLUTION_DAYS - 14) laterStart = dayStarts[back] ?? laterStart;
    }
    dayStarts.push(contacts.length);

    // When each is answered (seconds after London midnight) and how long it waited, packed into
    // one number (answered × 4096 + wait, or + NO_WAIT for a visit) so a day sorts as plain numbers.
    const count = counts[dayIndex] ?? 0;
    const visits = counterShift ? Math.round(count * VISIT_SHARE) : 0;
    const times = new Int32Array(count);
    for (let i = 0; i < count; i += 1) {
      if (i < visits) {
        times[i] = (pickWeighted(random, VISIT_HOURS) * HOUR + random.int(0, HOUR - 1)) * 4096 + NO_WAIT;
        continue;
      }
      const hour = pickWeighted(random, CALL_HOURS);
      const wait = Math.min(LONGEST_WAIT, Math.round(exponential(random, dayWait * (WAIT_BY_HOUR[hour] ?? 1))));
      // Lines open at 09:00: a call answered early in the day was offered no earlier.
      times[i] = Math.max(hour * HOUR + random.int(0, HOUR - 1), 9 * HOUR + wait) * 4096 + wait;
    }
    times.sort();

    for (const packed of times) {
      const at = packed >> 12;
      const wait = (packed & 4095) === NO_WAIT ? null : packed & 4095;
      const phone = wait !== null;
      const answeredAt = day * DAY_MS + (at - lead) * 1000;
      const shift = !phone && counterShift ? counterShift : random.chance(TEAM_LEADER_SHARE) && leaderShift.officers.length > 0 ? leaderShift : agentShift;
      const seat = takeOfficer(random, shift, at);
      const taken = shift.officers[seat] as Officer;

      // The same caller about the same thing: a recent contact's (at least an hour before), or an older one's.
      const repeat = random.next();
      let source: TeamHistoryContact | undefined;
      if (repeat < REPEAT_WITHIN_DAYS && contacts.length > weekStart) {
        const candidate = contacts[random.int(weekStart, contacts.length - 1)];
        if (candidate && candidate.answeredAt <= answeredAt - HOUR * 1000) source = candidate;
      } else if (repeat < REPEAT_WITHIN_DAYS + REPEAT_LATER && weekStart > laterStart) {
        source = contacts[random.int(laterStart, weekStart - 1)];
      }
      let caller: number;
      let service: CaseService;
      if (source) {
        caller = source.caller;
        service = source.service;
      } else {
        caller = callerPhones.length;
        callerPhones.push(random.chance(0.7) ? dramaMobile(random) : dramaLandline(random));
        service = pickWeighted(random, serviceTable);
      }
      const serviceQueue = queueOf.get(service) ?? 'General enquiries';
      const queue = phone ? serviceQueue : taken.team;
      const tables = dispositionTables.get(serviceQueue);
      const disposition: TeamHistoryDisposition = tables ? pickWeighted(random, phone ? tables.phone : tables.visit) : 'resolved-info';
      const facts = DISPOSITIONS[disposition];

      let handle = handleSeconds(random, disposition, taken.pace);
      let interpreter: TeamHistoryContact['interpreter'] = null;
      if (random.chance(INTERPRETED)) {
        const minutes = random.int(5, 30);
        interpreter = { language: pickWeighted(random, INTERPRETED_LANGUAGES), supplierId: INTERPRETER_SUPPLIER, interpreterId: `LL-${random.int(10000, 99999)}`, minutes };
        // Everything is said twice: the call runs at least as long as the interpreter was on it.
        handle = Math.max(handle, minutes * 60 + random.int(60, 240));
      }
      const afterWork = afterWorkSeconds(random, disposition);
      shift.freeAt[seat] = at + handle + afterWork;

      const incomplete = random.chance(INCOMPLETE);
      const online = couldBeOnline(random, disposition, service);
      const offered = disposition === 'signposted-online' || random.chance(online ? offeredRate : OFFERED_ANYWAY);
      const asked = disposition !== 'call-dropped' && disposition !== 'wrong-number' && disposition !== 'emergency' && random.chance(FEEDBACK_OFFERED);
      contacts.push({
        number: contacts.length + 1,
        channel: phone ? 'phone' : 'face-to-face',
        caller,
        phoneNumber: phone ? (callerPhones[caller] ?? null) : null,
        day,
        contactDay,
        answeredAt,
        waitSeconds: wait,
        handleSeconds: handle,
        afterWorkSeconds: afterWork,
        staffId: taken.id,
        team: taken.team,
        queue,
        service,
        disposition,
        notes: random.pick(facts.notes),
        incompleteReason: incomplete ? random.pick(INCOMPLETE_REASONS) : null,
        resolvedAtFirstContact: incomplete ? null : facts.resolved,
        couldBeOnline: incomplete ? null : online,
        onlineRouteOffered: incomplete ? null : offered,
        feedback: asked ? pickWeighted(random, (wait ?? 0) > ANSWER_TARGET_SECONDS ? RATINGS_AFTER_LONG_WAIT : RATINGS) : null,
        interpreter,
        contactedAgain: false,
        contactedAgainOn: null,
      });
    }
  });

  // Contacted again: the caller's next contact about the same service was within the days,
  // counted from the moment answered, as contact-recording.ts counts them.
  const serviceIndex = new Map(CASE_SERVICE.codes.map((code, index) => [code, index]));
  const latest = new Map<number, TeamHistoryContact>();
  for (const contact of contacts) {
    const key = contact.caller * 16 + (serviceIndex.get(contact.service) ?? 15);
    const previous = latest.get(key);
    if (previous && contact.answeredAt - previous.answeredAt <= DEFAULT_TRUE_RESOLUTION_DAYS * DAY_MS) {
      previous.contactedAgain = true;
      previous.contactedAgainOn = contact.contactDay;
    }
    latest.set(key, contact);
  }
  return contacts;
}

const TWO = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const HOURS_MINUTES = Array.from({ length: 1440 }, (_, minute) => `${TWO[Math.floor(minute / 60)]}:${TWO[minute % 60]}:`);
const SECONDS_Z = TWO.map((seconds) => `${seconds}Z`);

/**
 * As Dataverse writes an instant: to the second, UTC, with a Z ('2025-04-17T08:20:05Z'), from
 * the day's 'YYYY-MM-DDT'. Contacts never cross midnight UTC. Three shared pieces joined make a
 * third of the memory of a string built from seven, and there are 180,000 of them.
 */
function stamp(dayT: string, epochMs: number): string {
  const seconds = Math.floor(epochMs / 1000) % 86_400;
  return dayT + HOURS_MINUTES[Math.floor(seconds / 60)] + SECONDS_Z[seconds % 60];
}

/** The history's activity ids: the next kind after rowIdFor's, read the same way (…-000000000123 is its 123rd contact). */
function historyId(number: number): string {
  return `00000010-0000-4000-8000-${String(number).padStart(12, '0')}`;
}

/** Text made once for each pair of keys and shared: a key made per row would cost more than the text. */
function sharedText(make: (first: string, second: string) => string): (first: string, second: string) => string {
  const made = new Map<string, Map<string, string>>();
  return (first, second) => {
    let inner = made.get(first);
    if (!inner) made.set(first, (inner = new Map()));
    let text = inner.get(second);
    if (text === undefined) inner.set(second, (text = make(first, second)));
    return text;
  };
}

/**
 * A row with every column it will have, all null, to copy. 60,000 rows that each gained 30
 * columns one computed name at a time would each turn into a hash table in V8, several times
 * the size and slower to make; copies of one row share its compact layout.
 */
function blankRow(columns: readonly string[]): StandInRow {
  const row: StandInRow = {};
  for (const column of columns) row[column] = null;
  return { ...row };
}

/**
 * The history as stand-in rows: phonecalls, visits (cd_facetofaces) and every one of them
 * again in activitypointers. Only the columns CivicDesk writes on a completed contact are
 * there; the store makes the rest (the case lookup, case references) null.
 */
export function teamHistoryRows(dataset: TrainingDataset, names: TableNames, options: TeamHistoryOptions = {}): Map<string, StandInRow[]> {
  const c = names.custom;
  const col = {
    outcome: c('outcome'),
    state: c('contactstate'),
    capturedBy: c('capturedby'),
    queue: c('queue'),
    service: c('service'),
    handle: c('handleseconds'),
    afterWork: c('afterworkseconds'),
    summary: c('outcomesummary'),
    disposition: c('disposition'),
    resolved: c('resolvedatfirstcontact'),
    couldBeOnline: c('couldbeonline'),
    offered: c('onlinerouteoffered'),
    contactDay: c('contactday'),
    team: c('team'),
    outcomes: c('outcomes'),
    feedback: c('feedback'),
    incomplete: c('incompletereason'),
    language: c('interpreterlanguage'),
    supplier: c('interpretersupplier'),
    interpreterId: c('interpreterid'),
    minutes: c('interpreterminutes'),
    offeredAt: c('offeredat'),
    wait: c('waitseconds'),
    withinTarget: c('answeredwithintarget'),
  };
  const shared = ['activityid', 'subject', 'description', 'actualstart', 'actualend', 'createdon', 'statecode', '_regardingobjectid_value', '_ownerid_value'];
  // The queue's times are null on a visit, and only a call has a number and a direction.
  const { offeredAt, wait, withinTarget, ...interaction } = col;
  const blankVisit = blankRow([...shared, ...Object.values(interaction)]);
  const blankCall = blankRow([...shared, ...Object.values(interaction), offeredAt, wait, withinTarget, 'directioncode', 'phonenumber', 'statuscode']);

  const visitType = c('facetoface');
  const completed = CONTACT_STATE.value('completed');
  const owners = new Map(dataset.staff.map((staff) => [staff.id, rowIdFor(staff.id)]));
  // Strings every contact of a kind shares are made once.
  const callSubject = sharedText((queueName, code) => `Call: ${queueName} (${code})`.slice(0, 200));
  const visitSubject = sharedText((queueName, code) => `Visit: ${queueName} (${code})`.slice(0, 200));
  // A contact no script ended has no outcome summary, as CivicDesk writes it.
  const outcomeSummary = sharedText((serviceCode, code) => {
    const { summary } = DISPOSITIONS[code as TeamHistoryDisposition];
    return summary ? `${CALL_LABEL[serviceCode as CaseService] ?? serviceCode}: ${summary}.` : '';
  });
  const serviceValues = new Map(CASE_SERVICE.codes.map((code) => [code, CASE_SERVICE.value(code)]));

  const calls: StandInRow[] = [];
  const visits: StandInRow[] = [];
  const pointers: StandInRow[] = [];
  const repeats: StandInRow[] = [];
  let day = '';
  let dayT = '';
  const contacts = teamHistoryContacts(dataset, options);
  for (const contact of contacts) {
    const phone = contact.channel === 'phone' && contact.waitSeconds !== null;
    const facts = DISPOSITIONS[contact.disposition];
    const subject = phone ? callSubject(contact.queue, contact.disposition) : visitSubject(contact.queue, contact.disposition);
    const id = historyId(contact.number);
    if (contact.contactDay !== day) dayT = `${(day = contact.contactDay)}T`;
    const answered = stamp(dayT, contact.answeredAt);
    const owner = owners.get(contact.staffId) ?? null;
    const activitytypecode = phone ? 'phonecall' : visitType;
    // Regarding nobody: these weeks stand for the whole borough's callers, far more people than
    // the training borough's residents, so each is recorded as CivicDesk records a caller not identified.
    pointers.push({ activityid: id, subject, description: contact.notes, actualstart: answered, createdon: answered, statecode: 1, _regardingobjectid_value: null, _ownerid_value: owner, activitytypecode });

    const row = phone ? { ...blankCall } : { ...blankVisit };
    row.activityid = id;
    row.subject = subject;
    row.description = contact.notes;
    row.actualstart = answered;
    row.actualend = stamp(dayT, contact.answeredAt + contact.handleSeconds * 1000);
    row.createdon = answered;
    row.statecode = 1;
    row._ownerid_value = owner;
    row[col.outcome] = CONTACT_OUTCOME.value(facts.outcome);
    row[col.state] = completed;
    row[col.capturedBy] = contact.staffId;
    row[col.queue] = contact.queue;
    row[col.service] = serviceValues.get(contact.service) ?? null;
    row[col.handle] = contact.handleSeconds;
    row[col.afterWork] = contact.afterWorkSeconds;
    row[col.summary] = outcomeSummary(contact.service, contact.disposition);
    row[col.disposition] = contact.disposition;
    row[col.resolved] = contact.resolvedAtFirstContact;
    row[col.couldBeOnline] = contact.couldBeOnline;
    row[col.offered] = contact.onlineRouteOffered;
    if (contact.contactedAgainOn) {
      // Recorded as CivicDesk records a contact followed by another (contact-recording.ts).
      repeats.push({
        [c('repeatcontactid')]: id,
        [c('name')]: `${phone ? 'Call' : 'Visit'} on ${contact.contactDay}, contacted again on ${contact.contactedAgainOn}`,
        [c('channel')]: contact.channel,
        [c('contactday')]: contact.contactDay,
        [c('capturedby')]: contact.staffId,
        [c('team')]: contact.team,
        [c('queue')]: contact.queue,
        [c('service')]: row[col.service],
        [c('resolvedatfirstcontact')]: contact.resolvedAtFirstContact,
        [c('contactedagainon')]: contact.contactedAgainOn,
        _ownerid_value: owner,
      });
    }
    row[col.contactDay] = contact.contactDay;
    row[col.team] = contact.team;
    if (facts.kind) row[col.outcomes] = String(CONTACT_OUTCOME_KIND.value(facts.kind));
    if (contact.feedback) row[col.feedback] = FEEDBACK_RATING.value(contact.feedback);
    if (contact.incompleteReason) row[col.incomplete] = contact.incompleteReason;
    if (contact.interpreter) {
      row[col.language] = contact.interpreter.language;
      row[col.supplier] = contact.interpreter.supplierId;
      row[col.interpreterId] = contact.interpreter.interpreterId;
      row[col.minutes] = contact.interpreter.minutes;
    }
    if (phone && contact.waitSeconds !== null) {
      row[offeredAt] = stamp(dayT, contact.answeredAt - contact.waitSeconds * 1000);
      row[wait] = contact.waitSeconds;
      row[withinTarget] = contact.waitSeconds <= ANSWER_TARGET_SECONDS;
      row.directioncode = false;
      row.phonenumber = contact.phoneNumber;
      row.statuscode = 4;
      calls.push(row);
    } else visits.push(row);
  }
  const tables = new Map([
    ['phonecalls', calls],
    [c('facetofaces'), visits],
    ['activitypointers', pointers],
    [c('repeatcontacts'), repeats],
  ]);
  if (options.qualityForm) tables.set(c('qualityreviews'), qualityHistoryRows(dataset, names, contacts, options.qualityForm, historyId));
  return tables;
}
