import { setFlagsFromString } from 'node:v8';

/**
 * Main collects its short-lived garbage on its own thread, not with V8's helper threads.
 * On an agent's two-core PC the page is drawing on the other core when a call arrives; a
 * young-generation collection shared with a helper thread then waits for that thread to get
 * a core. In bench:screenpop those collections stopped main for 25-65 ms, in the middle of
 * reading the caller's record (main shares its heap with the training back office); done on
 * main's thread alone they took 2-12 ms. V8 reads the flag at each collection, so setting it
 * once main has started is enough (tests/unit/core/gc-pauses.test.ts).
 */
export function keepGcPausesShort(): void {
  setFlagsFromString('--no-parallel-scavenge');
}
