import type { SessionInfo } from '../../shared/contract/session';

/**
 * Training only: seconds of idle before the lock, set for this tab (sessionStorage), so a
 * trainer can show the lock, and a test can wait for it, without waiting minutes. Live mode
 * never reads it: there the council's deployment file decides.
 */
export const TRAINING_IDLE_SECONDS_KEY = 'civicdesk.training.idleLockSeconds';

/** When nothing says otherwise (main always does): the longer of the two defaults. */
const FALLBACK_MINUTES = 15;

/** How long this page waits without a key or a pointer before it locks the workstation, in milliseconds. */
export function idleAllowanceMs(session: Pick<SessionInfo, 'mode' | 'idleLockMinutes'>, trainingSeconds: string | null): number {
  if (session.mode === 'training' && trainingSeconds !== null && /^\d{1,4}$/.test(trainingSeconds)) {
    const seconds = Number(trainingSeconds);
    if (seconds >= 1) return seconds * 1000;
  }
  return (session.idleLockMinutes ?? FALLBACK_MINUTES) * 60_000;
}
