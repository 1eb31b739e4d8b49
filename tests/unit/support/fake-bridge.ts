import { createApiBridge, type ApiBridge } from '../../../shared/contract/api-bridge';
import type { CallName, CallResult, EventName, SnapshotRead } from '../../../shared/contract/calls';
import type { DeepLink } from '../../../shared/contract/deep-link';
import type { InterpreterLine } from '../../../shared/languages/interpreting';
import type { LanguageEntry, LanguageTable } from '../../../shared/languages/language-table';
import type { PhraseBook } from '../../../shared/languages/phrases';
import type { ResidentView } from '../../../shared/contract/residents';
import type { SessionInfo, TrainingSummary } from '../../../shared/contract/session';
import { callScriptSchema } from '../../../shared/call-scripts/schema';
import { DEFAULT_SERVICE_STANDARDS, shippedHolidays } from '../../../shared/service-standards';
import { DEFAULT_IDENTITY_POLICY } from '../../../shared/domain/identity-check';

/** A two-question script, enough to drive the runner in component tests. */
export const testScript = callScriptSchema.parse({
  id: 'test-bins',
  version: 1,
  title: 'Missed bin (test)',
  service: 'waste',
  triggers: ['missed bin'],
  serviceStandard: 'missed-bin',
  start: 'which',
  steps: [
    { id: 'which', type: 'ask', say: 'Which bin was missed?', field: 'bin', input: { kind: 'choice', options: [{ value: 'refuse', label: 'Rubbish' }, { value: 'recycling', label: 'Recycling' }] }, next: 'out' },
    { id: 'out', type: 'ask', say: 'Was it out by 6am?', field: 'out', input: { kind: 'yes-no' }, next: 'decide' },
    { id: 'decide', type: 'check', rules: [{ when: { answer: 'out', equals: false }, goto: 'advice' }], otherwise: 'raise' },
    { id: 'advice', type: 'outcome', outcome: { kind: 'resolved', whatWasDone: 'Explained bins must be out by 6am.' } },
    { id: 'raise', type: 'outcome', outcome: { kind: 'create-case', category: 'missed-bin', priority: 'routine', serviceStandard: 'missed-bin', summary: 'Missed {answers.bin} bin', fields: ['bin', 'out'] } },
  ],
});

export const trainingStaff = [
  { id: 'staff-1', displayName: 'Amara Okafor', email: 'amara.okafor@example.org', role: 'agent', team: 'Contact centre' },
  { id: 'staff-2', displayName: 'Tomasz Nowak', email: 'tomasz.nowak@example.org', role: 'team-leader', team: 'Contact centre' },
] as const satisfies SessionInfo['trainingStaff'];

export const session: SessionInfo = {
  mode: 'training',
  appVersion: '0.1.0',
  user: trainingStaff[0],
  trainingStaff: [...trainingStaff],
  features: { machineTranslation: false, teams: true, bookings: true },
  configSource: null,
  configProblems: [],
  maxAttachmentBytes: 10 * 1024 * 1024,
  identityPolicy: DEFAULT_IDENTITY_POLICY,
  queueServices: { 'Housing repairs': ['housing-repairs'], 'Waste and recycling': ['waste'] },
  trueResolutionDays: 7,
  dispositions: [
    { code: 'case-raised', label: 'Case raised for a service' },
    { code: 'emergency', label: 'Emergency escalated' },
  ],
};

export const summary: TrainingSummary = { seed: 20201, residents: 2000, households: 900, cases: 3100, openCases: 400, contacts: 9000, flags: 130, staff: 40 };

