import type { ResidentAccess } from '../../../shared/domain/resident-360';
import { isBackOfficeError, type BackOfficeFailure } from '../back-office/errors';
import type { BackOffice } from '../back-office/port';
import type { AuditQueue, AuditQueueKeeper, SetAsideAccess } from './audit-queue-file';

export type { SetAsideAccess } from './audit-queue-file';

export interface AuditTrail {
  /** Never fails: an access the back office cannot take now waits here and is sent later. */
  record(access: ResidentAccess): void;
  /** Accesses not yet in the back office. */
  waiting(): ResidentAccess[];
  /** Accesses the back office would not take, kept with why, for a team leader or IT to follow up. */
  setAside(): SetAsideAccess[];
  /** Sends what is waiting; resolves when the back office has taken all it can. */
  flush(): Promise<void>;
  /** Sends what it can, then waits for the queue to be written (the app is quitting). */
  close(): Promise<void>;
}

/** Tries at a record that fails for no reason CivicDesk can name, before it is set aside. */
export const MOST_ATTEMPTS = 5;

/** The back office refused this record itself: sending it again would be refused again. */
const REFUSALS: ReadonlySet<BackOfficeFailure> = new Set(['rejected', 'permission', 'not-found', 'conflict', 'unreadable']);
/** The back office cannot be reached or is busy: the next record would fare no better, so the queue waits. */
const UNREACHABLE: ReadonlySet<BackOfficeFailure> = new Set(['unreachable', 'unavailable', 'busy', 'sign-in', 'untrusted']);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who opened which record, sent to the back office. Opening a record must never wait on, or
 * fail because of, the audit: so records queue here and go in order, each with its own id so a
 * resend after a lost reply is not a second entry (cd_residentaccess is create-only). A record
 * the back office refuses, or that keeps failing, is set aside with its reason so it cannot
 * hold up the ones behind it. With a keeper the queue is on disk (audit-queue-file.ts) and
 * outlives the app; without one (no keychain, the browser host) it is for this run only.
 */
export function createAuditTrail(deps: {
  backOffice: () => Promise<BackOffice | null>;
  log: { warn(message: string, details?: Record<string, unknown>): void };
  keep?: AuditQueueKeeper | null;
  now?: () => Date;
}): AuditTrail {
  const now = deps.now ?? (() => new Date());
  let queue: AuditQueue = { waiting: [], setAside: [] };
  let saved: Promise<void> = Promise.resolve();
  let sending: Promise<void> | null = null;

  // Declared before `save`, which waits for it: nothing is written over the last run's queue before it is read.
  let loaded: Promise<void> = Promise.resolve();
  const save = () => {
    const keep = deps.keep;
    if (!keep) return;
    saved = loaded
      .then(() => keep.save({ waiting: queue.waiting.map((each) => ({ ...each })), setAside: [...queue.setAside] }))
      .catch((error: unknown) => {
        // The queue is still here in memory; the next change writes it again.
        deps.log.warn('audit queue could not be written', { error });
      });
  };
  const known = (id: string) => queue.waiting.some((each) => each.access.id === id) || queue.setAside.some((each) => each.access.id === id);
  const add = (access: ResidentAccess) => {
    if (known(access.id)) return false;
    queue.waiting.push({ access, attempts: 0 });
    return true;
  };

  // What the last run left goes first; anything recorded while it loaded goes after it, once.
  loaded = (async () => {
    if (!deps.keep) return;
    try {
      const kept = await deps.keep.load();
      const meanwhile = queue.waiting;
      queue = kept;
      for (const each of meanwhile) add(each.access);
      if (meanwhile.length > 0) save();
    } catch (error) {
      deps.log.warn('audit queue could not be read', { error });
    }
  })();

  const setAside = (index: number, failure: string, code: string | undefined) => {
    const [entry] = queue.waiting.splice(index, 1);
    if (!entry) return;
    queue.setAside.push({ access: entry.access, failure, ...(code ? { code } : {}), attempts: entry.attempts, setAsideAt: now().toISOString() });
    deps.log.warn('audit record set aside', { accessId: entry.access.id, failure, ...(code ? { code } : {}), attempts: entry.attempts });
  };

  const flush = (): Promise<void> =>
    (sending ??= (async () => {
      await loaded;
      const office = await deps.backOffice();
      let index = 0;
      while (office && index < queue.waiting.length) {
        const next = queue.waiting[index] as AuditQueue['waiting'][number];
        if (!GUID.test(next.access.residentId)) {
          setAside(index, 'not-a-resident-id', undefined);
          save();
          continue;
        }
        try {
          next.attempts += 1;
          await office.recordAccess(next.access);
          queue.waiting.splice(index, 1);
          save();
        } catch (error) {
          const failure = isBackOfficeError(error) ? error.failure : null;
          if (failure && UNREACHABLE.has(failure)) {
            // Not this record's fault: its try is not counted, and the rest wait with it.
            next.attempts -= 1;
            deps.log.warn('audit record waiting to send', { accessId: next.access.id, failure });
            break;
          }
          if (failure && REFUSALS.has(failure)) setAside(index, failure, isBackOfficeError(error) ? error.code : undefined);
          else if (next.attempts >= MOST_ATTEMPTS) setAside(index, 'unknown', undefined);
          else {
            deps.log.warn('audit record waiting to send', { accessId: next.access.id, error });
            index += 1;
          }
          save();
        }
      }
    })().finally(() => {
      sending = null;
    }));

  return {
    record(access) {
      // The same access sent again (a lost reply, a resend) is kept once.
      if (add(access)) save();
      void flush();
    },
    waiting: () => queue.waiting.map((each) => each.access),
    setAside: () => [...queue.setAside],
    flush,
    async close() {
      await flush();
      await saved;
    },
  };
}
