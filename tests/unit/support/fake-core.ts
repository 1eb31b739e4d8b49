import type { AccountStatus } from '../../../shared/contract/microsoft365';
import type { SessionInfo } from '../../../shared/contract/session';
import { createEventHub } from '../../../main/core/ipc/event-hub';
import { createRouter, type Handlers } from '../../../main/core/ipc/router';
import { DEFAULT_IDENTITY_POLICY } from '../../../shared/domain/identity-check';

export const trainingSession: SessionInfo = {
  mode: 'training',
  appVersion: '0.0.0-test',
  user: { id: 'staff-1', displayName: 'Test Agent', email: 'test.agent@example.org', role: 'agent', team: 'Contact centre' },
  trainingStaff: [],
  features: { machineTranslation: false, teams: true, bookings: true },
  configSource: null,
  configProblems: [],
  dispositions: [
    { code: 'case-raised', label: 'Case raised for a service' },
    { code: 'emergency', label: 'Emergency escalated' },
  ],
  maxAttachmentBytes: 10 * 1024 * 1024,
  identityPolicy: DEFAULT_IDENTITY_POLICY,
  queueServices: { 'Housing repairs': ['housing-repairs'], 'Waste and recycling': ['waste'] },
  trueResolutionDays: 7,
};

const signedOut: AccountStatus = { signedIn: false, signingIn: false, kept: 'keychain', keptReason: null, problem: null };

