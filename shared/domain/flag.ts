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
