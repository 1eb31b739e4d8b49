import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import languageTable from '../../../resources/languages.json';
import type { ContactSubmission } from '../../../shared/contract/contacts';
import { CONTACT_OUTCOME, CONTACT_OUTCOME_KIND, CONTACT_STATE, FEEDBACK_RATING } from '../../../main/core/back-office/dataverse/choices';
import { contactColumns } from '../../../main/core/back-office/dataverse/contact-recording';
import { tableNames } from '../../../main/core/back-office/dataverse/names';
import { contactFor } from '../back-office/fixture';
import { DEFAULT_QUEUE_SERVICES } from '../../../main/core/config/deployment-config';
import { isWorkingDay, toDayNumber } from '../../../main/core/training/calendar';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import type { StandInRow } from '../../../main/core/training/dataverse/rows-people';
import type { Column } from '../../../main/core/training/dataverse/schema';
import { startDataverseStandIn, type DataverseStandIn } from '../../../main/core/training/dataverse/stand-in';
import { createStore } from '../../../main/core/training/dataverse/store';
import { tableDefinitions } from '../../../main/core/training/dataverse/tables';
import { generateTrainingData } from '../../../main/core/training/generator';
import { teamHistoryContacts, teamHistoryRows, type TeamHistoryContact } from '../../../main/core/training/team-history';

/**
 * The Team place's eight weeks of calls and visits: rows exactly as CivicDesk writes a
 * completed contact, on working days in opening hours, with the shapes a real centre shows.
 */
const names = tableNames();
// The eight weeks before 10 April 2025 cross the change to British Summer Time (30 March).
const dataset = generateTrainingData({ seed: 20201, residents: 60, asOf: '2025-04-10' });
// Enough contacts for the proportions to settle; the default 60,000 is a benchmark's business.
const CONTACTS = 20_000;
const rows = teamHistoryRows(dataset, names, { contacts: CONTACTS });
const calls = rows.get('phonecalls') ?? [];
const visits = rows.get('cd_facetofaces') ?? [];
const pointers = rows.get('activitypointers') ?? [];
const contacts = [...calls, ...visits];
const isCall = new Set(calls);

const londonParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
/** The London date and seconds after midnight of an instant. */
function london(instant: unknown): { date: string; seconds: number } {
  const parts = Object.fromEntries(londonParts.formatToParts(new Date(String(instant))).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, seconds: Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second) };
}
const share = (part: number, whole: number) => part / whole;
/**
 * What is wrong with each row, as `check` finds it, up to a few: one expect per row would
 * take longer than making the rows.
 */
function problems<T>(items: readonly T[], check: (item: T) => string | null): string[] {
  const found: string[] = [];
  for (const item of items) {
    const problem = check(item);
    if (problem !== null) found.push(problem);
    if (found.length === 5) break;
  }
  return found;
}
const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.reduce((n, item) => n + (test(item) ? 1 : 0), 0);
const weekday = (date: unknown) => new Date(`${String(date)}T12:00:00Z`).getUTCDay();

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** A value as Dataverse would hold it in a column of this type. */
function fits(column: Column, value: unknown): boolean {
  if (value === null) return true;
  switch (column.type) {
    case 'guid':
    case 'lookup':
      return typeof value === 'string' && GUID.test(value);
    case 'text':
      return typeof value === 'string';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'datetime':
      return typeof value === 'string' && DATETIME.test(value) && !Number.isNaN(Date.parse(value));
    case 'bool':
      return typeof value === 'boolean';
    case 'int':
      return Number.isInteger(value);
    case 'money':
      return typeof value === 'number';
    case 'choice':
      return typeof value === 'number' && column.label(value) !== undefined;
    case 'choices':
      return typeof value === 'string' && value.split(',').every((part) => column.label(Number(part)) !== undefined);
  }
}

