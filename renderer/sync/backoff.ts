export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * Exponential backoff with full jitter: anywhere between now and the ceiling. The jitter is
 * the point: after an outage every window on every desk comes back at once, and spreading
 * their resends keeps them from hitting Dataverse's service protection limits together.
 */
export function backoffMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
}

/** When a case may go again: not before the server's Retry-After, nor before our own backoff. */
export function retryDelayMs(attempts: number, afterMs: number, random: () => number): number {
  return Math.max(afterMs, backoffMs(attempts, random));
}