/** A core with handlers a test chooses, and a log that remembers what it was told. */
export function fakeCore(overrides: Partial<Handlers> = {}) {
  const errors: { message: string; details: Record<string, unknown> }[] = [];
  const handlers: Handlers = {
    'session.get': () => trainingSession,
    'session.actAsTrainingUser': () => trainingSession,
    'session.lock': () => trainingSession,
    'session.resume': () => trainingSession,
    'session.switchOfficer': () => trainingSession,
    'training.summary': () => ({ seed: 1, residents: 0, households: 0, cases: 0, openCases: 0, contacts: 0, flags: 0, staff: 0 }),
    'links.openExternal': () => ({ opened: true }),
    'training.simulateCall': () => ({
      link: { kind: 'call', callerNumber: '020 7946 0001', queue: 'Test', waitedSeconds: 1 },
      card: { callerNumber: '020 7946 0001', name: 'Test Caller', says: { name: 'Test Caller', dateOfBirth: '1/2/1980', addressLine1: '1 Test Road', postcode: 'se1 1aa' }, reason: 'Testing.', scriptWords: 'test', sharedNumber: false },
    }),
    'deepLink.take': () => [],
    'scripts.list': () => ({ scripts: [], problems: [] }),
    'scripts.lookup': () => ({ available: false }),
    'standards.get': () => ({ standards: [], holidays: [], holidaySource: 'shipped' }),
    'directory.changes': () => ({ read: '00000000-0000-4000-8000-000000000000', offset: 0, entries: [], removed: [], deltaToken: 't0', replacesAll: true, nextOffset: null, total: 0 }),
    // Nothing found in the council's system unless a test says otherwise.
    'directory.searchOnline': () => ({ hits: [] }),
    'residents.open': () => {
      throw new Error('not in this fake');
    },
    'residents.openCaller': () => ({ view: null }),
    'residents.checkIdentity': () => {
      throw new Error('not in this fake');
    },
    'residents.overrideIdentity': () => {
      throw new Error('not in this fake');
    },
    'residents.close': ({ accessIds }) => ({ closed: accessIds.length }),
    'residents.caseHistory': () => {
      throw new Error('not in this fake');
    },
    'residents.contactHistory': () => ({ contacts: [], nextCursor: null, staffNames: {} }),
    'audit.accesses': () => [],
    'audit.recordSnapshotReads': ({ reads }) => ({ recorded: reads.map((read) => read.id) }),
    'cases.submit': ({ cases }) => cases.map((each) => ({ id: each.id, result: 'created' as const, reference: null, etag: null })),
    'cases.update': () => ({ result: 'updated', etag: null }),
    // Dataverse's own lengths for incident.title and .description.
    'cases.textLengths': () => ({ summary: 200, description: 2000, source: 'tenant' }),
    'contacts.save': ({ contacts }) => contacts.map((each) => ({ id: each.id, result: 'saved' as const })),
    'backOffice.reachability': () => ({ reachable: true, checkedAt: '2024-01-01T00:00:00.000Z', problem: null }),
    'team.choices': () => {
      throw new Error('not in this fake');
    },
    'team.view': () => {
      throw new Error('not in this fake');
    },
    'team.officersNow': () => [],
    'team.contacts': () => [],
    'quality.form': () => {
      throw new Error('not in this fake');
    },
    'quality.sample': () => [],
    'quality.forContact': () => ({ review: null }),
    'quality.save': () => {
      throw new Error('not in this fake');
    },
    'quality.mine': () => [],
    'quality.acknowledge': () => {
      throw new Error('not in this fake');
    },
    'languages.table': () => ({ builtFrom: { cldr: '48.2.0', builtOn: '2026-03-25' }, languages: [] }),
    'languages.phrases': ({ language }) => ({ language, script: 'Latn', direction: 'ltr', phrases: [], showUnreviewed: true }),
    'languages.interpreterLines': () => [],
    'customerView.open': () => ({ opened: false }),
    'residents.setLanguage': () => {
      throw new Error('not in this fake');
    },
    'translation.translate': () => {
      throw new Error('not in this fake');
    },
    'account.status': () => signedOut,
    'account.signIn': () => {
      throw new Error('not in this fake');
    },
    'account.signOut': () => signedOut,
    'storage.dataKey': () => ({ key: 'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=', kept: 'keychain' }),
    'storage.forgetDataKey': () => ({ forgotten: true }),
    'teams.me': () => {
      throw new Error('not in this fake');
    },
    'teams.setMyPresence': () => {
      throw new Error('not in this fake');
    },
    'teams.searchPeople': () => [],
    'teams.serviceTeams': () => [],
    'teams.teamPresence': () => [],
    'teams.askExpert': () => ({ status: 'retry', reason: 'not in this fake' }),
    'teams.escalate': () => ({ status: 'retry', reason: 'not in this fake' }),
    'teams.replies': () => [],
    'appointments.today': () => ({ date: '2024-01-01', appointments: [], calendar: [] }),
    'appointments.checkIn': () => {
      throw new Error('not in this fake');
    },
    'appointments.bookFollowUp': () => {
      throw new Error('not in this fake');
    },
    'mail.queue': () => ({ mailbox: 'contact@example.org', emails: [], readAt: '2024-01-01T09:00:00.000Z' }),
    'mail.take': () => ({ status: 'gone' }),
    'mail.open': () => {
      throw new Error('not in this fake');
    },
    'mail.attachment': () => {
      throw new Error('not in this fake');
    },
    'mail.send': () => ({ status: 'retry', reason: 'not in this fake' }),
    'mail.finish': () => ({ finished: true }),
    'mail.services': () => ({ services: [] }),
    'messages.templates': () => ({ templates: [], problem: null }),
    'messages.send': () => ({ status: 'failed', reason: 'not in the fake core' }),
    'messages.status': () => [],
    'messages.forResident': () => [],
    'agentState.reflect': () => ({ teams: 'not-signed-in' }),
    'agentState.record': ({ changes }) => ({ recorded: changes.map((change) => change.id) }),
    'callbacks.promise': () => ({ status: 'failed', reason: 'not in the fake core' }),
    'callbacks.list': () => ({ callbacks: [] }),
    'callbacks.attempted': () => {
      throw new Error('not in the fake core');
    },
    'callbacks.done': () => {
      throw new Error('not in the fake core');
    },
    'tenant.readiness': () => ({ tenant: 'training', checks: [], ready: false }),
    ...overrides,
  };
  const events = createEventHub();
  const router = createRouter(handlers, { error: (message, details) => errors.push({ message, details }) });
  return { router, events, errors };
}
