import type { ApiBridge } from '../../shared/contract/api-bridge';
import { MOST_SNAPSHOT_READS_PER_SEND, snapshotRead } from '../../shared/contract/calls';
import type { CaseDatabase, PendingAccess } from '../storage/case-database';

export type SendSnapshotReads = (reads: PendingAccess[]) => Promise<{ ok: true; value: { recorded: string[] } } | { ok: false }>;

export const bridgeSnapshotReads =
  (bridge: ApiBridge): SendSnapshotReads =>
  (reads) =>
    bridge.audit.recordSnapshotReads({ reads });

/** One send at a time in this page; a request during a send runs once more after it. */
let running: Promise<number> | null = null;
let again: { db: CaseDatabase; send: SendSnapshotReads; staffId: string } | null = null;

/**
 * Sends this member of staff's offline reads of resident snapshots to the audit trail. Each
 * pending row is deleted only after main answers that the back office has it; anything else
 * stays for the next time the back office can be reached. Main records only the signed-in
 * person's reads, so another officer's wait until they sign in here again. Resolves to how
 * many were recorded; never rejects.
 */
export function sendSnapshotReads(db: CaseDatabase, send: SendSnapshotReads, staffId: string): Promise<number> {
  if (running) {
    again = { db, send, staffId };
    return running;
  }
  const run = (async () => {
    let recorded = 0;
    try {
      for (;;) {
        const batch = await db.pendingAccesses.where('staffId').equals(staffId).sortBy('at');
        // A read the contract refuses (a resident id that is not a GUID, from an older copy)
        // would refuse its whole batch every time: it stays here, unsent, and the rest go.
        const reads = batch.filter((read) => snapshotRead.safeParse(read).success).slice(0, MOST_SNAPSHOT_READS_PER_SEND);
        if (reads.length === 0) break;
        const outcome = await send(reads);
        if (!outcome.ok) break;
        const sent = outcome.value.recorded.filter((id) => reads.some((read) => read.id === id));
        if (sent.length > 0) await db.pendingAccesses.bulkDelete(sent);
        recorded += sent.length;
        // The back office took only some: the rest wait for the next chance.
        if (sent.length < reads.length) break;
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
    if (next) void sendSnapshotReads(next.db, next.send, next.staffId);
  });
  return running;
}
