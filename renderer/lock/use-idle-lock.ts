import { useEffect } from 'react';
import type { SessionInfo } from '../../shared/contract/session';
import { useBridge } from '../bridge/bridge-context';
import { idleAllowanceMs, TRAINING_IDLE_SECONDS_KEY } from './idle-allowance';

/** What counts as the officer being there: a key, the pointer, the wheel, a touch. */
const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
/** How often the page looks at the clock: a timer can sleep with the computer, the clock cannot. */
const LOOK_EVERY_MS = 1000;

/**
 * Locks the workstation after the officer's idle allowance with no activity on this page.
 * Main holds the lock (every window hears of it); the page only says when it saw nobody.
 */
export function useIdleLock(session: SessionInfo | null): void {
  const bridge = useBridge();
  const watching = session !== null && session.user !== null && !session.lock && session.mode !== 'config-error';
  const mode = session?.mode ?? 'training';
  const minutes = session?.idleLockMinutes;

  useEffect(() => {
    if (!watching) return;
    let lastActivity = Date.now();
    let asked = false;
    const noteActivity = () => {
      lastActivity = Date.now();
    };
    const look = () => {
      // Read each time: a trainer may shorten training's idle time part-way through a session.
      const allowance = idleAllowanceMs({ mode, idleLockMinutes: minutes }, readTrainingSeconds());
      if (asked || Date.now() - lastActivity < allowance) return;
      asked = true;
      void bridge.session.lock({ reason: 'idle' }).then((outcome) => {
        // Main could not be asked (the bridge dropped): look again after another allowance.
        if (!outcome.ok) {
          asked = false;
          lastActivity = Date.now();
        }
      });
    };
    for (const kind of ACTIVITY) window.addEventListener(kind, noteActivity, { capture: true, passive: true });
    const timer = window.setInterval(look, LOOK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      for (const kind of ACTIVITY) window.removeEventListener(kind, noteActivity, { capture: true });
    };
  }, [bridge, minutes, mode, watching]);
}

function readTrainingSeconds(): string | null {
  try {
    return window.sessionStorage.getItem(TRAINING_IDLE_SECONDS_KEY);
  } catch {
    return null;
  }
}