describe('team history', () => {
  it('is the same for the same seed and day, and different for another seed', () => {
    expect(teamHistoryRows(dataset, names, { contacts: 2_000 })).toEqual(teamHistoryRows(dataset, names, { contacts: 2_000 }));
    const other = generateTrainingData({ seed: 77, residents: 60, asOf: '2025-04-10' });
    expect(teamHistoryRows(other, names, { contacts: 2_000 }).get('phonecalls')?.slice(0, 20)).not.toEqual(teamHistoryRows(dataset, names, { contacts: 2_000 }).get('phonecalls')?.slice(0, 20));
  });

  it('has the number of contacts asked for, about 9% of them visits', () => {
    expect(contacts).toHaveLength(CONTACTS);
    expect(share(visits.length, CONTACTS)).toBeCloseTo(0.09, 2);
    const byDefault = teamHistoryContacts(generateTrainingData({ seed: 5, residents: 10, asOf: '2025-11-20' }));
    expect(Math.abs(byDefault.length - 60_000)).toBeLessThanOrEqual(1_200);
  });

  it('fits the stand-in’s tables, column by column', () => {
    const definitions = tableDefinitions(names);
    for (const [entitySet, made] of rows) {
      const definition = definitions.find((each) => each.entitySet === entitySet);
      expect(definition, entitySet).toBeDefined();
      const misfits = problems(made, (row) => {
        for (const [column, value] of Object.entries(row)) {
          const type = definition?.columns[column];
          if (!type) return `${entitySet} has no column ${column}`;
          if (!fits(type, value)) return `${entitySet}.${column} holds ${JSON.stringify(value)}`;
        }
        return null;
      });
      expect(misfits).toEqual([]);
    }
    // The store refuses a row with a column its table lacks, and would keep only one of two rows with the same id.
    const store = createStore(definitions, rows);
    expect(store.table('phonecalls')?.rows.size).toBe(calls.length);
    expect(store.table('cd_facetofaces')?.rows.size).toBe(visits.length);
    expect(store.table('activitypointers')?.rows.size).toBe(CONTACTS);
  });

  it('has the columns CivicDesk writes on a completed contact', () => {
    // Which columns CivicDesk writes, for a completed call about nobody identified (as the history's are).
    const submission = contactFor({ residentId: null });
    const written = (channel: ContactSubmission['channel']) => Object.keys(contactColumns({ ...submission, channel }, { staffId: 'stf-002', team: 'Contact Centre – Blue' }, names)).filter((key) => !key.endsWith('@odata.bind'));
    const compare = (row: StandInRow | undefined, live: string[]) => ({ missing: live.filter((key) => !(key in (row ?? {}))).sort(), extra: Object.keys(row ?? {}).filter((key) => !live.includes(key)).sort() });
    // Extra: the id (in the live request's address), what Dataverse fills in itself (created on, owner),
    // and the resident (bound in live; nobody here).
    const extra = ['_ownerid_value', '_regardingobjectid_value', 'activityid', 'createdon'];
    // Missing: case references (no cases are raised here) and, on a visit, the queue's times, null live.
    expect(compare(calls[0], written('phone'))).toEqual({ missing: ['cd_casereferences'], extra });
    expect(compare(visits[0], written('face-to-face'))).toEqual({ missing: ['cd_answeredwithintarget', 'cd_casereferences', 'cd_offeredat', 'cd_waitseconds'], extra });
  });

  it('writes what CivicDesk writes for a completed contact', () => {
    const staff = new Map(dataset.staff.map((each) => [each.id, each]));
    const seconds = (from: unknown, to: unknown) => (Date.parse(String(to)) - Date.parse(String(from))) / 1000;
    const wrong = problems(contacts, (row) => {
      const phone = isCall.has(row);
      const officer = staff.get(String(row.cd_capturedby));
      const facts: [string, unknown, unknown][] = [
        ['officer', officer === undefined, false],
        ['statecode', row.statecode, 1],
        ['cd_contactstate', row.cd_contactstate, CONTACT_STATE.value('completed')],
        ['_regardingobjectid_value', row._regardingobjectid_value, null],
        ['_ownerid_value', row._ownerid_value, officer ? rowIdFor(officer.id) : 'none'],
        ['cd_team', row.cd_team, officer?.team],
        ['activityid', GUID.test(String(row.activityid)), true],
        ['subject', row.subject, `${phone ? 'Call' : 'Visit'}: ${String(row.cd_queue)} (${String(row.cd_disposition)})`],
        ['createdon', row.createdon, row.actualstart],
        ['cd_handleseconds', seconds(row.actualstart, row.actualend), row.cd_handleseconds],
        ['handled 3 minutes or more', Number(row.cd_handleseconds) >= 180, true],
        ['after-call work 20 to 180 seconds', Number(row.cd_afterworkseconds) >= 20 && Number(row.cd_afterworkseconds) <= 180, true],
        ...((phone
          ? [
              ['taken by', officer?.role === 'agent' || officer?.role === 'team-leader', true],
              ['queue', DEFAULT_QUEUE_SERVICES[String(row.cd_queue)] !== undefined, true],
              ['directioncode', row.directioncode, false],
              ['cd_waitseconds', seconds(row.cd_offeredat, row.actualstart), row.cd_waitseconds],
              ['cd_answeredwithintarget', row.cd_answeredwithintarget, Number(row.cd_waitseconds) <= 180],
            ]
          : [
              ['taken by', officer?.role, 'service-point-officer'],
              ['queue', row.cd_queue, officer?.team],
              ['no wait', 'cd_offeredat' in row || 'cd_waitseconds' in row || 'cd_answeredwithintarget' in row, false],
            ]) as [string, unknown, unknown][]),
      ];
      const bad = facts.find(([, seen, expected]) => seen !== expected);
      return bad ? `${String(row.activityid)} ${bad[0]}: ${JSON.stringify(bad[1])}, not ${JSON.stringify(bad[2])}` : null;
    });
    expect(wrong).toEqual([]);
  });

  it('takes its services from the queues, in the centre’s mix', () => {
    const queueOfService = new Map(Object.entries(DEFAULT_QUEUE_SERVICES).flatMap(([queue, services]) => services.map((service) => [service, queue] as const)));
    const serviceCode = (row: StandInRow) => ['waste', 'housing-repairs', 'pest-control', 'council-tax', 'parking', 'noise-nuisance', 'complaints', 'information-governance', 'member-enquiries', 'community-hub'][Number(row.cd_service) - 100000000];
    expect(problems(calls, (row) => (queueOfService.get(serviceCode(row) ?? '') === row.cd_queue ? null : `${String(row.cd_service)} in ${String(row.cd_queue)}`))).toEqual([]);
    const mix = { 'Waste and recycling': 0.3, 'Council tax': 0.25, 'Housing repairs': 0.2, Parking: 0.1, 'General enquiries': 0.15 };
    for (const [queue, expected] of Object.entries(mix)) expect(share(count(calls, (row) => row.cd_queue === queue), calls.length), queue).toBeCloseTo(expected, 1);
    const leaders = new Set(dataset.staff.filter((each) => each.role === 'team-leader').map((each) => each.id));
    const byLeaders = share(count(calls, (row) => leaders.has(String(row.cd_capturedby))), calls.length);
    expect(byLeaders).toBeGreaterThan(0.01);
    expect(byLeaders).toBeLessThan(0.035);
  });

  it('falls on the working days of the eight weeks before the data set’s day, in opening hours in London', () => {
    const today = toDayNumber('2025-04-10');
    const days = new Set(contacts.map((row) => String(row.cd_contactday)));
    const expected = new Set<string>();
    for (let day = today - 56; day < today; day += 1) if (isWorkingDay(day)) expected.add(new Date(day * 86_400_000).toISOString().slice(0, 10));
    expect(days).toEqual(expected);
    const outside = problems(contacts, (row) => {
      const answered = london(row.actualstart);
      if (answered.date !== row.cd_contactday) return `${String(row.actualstart)} is not on ${String(row.cd_contactday)}`;
      if (answered.seconds < 9 * 3600 || answered.seconds >= (isCall.has(row) ? 17 : 16) * 3600) return `${String(row.actualstart)} is out of hours`;
      if (row.cd_offeredat && london(row.cd_offeredat).seconds < 9 * 3600) return `${String(row.cd_offeredat)} is before the lines open`;
      return null;
    });
    expect(outside).toEqual([]);
    // Both sides of the clock change: 09:00 in London is 09:00Z in GMT and 08:00Z in summer time.
    expect(calls.some((row) => String(row.actualstart).startsWith('2025-03-28T09'))).toBe(true);
    expect(calls.some((row) => String(row.actualstart).startsWith('2025-03-31T08'))).toBe(true);
    expect(calls.some((row) => String(row.actualstart).startsWith('2025-03-31T16'))).toBe(false);
  });

  it('skips bank holidays', () => {
    const easter = generateTrainingData({ seed: 20201, residents: 10, asOf: '2025-05-10' });
    const days = new Set(teamHistoryRows(easter, names, { contacts: 3_000 }).get('phonecalls')?.map((row) => row.cd_contactday));
    expect(days.has('2025-04-17')).toBe(true);
    for (const holiday of ['2025-04-18', '2025-04-21', '2025-05-05']) expect(days.has(holiday)).toBe(false);
  });

  it('answers most calls within 180 seconds, fewer on Mondays and over lunch', () => {
    const within = (list: StandInRow[]) => share(count(list, (row) => row.cd_answeredwithintarget === true), list.length);
    const mondays = calls.filter((row) => weekday(row.cd_contactday) === 1);
    const otherDays = calls.filter((row) => weekday(row.cd_contactday) !== 1);
    expect(within(otherDays)).toBeGreaterThan(0.76);
    expect(within(otherDays)).toBeLessThan(0.85);
    expect(within(mondays)).toBeGreaterThan(0.58);
    expect(within(mondays)).toBeLessThan(0.72);
    const meanWait = (list: StandInRow[]) => list.reduce((sum, row) => sum + Number(row.cd_waitseconds), 0) / list.length;
    const atLunch = (row: StandInRow) => london(row.cd_offeredat).seconds >= 12 * 3600 && london(row.cd_offeredat).seconds < 14 * 3600;
    const lunch = calls.filter(atLunch);
    const rest = calls.filter((row) => !atLunch(row));
    expect(meanWait(lunch)).toBeGreaterThan(meanWait(rest) * 1.25);
  });

  it('is busier on Mondays than Fridays, and in the morning than late afternoon', () => {
    const perDay = (day: number) => {
      const chosen = contacts.filter((row) => weekday(row.cd_contactday) === day);
      return chosen.length / new Set(chosen.map((row) => row.cd_contactday)).size;
    };
    expect(perDay(1)).toBeGreaterThan(perDay(5) * 1.3);
    expect(perDay(1)).toBeGreaterThan(perDay(3) * 1.15);
    const hour = (row: StandInRow) => Math.floor(london(row.actualstart).seconds / 3600);
    expect(count(calls, (row) => hour(row) === 10)).toBeGreaterThan(count(calls, (row) => hour(row) === 16) * 1.4);
  });

  it('has handling times of 3 to 12 minutes averaging about five and a half, longer with an interpreter', () => {
    const interpreted = (row: StandInRow) => typeof row.cd_interpreterminutes === 'number';
    const plain = contacts.filter((row) => !interpreted(row));
    expect(count(plain, (row) => Number(row.cd_handleseconds) > 720)).toBe(0);
    const mean = plain.reduce((sum, row) => sum + Number(row.cd_handleseconds), 0) / plain.length / 60;
    expect(mean).toBeGreaterThan(5);
    expect(mean).toBeLessThan(6);
    expect(count(contacts.filter(interpreted), (row) => Number(row.cd_handleseconds) <= Number(row.cd_interpreterminutes) * 60)).toBe(0);
  });

  it('records the dispositions in the centre’s mix, with their outcomes', () => {
    const expected = { 'resolved-info': 0.35, 'resolved-transaction': 0.15, 'case-raised': 0.24, 'signposted-online': 0.12, transferred: 0.06, complaint: 0.015, compliment: 0.007, emergency: 0.005, 'call-dropped': 0.02, 'wrong-number': 0.03 };
    for (const [code, target] of Object.entries(expected)) {
      const seen = share(count(contacts, (row) => row.cd_disposition === code), contacts.length);
      expect(Math.abs(seen - target), code).toBeLessThan(Math.max(0.01, target * 0.3));
    }
    const outcome: Record<string, string> = { 'resolved-info': 'resolved-first-contact', 'resolved-transaction': 'resolved-first-contact', 'case-raised': 'case-raised', 'signposted-online': 'signposted-online', transferred: 'transferred', complaint: 'case-raised', compliment: 'no-further-action', emergency: 'escalated', 'call-dropped': 'no-further-action', 'wrong-number': 'no-further-action' };
    const kind: Record<string, string | null> = { 'resolved-info': 'resolved', 'resolved-transaction': 'resolved', 'case-raised': 'create-case', 'signposted-online': 'signpost', transferred: 'transfer', complaint: 'create-case', compliment: null, emergency: 'emergency', 'call-dropped': null, 'wrong-number': null };
    const resolved = new Set(['resolved-info', 'resolved-transaction', 'signposted-online', 'compliment', 'wrong-number']);
    const wrong = problems(contacts, (row) => {
      const code = String(row.cd_disposition);
      const kindCode = kind[code];
      const id = String(row.activityid);
      if (CONTACT_OUTCOME.fromValue(Number(row.cd_outcome)) !== outcome[code]) return `${id}: ${code} has outcome ${String(row.cd_outcome)}`;
      if ((row.cd_outcomes ?? null) !== (kindCode ? String(CONTACT_OUTCOME_KIND.value(kindCode as 'resolved')) : null)) return `${id}: ${code} has outcomes ${String(row.cd_outcomes)}`;
      if (typeof row.cd_outcomesummary !== 'string' || (kindCode && !/^[A-Z][^.]*: [a-z ]+\.$/.test(row.cd_outcomesummary))) return `${id}: summary ${String(row.cd_outcomesummary)}`;
      if (row.cd_incompletereason) {
        if (row.cd_resolvedatfirstcontact !== null || row.cd_couldbeonline !== null || row.cd_onlinerouteoffered !== null) return `${id}: incomplete, yet answered`;
      } else if (row.cd_resolvedatfirstcontact !== resolved.has(code)) return `${id}: ${code} resolved ${String(row.cd_resolvedatfirstcontact)}`;
      return null;
    });
    expect(wrong).toEqual([]);
    const incomplete = share(count(contacts, (row) => Boolean(row.cd_incompletereason)), contacts.length);
    expect(incomplete).toBeGreaterThan(0.005);
    expect(incomplete).toBeLessThan(0.016);
    expect(count(calls, (row) => row.cd_disposition === 'call-dropped')).toBeGreaterThan(0);
    expect(count(visits, (row) => row.cd_disposition === 'call-dropped')).toBe(0);
  });

  it('resolves about two in three at first contact, fewer truly so', () => {
    const answered = contacts.filter((row) => row.cd_resolvedatfirstcontact !== null);
    const firstContact = share(count(answered, (row) => row.cd_resolvedatfirstcontact === true), answered.length);
    expect(firstContact).toBeGreaterThan(0.6);
    expect(firstContact).toBeLessThan(0.72);
    const truly = share(count(answered, (row) => row.cd_resolvedatfirstcontact === true && row.cd_contactedagain === false), answered.length);
    expect(truly).toBeLessThan(firstContact - 0.04);
  });

  it('finds about a third could have been online, offered the route to most of them, more each week', () => {
    const answered = contacts.filter((row) => row.cd_couldbeonline !== null);
    const online = answered.filter((row) => row.cd_couldbeonline === true);
    expect(share(online.length, answered.length)).toBeGreaterThan(0.3);
    expect(share(online.length, answered.length)).toBeLessThan(0.4);
    const offered = share(count(online, (row) => row.cd_onlinerouteoffered === true), online.length);
    expect(offered).toBeGreaterThan(0.64);
    expect(offered).toBeLessThan(0.76);
    const others = answered.filter((row) => row.cd_couldbeonline === false);
    expect(share(count(others, (row) => row.cd_onlinerouteoffered === true), others.length)).toBeLessThan(0.08);
    const onlineShare = (service: number) => {
      const chosen = answered.filter((row) => row.cd_service === service);
      return share(count(chosen, (row) => row.cd_couldbeonline === true), chosen.length);
    };
    expect(onlineShare(100000000)).toBeGreaterThan(onlineShare(100000001) * 3); // waste against housing repairs
    const firstWeek = online.filter((row) => String(row.cd_contactday) < '2025-02-20');
    const lastWeek = online.filter((row) => String(row.cd_contactday) >= '2025-04-03');
    expect(share(count(lastWeek, (row) => row.cd_onlinerouteoffered === true), lastWeek.length)).toBeGreaterThan(share(count(firstWeek, (row) => row.cd_onlinerouteoffered === true), firstWeek.length) + 0.05);
  });

  it('has feedback on about 40%, mostly good, poorer after a long wait', () => {
    const rated = contacts.filter((row) => row.cd_feedback !== undefined && row.cd_feedback !== null);
    expect(share(rated.length, contacts.length)).toBeGreaterThan(0.36);
    expect(share(rated.length, contacts.length)).toBeLessThan(0.44);
    const rating = (code: 'good' | 'average' | 'poor', list = rated) => share(count(list, (row) => row.cd_feedback === FEEDBACK_RATING.value(code)), list.length);
    expect(rating('good')).toBeCloseTo(0.72, 1);
    expect(rating('average')).toBeCloseTo(0.18, 1);
    expect(rating('poor')).toBeCloseTo(0.1, 1);
    const longWaits = rated.filter((row) => row.cd_answeredwithintarget === false);
    expect(rating('poor', longWaits)).toBeGreaterThan(rating('poor') * 1.5);
  });

  it('uses an interpreter on about 3%, in languages the app knows, through the training line', () => {
    const known = new Set(languageTable.languages.map((each) => each.code));
    const interpreted = contacts.filter((row) => typeof row.cd_interpreterlanguage === 'string');
    expect(share(interpreted.length, contacts.length)).toBeGreaterThan(0.02);
    expect(share(interpreted.length, contacts.length)).toBeLessThan(0.04);
    const wrong = problems(interpreted, (row) =>
      known.has(String(row.cd_interpreterlanguage)) && row.cd_interpretersupplier === 'languageline' && /^LL-\d{5}$/.test(String(row.cd_interpreterid)) && Number(row.cd_interpreterminutes) >= 5 && Number(row.cd_interpreterminutes) <= 30
        ? null
        : JSON.stringify([row.cd_interpreterlanguage, row.cd_interpretersupplier, row.cd_interpreterid, row.cd_interpreterminutes]),
    );
    expect(wrong).toEqual([]);
  });

  it('rings only from Ofcom’s drama numbers', () => {
    expect(problems(calls, (row) => (/^(07700 900\d{3}|020 7946 0\d{3})$/.test(String(row.phonenumber)) ? null : String(row.phonenumber)))).toEqual([]);
  });

  it('lists every call and visit once in activitypointers, with the columns all activities share', () => {
    expect(pointers).toHaveLength(contacts.length);
    const byId = new Map(pointers.map((row) => [row.activityid, row]));
    expect(byId.size).toBe(contacts.length);
    const wrong = problems(contacts, (row) => {
      const pointer = byId.get(row.activityid);
      const expected = {
        activityid: row.activityid,
        subject: row.subject,
        description: row.description,
        actualstart: row.actualstart,
        createdon: row.createdon,
        statecode: 1,
        _regardingobjectid_value: null,
        _ownerid_value: row._ownerid_value,
        activitytypecode: isCall.has(row) ? 'phonecall' : 'cd_facetoface',
      };
      return JSON.stringify(pointer) === JSON.stringify(expected) ? null : `${JSON.stringify(pointer)} is not ${JSON.stringify(expected)}`;
    });
    expect(wrong).toEqual([]);
  });
});

