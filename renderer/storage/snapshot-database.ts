import Dexie, { type Table } from 'dexie';
import type { ResidentView } from '../../shared/contract/residents';
import { officerDatabase } from './officer-storage';
import type { DataKey } from './sealing';
import { sealTables } from './sealed-tables';

/**
 * A resident's record as one member of staff last saw it. Keyed by resident and staff, because
 * what a view holds depends on who asked: staff-safety flags are shown or hidden by role
 * (shared/domain/flag-visibility.ts), so one officer's copy must never be shown to another.
 */
export interface ResidentSnapshot {
  residentId: string;
  staffId: string;
  view: ResidentView;
  /** ISO. */
  savedAt: string;
}

/**
 * Resident records kept on this computer, so an officer who loses the network still sees the
 * resident they had open. A bulk cache: its own database with default durability, so writing
 * it never holds up saving a case (renderer/storage/case-database.ts).
 */
export class SnapshotDatabase extends Dexie {
  residentSnapshots!: Table<ResidentSnapshot, [string, string]>;

  constructor(name: string, key: DataKey) {
    super(name);
    // Sealed under the officer's key: only whose copy it is and when it was saved stay in the clear.
    sealTables(this, key, { residentSnapshots: ['residentId', 'staffId', 'savedAt'] });
    this.version(1).stores({ residentSnapshots: '[residentId+staffId], savedAt' });
  }
}

/**
 * How long a copy is kept. Data minimisation (UK GDPR Article 5(1)(c) and (e)): a snapshot is
 * personal data held outside the council's system of record, on a shared workstation, for one
 * purpose only, riding out a network outage during a contact. A week covers a long outage over
 * a weekend; anything older is stale for that purpose and is deleted.
 */
export const SNAPSHOT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Keeps the view for this member of staff, replacing any earlier copy. Masked views are never kept. */
export async function saveSnapshot(db: SnapshotDatabase, staffId: string, view: ResidentView, now = new Date()): Promise<boolean> {
  if (view.record === null) return false;
  await db.residentSnapshots.put({ residentId: view.residentId, staffId, view, savedAt: now.toISOString() });
  return true;
}

/** This member of staff's copy of the resident, if one is kept and is young enough to show. */
export async function findSnapshot(db: SnapshotDatabase, residentId: string, staffId: string, now = new Date()): Promise<ResidentSnapshot | null> {
  const found = await db.residentSnapshots.get({ residentId, staffId });
  if (!found || found.view.record === null) return null;
  if (now.getTime() - new Date(found.savedAt).getTime() > SNAPSHOT_MAX_AGE_MS) return null;
  return found;
}

/** Deletes every copy older than the limit. Resolves to how many went. (The app applies the council's rule: renderer/storage/retention.ts.) */
export function deleteOldSnapshots(db: SnapshotDatabase, now = new Date(), maxAgeMs = SNAPSHOT_MAX_AGE_MS): Promise<number> {
  const cutoff = new Date(now.getTime() - maxAgeMs).toISOString();
  return db.residentSnapshots.where('savedAt').below(cutoff).delete();
}

/** The signed-in officer's copies; tests make their own with a fresh name. */
export const snapshotDatabase = officerDatabase('snapshots', (name, key) => new SnapshotDatabase(name, key));
