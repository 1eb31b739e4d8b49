import type { CaseCategory, CasePriority } from '../../../shared/domain/case';
import type { ContactChannel } from '../../../shared/domain/contact';
import type { Tenure } from '../../../shared/domain/resident';
import { weightedTable, type WeightedTable } from './random';

/**
 * How each kind of case behaves in training data: how often it arises, how residents
 * raise it, and the service standard its due date follows.
 */
export type DueRule = { clock: 'working-days' | 'calendar-days'; days: number };

/** The brief's service standards; repairs and pests by priority; none for hub support. */
export function dueRuleFor(category: CaseCategory, priority: CasePriority): DueRule | undefined {
  const working = (days: number): DueRule => ({ clock: 'working-days', days });
  const calendar = (days: number): DueRule => ({ clock: 'calendar-days', days });
  switch (category) {
    case 'missed-bin':
      return working(2);
    case 'bulky-waste':
    case 'council-tax':
    case 'parking':
    case 'member-enquiry':
      return working(10);
    case 'housing-repair':
      return priority === 'emergency' ? calendar(1) : priority === 'urgent' ? working(5) : working(20);
    case 'pest-control':
      return priority === 'emergency' ? calendar(1) : working(5);
    case 'noise-nuisance':
      return working(5);
    case 'complaint-stage-1':
      return working(15);
    case 'complaint-stage-2':
      return working(25);
    case 'foi-request':
      return working(20);
    case 'subject-access-request':
      return calendar(30);
    case 'community-hub':
      return undefined;
  }
}

export const CASE_REFERENCE_PREFIX: Readonly<Record<CaseCategory, string>> = {
  'missed-bin': 'MB',
  'bulky-waste': 'BW',
  'housing-repair': 'HR',
  'pest-control': 'PC',
  'council-tax': 'CTQ',
  parking: 'PK',
  'noise-nuisance': 'NN',
  'complaint-stage-1': 'C1',
  'complaint-stage-2': 'C2',
  'foi-request': 'FOI',
  'subject-access-request': 'SAR',
  'member-enquiry': 'ME',
  'community-hub': 'CH',
};

export interface ResidentCircumstances {
  tenure: Tenure;
  age: number;
  hasPermit: boolean;
}

const categoryTables = new Map<string, WeightedTable<CaseCategory>>();

/** Stage 2 complaints are never drawn directly: they only escalate a closed stage 1. */
export function categoryTable(c: ResidentCircumstances): WeightedTable<CaseCategory> {
  const key = `${c.tenure}|${c.age >= 65}|${c.hasPermit}`;
  const known = categoryTables.get(key);
  if (known) return known;
  const table = buildCategoryTable(c);
  categoryTables.set(key, table);
  return table;
}

function buildCategoryTable(c: ResidentCircumstances): WeightedTable<CaseCategory> {
  const rentsFromCouncil = c.tenure === 'council-tenant' || c.tenure === 'temporary-accommodation';
  return weightedTable<CaseCategory>([
    ['missed-bin', 18],
    ['bulky-waste', 9],
    ['housing-repair', rentsFromCouncil ? 30 : c.tenure === 'leaseholder' ? 6 : 0],
    ['pest-control', 6],
    ['council-tax', 12],
    ['parking', c.hasPermit ? 10 : 3],
    ['noise-nuisance', 6],
    ['complaint-stage-1', 5],
    ['foi-request', 1.2],
    ['subject-access-request', 0.8],
    ['member-enquiry', 2],
    ['community-hub', c.age >= 65 ? 8 : 1.5],
  ]);
}

const DEFAULT_CHANNELS = weightedTable<ContactChannel>([
  ['phone', 45], ['web-form', 22], ['email', 12], ['web-chat', 10], ['face-to-face', 6], ['letter', 5],
]);

const CHANNELS: Partial<Record<CaseCategory, WeightedTable<ContactChannel>>> = {
  'missed-bin': weightedTable<ContactChannel>([['web-form', 45], ['phone', 35], ['web-chat', 12], ['email', 5], ['face-to-face', 3]]),
  'bulky-waste': weightedTable<ContactChannel>([['web-form', 50], ['phone', 35], ['web-chat', 10], ['face-to-face', 5]]),
  'foi-request': weightedTable<ContactChannel>([['email', 55], ['web-form', 35], ['letter', 10]]),
  'subject-access-request': weightedTable<ContactChannel>([['email', 45], ['web-form', 30], ['letter', 15], ['face-to-face', 10]]),
  'member-enquiry': weightedTable<ContactChannel>([['email', 90], ['letter', 10]]),
  'community-hub': weightedTable<ContactChannel>([['phone', 70], ['face-to-face', 15], ['email', 10], ['web-form', 5]]),
  'complaint-stage-1': weightedTable<ContactChannel>([['web-form', 35], ['email', 30], ['phone', 25], ['letter', 10]]),
  'complaint-stage-2': weightedTable<ContactChannel>([['web-form', 35], ['email', 35], ['phone', 20], ['letter', 10]]),
};

const PHONE_ONLY = weightedTable<ContactChannel>([['phone', 1]]);

/** Emergencies stay on the phone: a web form is never how one is raised. */
export function openingChannels(category: CaseCategory, priority: CasePriority): WeightedTable<ContactChannel> {
  if (priority === 'emergency') return PHONE_ONLY;
  return CHANNELS[category] ?? DEFAULT_CHANNELS;
}

export const ENQUIRY_CHANNELS = weightedTable<ContactChannel>([
  ['phone', 50], ['web-chat', 18], ['email', 12], ['face-to-face', 10], ['letter', 5], ['web-form', 5],
]);

export const FOLLOW_UP_CHANNELS = weightedTable<ContactChannel>([['phone', 55], ['email', 35], ['letter', 10]]);

const ROUTINE = weightedTable<CasePriority>([['routine', 1]]);
const REPAIR_PRIORITIES = weightedTable<CasePriority>([['emergency', 10], ['urgent', 25], ['routine', 65]]);
const PEST_PRIORITIES = weightedTable<CasePriority>([['emergency', 8], ['routine', 92]]);

export function priorityTable(category: CaseCategory): WeightedTable<CasePriority> {
  if (category === 'housing-repair') return REPAIR_PRIORITIES;
  if (category === 'pest-control') return PEST_PRIORITIES;
  return ROUTINE;
}

/** Channels a person staffs in office hours; web forms and emails arrive at any hour. */
export function isStaffedChannel(channel: ContactChannel): boolean {
  return channel === 'phone' || channel === 'face-to-face' || channel === 'web-chat' || channel === 'letter';
}
