import type { CouncilTaxBand, CouncilTaxDiscount, ParkingPermitKind, PaymentMethod, RecoveryStage, TenancyType, WasteStream, Weekday } from '../../../../shared/domain/account';
import type { CaseCategory, CasePriority, CaseService, CaseStatus } from '../../../../shared/domain/case';
import type { ContactPreference } from '../../../../shared/domain/case-draft';
import type { ContactOutcome } from '../../../../shared/domain/contact';
import type { StaffSafetyMarker, VulnerabilityType } from '../../../../shared/domain/flag';
import type { AccessibilityNeed, MySouthwarkStatus, PreferredChannel, Tenure } from '../../../../shared/domain/resident';
import type { AccessReason, IdentityCheckResult } from '../../../../shared/domain/resident-360';
import type { AgentState } from '../../../../shared/domain/agent-state';

/**
 * The numbers Dataverse stores for each choice (option set). Custom choices use the
 * publisher's option value prefix 10000, so they start at 100,000,000. Every value is
 * written out rather than counted from a list, so reordering a list in the code can never
 * change what an existing record means. docs/dataverse-tables.md lists them for the
 * administrator who makes the tables.
 */
export interface Choice<T extends string> {
  readonly codes: readonly T[];
  value(code: T): number;
  fromValue(value: number): T | undefined;
}

function choice<T extends string>(values: Readonly<Record<T, number>>, alsoRead: Readonly<Record<number, T>> = {}): Choice<T> {
  const byValue = new Map<number, T>();
  for (const [code, value] of Object.entries(values) as [T, number][]) byValue.set(value, code);
  for (const [value, code] of Object.entries(alsoRead) as [string, T][]) byValue.set(Number(value), code);
  return { codes: Object.keys(values) as T[], value: (code) => values[code], fromValue: (value) => byValue.get(value) };
}

/**
 * contact.preferredcontactmethodcode is Dataverse's own choice (1 Any, 2 Email, 3 Phone,
 * 4 Fax, 5 Mail) with one option added for text messages, which need their own consent.
 * 'Any' and 'Fax' read as letter: post reaches everyone.
 */
export const PREFERRED_CHANNEL = choice<PreferredChannel>({ email: 2, phone: 3, letter: 5, sms: 100000000 }, { 1: 'letter', 4: 'letter' });

export const MY_SOUTHWARK_STATUS = choice<MySouthwarkStatus>({ none: 100000000, 'pending-verification': 100000001, active: 100000002, locked: 100000003 });

export const ACCESSIBILITY_NEED = choice<AccessibilityNeed>({
  'large-print': 100000000,
  braille: 100000001,
  'easy-read': 100000002,
  'audio-format': 100000003,
  'bsl-interpreter': 100000004,
  'hearing-loop': 100000005,
  'text-relay': 100000006,
  'step-free-access': 100000007,
  'extra-time': 100000008,
  'home-visit': 100000009,
});

export const TENURE = choice<Tenure>({
  'council-tenant': 100000000,
  'temporary-accommodation': 100000001,
  leaseholder: 100000002,
  'owner-occupier': 100000003,
  'private-renter': 100000004,
});

export const WEEKDAY = choice<Weekday>({ Monday: 100000000, Tuesday: 100000001, Wednesday: 100000002, Thursday: 100000003, Friday: 100000004 });

export const WASTE_STREAM = choice<WasteStream>({ refuse: 100000000, recycling: 100000001, food: 100000002, garden: 100000003 });

export const COUNCIL_TAX_BAND = choice<CouncilTaxBand>({ A: 100000000, B: 100000001, C: 100000002, D: 100000003, E: 100000004, F: 100000005, G: 100000006, H: 100000007 });

export const COUNCIL_TAX_DISCOUNT = choice<CouncilTaxDiscount>({ 'single-person': 100000000, 'council-tax-reduction': 100000001, 'disability-reduction': 100000002 });

export const PAYMENT_METHOD = choice<PaymentMethod>({ 'direct-debit': 100000000, online: 100000001, phone: 100000002, paypoint: 100000003, 'housing-costs-direct': 100000004 });

export const RECOVERY_STAGE = choice<RecoveryStage>({ none: 100000000, reminder: 100000001, 'final-notice': 100000002, summons: 100000003, 'liability-order': 100000004 });

export const TENANCY_TYPE = choice<TenancyType>({ secure: 100000000, introductory: 100000001, 'temporary-licence': 100000002 });

export const PERMIT_KIND = choice<ParkingPermitKind>({ resident: 100000000, estate: 100000001, 'blue-badge': 100000002 });

/** incident.statecode is Dataverse's own: 0 Active, 1 Resolved, 2 Cancelled. */
export const CASE_STATUS = choice<CaseStatus>({ open: 0, closed: 1 }, { 2: 'closed' });

