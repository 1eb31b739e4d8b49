import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { START_UP_WORK_WITHIN_MS, whenIdle } from './when-idle';
import { useBridge } from '../bridge/bridge-context';
import { caseDatabase } from '../storage/case-database';
import { browserLock, inProcessLock } from './leader-lock';
import { bridgeSnapshotReads, sendSnapshotReads } from './snapshot-reads';
import { bridgeAgentStates, sendAgentStates } from '../agent-state/agent-state-outbox';
import { createReachabilityMonitor, type ReachabilityMonitor, type ReachabilityState } from './reachability';
import { bridgeFacade, createSyncLoop, type SyncLoop, type SyncLoopState } from './sync-loop';
import { sendsAllowed } from './screen-pop-quiet';
import { realTimers } from './timers';

/** How sending is going, as data; the status bar words it (renderer/i18n). */
export interface SyncStatus {
  /** null = not checked yet. */
  reachable: boolean | null;
  /** Cases in the outbox waiting to send; null until counted, so nothing claims "all sent" too early. */
  waiting: number | null;
  /** Cases a person has to look at: refused by the back office, or in conflict. */
  needsAttention: number;
  /** This officer's wrapped-up contacts the council's system has not yet recorded as completed. */
  contactsWaiting: number;
  /** This window is sending right now. */
  sending: boolean;
  /** ISO, from any window on this computer. */
  lastSuccessfulSync: string | null;
  /** Main's plain-English reason the back office cannot be reached or a send failed, if it gave one. */
  problem: string | null;
}

interface SyncApi {
  status: SyncStatus;
  syncNow(): void;
}

const SyncContext = createContext<SyncApi | null>(null);

/** Other windows hear "sync now" here, so the button works whichever window leads. */
const CHANNEL_NAME = 'civicdesk-sync';

/** The in-process fallback must be one per page, or two providers would both lead. */
let pageLock: ReturnType<typeof inProcessLock> | null = null;
const lockForPage = () => browserLock() ?? (pageLock ??= inProcessLock());

/**
 * Starts the sync loop and the reachability monitor for this page, stops them on unmount,
 * and gives the status to whoever asks. The loop runs only while someone is signed in:
 * main sends cases as that person.
 */
export function SyncProvider({ staffId, children }: { staffId: string | null; children: ReactNode }) {
  const bridge = useBridge();
  const db = caseDatabase();
  const [reachability, setReachability] = useState<ReachabilityState>({ reachable: null, problem: null, checkedAt: null });
  const [loopState, setLoopState] = useState<SyncLoopState>({ leader: false, sending: false, problem: null, lastCallFailed: false });
  const engine = useRef<{ monitor: ReachabilityMonitor; loop: SyncLoop } | null>(null);

  useEffect(() => {
    const monitor = createReachabilityMonitor({
      check: () => bridge.backOffice.reachability({}),
      isOnline: () => navigator.onLine,
      events: window,
      timers: realTimers,
      now: Date.now,
    });
    const loop = createSyncLoop({
      db,
      backOffice: bridgeFacade(bridge),
      requestLock: lockForPage(),
      now: Date.now,
      random: Math.random,
      timers: realTimers,
      isReachable: () => monitor.current().reachable,
      staffId: () => staffId,
      onCallFailed: () => monitor.checkNow(),
      quiet: sendsAllowed,
    });
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
    if (channel) channel.onmessage = () => loop.syncNow();
    // Offline reads of resident snapshots go to the audit trail, and state changes to the team
    // view, at start and whenever the back office is reachable again.
    const sendReads = () => {
      if (staffId !== null) void sendSnapshotReads(db, bridgeSnapshotReads(bridge), staffId);
      if (staffId !== null) void sendAgentStates(db, bridgeAgentStates(bridge), staffId);
    };
    const stopWatchingMonitor = monitor.subscribe((next, previous) => {
      setReachability(next);
      // Back after being away: send what waited, without waiting out each case's backoff.
      if (next.reachable === true && previous.reachable === false) loop.syncNow();
      if (next.reachable === true && previous.reachable !== true) sendReads();
    });
    const stopWatchingLoop = loop.subscribe(setLoopState);
    // Checking the back office and sending what waited start at the first idle moment: on a
    // new PC the first screen and the officer's first search come first.
    const cancelStart = whenIdle(() => {
      monitor.start();
      if (staffId !== null) loop.start();
      sendReads();
    }, START_UP_WORK_WITHIN_MS);
    engine.current = { monitor, loop };
    return () => {
      cancelStart();
      stopWatchingMonitor();
      stopWatchingLoop();
      monitor.stop();
      void loop.stop();
      channel?.close();
      engine.current = null;
    };
  }, [bridge, db, staffId]);

  const waiting = useLiveQuery(() => db.cases.where('syncState').equals('waiting').count(), [db]) ?? null;
  const needsAttention = useLiveQuery(() => db.cases.where('syncState').anyOf('needs-attention', 'conflict').count(), [db]) ?? 0;
  const lastSuccessfulSync = useLiveQuery(() => db.meta.get('lastSuccessfulSync'), [db])?.at ?? null;
  const contactsWaiting =
    useLiveQuery(
      () =>
        staffId === null
          ? 0
          : db.interactions
              .where('staffId')
              .equals(staffId)
              .filter((each) => each.status === 'done' && each.recorded?.state !== 'completed')
              .count(),
      [db, staffId],
    ) ?? 0;

  const api = useMemo<SyncApi>(
    () => ({
      status: {
        reachable: reachability.reachable,
        waiting,
        needsAttention,
        contactsWaiting,
        sending: loopState.sending,
        lastSuccessfulSync,
        problem: loopState.problem ?? reachability.problem,
      },
      syncNow() {
        engine.current?.monitor.checkNow();
        engine.current?.loop.syncNow();
        // The leader may be another window.
        const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
        channel?.postMessage('sync-now');
        channel?.close();
      },
    }),
    [contactsWaiting, lastSuccessfulSync, loopState, needsAttention, reachability, waiting],
  );
  return <SyncContext.Provider value={api}>{children}</SyncContext.Provider>;
}

function useSync(): SyncApi {
  const api = useContext(SyncContext);
  if (!api) throw new Error('useSyncStatus and useSyncNow must be used inside <SyncProvider>');
  return api;
}

export const useSyncStatus = (): SyncStatus => useSync().status;

/** Asks the sending window to try now, ignoring backoff. */
export const useSyncNow = (): (() => void) => useSync().syncNow;