describe('callers who come back', () => {
  const history = teamHistoryContacts(dataset, { contacts: CONTACTS });
  /** The next contact from the same caller about the same service, for each contact. */
  const next = new Map<TeamHistoryContact, TeamHistoryContact>();
  const latest = new Map<string, TeamHistoryContact>();
  for (const contact of history) {
    const key = `${contact.caller}|${contact.service}`;
    const previous = latest.get(key);
    if (previous) next.set(previous, contact);
    latest.set(key, contact);
  }

  it('marks a contact when the same caller came back about the same service within 7 days (of 24 hours), and only then', () => {
    const wrong = problems(history, (contact) => {
      const again = next.get(contact);
      const within = again !== undefined && again.answeredAt - contact.answeredAt <= 7 * 86_400_000;
      if (contact.contactedAgain !== within) return `contact ${contact.number}: contactedAgain ${contact.contactedAgain}, next ${again ? `${(again.answeredAt - contact.answeredAt) / 3_600_000} hours later` : 'never'}`;
      if (again && !(again.answeredAt > contact.answeredAt && again.number > contact.number)) return `contact ${contact.number} is followed by an earlier one`;
      return null;
    });
    expect(wrong).toEqual([]);
    expect(count(history, (contact) => contact.contactedAgain)).toBeGreaterThan(0);
  });

  it('has about 12% of contacts followed by a repeat within the week, and some after it', () => {
    expect(share(count(history, (contact) => contact.contactedAgain), history.length)).toBeGreaterThan(0.1);
    expect(share(count(history, (contact) => contact.contactedAgain), history.length)).toBeLessThan(0.14);
    const later = [...next].filter(([first, again]) => again.answeredAt - first.answeredAt > 7 * 86_400_000);
    expect(later.length).toBeGreaterThan(history.length * 0.01);
  });

  it('gives a caller the same number each time', () => {
    const numbers = new Map<number, string | null>();
    const wrong = problems(
      history.filter((each) => each.channel === 'phone'),
      (contact) => {
        const before = numbers.get(contact.caller);
        numbers.set(contact.caller, contact.phoneNumber);
        return before === undefined || before === contact.phoneNumber ? null : `caller ${contact.caller} rang from ${before} and ${String(contact.phoneNumber)}`;
      },
    );
    expect(wrong).toEqual([]);
  });

  it('is what the rows carry, contact for contact, with a cd_repeatcontacts row for each one come back about', () => {
    const byId = new Map(contacts.map((row) => [row.activityid, row]));
    const repeats = new Map((rows.get('cd_repeatcontacts') ?? []).map((row) => [row.cd_repeatcontactid, row]));
    expect(byId.size).toBe(history.length);
    const wrong = problems(history, (contact) => {
      const id = `00000010-0000-4000-8000-${String(contact.number).padStart(12, '0')}`;
      const row = byId.get(id);
      const repeat = repeats.get(id);
      const again = contact.contactedAgain
        ? repeat?.cd_contactedagainon === contact.contactedAgainOn && repeat.cd_contactday === contact.contactDay && repeat.cd_capturedby === contact.staffId && repeat.cd_team === contact.team && repeat.cd_service === row?.cd_service && repeat.cd_resolvedatfirstcontact === contact.resolvedAtFirstContact && repeat.cd_channel === contact.channel
        : repeat === undefined;
      return again && row?.cd_capturedby === contact.staffId && row.cd_contactday === contact.contactDay ? null : `contact ${contact.number}`;
    });
    expect(wrong).toEqual([]);
    expect(repeats.size).toBe(count(history, (contact) => contact.contactedAgain));
  });
});

