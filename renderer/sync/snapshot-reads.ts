import type { ApiBridge } from '../../shared/contract/api-bridge';
import { MOST_SNAPSHOT_READS_PER_SEND, snapshotRead } from '../../shared/contract/calls';
import type { PendingAccess } from '../storage/case-database';
import { queuedRecordsSender, type SendRecords } from './queued-records';

export type SendSnapshotReads = SendRecords<PendingAccess>;

export const bridgeSnapshotReads =
  (bridge: ApiBridge): SendSnapshotReads =>
  (reads) =>
    bridge.audit.recordSnapshotReads({ reads });

/**
 * Sends this member of staff's offline reads of resident snapshots to the audit trail. Main
 * records only the signed-in person's reads, so another officer's wait until they sign in here
 * again. Resolves to how many were recorded; never rejects.
 */
export const sendSnapshotReads = queuedRecordsSender<PendingAccess>({
  waiting: (db, staffId) => db.pendingAccesses.where('staffId').equals(staffId).sortBy('at'),
  // A read from an older copy whose resident id is not a GUID is refused by the contract.
  sendable: (read) => snapshotRead.safeParse(read).success,
  most: MOST_SNAPSHOT_READS_PER_SEND,
  remove: (db, ids) => db.pendingAccesses.bulkDelete(ids),
});