/** One resident the fake back office knows, as an agent sees it once the identity check is passed. */
export const residentView: ResidentView = {
  accessId: 'access-1',
  residentId: 'c2a9e6f0-1b2c-4d3e-8f4a-5b6c7d8e9f00',
  name: 'Ada Lovelace',
  identity: { status: 'passed', questions: ['name', 'dateOfBirth', 'addressLine1', 'postcode'], required: ['name', 'dateOfBirth'], oneOf: ['addressLine1', 'postcode'] },
  flags: [],
  hiddenStaffSafety: 0,
  communication: { language: { preferred: 'en', interpreterNeeded: false }, accessibilityNeeds: [] },
  record: {
    resident: {
      id: 'c2a9e6f0-1b2c-4d3e-8f4a-5b6c7d8e9f00',
      householdId: 'h-1',
      givenName: 'Ada',
      familyName: 'Lovelace',
      dateOfBirth: '1985-12-10',
      contact: { phones: [{ kind: 'mobile', number: '07700 900123' }] },
      preferences: { preferredChannel: 'phone', smsConsent: true, emailConsent: false, recordedOn: '2025-01-01' },
      language: { preferred: 'en', interpreterNeeded: false },
      accessibilityNeeds: [],
      mySouthwark: { status: 'active', registeredOn: '2024-01-01' },
    },
    household: null,
    householdMembers: [],
    councilTaxAccount: null,
    rentAccount: null,
    parkingPermits: [],
    cases: [],
    flags: [],
    staffNames: {},
  },
  repeatContact: null,
};

/** Training mode's interpreting lines, as 'languages.interpreterLines' answers them. */
export const interpreterLines: InterpreterLine[] = [
  { supplierId: 'languageline', supplierName: 'Borough Language Line (training)', phone: '020 7946 0472', accessCode: 'TRAIN-4821', department: 'Customer Contact Centre', kind: 'telephone' },
  { supplierId: 'languageline', supplierName: 'Borough Language Line BSL video (training)', phone: '020 7946 0473', accessCode: 'TRAIN-4821-BSL', department: 'Customer Contact Centre', kind: 'video' },
];

/** Answers a test gives for particular calls, taking precedence over the fake's own; one that throws is a refusal. */
/** A test's answer to a call; a promise lets a test hold the answer back (as a slow main would). */
export type FakeAnswers = { [N in CallName]?: (input: unknown) => CallResult<N> | Promise<CallResult<N>> };

/** The same resident before the identity check: the name and flags only. */
export const maskedResidentView: ResidentView = { ...residentView, identity: { ...residentView.identity, status: 'not-done' }, record: null };

const dataKeys = new Map<string, string>();
/** Each officer's data key, as main keeps it: made once per officer, the same for every page. */
export function fakeDataKey(staffId: string): string {
  let key = dataKeys.get(staffId);
  if (!key) {
    key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    dataKeys.set(staffId, key);
  }
  return key;
}

/**
 * A bridge answering from fixed data, recording calls, and able to raise events. While
 * `setBackOfficeReachable(false)`, the back office says it cannot be reached and resident and
 * audit calls answer 'not-connected'.
 */
