import { describe, expect, it } from 'vitest';
import { snapshotRead } from '../../../shared/contract/calls';
import type { PendingAccess } from '../../../renderer/storage/case-database';
import { sendSnapshotReads, type SendSnapshotReads } from '../../../renderer/sync/snapshot-reads';
import { freshDb } from '../sync/support';

const pending = (residentId: string, at: string): PendingAccess => ({ id: crypto.randomUUID(), residentId, staffId: 'staff-1', reason: 'call', at, source: 'snapshot' });

describe('sending offline reads to the audit trail from the page', () => {
  it('does not let a read main can never take (its resident id is not a GUID) hold up the ones after it', async () => {
    const db = freshDb();
    const stuck = pending('res-000123', '2026-11-26T09:00:00.000Z');
    const fine = pending(crypto.randomUUID(), '2026-11-26T09:05:00.000Z');
    await db.pendingAccesses.bulkAdd([stuck, fine]);
    // Main checks each batch against the contract, as the router does: one bad read refuses the batch.
    const send: SendSnapshotReads = async (reads) => (reads.every((read) => snapshotRead.safeParse(read).success) ? { ok: true, value: { recorded: reads.map((read) => read.id) } } : { ok: false });
    expect(await sendSnapshotReads(db, send, 'staff-1')).toBe(1);
    expect((await db.pendingAccesses.toArray()).map((read) => read.id)).toEqual([stuck.id]);
  });
});
