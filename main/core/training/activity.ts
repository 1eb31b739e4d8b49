import type { CaseCategory, CasePriority, ServiceCase } from '../../../shared/domain/case';
import { SERVICE_OF_CATEGORY } from '../../../shared/domain/case';
import type { ContactChannel, ContactOutcome, ContactRecord } from '../../../shared/domain/contact';
import type { StaffUser } from '../../../shared/domain/staff';
import { addWorkingDays, fromDayNumber, isoDateTime, isWorkingDay } from './calendar';
import {
  categoryTable,
  dueRuleFor,
  ENQUIRY_CHANNELS,
  FOLLOW_UP_CHANNELS,
  isStaffedChannel,
  openingChannels,
  priorityTable,
  type ResidentCircumstances,
} from './case-rules';
import { pickWeighted, weightedTable, type Random } from './random';
import { ENQUIRIES, wordsFor } from './word-lists';

/**
 * A resident's cases and contact history over the two years before the run's day. Every
 * case opens with a contact and closes with one, so the 360 view's timeline and the case
 * list always agree.
 */
export interface StaffPools {
  agents: readonly StaffUser[];
  servicePointOfficers: readonly StaffUser[];
  teamLeaders: readonly StaffUser[];
}

export interface IdSource {
  /** The next case's id and the reference the resident quotes, numbered together. */
  nextCase(category: CaseCategory, openedOn: string): { id: string; reference: string };
  contactId(): string;
}

export interface ActivityInput {
  residentId: string;
  householdId: string;
  circumstances: ResidentCircumstances;
  /** Day number of the run's day; all activity happens before it. */
  today: number;
  staff: StaffPools;
}

const HISTORY_DAYS = 730;
const RECENT_DAYS = 60;
const DAY_MS = 86_400_000;
const CASE_COUNTS = weightedTable([[0, 55], [1, 26], [2, 11], [3, 6], [4, 2]] as const);
const ENQUIRY_COUNTS = weightedTable([[0, 40], [1, 30], [2, 18], [3, 12]] as const);

interface CaseDraft {
  category: CaseCategory;
  priority: CasePriority;
  channel: ContactChannel;
  openedDay: number;
  closedDay: number | undefined;
  dueDay: number | undefined;
  summary: string;
  owner: StaffUser;
  parent: CaseDraft | undefined;
  id: string;
}

interface ContactDraft {
  caseId: string | undefined;
  channel: ContactChannel;
  direction: ContactRecord['direction'];
  summary: string;
  outcome: ContactOutcome;
  staffId: string;
  at: number;
}

function previousWorkingDay(day: number): number {
  let d = day;
  while (!isWorkingDay(d)) d -= 1;
  return d;
}

function draftCase(random: Random, input: ActivityInput, category: CaseCategory, rawDay: number): CaseDraft {
  const priority = pickWeighted(random, priorityTable(category));
  let channel = pickWeighted(random, openingChannels(category, priority));
  if (input.circumstances.age >= 75 && (channel === 'web-form' || channel === 'web-chat') && random.chance(0.7)) channel = 'phone';
  const openedDay = isStaffedChannel(channel) ? previousWorkingDay(rawDay) : rawDay;
  const rule = dueRuleFor(category, priority);
  const dueDay = rule ? (rule.clock === 'working-days' ? addWorkingDays(openedDay, rule.days) : openedDay + rule.days) : undefined;
  const span = dueDay !== undefined ? dueDay - openedDay : 40;
  const took = random.chance(0.85) ? random.int(0, span) : span + random.int(1, Math.max(2, span));
  const closes = openedDay + took;
  // Some cases stall past their due date: the overdue list needs something on it.
  const stuck = random.chance(0.03);
  const words = wordsFor(category);
  const summaries = priority === 'emergency' && words.emergencySummaries.length > 0 ? words.emergencySummaries : words.summaries;
  const pool = category === 'complaint-stage-2' ? input.staff.teamLeaders : input.staff.agents;
  return {
    category,
    priority,
    channel,
    openedDay,
    closedDay: closes < input.today && !stuck ? closes : undefined,
    dueDay,
    summary: random.pick(summaries),
    owner: random.pick(pool),
    parent: undefined,
    id: '',
  };
}

function draftCases(random: Random, input: ActivityInput): CaseDraft[] {
  const drafts: CaseDraft[] = [];
  const count = pickWeighted(random, CASE_COUNTS);
  for (let i = 0; i < count; i += 1) {
    const category = pickWeighted(random, categoryTable(input.circumstances));
    // Some cases are recent, so a training 360 view has live work on it.
    const daysAgo = random.chance(0.3) ? random.int(1, RECENT_DAYS) : random.int(1, HISTORY_DAYS);
    const draft = draftCase(random, input, category, input.today - daysAgo);
    drafts.push(draft);
    // About one stage 1 in five is escalated once its response is out.
    if (category === 'complaint-stage-1' && draft.closedDay !== undefined && random.chance(0.22)) {
      const day = draft.closedDay + random.int(1, 20);
      if (day < input.today) {
        const escalation = draftCase(random, input, 'complaint-stage-2', day);
        escalation.parent = draft;
        drafts.push(escalation);
      }
    }
  }
  return drafts.sort((a, b) => a.openedDay - b.openedDay);
}

