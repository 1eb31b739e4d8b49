import type { ResidentFlag, StaffSafetyMarker, VulnerabilityType } from '../../../shared/domain/flag';
import { fromDayNumber } from './calendar';
import { pickWeighted, weightedTable, type Random } from './random';

/**
 * Warning markers. About 6% of residents carry a vulnerability flag and about 0.5% a
 * staff-safety marker. Most markers were reviewed on time; some are overdue, because the
 * dashboard exists to find those.
 */
export interface FlagInput {
  residentId: string;
  age: number;
  signsLanguage: boolean;
  hasAccessibilityNeeds: boolean;
  inArrears: boolean;
  /** Day number of the run's day. */
  today: number;
  raisedBy: () => string;
  nextId: () => string;
}

const NOTES: Readonly<Record<VulnerabilityType | StaffSafetyMarker, string>> = {
  safeguarding: 'Safeguarding concern shared with adult social care; check welfare on every contact.',
  'mental-health': 'Resident has told us about their mental health; allow extra time and avoid call transfers.',
  mobility: 'Limited mobility; offer home visit or ground-floor appointment.',
  hearing: 'Hard of hearing; speak clearly, offer text relay or BSL interpreter.',
  sight: 'Sight loss; send letters in large print or read them out.',
  'learning-disability': 'Learning disability; use easy read and check understanding.',
  'domestic-abuse': 'Do not disclose address or contact details; call only on the number given.',
  'financial-hardship': 'Struggling with bills; offer payment arrangement and welfare benefits advice.',
  'two-officers-on-visits': 'Visits by two officers only.',
  'verbal-abuse-history': 'History of verbal abuse towards staff; end the call if abuse starts.',
  'physical-aggression-history': 'Previous physical aggression; no lone visits, police advice held.',
  'dangerous-dog': 'Dangerous dog at the property; ask for it to be secured before any visit.',
  'contact-in-writing-only': 'Contact in writing only, agreed after repeated incidents.',
};

const MARKERS = weightedTable<StaffSafetyMarker>([
  ['verbal-abuse-history', 40],
  ['two-officers-on-visits', 25],
  ['dangerous-dog', 15],
  ['physical-aggression-history', 10],
  ['contact-in-writing-only', 10],
]);

function vulnerabilityTable(input: FlagInput) {
  const older = input.age >= 75;
  return weightedTable<VulnerabilityType>([
    ['safeguarding', older ? 14 : 10],
    ['mental-health', older ? 8 : 24],
    ['mobility', older ? 30 : 10],
    ['hearing', input.signsLanguage ? 200 : older ? 16 : 4],
    ['sight', older ? 14 : 4],
    ['learning-disability', older ? 2 : 8],
    ['domestic-abuse', older ? 2 : 10],
    ['financial-hardship', input.inArrears ? 40 : 12],
  ]);
}

/** Raised some time in the last four years; reviewed each year, a quarter of them late. */
function datesFor(random: Random, today: number): [raisedOn: string, reviewOn: string] {
  const raised = today - random.int(1, 4 * 365);
  let review = raised + REVIEW_EVERY_DAYS;
  while (review < today && random.chance(0.75)) review += REVIEW_EVERY_DAYS;
  return [fromDayNumber(raised), fromDayNumber(review)];
}

const REVIEW_EVERY_DAYS = 365;

export function flagsFor(random: Random, input: FlagInput): ResidentFlag[] {
  const flags: ResidentFlag[] = [];
  let rate = 0.048 + (input.age >= 75 ? 0.1 : 0) + (input.hasAccessibilityNeeds ? 0.08 : 0);
  if (input.signsLanguage) rate = 0.6;
  if (random.chance(rate)) {
    const table = vulnerabilityTable(input);
    const first = pickWeighted(random, table);
    const types = random.chance(0.2) ? new Set([first, pickWeighted(random, table)]) : new Set([first]);
    for (const type of types) {
      const [raisedOn, reviewOn] = datesFor(random, input.today);
      flags.push({ id: input.nextId(), residentId: input.residentId, kind: 'vulnerability', type, note: NOTES[type], raisedOn, reviewOn, raisedByStaffId: input.raisedBy() });
    }
  }
  if (random.chance(0.005)) {
    const marker = pickWeighted(random, MARKERS);
    const [raisedOn, reviewOn] = datesFor(random, input.today);
    flags.push({ id: input.nextId(), residentId: input.residentId, kind: 'staff-safety', marker, note: NOTES[marker], raisedOn, reviewOn, raisedByStaffId: input.raisedBy() });
  }
  return flags;
}
