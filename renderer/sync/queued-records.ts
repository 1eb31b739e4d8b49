import type { CaseDatabase } from '../storage/case-database';

/** Main's answer to a batch: the ids the back office has now (or set aside); the rest stay queued. */
export type SendRecords<T> = (rows: T[]) => Promise<{ ok: true; value: { recorded: string[] } } | { ok: false }>;

/**
 * A sender for records that wait on this computer until the back office has them (offline
 * reads for the audit trail, state changes for the team view): oldest first, in batches, each
 * row deleted only after main answers that it is done with it, the rest kept for the next
 * time. A row the contract refuses would refuse its whole batch every time: it stays, unsent,
 * and the rest go. One send at a time in this page; a request during a send runs once more
 * after it. The sender resolves to how many were recorded, and never rejects.
 */
export function queuedRecordsSender<T extends { id: string }>(queue: {
  waiting(db: CaseDatabase, staffId: string): Promise<T[]>;
  sendable(row: T): boolean;
  most: number;
  remove(db: CaseDatabase, ids: string[]): Promise<void>;
}): (db: CaseDatabase, send: SendRecords<T>, staffId: string) => Promise<number> {
  let running: Promise<number> | null = null;
  let again: { db: CaseDatabase; send: SendRecords<T>; staffId: string } | null = null;
  const sendAll = (db: CaseDatabase, send: SendRecords<T>, staffId: string): Promise<number> => {
    if (running) {
      again = { db, send, staffId };
      return running;
    }
    const run = (async () => {
      let recorded = 0;
      try {
        for (;;) {
          const rows = (await queue.waiting(db, staffId)).filter(queue.sendable).slice(0, queue.most);
          if (rows.length === 0) break;
          const outcome = await send(rows);
          if (!outcome.ok) break;
          const sent = outcome.value.recorded.filter((id) => rows.some((row) => row.id === id));
          if (sent.length > 0) await queue.remove(db, sent);
          recorded += sent.length;
          // The back office took only some: the rest wait for the next chance.
          if (sent.length < rows.length) break;
        }
      } catch {
        // The database or the bridge failed: the rows are still there for next time.
      }
      return recorded;
    })();
    running = run.finally(() => {
      running = null;
      const next = again;
      again = null;
      if (next) void sendAll(next.db, next.send, next.staffId);
    });
    return running;
  };
  return sendAll;
}
