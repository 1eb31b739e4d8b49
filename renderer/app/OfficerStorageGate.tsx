import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../shared/contract/outcome';
import type { RetentionRule } from '../../shared/domain/retention';
import { useBridge } from '../bridge/bridge-context';
import { CannotStart, StartingUp } from './StartingUp';
import { START_UP_WORK_WITHIN_MS, whenIdle } from '../sync/when-idle';
import { caseDatabase } from '../storage/case-database';
import { directoryDatabase } from '../storage/directory-database';
import { deleteIfUnreadable, openOfficerStorage, releaseConnections, switchStorageTo } from '../storage/officer-storage';
import { applyRetention } from '../storage/retention';
import { snapshotDatabase } from '../storage/snapshot-database';
import { moveUnsealedRows } from '../storage/unsealed-migration';
import { openSearchEarly } from '../residents/use-resident-search';

const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Opens the officer's sealed storage before anything that reads or saves is drawn, and draws
 * it afresh for each officer, so nothing on screen or in memory can reach another officer's
 * databases.
 */
export function OfficerStorageGate({ staffId, locked, retention, children }: { staffId: string | null; locked: boolean; retention: RetentionRule | undefined; children: ReactNode }) {
  const bridge = useBridge();
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ staffId: string | null } | null>(null);
  const [refused, setRefused] = useState<{ staffId: string | null; error: CallError } | null>(null);
  const problem = refused && refused.staffId === staffId ? refused.error : null;

  // Main gives no key while the workstation is locked (a page reloaded behind the lock): asked again once it is lifted.
  const opened = open !== null && open.staffId === staffId;
  useEffect(() => {
    if (opened || locked) return;
    let live = true;
    void openOfficerStorage(bridge, staffId).then(async (result) => {
      if (!live) return;
      if (!result.ok) return setRefused({ staffId, error: result.error });
      switchStorageTo(result.storage);
      // Rows sealed under a key that has gone cannot be opened by anyone: they are deleted, and
      // the connections opened afresh, as after a check that failed. Otherwise the connections
      // the check opened are the ones the workstation uses (opening the three databases twice
      // was about 10 ms of every start).
      const afresh = await Promise.all([caseDatabase(), directoryDatabase(), snapshotDatabase()].map((db) => deleteIfUnreadable(db).catch(() => true)));
      if (afresh.includes(true)) releaseConnections();
      // A computer upgraded from a version that kept rows in the clear: seal this officer's.
      if (staffId) await moveUnsealedRows(staffId, caseDatabase()).catch(() => 0);
      if (!live) return;
      // Search starts opening the officer's directory now, while the workstation is drawn.
      openSearchEarly();
      setOpen({ staffId });
    });
    return () => {
      live = false;
    };
  }, [bridge, staffId, locked, opened]);

  // The council's retention rule, at the first idle moment after the officer's storage opens
  // (tidying waits while the first screen is drawn), and every day after.
  useEffect(() => {
    if (!opened) return;
    const apply = () => void applyRetention(caseDatabase(), snapshotDatabase(), retention).catch(() => undefined);
    const cancel = whenIdle(apply, START_UP_WORK_WITHIN_MS);
    const daily = setInterval(apply, RETENTION_INTERVAL_MS);
    return () => {
      cancel();
      clearInterval(daily);
    };
  }, [opened, retention]);

  if (problem) return <CannotStart title={t('storage.problemTitle')} message={problem.message} />;
  if (!opened) return <StartingUp />;
  return <Fragment key={staffId ?? 'nobody'}>{children}</Fragment>;
}
