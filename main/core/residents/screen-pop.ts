/** A read for a call that has moved on is of no use: the link itself expires then (waiting-links.ts). */
export const POP_KEPT_MS = 2 * 60 * 1000;
/** More than this many calls ringing at once at one workstation is no real switchboard; the oldest go. */
const MOST_WAITING = 5;

/** The caller found by their number, with their record read: or nobody (no one, or more than one, has the number). */
export type CallerRead<Read> = { residentId: string; read: Read } | null;

export interface ScreenPopDeps<Read> {
  /** Whose sign-in the reads are made with; null when nobody is signed in (nothing is read then). */
  staffId(): string | null;
  /**
   * The residents with this number (at most two are needed), and when only one has it, the
   * read of what opening them shows if the lookup started it already (else null).
   */
  callerWithPhone(number: string): Promise<{ residentIds: string[]; reading: Promise<Read> | null }>;
  /** Reads what opening the resident shows. */
  read(residentId: string): Promise<Read>;
  now(): number;
  log?: { warn(message: string, details?: Record<string, unknown>): void };
}

/**
 * The screen-pop's head start. When a call arrives, main already knows the caller's number,
 * so it finds who has it and starts reading their record at once, while the page is still
 * writing the call down. Nothing read here reaches anyone until the officer's workstation
 * takes it (`take`), and the resident service records that open like any other; a read
 * nobody takes is dropped after POP_KEPT_MS, or when the officer at the computer changes.
 */
export function createScreenPops<Read>(deps: ScreenPopDeps<Read>) {
  let waiting: { number: string; staffId: string; at: number; caller: Promise<CallerRead<Read>> }[] = [];

  const find = (number: string): Promise<CallerRead<Read>> => {
    const caller = (async () => {
      const { residentIds, reading } = await deps.callerWithPhone(number);
      const [only] = residentIds;
      return residentIds.length === 1 && only ? { residentId: only, read: await (reading ?? deps.read(only)) } : null;
    })();
    // A head start that fails is no failure: `take` asks again, and says why if it fails again.
    caller.catch(() => undefined);
    return caller;
  };

  return {
    /** A call has arrived: start finding and reading its caller, as the officer signed in now. */
    ring(number: string | null): void {
      const staffId = deps.staffId();
      if (!number || !staffId) return;
      const at = deps.now();
      waiting = [...waiting.filter((each) => each.number !== number && at - each.at < POP_KEPT_MS), { number, staffId, at, caller: find(number) }].slice(-MOST_WAITING);
    },

    /**
     * The caller for this number, as this officer: the read started when the call arrived if
     * there is one (taken once), else read now. A failed head start is tried again here.
     */
    async take(number: string, staffId: string): Promise<CallerRead<Read>> {
      const at = deps.now();
      const started = waiting.find((each) => each.number === number && each.staffId === staffId && at - each.at < POP_KEPT_MS);
      waiting = waiting.filter((each) => each !== started && at - each.at < POP_KEPT_MS);
      if (started) {
        try {
          return await started.caller;
        } catch (error) {
          deps.log?.warn('screen-pop head start failed; reading again', { error: error instanceof Error ? error.message : String(error) });
        }
      }
      return find(number);
    },

    /** Another officer at the computer, or nobody: nothing read for the last one is kept. */
    forget(): void {
      waiting = [];
    },
  };
}
