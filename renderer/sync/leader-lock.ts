/**
 * Runs `fn` holding the named exclusive lock, waiting for it while another holder has it, and
 * releases it when `fn` settles. Aborting `signal` gives up waiting. navigator.locks.request
 * has this shape.
 */
export type RequestLock = (name: string, signal: AbortSignal, fn: () => Promise<void>) => Promise<void>;

/** The one lock every CivicDesk window on this computer competes for to be the sender. */
export const SYNC_LOCK_NAME = 'civicdesk-sync';

/** The part of the browser's LockManager used here; declared so Node-side code can compile this file. */
interface LockRequester {
  request(name: string, options: { signal: AbortSignal }, fn: () => Promise<void>): Promise<void>;
}

/** navigator.locks where the browser has it (Chromium and Electron do); null otherwise. */
export function browserLock(): RequestLock | null {
  const locks = (globalThis as { navigator?: { locks?: LockRequester } }).navigator?.locks;
  if (!locks) return null;
  return (name, signal, fn) =>
    locks.request(name, { signal }, () => fn()).catch((error: unknown) => {
      // Giving up waiting is how a window that closes before it led says goodbye.
      if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
    });
}

/**
 * The same behaviour inside one process, for tests, the bench and hosts without Web Locks:
 * holders queue in the order they asked.
 */
export function inProcessLock(): RequestLock {
  const tails = new Map<string, Promise<void>>();
  return (name, signal, fn) => {
    const before = tails.get(name) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((resolve) => (release = resolve));
    tails.set(name, before.then(() => mine));
    return before.then(() => (signal.aborted ? undefined : fn())).finally(() => release());
  };
}
