import { liveQuery, type Subscription } from 'dexie';
import type { ApiBridge } from '../../shared/contract/api-bridge';
import { MOST_CASES_PER_SUBMIT, type CaseSendResult, type CaseSubmission, type CaseUpdate, type CaseUpdateResult } from '../../shared/contract/cases';
import type { Outcome } from '../../shared/contract/outcome';
import { MOST_CONTACTS_PER_SAVE, type ContactSaveResult, type ContactSubmission } from '../../shared/contract/contacts';
import type { OutboxItem } from '../../shared/domain/case-sync';
import type { CaseDatabase } from '../storage/case-database';
import { applyCallFailure, applyContactResults, applyHeld, applySendResults, applyUpdateResult, type Applied } from './apply-results';
import { prepareContact } from './contact-payload';
import { backoffMs } from './backoff';
import { prepareCreate, prepareUpdate } from './case-payload';
import { SYNC_LOCK_NAME, type RequestLock } from './leader-lock';
import { withTimeout } from './reachability';
import type { Timers } from './timers';

/** The calls the loop makes, so tests can answer them without a bridge. */
export interface BackOfficeFacade {
  submit(cases: CaseSubmission[]): Promise<Outcome<CaseSendResult[]>>;
  update(input: CaseUpdate): Promise<Outcome<CaseUpdateResult>>;
  saveContacts(contacts: ContactSubmission[]): Promise<Outcome<ContactSaveResult[]>>;
}

export const bridgeFacade = (bridge: ApiBridge): BackOfficeFacade => ({
  submit: (cases) => bridge.cases.submit({ cases }),
  update: (input) => bridge.cases.update(input),
  saveContacts: (contacts) => bridge.contacts.save({ contacts }),
});

export interface SyncLoopLimits {
  casesPerCall: number;
  /** Roughly how much base64 one call may carry; a single bigger case still goes, alone. */
  bytesPerCall: number;
  /** A call may take this long, plus `perMegabyteMs` for each MB it carries, before it counts as lost. */
  timeoutMs: number;
  perMegabyteMs: number;
}

/**
 * 50 cases a call: main makes each call one $batch (about 150 operations, well inside
 * Dataverse's 1,000), and the officer sees the count of waiting cases fall as each lands.
 */
export const DEFAULT_LIMITS: SyncLoopLimits = {
  casesPerCall: Math.min(50, MOST_CASES_PER_SUBMIT),
  bytesPerCall: 32 * 1024 * 1024,
  timeoutMs: 30_000,
  perMegabyteMs: 1_000,
};

export interface SyncLoopDeps {
  db: CaseDatabase;
  backOffice: BackOfficeFacade;
  requestLock: RequestLock;
  now(): number;
  random(): number;
  timers: Timers;
  /** The reachability monitor's belief; while false only syncNow sends. */
  isReachable?(): boolean | null;
  /** The officer signed in: only their own contacts go (main records the signed-in officer). */
  staffId?(): string | null;
  /** A call got no answer: the monitor should ask now rather than at its next tick. */
  onCallFailed?(): void;
  /** Resolves when sending may go ahead (not while a screen-pop is opening a caller's record). */
  quiet?(): Promise<void>;
  limits?: Partial<SyncLoopLimits>;
}

export interface SyncLoopState {
  /** This window holds the sync lock and does the sending for this computer. */
  leader: boolean;
  sending: boolean;
  /** Why the last call got no answer (main's words), or null; cleared by the next answer. */
  problem: string | null;
  /** The last call got no answer at all. */
  lastCallFailed: boolean;
}

export interface SyncLoop {
  start(): void;
  /** Stops and, if leading, finishes the send in hand and lets go of the lock. */
  stop(): Promise<void>;
  /** Sends everything not held now, ignoring backoff: a person asked, or the back office came back. */
  syncNow(): void;
  state(): SyncLoopState;
  subscribe(listener: (state: SyncLoopState) => void): () => void;
}

type Trigger = 'start' | 'sync-now' | 'outbox' | 'timer';

/**
 * Sends the outbox to the back office. Only one window on this computer sends at a time: it
 * holds the Web Lock 'civicdesk-sync' for as long as it is open and every other window waits
 * for it. Two windows sending the same outbox would send each case twice (harmless for
 * Dataverse, since ids are fixed, but double the requests against the service protection
 * limits) and race on the outbox rows; and because a waiting window gets the lock the moment
 * the leader closes or crashes, sending never stops while any window is open.
 * Inside the window one pass runs at a time; asking during a pass runs one more after it.
 */
