import type { Reachability } from '../../shared/contract/cases';
import type { Outcome } from '../../shared/contract/outcome';
import type { Timers } from './timers';

/** What this window believes about the back office right now. */
export interface ReachabilityState {
  /** null until the first answer. */
  reachable: boolean | null;
  /** Plain English from main when it said why; null when the device is offline or no answer came. */
  problem: string | null;
  checkedAt: string | null;
}

export interface ReachabilityMonitor {
  start(): void;
  stop(): void;
  /** Ask now, for example after a send failed. */
  checkNow(): void;
  current(): ReachabilityState;
  /** Called on every change of state; returns the function that stops listening. */
  subscribe(listener: (state: ReachabilityState, previous: ReachabilityState) => void): () => void;
}

export interface ReachabilityDeps {
  /** `backOffice.reachability` across the contract. */
  check(): Promise<Outcome<Reachability>>;
  /** navigator.onLine: false is believed at once, true is only a reason to ask. */
  isOnline(): boolean;
  /** window, for 'online' and 'offline'; null where there is none (Node tests). */
  events: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  timers: Timers;
  now(): number;
  /** How long one check may take before it counts as no answer. */
  checkTimeoutMs?: number;
}

export const REACHABLE_INTERVAL_MS = 30_000;
export const FIRST_UNREACHABLE_INTERVAL_MS = 5_000;
const DEFAULT_CHECK_TIMEOUT_MS = 10_000;

/**
 * Watches whether the back office answers, by asking it. The operating system's "online"
 * says only that there is a network, not that the council's back office is behind it (captive
 * portals, VPN down, Dataverse down), so `true` is never trusted alone; `false` is, because
 * then nothing can get out. While unreachable it asks often (5 s, backing off to 30 s) so
 * waiting cases go soon after the network comes back.
 */
export function createReachabilityMonitor(deps: ReachabilityDeps): ReachabilityMonitor {
  const checkTimeoutMs = deps.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const listeners = new Set<(state: ReachabilityState, previous: ReachabilityState) => void>();
  let state: ReachabilityState = { reachable: null, problem: null, checkedAt: null };
  let running = false;
  let checking = false;
  let checkAgain = false;
  let timer: unknown = null;
  let unreachableInterval = FIRST_UNREACHABLE_INTERVAL_MS;

  const set = (next: ReachabilityState) => {
    const previous = state;
    state = next;
    if (previous.reachable !== next.reachable || previous.problem !== next.problem) {
      for (const listener of listeners) listener(next, previous);
    }
  };

  const schedule = () => {
    if (!running) return;
    if (timer !== null) deps.timers.clearTimeout(timer);
    let delay = REACHABLE_INTERVAL_MS;
    if (state.reachable !== true) {
      delay = unreachableInterval;
      unreachableInterval = Math.min(unreachableInterval * 2, REACHABLE_INTERVAL_MS);
    } else {
      unreachableInterval = FIRST_UNREACHABLE_INTERVAL_MS;
    }
    timer = deps.timers.setTimeout(() => {
      timer = null;
      void check();
    }, delay);
  };

  const ask = async (): Promise<ReachabilityState> => {
    const at = new Date(deps.now()).toISOString();
    if (!deps.isOnline()) return { reachable: false, problem: null, checkedAt: at };
    const answer = await withTimeout(deps.check(), checkTimeoutMs, deps.timers);
    if (answer === 'timed-out') return { reachable: false, problem: null, checkedAt: at };
    if (!answer.ok) return { reachable: false, problem: answer.error.message, checkedAt: at };
    return { reachable: answer.value.reachable, problem: answer.value.problem, checkedAt: answer.value.checkedAt };
  };

  const check = async (): Promise<void> => {
    if (!running) return;
    // One question at a time; a request in the meantime asks again straight after.
    if (checking) {
      checkAgain = true;
      return;
    }
    checking = true;
    try {
      const next = await ask().catch((): ReachabilityState => ({ reachable: false, problem: null, checkedAt: new Date(deps.now()).toISOString() }));
      if (running) set(next);
    } finally {
      checking = false;
    }
    if (checkAgain) {
      checkAgain = false;
      return check();
    }
    schedule();
  };

  const onOnline = () => {
    unreachableInterval = FIRST_UNREACHABLE_INTERVAL_MS;
    void check();
  };

  return {
    start() {
      if (running) return;
      running = true;
      deps.events?.addEventListener('online', onOnline);
      deps.events?.addEventListener('offline', onOnline);
      void check();
    },
    stop() {
      running = false;
      deps.events?.removeEventListener('online', onOnline);
      deps.events?.removeEventListener('offline', onOnline);
      if (timer !== null) deps.timers.clearTimeout(timer);
      timer = null;
    },
    checkNow() {
      void check();
    },
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Resolves with the promise's value, or 'timed-out' if it takes longer than `ms`. The
 * promise itself is not cancelled (nothing across the bridge can be), so whatever it does
 * later must be harmless; a late rejection is swallowed here.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, timers: Timers): Promise<T | 'timed-out'> {
  return new Promise((resolve, reject) => {
    const timer = timers.setTimeout(() => resolve('timed-out'), ms);
    promise.then(
      (value) => {
        timers.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        timers.clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
