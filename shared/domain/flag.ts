import type { IsoDate } from './dates';

/** Why a resident may need extra help; shown only to roles allowed to see it. */
export type VulnerabilityType =
  | 'safeguarding'
  | 'mental-health'
  | 'mobility'
  | 'hearing'
  | 'sight'
  | 'learning-disability'
  | 'domestic-abuse'
  | 'financial-hardship';

export const VULNERABILITY_TYPES: readonly VulnerabilityType[] = [
  'safeguarding',
  'mental-health',
  'mobility',
  'hearing',
  'sight',
  'learning-disability',
  'domestic-abuse',
  'financial-hardship',
];

/** Warning markers that protect staff on visits and calls. */
export type StaffSafetyMarker =
  | 'two-officers-on-visits'
  | 'verbal-abuse-history'
  | 'physical-aggression-history'
  | 'dangerous-dog'
  | 'contact-in-writing-only';

export const STAFF_SAFETY_MARKERS: readonly StaffSafetyMarker[] = [
  'two-officers-on-visits',
  'verbal-abuse-history',
  'physical-aggression-history',
  'dangerous-dog',
  'contact-in-writing-only',
];

/**
 * Both kinds carry a review date: a marker held past its review is personal data kept
 * without a reason (UK GDPR), and dashboards list the overdue ones.
 */
interface FlagBase {
  id: string;
  residentId: string;
  /** Plain words for the officer; never the resident's full history. */
  note: string;
  raisedOn: IsoDate;
  reviewOn: IsoDate;
  raisedByStaffId: string;
}

export interface VulnerabilityFlag extends FlagBase {
  kind: 'vulnerability';
  type: VulnerabilityType;
}

export interface StaffSafetyFlag extends FlagBase {
  kind: 'staff-safety';
  marker: StaffSafetyMarker;
}

export type ResidentFlag = VulnerabilityFlag | StaffSafetyFlag;

/**
 * The flags in the order they matter on a call: a danger to staff first, then the most
 * serious vulnerability. The first is what the contact header names.
 */
const SERIOUSNESS: readonly (StaffSafetyMarker | VulnerabilityType)[] = [
  'physical-aggression-history',
  'dangerous-dog',
  'two-officers-on-visits',
  'verbal-abuse-history',
  'safeguarding',
  'domestic-abuse',
  'mental-health',
  'learning-disability',
  'contact-in-writing-only',
  'financial-hardship',
  'mobility',
  'sight',
  'hearing',
];

export function bySeriousness(flags: readonly ResidentFlag[]): ResidentFlag[] {
  const rank = (flag: ResidentFlag) => SERIOUSNESS.indexOf(flag.kind === 'staff-safety' ? flag.marker : flag.type);
  return [...flags].sort((a, b) => rank(a) - rank(b));
}