describe('the stand-in with the team history', () => {
  let standIn: DataverseStandIn;
  const small = generateTrainingData({ seed: 20201, residents: 60, asOf: '2025-04-10' });
  beforeAll(async () => {
    standIn = await startDataverseStandIn({ dataset: small, teamHistory: { contacts: 3_000 } });
  });
  afterAll(() => standIn.close());

  it('adds the history to the residents’ own activities', () => {
    const own = small.contacts.filter((each) => each.channel === 'phone').length;
    const ownVisits = small.contacts.filter((each) => each.channel === 'face-to-face').length;
    const history = standIn.rows('phonecalls').filter((row) => row.cd_contactday !== null);
    const historyVisits = standIn.rows('cd_facetofaces').filter((row) => row.cd_contactday !== null);
    expect(history.length + historyVisits.length).toBe(3_000);
    expect(standIn.rows('phonecalls')).toHaveLength(own + history.length);
    expect(standIn.rows('cd_facetofaces')).toHaveLength(ownVisits + historyVisits.length);
    expect(standIn.rows('activitypointers')).toHaveLength(small.contacts.length + 3_000);
    // The store fills every other column with null, as Dataverse sends it.
    expect(history[0]).toMatchObject({ _cd_caseid_value: null, cd_casereferences: null, statecode: 1 });
  });

  it('starts without it unless asked', async () => {
    const plain = await startDataverseStandIn({ dataset: small });
    try {
      expect(plain.rows('activitypointers')).toHaveLength(small.contacts.length);
    } finally {
      await plain.close();
    }
  });
});
