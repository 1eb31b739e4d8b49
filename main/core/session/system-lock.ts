import type { LockReason } from '../../../shared/contract/session';
import type { Router } from '../ipc/router';
import { idleTimeIsUp } from './idle-lock';

/**
 * The desktop app's view of the whole computer (Electron's powerMonitor): the operating
 * system's own lock or sleep locks CivicDesk at once. Its idle time (keys and mouse in any
 * program) is a backstop for the page's own idle timer, which Chromium holds back in a
 * minimised or hidden window. The shell only passes the signals on; the decisions are here,
 * through the same call the pages use.
 */
export function createSystemLock(router: Router) {
  const lock = (reason: LockReason) => router.dispatch('session.lock', { reason }, { transport: 'ipc' });
  return {
    /** powerMonitor's 'lock-screen' and 'suspend'. */
    systemLocked: () => lock('system'),
    /** powerMonitor.getSystemIdleTime(), in seconds, checked every so often. Answers whether it locked. */
    async systemIdleFor(idleSeconds: number): Promise<boolean> {
      const outcome = await router.dispatch('session.get', {}, { transport: 'ipc' });
      if (!outcome.ok) return false;
      const session = outcome.value as { user: unknown; lock?: unknown; idleLockMinutes?: number };
      if (!session.user || session.lock || !session.idleLockMinutes) return false;
      if (!idleTimeIsUp(idleSeconds * 1000, session.idleLockMinutes * 60_000)) return false;
      const locked = await lock('idle');
      return locked.ok;
    },
  };
}
