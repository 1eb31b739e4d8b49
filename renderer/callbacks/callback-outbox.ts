import type { ApiBridge } from '../../shared/contract/api-bridge';
import type { CallbackPromiseResult } from '../../shared/contract/callbacks';
import type { Outcome } from '../../shared/contract/outcome';
import type { CallbackFor } from '../../shared/domain/callback';
import type { CaseDatabase } from '../storage/case-database';
import { oneAtATime } from '../sync/one-at-a-time';

/** How often promises still waiting for the council's system are tried again. */
export const CALLBACK_RETRY_INTERVAL_MS = 30_000;

/**
 * A call back promised on this computer, kept here until the council's system has it as a
 * scheduled phone call: a promise made offline is not lost, and goes once (its id is the
 * phone call's id in Dataverse, so a second try finds the first).
 */
export interface PromisedCallback {
  id: string;
  staffId: string;
  residentId: string;
  residentName: string;
  interactionId: string | null;
  number: string;
  reason: string;
  from: string;
  to: string;
  forWhom: CallbackFor;
  writtenAt: string;
  state: 'waiting' | 'failed';
  failure: string | null;
}

/** Written to this computer first (strict durability), then sent. */
export async function writeCallback(db: CaseDatabase, promise: Omit<PromisedCallback, 'state' | 'failure'>): Promise<void> {
  await db.transaction('rw', db.callbacks, () => db.callbacks.add({ ...promise, state: 'waiting', failure: null }));
}

type SendOneResult = 'done' | 'stop';

async function sendOne(db: CaseDatabase, bridge: ApiBridge, promise: PromisedCallback): Promise<SendOneResult> {
  const outcome = await bridge.callbacks
    .promise({ callbackId: promise.id, residentId: promise.residentId, interactionId: promise.interactionId, number: promise.number, reason: promise.reason, from: promise.from, to: promise.to, forWhom: promise.forWhom })
    .catch((error: unknown): Outcome<CallbackPromiseResult> => ({ ok: false, error: { code: 'not-connected', message: error instanceof Error ? error.message : String(error) } }));
  if (outcome.ok && outcome.value.status === 'promised') {
    // The council's system has it: the Callbacks place lists it from there now.
    await db.transaction('rw', db.callbacks, () => db.callbacks.delete(promise.id));
    return 'done';
  }
  if (outcome.ok && outcome.value.status === 'failed') {
    await db.transaction('rw', db.callbacks, () => db.callbacks.update(promise.id, { state: 'failed', failure: outcome.value.status === 'failed' ? outcome.value.reason : null }));
    return 'done';
  }
  const failure = outcome.ok ? ('reason' in outcome.value ? outcome.value.reason : null) : outcome.error.message || null;
  if (!outcome.ok && outcome.error.code !== 'not-connected' && outcome.error.code !== 'handler-failed') {
    // Main refused it as it is (a number that is not a phone number): the officer puts it right.
    await db.transaction('rw', db.callbacks, () => db.callbacks.update(promise.id, { state: 'failed', failure }));
    return 'done';
  }
  // Not reachable or busy: it waits, and the rest wait behind it.
  await db.transaction('rw', db.callbacks, () => db.callbacks.update(promise.id, { failure }));
  return 'stop';
}

/** Sends every promise waiting on this computer, oldest first, one at a time. */
export function createCallbackSender(db: CaseDatabase, bridge: ApiBridge, staffId: () => string | null): () => Promise<void> {
  return oneAtATime(async () => {
    const staff = staffId();
    if (staff === null) return;
    const waiting = (await db.callbacks.where('staffId').equals(staff).toArray()).filter((each) => each.state === 'waiting').sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
    for (const promise of waiting) {
      if ((await sendOne(db, bridge, promise)) === 'stop') return;
    }
  });
}
