import type { ApiBridge } from '../../shared/contract/api-bridge';
import type { CallError } from '../../shared/contract/outcome';
import type { ResidentView } from '../../shared/contract/residents';
import type { AccessReason } from '../../shared/domain/resident-360';
import { caseDatabase } from '../storage/case-database';
import { newId } from '../storage/ids';
import { findSnapshot, saveSnapshot, snapshotDatabase } from '../storage/snapshot-database';

/** A resident opened during the contact, as the officer may see them now. */
export interface OpenedResident {
  view: ResidentView;
  /** Set when the view is this computer's copy, shown because the back office could not be reached. */
  fromSnapshot: { savedAt: string; reason: AccessReason } | null;
}

export type OpenAttempt = { ok: true; opened: OpenedResident } | { ok: false; error: CallError };

/**
 * Keeps the officer's copy of a record they may see in full, for when the network goes. A
 * cache: failing to keep a copy must never stop the officer seeing the record.
 */
export function keepCopy(staffId: string | null, view: ResidentView): void {
  if (staffId === null || view.record === null) return;
  void saveSnapshot(snapshotDatabase(), staffId, view).catch(() => undefined);
}

/**
 * Opens a resident from the back office (main audits the open). When the back office cannot
 * be reached, this officer's copy is shown instead, with the read queued for the audit
 * first: no audit, no record (renderer/sync/snapshot-reads.ts).
 */
export async function openResident(bridge: ApiBridge, staffId: string | null, residentId: string, reason: AccessReason): Promise<OpenAttempt> {
  const outcome = await bridge.residents.open({ residentId, reason });
  if (outcome.ok) {
    keepCopy(staffId, outcome.value);
    return { ok: true, opened: { view: outcome.value, fromSnapshot: null } };
  }
  const copy = (await backOfficeUnreachable(bridge, outcome.error)) ? await openCopy(staffId, residentId, reason) : null;
  return copy ? { ok: true, opened: copy } : { ok: false, error: outcome.error };
}

/**
 * Whether a failed open failed because the back office cannot be reached: main could not be
 * reached at all, or main says the back office does not answer. Asked afresh rather than
 * taken from the status bar's last check, which can be 30 seconds old.
 */
async function backOfficeUnreachable(bridge: ApiBridge, error: CallError): Promise<boolean> {
  if (error.code === 'not-connected') return true;
  const answer = await bridge.backOffice.reachability({});
  return !answer.ok || !answer.value.reachable;
}

async function openCopy(staffId: string | null, residentId: string, reason: AccessReason): Promise<OpenedResident | null> {
  if (staffId === null) return null;
  try {
    const copy = await findSnapshot(snapshotDatabase(), residentId, staffId);
    if (!copy) return null;
    await caseDatabase().pendingAccesses.add({ id: newId(), residentId, staffId, reason, at: new Date().toISOString(), source: 'snapshot' });
    return { view: copy.view, fromSnapshot: { savedAt: copy.savedAt, reason } };
  } catch {
    return null;
  }
}
