import type { ApiBridge } from '../../shared/contract/api-bridge';
import type { CallError } from '../../shared/contract/outcome';
import type { SessionInfo } from '../../shared/contract/session';

/** What the page knows of who is signed in: nothing yet, the session, or why main could not say. */
export interface SessionKnown {
  session: SessionInfo | null;
  error: CallError | null;
}

export interface SessionFollower {
  /** The same object until something changes (React's useSyncExternalStore relies on it). */
  known(): SessionKnown;
  listen(listener: () => void): () => void;
  stop(): void;
}

/**
 * Asks main who is signed in, and follows every change from that same moment, so a lock or a
 * sign-out between the question and its answer is never missed. renderer/main.tsx starts it
 * before the first paint rather than after it (everything the workstation draws waits on this
 * answer); SessionGate shows what it knows. Answers are taken in the order they arrive.
 */
export function followSession(bridge: ApiBridge): SessionFollower {
  let known: SessionKnown = { session: null, error: null };
  let stopped = false;
  const listeners = new Set<() => void>();
  const take = (next: SessionKnown) => {
    if (stopped) return;
    known = next;
    for (const listener of listeners) listener();
  };
  const stopFollowing = bridge.on('session.changed', (session) => take({ session, error: null }));
  void bridge.session.get({}).then((outcome) => {
    if (outcome.ok) take({ session: outcome.value, error: null });
    // A change that arrived first already says who is signed in.
    else if (!known.session) take({ session: null, error: outcome.error });
  });
  return {
    known: () => known,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      stopFollowing();
      listeners.clear();
    },
  };
}