function toCase(draft: CaseDraft, input: ActivityInput, reference: string): ServiceCase {
  const serviceCase: ServiceCase = {
    id: draft.id,
    reference,
    residentId: input.residentId,
    householdId: input.householdId,
    service: SERVICE_OF_CATEGORY[draft.category],
    category: draft.category,
    priority: draft.priority,
    status: draft.closedDay === undefined ? 'open' : 'closed',
    summary: draft.summary,
    ownerStaffId: draft.owner.id,
    openedOn: fromDayNumber(draft.openedDay),
  };
  // Optional keys are left out, never set to undefined, and always added in this order,
  // so the JSON is the same bytes every run. (Object spread is avoided on purpose: it is
  // several times slower in Node 20 and this runs a quarter of a million times.)
  if (draft.closedDay !== undefined) serviceCase.closedOn = fromDayNumber(draft.closedDay);
  if (draft.dueDay !== undefined) serviceCase.dueOn = fromDayNumber(draft.dueDay);
  if (draft.parent) serviceCase.relatedCaseId = draft.parent.id;
  return serviceCase;
}

/** A moment on `day`: office hours for staffed channels, any waking hour for web and email. */
function momentOn(random: Random, day: number, channel: ContactChannel): number {
  const hour = isStaffedChannel(channel) ? random.int(8, 17) : random.int(6, 23);
  return day * DAY_MS + (hour * 3600 + random.int(0, 3599)) * 1000;
}

function handlerFor(random: Random, input: ActivityInput, channel: ContactChannel, category?: CaseCategory): StaffUser {
  if (channel === 'face-to-face') return random.pick(input.staff.servicePointOfficers);
  if (category === 'complaint-stage-2') return random.pick(input.staff.teamLeaders);
  return random.pick(input.staff.agents);
}

function caseContacts(random: Random, input: ActivityInput, draft: CaseDraft): ContactDraft[] {
  const words = wordsFor(draft.category);
  const opening: ContactOutcome = draft.priority === 'emergency' ? 'escalated' : 'case-raised';
  const timeline: ContactDraft[] = [
    {
      caseId: draft.id,
      channel: draft.channel,
      direction: 'inbound',
      summary: draft.summary,
      outcome: opening,
      staffId: handlerFor(random, input, draft.channel, draft.category).id,
      at: momentOn(random, draft.openedDay, draft.channel),
    },
  ];
  const lastDay = draft.closedDay ?? input.today - 1;
  const updates = random.int(0, 2) + (draft.category.startsWith('complaint') ? 1 : 0);
  for (let i = 0; i < updates && lastDay > draft.openedDay; i += 1) {
    const channel = pickWeighted(random, FOLLOW_UP_CHANNELS);
    const day = Math.max(draft.openedDay, previousWorkingDay(random.int(draft.openedDay + 1, lastDay)));
    timeline.push({
      caseId: draft.id,
      channel,
      direction: random.chance(0.6) ? 'outbound' : 'inbound',
      summary: random.pick(words.updates),
      outcome: 'case-updated',
      staffId: handlerFor(random, input, channel, draft.category).id,
      at: momentOn(random, day, channel),
    });
  }
  if (draft.closedDay !== undefined) {
    const channel = pickWeighted(random, FOLLOW_UP_CHANNELS);
    timeline.push({
      caseId: draft.id,
      channel,
      direction: 'outbound',
      summary: words.updates[words.updates.length - 1] ?? 'Case closed',
      outcome: 'case-updated',
      staffId: handlerFor(random, input, channel, draft.category).id,
      at: Math.max(momentOn(random, draft.closedDay, channel), timeline[0]?.at ?? 0),
    });
  }
  // A case's story must read in order: nothing before the contact that raised it.
  timeline.sort((a, b) => a.at - b.at);
  for (let i = 1; i < timeline.length; i += 1) {
    const previous = timeline[i - 1];
    const current = timeline[i];
    if (previous && current && current.at <= previous.at) current.at = previous.at + random.int(1, 20) * 60_000;
  }
  return timeline;
}

function enquiryContacts(random: Random, input: ActivityInput): ContactDraft[] {
  const drafts: ContactDraft[] = [];
  const count = pickWeighted(random, ENQUIRY_COUNTS);
  for (let i = 0; i < count; i += 1) {
    const channel = pickWeighted(random, ENQUIRY_CHANNELS);
    const raw = input.today - random.int(1, HISTORY_DAYS);
    const day = isStaffedChannel(channel) ? previousWorkingDay(raw) : raw;
    const enquiry = random.pick(ENQUIRIES);
    drafts.push({
      caseId: undefined,
      channel,
      direction: 'inbound',
      summary: enquiry.summary,
      outcome: enquiry.outcome,
      staffId: handlerFor(random, input, channel).id,
      at: momentOn(random, day, channel),
    });
  }
  return drafts;
}

export function activityFor(
  random: Random,
  input: ActivityInput,
  ids: IdSource,
): { cases: ServiceCase[]; contacts: ContactRecord[] } {
  const drafts = draftCases(random, input);
  const cases = drafts.map((draft) => {
    const { id, reference } = ids.nextCase(draft.category, fromDayNumber(draft.openedDay));
    draft.id = id;
    return toCase(draft, input, reference);
  });
  const contactDrafts = [...drafts.flatMap((draft) => caseContacts(random, input, draft)), ...enquiryContacts(random, input)];
  contactDrafts.sort((a, b) => a.at - b.at);
  const contacts = contactDrafts.map((draft): ContactRecord => {
    const record: ContactRecord = {
      id: ids.contactId(),
      residentId: input.residentId,
      channel: draft.channel,
      direction: draft.direction,
      occurredAt: isoDateTime(draft.at),
      summary: draft.summary,
      outcome: draft.outcome,
      staffId: draft.staffId,
    };
    if (draft.caseId !== undefined) record.caseId = draft.caseId;
    return record;
  });
  return { cases, contacts };
}
