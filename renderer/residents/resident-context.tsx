import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ResidentView } from '../../shared/contract/residents';
import type { CallError } from '../../shared/contract/outcome';
import type { AccessReason } from '../../shared/domain/resident-360';
import { useSession } from '../app/session-context';
import { useBridge } from '../bridge/bridge-context';
import { caseDatabase } from '../storage/case-database';
import { newId } from '../storage/ids';
import { findSnapshot, pruneSnapshotsOnce, saveSnapshot, snapshotDatabase } from '../storage/snapshot-database';

interface OpenResident {
  view: ResidentView | null;
  opening: boolean;
  error: CallError | null;
  /** Set when the view is this computer's copy, shown because the back office could not be reached. */
  fromSnapshot: { savedAt: string } | null;
  open(residentId: string, reason: AccessReason): Promise<boolean>;
  /** Opens the copy's resident again from the back office; the copy stays if that fails. */
  refreshFromBackOffice(): Promise<void>;
  update(view: ResidentView): void;
  close(): void;
}

const ResidentContext = createContext<OpenResident | null>(null);

/**
 * The resident on screen: opened from search or a screen-pop, shown in the Resident place.
 * Each record the signed-in officer may see in full is kept on this computer
 * (renderer/storage/snapshot-database.ts); when the back office cannot be reached, opening the
 * resident again shows that copy, and the read waits in the case database to be audited
 * (renderer/sync/snapshot-reads.ts).
 */
export function OpenResidentProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const staffId = useSession().user?.id ?? null;
  const [view, setView] = useState<ResidentView | null>(null);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [fromSnapshot, setFromSnapshot] = useState<{ savedAt: string; reason: AccessReason } | null>(null);

  useEffect(() => {
    void pruneSnapshotsOnce();
  }, []);

  const keep = useCallback(
    (next: ResidentView) => {
      if (staffId === null || next.record === null) return;
      // A cache: failing to keep a copy must never stop the officer seeing the record.
      void saveSnapshot(snapshotDatabase(), staffId, next).catch(() => undefined);
    },
    [staffId],
  );

  /** This officer's copy, if there is one, with the read queued for the audit first: no audit, no record. */
  const openCopy = useCallback(
    async (residentId: string, reason: AccessReason): Promise<boolean> => {
      if (staffId === null) return false;
      try {
        const copy = await findSnapshot(snapshotDatabase(), residentId, staffId);
        if (!copy) return false;
        await caseDatabase().pendingAccesses.add({ id: newId(), residentId, staffId, reason, at: new Date().toISOString(), source: 'snapshot' });
        setView(copy.view);
        setFromSnapshot({ savedAt: copy.savedAt, reason });
        return true;
      } catch {
        return false;
      }
    },
    [staffId],
  );

  /**
   * Whether a failed open failed because the back office cannot be reached: main could not be
   * reached at all, or main says the back office does not answer. Asked afresh rather than
   * taken from the status bar's last check, which can be 30 seconds old.
   */
  const backOfficeUnreachable = useCallback(
    async (error: CallError): Promise<boolean> => {
      if (error.code === 'not-connected') return true;
      const answer = await bridge.backOffice.reachability({});
      return !answer.ok || !answer.value.reachable;
    },
    [bridge],
  );

  const open = useCallback(
    async (residentId: string, reason: AccessReason) => {
      setOpening(true);
      const outcome = await bridge.residents.open({ residentId, reason });
      if (outcome.ok) {
        setOpening(false);
        setError(null);
        setView(outcome.value);
        setFromSnapshot(null);
        keep(outcome.value);
        return true;
      }
      const shown = (await backOfficeUnreachable(outcome.error)) && (await openCopy(residentId, reason));
      setOpening(false);
      setError(shown ? null : outcome.error);
      return shown;
    },
    [backOfficeUnreachable, bridge, keep, openCopy],
  );

  const update = useCallback(
    (next: ResidentView) => {
      setView(next);
      keep(next);
    },
    [keep],
  );

  const copyOf = fromSnapshot !== null && view !== null ? view.residentId : null;
  const copyReason = fromSnapshot?.reason ?? null;
  const refreshFromBackOffice = useCallback(async () => {
    if (copyOf === null || copyReason === null) return;
    const outcome = await bridge.residents.open({ residentId: copyOf, reason: copyReason });
    if (!outcome.ok) return;
    setView(outcome.value);
    setFromSnapshot(null);
    keep(outcome.value);
  }, [bridge, copyOf, copyReason, keep]);

  // A copy is what one officer was allowed to see: it goes when someone else takes the seat.
  const copyOwner = useRef(staffId);
  useEffect(() => {
    if (copyOwner.current !== staffId && fromSnapshot !== null) {
      setView(null);
      setFromSnapshot(null);
    }
    copyOwner.current = staffId;
  }, [staffId, fromSnapshot]);

  const value = useMemo<OpenResident>(
    () => ({
      view,
      opening,
      error,
      fromSnapshot: fromSnapshot && { savedAt: fromSnapshot.savedAt },
      open,
      refreshFromBackOffice,
      update,
      close: () => {
        setView(null);
        setFromSnapshot(null);
      },
    }),
    [view, opening, error, fromSnapshot, open, refreshFromBackOffice, update],
  );
  return <ResidentContext.Provider value={value}>{children}</ResidentContext.Provider>;
}

export function useOpenResident(): OpenResident {
  const value = useContext(ResidentContext);
  if (!value) throw new Error('useOpenResident must be used inside <OpenResidentProvider>');
  return value;
}
