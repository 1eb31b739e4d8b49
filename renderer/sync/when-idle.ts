/** The page's idle callbacks, where it has them (a browser; not the unit tests' jsdom). */
const page = globalThis as {
  requestIdleCallback?: (run: (deadline: { timeRemaining(): number }) => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * Runs `work` at the page's next idle moment (the browser's requestIdleCallback), or within
 * `withinMs` if no idle moment comes first; a page without idle callbacks runs it on the next
 * turn. `work` is told how long the idle moment has left (nothing without idle callbacks), so
 * work in many small steps can take as many as fit. Returns a function that cancels it if it has not run.
 *
 * Background work the workstation starts with (sending what waited, tidying by the retention
 * rule) runs this way: on a new PC the first screen, the search box and the officer's first
 * search share the page's one thread with it, and nobody is waiting for it.
 */
export function whenIdle(work: (msLeft: () => number) => void, withinMs?: number): () => void {
  if (typeof page.requestIdleCallback === 'function') {
    const handle = page.requestIdleCallback((deadline) => work(() => deadline.timeRemaining()), withinMs === undefined ? undefined : { timeout: withinMs });
    return () => page.cancelIdleCallback?.(handle);
  }
  const timer = setTimeout(() => work(() => 0), 0);
  return () => clearTimeout(timer);
}

/** How long the workstation's start-up sends and tidying wait at most for an idle moment. */
export const START_UP_WORK_WITHIN_MS = 1_000;
