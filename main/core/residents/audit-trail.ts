import type { ResidentAccess } from '../../../shared/domain/resident-360';
import type { BackOffice } from '../back-office/port';

export interface AuditTrail {
  /** Never fails: an access the back office cannot take now waits here and is sent later. */
  record(access: ResidentAccess): void;
  /** Accesses not yet in the back office. */
  waiting(): ResidentAccess[];
  /** Sends what is waiting; resolves when the back office has taken all it can. */
  flush(): Promise<void>;
}

/**
 * Who opened which record, sent to the back office. Opening a record must never wait on, or
 * fail because of, the audit: so records queue here and go in order, each with its own id so
 * a resend after a lost reply is not a second entry.
 */
export function createAuditTrail(deps: { backOffice: () => Promise<BackOffice | null>; log: { warn(message: string, details?: Record<string, unknown>): void } }): AuditTrail {
  const queue: ResidentAccess[] = [];
  let sending: Promise<void> | null = null;

  const flush = (): Promise<void> =>
    (sending ??= (async () => {
      const office = await deps.backOffice();
      while (office && queue.length > 0) {
        const next = queue[0] as ResidentAccess;
        try {
          await office.recordAccess(next);
          queue.shift();
        } catch (error) {
          deps.log.warn('audit record waiting to send', { accessId: next.id, error });
          break;
        }
      }
    })().finally(() => {
      sending = null;
    }));

  return {
    record(access) {
      // The same access sent again (a lost reply, a resend) waits here once.
      if (!queue.some((each) => each.id === access.id)) queue.push(access);
      void flush();
    },
    waiting: () => [...queue],
    flush,
  };
}
