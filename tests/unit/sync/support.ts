import 'fake-indexeddb/auto';
import type { CaseSendResult, CaseSubmission, CaseUpdate, CaseUpdateResult } from '../../../shared/contract/cases';
import type { Outcome } from '../../../shared/contract/outcome';
import type { CaseDraft } from '../../../shared/domain/case-draft';
import type { Interaction } from '../../../shared/domain/interaction';
import { CaseDatabase } from '../../../renderer/storage/case-database';
import { submitDraft } from '../../../renderer/sync/case-store';
import { inProcessLock, type RequestLock } from '../../../renderer/sync/leader-lock';
import { createSyncLoop, type BackOfficeFacade, type SyncLoop, type SyncLoopDeps } from '../../../renderer/sync/sync-loop';
import { realTimers } from '../../../renderer/sync/timers';
import type { ContactSaveResult, ContactSubmission } from '../../../shared/contract/contacts';

let databases = 0;
/** The outbox is tested as it runs: every row sealed under an officer's key. */
const testKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

/** A fresh, empty case database per test, sealed. */
export const freshDb = () => new CaseDatabase(`sync-test-${++databases}-${crypto.randomUUID()}`, testKey);

export function draft(overrides: Partial<CaseDraft> = {}): CaseDraft {
  const at = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    staffId: 'staff-1',
    interactionId: null,
    residentId: crypto.randomUUID(),
    residentName: 'Ada Lovelace',
    anonymous: false,
    service: 'waste',
    category: 'missed-bin',
    priority: 'routine',
    serviceStandard: 'missed-bin',
    receivedOn: '2025-03-03',
    dueOn: '2025-03-05',
    summary: 'Missed recycling bin',
    description: 'Not collected on Monday.',
    location: '12 Peckham Road',
    postcode: 'SE5 8UB',
    contactPreference: 'phone',
    fields: [{ name: 'bin', question: 'Which bin?', answer: 'Recycling' }],
    attachmentIds: [],
    source: null,
    focus: null,
    status: 'draft',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** Puts a draft in and submits it: a case waiting in the outbox. */
export async function submitted(db: CaseDatabase, overrides: Partial<CaseDraft> = {}): Promise<string> {
  const made = draft(overrides);
  await db.caseDrafts.put(made);
  await submitDraft(db, made.id, 'staff-1');
  return made.id;
}

export function interaction(overrides: Partial<Interaction> = {}): Interaction {
  return {
    id: crypto.randomUUID(),
    channel: 'phone',
    callerNumber: '020 7946 0999',
    queue: 'Waste',
    waitedSeconds: 30,
    answeredAt: '2025-03-03T09:00:00.000Z',
    endedAt: '2025-03-03T09:05:00.000Z',
    staffId: 'staff-1',
    residentId: null,
    outcomes: [],
    wrapUp: null,
    status: 'done',
    ...overrides,
  };
}

type SubmitAnswer = (cases: CaseSubmission[]) => Promise<Outcome<CaseSendResult[]>> | Outcome<CaseSendResult[]>;
type UpdateAnswer = (input: CaseUpdate) => Promise<Outcome<CaseUpdateResult>> | Outcome<CaseUpdateResult>;
type ContactsAnswer = (contacts: ContactSubmission[]) => Promise<Outcome<ContactSaveResult[]>> | Outcome<ContactSaveResult[]>;

/** A back office that records every call and answers as the test says (by default: created). */
export function fakeBackOffice(answerSubmit?: SubmitAnswer, answerUpdate?: UpdateAnswer, answerContacts?: ContactsAnswer) {
  const submits: CaseSubmission[][] = [];
  const updates: CaseUpdate[] = [];
  const contactSaves: ContactSubmission[][] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const facade: BackOfficeFacade = {
    async submit(cases) {
      submits.push(cases);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        if (answerSubmit) return await answerSubmit(cases);
        return { ok: true, value: cases.map((each, index) => ({ id: each.id, result: 'created', reference: `CAS-${submits.length}-${index}`, etag: 'W/"1"' })) };
      } finally {
        inFlight -= 1;
      }
    },
    async update(input) {
      updates.push(input);
      if (answerUpdate) return answerUpdate(input);
      return { ok: true, value: { result: 'updated', etag: 'W/"2"' } };
    },
    async saveContacts(contacts) {
      contactSaves.push(contacts);
      if (answerContacts) return answerContacts(contacts);
      return { ok: true, value: contacts.map((each) => ({ id: each.id, result: 'saved' as const })) };
    },
  };
  return { facade, submits, updates, contactSaves, mostInFlight: () => mostInFlight };
}

export function loopFor(db: CaseDatabase, backOffice: BackOfficeFacade, more: Partial<SyncLoopDeps> = {}, lock: RequestLock = inProcessLock()): SyncLoop {
  return createSyncLoop({ db, backOffice, requestLock: lock, now: Date.now, random: Math.random, timers: realTimers, ...more });
}

/** Waits until `check` is true, polling; fails the test after `ms`. */
export async function until(check: () => Promise<boolean> | boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
