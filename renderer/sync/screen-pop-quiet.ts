/**
 * While a call's record is being opened on screen, the outbox waits. The officer is waiting
 * for the caller's record; nobody is waiting for the writes, which are in IndexedDB already,
 * so sending them a moment later loses nothing and leaves main to the screen-pop.
 * A hold ends when it is released or after HOLD_MS, so a pop that never finishes (a number
 * several residents share, a lookup that fails) holds nothing up for long.
 */
const HOLD_MS = 2_000;

let holds = 0;
let waiting: (() => void)[] = [];

export function holdSends(): () => void {
  holds += 1;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    holds -= 1;
    if (holds > 0) return;
    const go = waiting;
    waiting = [];
    for (const each of go) each();
  };
  const timer = setTimeout(release, HOLD_MS);
  return release;
}

/** Resolves at once, or when the last hold ends. */
export function sendsAllowed(): Promise<void> {
  return holds === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
}
