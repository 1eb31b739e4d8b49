/**
 * Runs in Chromium for `npm run bench:capture`: the app's own save and submit code
 * (renderer/sync/case-store.ts) on the app's own case database, strict durability and all.
 */
import type { CaseDraft } from '../../shared/domain/case-draft';
import { CaseDatabase } from '../../renderer/storage/case-database';
import { saveDraft, submitDraft } from '../../renderer/sync/case-store';

function draft(id: string): CaseDraft {
  const now = new Date().toISOString();
  return {
    id,
    staffId: 'staff-bench',
    interactionId: null,
    residentId: null,
    residentName: null,
    anonymous: true,
    service: 'waste',
    category: 'missed-bin',
    priority: 'routine',
    serviceStandard: 'missed-bin',
    receivedOn: now.slice(0, 10),
    dueOn: now.slice(0, 10),
    summary: 'Bin not collected',
    description: '',
    location: '12 Example Road',
    postcode: 'SE1 1AA',
    contactPreference: '',
    fields: [],
    attachmentIds: [],
    source: null,
    focus: null,
    status: 'draft',
    createdAt: now,
    updatedAt: now,
  };
}

async function run(count: number, sealed: boolean): Promise<{ draftSave: number[]; submit: number[] }> {
  // Sealed as the app runs it (every row AES-GCM under an officer's non-extractable key), or
  // unsealed as versions before it did, for the cost of sealing in the same run.
  const key = sealed ? await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']) : null;
  const db = new CaseDatabase(`capture-bench-${sealed ? 'sealed' : 'unsealed'}-${Date.now()}`, key);
  await db.open();
  const typing = draft(crypto.randomUUID());
  const words = 'The bin at the front of the house was not collected on Tuesday and the lid is broken. ';
  const draftSave: number[] = [];
  // One keystroke's change at a time, as the form saves it: the whole draft, cursor included.
  for (let i = 0; i < count; i += 1) {
    typing.description += words[i % words.length];
    const started = performance.now();
    await saveDraft(db, typing, { field: 'description', selectionStart: typing.description.length, selectionEnd: typing.description.length });
    draftSave.push(performance.now() - started);
  }
  const ids = Array.from({ length: count }, () => crypto.randomUUID());
  await db.caseDrafts.bulkPut(ids.map(draft));
  const submit: number[] = [];
  for (const id of ids) {
    const started = performance.now();
    await submitDraft(db, id, 'bench-officer');
    submit.push(performance.now() - started);
  }
  const waiting = await db.outbox.count();
  if (waiting !== count) throw new Error(`expected ${count} cases in the outbox, found ${waiting}`);
  db.close();
  await CaseDatabase.delete(db.name);
  return { draftSave, submit };
}

(window as unknown as { runCaptureBench: typeof run }).runCaptureBench = run;