export function fakeBridge(start: SessionInfo = session, answers: FakeAnswers = {}) {
  let current = start;
  let reachable = true;
  const calls: string[] = [];
  const snapshotReads: SnapshotRead[] = [];
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  // As the core does: a civicdesk:// link waits until the renderer takes it.
  const waitingLinks: DeepLink[] = [];
  const openLink = (link: DeepLink) => {
    waitingLinks.push(link);
    for (const listener of listeners) listener('deepLink.waiting', { count: waitingLinks.length });
  };
  const bridge: ApiBridge = createApiBridge({
    async invoke(name, input) {
      calls.push(name);
      const answer = answers[name as CallName];
      if (answer) {
        // A test's answer that throws is a refusal, as main's NotPossible would be.
        try {
          return { ok: true, value: await answer(input) };
        } catch (error) {
          return { ok: false, error: { code: 'not-possible', message: error instanceof Error ? error.message : String(error) } };
        }
      }
      if (!reachable && (name.startsWith('residents.') || name.startsWith('audit.'))) return { ok: false, error: { code: 'not-connected', message: 'CivicDesk cannot reach the council’s system.' } };
      if (name === 'backOffice.reachability' && !reachable) return { ok: true, value: { reachable: false, checkedAt: new Date().toISOString(), problem: 'The council’s system cannot be reached.' } };
      if (name === 'residents.open') {
        const { residentId } = input as { residentId: string };
        return residentId === residentView.residentId ? { ok: true, value: maskedResidentView } : { ok: false, error: { code: 'not-possible', message: 'That resident is not in the council’s records any more. Search again.' } };
      }
      if (name === 'residents.checkIdentity') return { ok: true, value: { results: maskedResidentView.identity.questions.map((question) => ({ question, matched: true })), view: residentView } };
      if (name === 'residents.overrideIdentity') return { ok: true, value: { ...residentView, identity: { ...residentView.identity, status: 'overridden' } } };
      if (name === 'residents.close') return { ok: true, value: { closed: (input as { accessIds: string[] }).accessIds.length } };
      if (name === 'residents.contactHistory') return { ok: true, value: { contacts: [], nextCursor: null, staffNames: {} } };
      if (name === 'audit.accesses') return { ok: true, value: [] };
      // No team leader has reviewed this officer's contacts yet.
      if (name === 'quality.mine') return { ok: true, value: [] };
      if (name === 'audit.recordSnapshotReads') {
        const { reads } = input as { reads: SnapshotRead[] };
        snapshotReads.push(...reads);
        return { ok: true, value: { recorded: reads.map((read) => read.id) } };
      }
      // The officer's state: recorded at once, and Teams not told (this computer is not signed in to Microsoft 365).
      if (name === 'agentState.record') return { ok: true, value: { recorded: (input as { changes: { id: string }[] }).changes.map((change) => change.id) } };
      if (name === 'agentState.reflect') return { ok: true, value: { teams: 'not-signed-in' } };
      // No call backs promised yet.
      if (name === 'callbacks.list') return { ok: true, value: { callbacks: [] } };
      if (name === 'session.get') return { ok: true, value: current };
      if (name === 'storage.dataKey') return current.user ? { ok: true, value: { key: fakeDataKey(current.user.id), kept: 'keychain' } } : { ok: false, error: { code: 'not-possible', message: 'Nobody is signed in.' } };
      if (name === 'storage.forgetDataKey') return { ok: true, value: { forgotten: true } };
      if (name === 'training.summary') return { ok: true, value: summary };
      if (name === 'scripts.list') return { ok: true, value: { scripts: [testScript], problems: [] } };
      if (name === 'scripts.lookup') return { ok: true, value: { available: false } };
      if (name === 'languages.interpreterLines') return { ok: true, value: interpreterLines.map((line) => ({ ...line })) };
      if (name === 'languages.table') return { ok: true, value: testLanguageTable };
      if (name === 'languages.phrases') {
        const book = testPhraseBooks[(input as { language: string }).language];
        return book ? { ok: true, value: book } : { ok: false, error: { code: 'not-possible', message: 'There are no phrases in this language yet.' } };
      }
      if (name === 'backOffice.reachability') return { ok: true, value: { reachable: true, checkedAt: new Date().toISOString(), problem: null } };
      if (name === 'standards.get') return { ok: true, value: { standards: [...DEFAULT_SERVICE_STANDARDS], holidays: [...shippedHolidays()], holidaySource: 'shipped' } };
      if (name === 'training.simulateCall') {
        const link = { kind: 'call', callerNumber: '020 7946 0999', queue: 'Waste and recycling', waitedSeconds: 42 } as const;
        openLink(link);
        const card = { callerNumber: link.callerNumber, name: 'Ada Lovelace', says: { name: 'Ada Lovelace', dateOfBirth: '10th December 85', addressLine1: '12 Peckham Road', postcode: 'se5 8ub' }, reason: 'Their recycling was not collected.', scriptWords: 'missed bin', sharedNumber: false };
        return { ok: true, value: { link, card } };
      }
      if (name === 'deepLink.take') return { ok: true, value: waitingLinks.splice(0) };
      if (name === 'session.actAsTrainingUser') {
        const user = current.trainingStaff.find((staff) => staff.id === (input as { staffId: string }).staffId) ?? null;
        current = { ...current, user };
        for (const listener of listeners) listener('session.changed', current);
        return { ok: true, value: current };
      }
      return { ok: false, error: { code: 'unknown-call', message: 'not in this fake' } };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  const emit = (name: EventName, payload: unknown) => {
    for (const listener of listeners) listener(name, payload);
  };
  const setBackOfficeReachable = (value: boolean) => {
    reachable = value;
  };
  return { bridge, calls, emit, openLink, snapshotReads, setBackOfficeReachable };
}

const language = (entry: Partial<LanguageEntry> & Pick<LanguageEntry, 'code' | 'englishName' | 'script' | 'direction' | 'region'>): LanguageEntry => ({ cldrEnglishName: null, autonym: null, autonymSource: null, aliases: [], supplierNames: {}, ...entry });

/** A small language table: scripts left to right and right to left, one language with no autonym, a sign language. */
export const testLanguageTable: LanguageTable = {
  builtFrom: { cldr: '48.2.0', builtOn: '2026-01-01' },
  languages: [
    language({ code: 'ti', englishName: 'Tigrinya', autonym: 'ትግርኛ', autonymSource: 'cldr', script: 'Ethi', direction: 'ltr', region: 'africa', aliases: ['Tigrigna'], supplierNames: { languageline: 'Tigrinya' } }),
    language({ code: 'so', englishName: 'Somali', autonym: 'Soomaali', autonymSource: 'cldr', script: 'Latn', direction: 'ltr', region: 'africa', supplierNames: { languageline: 'Somali' } }),
    language({ code: 'ar', englishName: 'Arabic', autonym: 'العربية', autonymSource: 'cldr', script: 'Arab', direction: 'rtl', region: 'middle-east', supplierNames: { languageline: 'Arabic (Modern Standard)' } }),
    language({ code: 'ckb', englishName: 'Kurdish (Sorani)', cldrEnglishName: 'Central Kurdish', autonym: 'کوردیی ناوەندی', autonymSource: 'cldr', script: 'Arab', direction: 'rtl', region: 'middle-east', aliases: ['Sorani'] }),
    language({ code: 'syl', englishName: 'Sylheti', script: 'Beng', direction: 'ltr', region: 'asia', supplierNames: { languageline: 'Sylheti' } }),
    language({ code: 'bfi', englishName: 'British Sign Language', script: 'Zxxx', direction: 'ltr', region: 'sign-languages', aliases: ['BSL'] }),
  ],
};

/** Phrase books by language: Tigrinya with one phrase not yet checked and one checked (with a placeholder), Arabic checked. */
export const testPhraseBooks: Record<string, PhraseBook> = {
  ti: {
    language: 'ti',
    script: 'Ethi',
    direction: 'ltr',
    showUnreviewed: true,
    phrases: [
      { id: 'getting-interpreter', english: 'Please wait, I am getting an interpreter. It is free.', text: 'ትግርኛ ፈተነ 1', reviewed: false, status: 'machine' },
      { id: 'reference-number', english: 'Your reference number is {reference}.', text: 'ትግርኛ ፈተነ {reference}', reviewed: true, status: 'reviewed' },
    ],
  },
  ar: {
    language: 'ar',
    script: 'Arab',
    direction: 'rtl',
    showUnreviewed: true,
    phrases: [{ id: 'getting-interpreter', english: 'Please wait, I am getting an interpreter. It is free.', text: 'العربية اختبار ١', reviewed: true, status: 'approved' }],
  },
};
