import { useEffect, useRef } from 'react';

/**
 * Runs `task` every `ms` while `enabled`, never starting one while the last is still running
 * (a slow Microsoft 365 must not pile up requests). Stops when the component goes.
 */
export function useEvery(task: () => Promise<unknown>, ms: number, enabled: boolean): void {
  const latest = useRef(task);
  useEffect(() => {
    latest.current = task;
  });
  useEffect(() => {
    if (!enabled) return;
    let inFlight = false;
    const timer = setInterval(() => {
      if (inFlight) return;
      inFlight = true;
      void latest.current().finally(() => {
        inFlight = false;
      });
    }, ms);
    return () => clearInterval(timer);
  }, [ms, enabled]);
}