/**
 * incident.prioritycode is Dataverse's own (1 High, 2 Normal, 3 Low) with Emergency added
 * above High; Low reads as routine.
 */
export const CASE_PRIORITY = choice<CasePriority>({ emergency: 100000000, urgent: 1, routine: 2 }, { 3: 'routine' });

export const CASE_CATEGORY = choice<CaseCategory>({
  'missed-bin': 100000000,
  'bulky-waste': 100000001,
  'housing-repair': 100000002,
  'pest-control': 100000003,
  'council-tax': 100000004,
  parking: 100000005,
  'noise-nuisance': 100000006,
  'complaint-stage-1': 100000007,
  'complaint-stage-2': 100000008,
  'foi-request': 100000009,
  'subject-access-request': 100000010,
  'member-enquiry': 100000011,
  'community-hub': 100000012,
});

export const CASE_SERVICE = choice<CaseService>({
  waste: 100000000,
  'housing-repairs': 100000001,
  'pest-control': 100000002,
  'council-tax': 100000003,
  parking: 100000004,
  'noise-nuisance': 100000005,
  complaints: 100000006,
  'information-governance': 100000007,
  'member-enquiries': 100000008,
  'community-hub': 100000009,
});

export const CONTACT_OUTCOME = choice<ContactOutcome>({
  'resolved-first-contact': 100000000,
  'signposted-online': 100000001,
  'case-raised': 100000002,
  'case-updated': 100000003,
  'callback-arranged': 100000004,
  transferred: 100000005,
  escalated: 100000006,
  'no-further-action': 100000007,
});

export const FLAG_KIND = choice<'vulnerability' | 'staff-safety'>({ vulnerability: 100000000, 'staff-safety': 100000001 });

/** One choice holds both kinds' types; staff-safety markers start at 100,000,100. */
export const FLAG_TYPE = choice<VulnerabilityType | StaffSafetyMarker>({
  safeguarding: 100000000,
  'mental-health': 100000001,
  mobility: 100000002,
  hearing: 100000003,
  sight: 100000004,
  'learning-disability': 100000005,
  'domestic-abuse': 100000006,
  'financial-hardship': 100000007,
  'two-officers-on-visits': 100000100,
  'verbal-abuse-history': 100000101,
  'physical-aggression-history': 100000102,
  'dangerous-dog': 100000103,
  'contact-in-writing-only': 100000104,
});

export const ACCESS_REASON = choice<AccessReason>({ call: 100000000, appointment: 100000001, 'case-work': 100000002, email: 100000003 });

export const IDENTITY_CHECK = choice<IdentityCheckResult>({ passed: 100000000, overridden: 100000001, 'not-done': 100000002 });

/** cd_contactpreference on a case: how the resident wants to hear back about it. */
export const CONTACT_PREFERENCE = choice<ContactPreference>({ phone: 100000000, email: 100000001, text: 100000002, letter: 100000003, 'no-contact': 100000004 });

/** cd_contactstate on a call or visit: where the contact is, so a team leader sees who is on a call or wrapping up. */
export const CONTACT_STATE = choice<'in-progress' | 'wrap-up' | 'completed'>({ 'in-progress': 100000000, 'wrap-up': 100000001, completed: 100000002 });

/** cd_callbackfor on a phone call that is a call back: the officer who promised it, or anyone in the contact centre. */
export const CALLBACK_FOR = choice<'me' | 'queue'>({ me: 100000000, queue: 100000001 });

/** cd_feedback: the resident's own rating, GovMetric's three. */
export const FEEDBACK_RATING = choice<'good' | 'average' | 'poor'>({ good: 100000000, average: 100000001, poor: 100000002 });

/** cd_outcomes (multi-select): what each script run on the contact came to. */
export const CONTACT_OUTCOME_KIND = choice<'resolved' | 'create-case' | 'signpost' | 'transfer' | 'emergency'>({ resolved: 100000000, 'create-case': 100000001, signpost: 100000002, transfer: 100000003, emergency: 100000004 });

/** cd_state and cd_previousstate on cd_agentstate: what an officer is doing (shared/domain/agent-state.ts). */
export const AGENT_STATE = choice<AgentState>({
  available: 100000000,
  'on-a-call': 100000001,
  'with-a-visitor': 100000002,
  'wrap-up': 100000003,
  'handling-an-email': 100000004,
  'on-a-break': 100000005,
  'in-training': 100000006,
});

/** cd_cause on cd_agentstate: the work in hand changed the state, or the officer chose it. */
export const AGENT_STATE_CAUSE = choice<'work' | 'chosen'>({ work: 100000000, chosen: 100000001 });