export function createSyncLoop(deps: SyncLoopDeps): SyncLoop {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const { db } = deps;
  const listeners = new Set<(state: SyncLoopState) => void>();
  let state: SyncLoopState = { leader: false, sending: false, problem: null, lastCallFailed: false };
  let running = false;
  let abort: AbortController | null = null;
  let released: Promise<void> = Promise.resolve();
  let stopped: () => void = () => {};
  let pass: Promise<void> | null = null;
  let again = false;
  let force = false;
  let timer: unknown = null;
  /** Not before this instant, whole loop: Retry-After, or backoff after a call got no answer. */
  let pauseUntil = 0;
  let failures = 0;

  const set = (change: Partial<SyncLoopState>) => {
    state = { ...state, ...change };
    for (const listener of listeners) listener(state);
  };
  const clock = () => {
    const nowMs = deps.now();
    return { nowMs, at: new Date(nowMs).toISOString(), random: deps.random };
  };

  const trigger = (why: Trigger) => {
    if (!state.leader || !running) return;
    if (why === 'sync-now') {
      force = true;
      pauseUntil = 0;
    } else if (deps.isReachable?.() === false || deps.now() < pauseUntil) {
      // The monitor's recovery, or the timer at pauseUntil, brings us back.
      if (why !== 'timer') return;
      if (deps.now() < pauseUntil) return void schedule();
    }
    if (pass) {
      again = true;
      return;
    }
    pass = runPasses().finally(() => (pass = null));
  };

  const runPasses = async () => {
    do {
      again = false;
      const ignoreBackoff = force;
      force = false;
      set({ sending: true });
      try {
        await deps.quiet?.();
        await sendDue(ignoreBackoff);
      } catch (error) {
        // A storage failure: nothing was removed (every change is one transaction); try later.
        failures += 1;
        pauseUntil = deps.now() + loopBackoffMs();
        set({ problem: error instanceof Error ? error.message : String(error) });
      } finally {
        set({ sending: false });
      }
    } while (again && running && state.leader);
    await schedule();
  };

  const dueItems = async (ignoreBackoff: boolean): Promise<OutboxItem[]> => {
    const now = deps.now();
    const items = await db.outbox.toArray();
    return items
      .filter((item) => !item.held && (ignoreBackoff || item.notBefore === null || Date.parse(item.notBefore) <= now))
      .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  };

  const sendDue = async (ignoreBackoff: boolean) => {
    const due = await dueItems(ignoreBackoff);
    // Cases first: a contact that raised a case names it once the council's system has it.
    const items = due.filter((each) => each.kind !== 'contact');
    let group: { item: OutboxItem; payload: CaseSubmission; bytes: number }[] = [];
    let groupBytes = 0;
    for (const item of items.filter((each) => each.operation === 'create')) {
      if (!running) return;
      const prepared = await prepareCreate(db, item.id);
      if (prepared.kind !== 'ready') {
        await applyHeld(db, [{ item, problem: prepared.kind === 'missing' ? 'The case is missing on this computer.' : prepared.problem }], clock());
        continue;
      }
      if (group.length > 0 && (group.length >= limits.casesPerCall || groupBytes + prepared.bytes > limits.bytesPerCall)) {
        if (!(await sendGroup(group))) return;
        group = [];
        groupBytes = 0;
      }
      group.push({ item, payload: prepared.payload, bytes: prepared.bytes });
      groupBytes += prepared.bytes;
    }
    if (group.length > 0 && !(await sendGroup(group))) return;
    for (const item of items.filter((each) => each.operation === 'update')) {
      if (!running) return;
      if (!(await sendUpdate(item))) return;
    }
    await sendContacts(due.filter((each) => each.kind === 'contact'));
  };

  /** Contacts, each as it is now, up to MOST_CONTACTS_PER_SAVE a call; false when the pass should stop. */
  const sendContacts = async (items: OutboxItem[]): Promise<boolean> => {
    let group: { item: OutboxItem; payload: ContactSubmission }[] = [];
    const flush = async () => {
      if (group.length === 0) return true;
      const sent = group;
      group = [];
      const answer = await call(() => deps.backOffice.saveContacts(sent.map((each) => each.payload)), 0);
      if (!answer.ok) {
        await failed(
          sent.map((each) => each.item),
          answer.error.message,
        );
        return false;
      }
      return answered(await applyContactResults(db, sent, answer.value, clock()));
    };
    for (const item of items) {
      if (!running) return false;
      const prepared = await prepareContact(db, item.id, deps.staffId?.() ?? null);
      if (prepared.kind === 'wait') continue;
      if (prepared.kind !== 'ready') {
        await applyHeld(db, [{ item, problem: prepared.kind === 'missing' ? 'The contact is missing on this computer.' : prepared.problem }], clock());
        continue;
      }
      group.push({ item, payload: prepared.payload });
      if (group.length >= MOST_CONTACTS_PER_SAVE && !(await flush())) return false;
    }
    return flush();
  };

  /** One `cases.submit`; false when the loop should stop this pass (no answer, or throttled). */
  const sendGroup = async (group: { item: OutboxItem; payload: CaseSubmission; bytes: number }[]): Promise<boolean> => {
    const bytes = group.reduce((sum, each) => sum + each.bytes, 0);
    const sent = group.map((each) => each.item);
    const answer = await call(() => deps.backOffice.submit(group.map((each) => each.payload)), bytes);
    if (!answer.ok) {
      const refused = refusedByIndex(answer.error);
      if (refused.size > 0) {
        const held = sent.flatMap((item, index) => {
          const problem = refused.get(index);
          return problem === undefined ? [] : [{ item, problem }];
        });
        await applyHeld(db, held, clock());
        await applyCallFailure(db, sent.filter((_, index) => !refused.has(index)), answer.error.message, clock());
        return true;
      }
      await failed(sent, answer.error.message);
      return false;
    }
    return answered(await applySendResults(db, sent, answer.value, clock()));
  };

  const sendUpdate = async (item: OutboxItem): Promise<boolean> => {
    const prepared = await prepareUpdate(db, item.id);
    if (prepared.kind !== 'ready') {
      await applyHeld(db, [{ item, problem: prepared.kind === 'missing' ? 'The case is missing on this computer.' : prepared.problem }], clock());
      return true;
    }
    const answer = await call(() => deps.backOffice.update(prepared.payload), prepared.bytes);
    if (!answer.ok) {
      await failed([item], answer.error.message);
      return false;
    }
    return answered(await applyUpdateResult(db, item, answer.value, clock()));
  };

  /**
   * A bridge call with a time limit. In the browser host an offline page's socket holds
   * messages without failing, so without a limit a pass could wait for ever. A reply that
   * comes after the limit is ignored: by then the cases are back in the outbox with their
   * fixed ids, and the next send is told 'already-there'.
   */
  const call = async <T>(send: () => Promise<Outcome<T>>, bytes: number): Promise<Outcome<T>> => {
    const ms = limits.timeoutMs + Math.ceil(bytes / (1024 * 1024)) * limits.perMegabyteMs;
    try {
      const answer = await withTimeout(send(), ms, deps.timers);
      if (answer === 'timed-out') return { ok: false, error: { code: 'not-connected', message: '' } };
      return answer;
    } catch (error) {
      return { ok: false, error: { code: 'not-connected', message: error instanceof Error ? error.message : String(error) } };
    }
  };

  const failed = async (sent: OutboxItem[], message: string) => {
    await applyCallFailure(db, sent, message || 'No answer from the back office.', clock());
    failures += 1;
    pauseUntil = deps.now() + loopBackoffMs();
    set({ problem: message || null, lastCallFailed: true });
    deps.onCallFailed?.();
  };

  const answered = (applied: Applied): boolean => {
    failures = 0;
    if (state.problem !== null || state.lastCallFailed) set({ problem: null, lastCallFailed: false });
    if (applied.throttleMs > 0) {
      // Service protection limits are per user, not per case: sending the next call now would only earn another 429.
      pauseUntil = Math.max(pauseUntil, deps.now() + applied.throttleMs);
      return false;
    }
    return true;
  };

  /** Equal jitter for the whole loop, so it never spins when the back office is away. */
  const loopBackoffMs = () => {
    const full = backoffMs(failures, () => 1);
    return Math.floor(full / 2 + deps.random() * (full / 2));
  };

  /** Wakes up for the soonest item in backoff, or at the end of a pause. */
  const schedule = async () => {
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
    if (!running || !state.leader) return;
    const waiting = (await db.outbox.toArray()).filter((item) => !item.held);
    if (waiting.length === 0) return;
    const now = deps.now();
    const soonest = Math.min(...waiting.map((item) => (item.notBefore === null ? now : Date.parse(item.notBefore))));
    const at = Math.max(soonest, pauseUntil, now + 50);
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = deps.timers.setTimeout(() => {
      timer = null;
      trigger('timer');
    }, at - now);
  };

  /** A new or re-queued item shows as a change in the newest queuedAt. */
  const watchOutbox = (): Subscription => {
    let seen = '';
    return liveQuery(() => db.outbox.orderBy('queuedAt').last()).subscribe({
      next(item) {
        const key = item ? `${item.id}@${item.queuedAt}` : '';
        if (key !== seen) {
          seen = key;
          if (item) trigger('outbox');
        }
      },
      error() {
        // The timer and syncNow still send; a broken watch only delays a new case.
      },
    });
  };

  const lead = async () => {
    if (!running) return;
    set({ leader: true });
    const watch = watchOutbox();
    trigger('start');
    await new Promise<void>((resolve) => (stopped = resolve));
    watch.unsubscribe();
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
    // Let go of the lock only once the send in hand is answered or timed out, so the next leader never overlaps it.
    await pass;
    set({ leader: false });
  };

  return {
    start() {
      if (running) return;
      running = true;
      abort = new AbortController();
      released = deps.requestLock(SYNC_LOCK_NAME, abort.signal, lead);
    },
    async stop() {
      if (!running) return;
      running = false;
      const leading = state.leader;
      abort?.abort();
      stopped();
      // A window still waiting for the lock just stops waiting; a leader hands over cleanly.
      if (leading) await released;
    },
    syncNow: () => trigger('sync-now'),
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Which cases main's schema refused, from field paths like `cases.3.summary`. */
function refusedByIndex(error: { code: string; fields?: { path: string; message: string }[] }): Map<number, string> {
  const refused = new Map<number, string>();
  if (error.code !== 'invalid-input') return refused;
  for (const field of error.fields ?? []) {
    const match = /^cases\.(\d+)\.?(.*)$/.exec(field.path);
    if (match) refused.set(Number(match[1]), `${match[2] ?? ''}: ${field.message}`);
  }
  return refused;
}
