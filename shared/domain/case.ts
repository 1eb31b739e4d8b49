import type { IsoDate } from './dates';

/** The service that owns the work, as named on the council's service list. */
export type CaseService =
  | 'waste'
  | 'housing-repairs'
  | 'pest-control'
  | 'council-tax'
  | 'parking'
  | 'noise-nuisance'
  | 'complaints'
  | 'information-governance'
  | 'member-enquiries'
  | 'community-hub';

export type CaseCategory =
  | 'missed-bin'
  | 'bulky-waste'
  | 'housing-repair'
  | 'pest-control'
  | 'council-tax'
  | 'parking'
  | 'noise-nuisance'
  | 'complaint-stage-1'
  | 'complaint-stage-2'
  | 'foi-request'
  | 'subject-access-request'
  | 'member-enquiry'
  | 'community-hub';

/** Each category belongs to exactly one service; routing and KPIs group by service. */
export const SERVICE_OF_CATEGORY: Readonly<Record<CaseCategory, CaseService>> = {
  'missed-bin': 'waste',
  'bulky-waste': 'waste',
  'housing-repair': 'housing-repairs',
  'pest-control': 'pest-control',
  'council-tax': 'council-tax',
  parking: 'parking',
  'noise-nuisance': 'noise-nuisance',
  'complaint-stage-1': 'complaints',
  'complaint-stage-2': 'complaints',
  'foi-request': 'information-governance',
  'subject-access-request': 'information-governance',
  'member-enquiry': 'member-enquiries',
  'community-hub': 'community-hub',
};

export const CASE_CATEGORIES = Object.keys(SERVICE_OF_CATEGORY) as CaseCategory[];

export type CaseStatus = 'open' | 'closed';

/** Emergencies (repairs, pests) stay on the phone and are escalated at once. */
export type CasePriority = 'emergency' | 'urgent' | 'routine';

export interface ServiceCase {
  id: string;
  /** What the resident quotes back: 'C1-2024-000123'. */
  reference: string;
  residentId: string;
  householdId: string;
  service: CaseService;
  category: CaseCategory;
  priority: CasePriority;
  status: CaseStatus;
  summary: string;
  openedOn: IsoDate;
  /** Present only when status is 'closed'. */
  closedOn?: IsoDate;
  /** Absent where no service standard applies (community hub support, for example). */
  dueOn?: IsoDate;
  /** The officer who owns the case and gives the resident their name. */
  ownerStaffId: string;
  /** A stage 2 complaint points at the stage 1 it escalates. */
  relatedCaseId?: string;
}
