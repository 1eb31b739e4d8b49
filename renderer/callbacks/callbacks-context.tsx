import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Callback } from '../../shared/domain/callback';
import { START_UP_WORK_WITHIN_MS, whenIdle } from '../sync/when-idle';
import { useBridge } from '../bridge/bridge-context';
import { caseDatabase } from '../storage/case-database';
import { CALLBACK_RETRY_INTERVAL_MS, createCallbackSender, type PromisedCallback } from './callback-outbox';

/** How often the list of call backs is asked for again, so one the queue gained or a colleague made shows. */
export const CALLBACK_LIST_INTERVAL_MS = 30_000;

export interface CallbacksApi {
  /** The officer's and the queue's call backs as the council's system has them; null until first asked. */
  callbacks: Callback[] | null;
  /** Why the list could not be had just now, in plain words. */
  problem: string | null;
  /** Promised on this computer and not yet in the council's system (waiting, or refused with a reason). */
  onThisComputer: PromisedCallback[];
  /** Due now and not yet put aside by the officer: the reminder shows the first. */
  due: Callback[];
  putAside(id: string): void;
  /** Completes a call back made another way; answers why not, in plain words, or null. */
  markDone(id: string): Promise<string | null>;
  refresh(): Promise<void>;
  sendNow(): void;
}

const NONE: PromisedCallback[] = [];
const CallbacksContext = createContext<CallbacksApi | null>(null);

/**
 * The officer's call backs, for the Callbacks place and the reminder: asked of the council's
 * system every 30 seconds and whenever one changes, with those promised here and not yet sent.
 * A call back falling due between asks is noticed at its time, not at the next ask.
 */
export function CallbacksProvider({ staffId, children }: { staffId: string | null; children: ReactNode }) {
  const bridge = useBridge();
  const db = caseDatabase();
  const [callbacks, setCallbacks] = useState<Callback[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [putAsideIds, setPutAside] = useState<ReadonlySet<string>>(new Set());
  const [now, setNow] = useState(() => Date.now());
  const send = useMemo(() => createCallbackSender(db, bridge, () => staffId), [db, bridge, staffId]);
  const onThisComputer = useLiveQuery(async () => (staffId === null ? NONE : db.callbacks.where('staffId').equals(staffId).sortBy('writtenAt')), [db, staffId]) ?? NONE;

  const refresh = useCallback(async () => {
    if (staffId === null) return;
    const outcome = await bridge.callbacks.list({}).catch(() => null);
    if (outcome?.ok) {
      setCallbacks(outcome.value.callbacks);
      setProblem(null);
    } else setProblem(outcome ? outcome.error.message : null);
    setNow(Date.now());
  }, [bridge, staffId]);

  const sendNow = useCallback(() => void send().then(refresh), [send, refresh]);

  useEffect(() => {
    if (staffId === null) return;
    const ask = () => void send().then(refresh);
    // The first list at the first idle moment: the first screen and search come first.
    const cancel = whenIdle(ask, START_UP_WORK_WITHIN_MS);
    const timer = window.setInterval(ask, CALLBACK_LIST_INTERVAL_MS);
    window.addEventListener('online', ask);
    return () => {
      cancel();
      window.clearInterval(timer);
      window.removeEventListener('online', ask);
    };
  }, [staffId, send, refresh]);

  const waiting = onThisComputer.filter((each) => each.state === 'waiting').length;
  useEffect(() => {
    if (waiting === 0) return;
    const timer = window.setInterval(() => void send().then(refresh), CALLBACK_RETRY_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [waiting, send, refresh]);

  // The next call back to fall due wakes the reminder at its time.
  const open = useMemo(() => (callbacks ?? []).filter((each) => each.status === 'open'), [callbacks]);
  const nextStart = open.map((each) => Date.parse(each.from)).filter((at) => at > now).sort((a, b) => a - b)[0];
  useEffect(() => {
    if (nextStart === undefined) return;
    const timer = window.setTimeout(() => setNow(Date.now()), Math.min(nextStart - Date.now() + 50, 2_147_000_000));
    return () => window.clearTimeout(timer);
  }, [nextStart]);

  const due = useMemo(() => open.filter((each) => Date.parse(each.from) <= now && !putAsideIds.has(each.id)), [open, now, putAsideIds]);
  const putAside = useCallback((id: string) => setPutAside((ids) => new Set([...ids, id])), []);

  const markDone = useCallback(
    async (id: string) => {
      const outcome = await bridge.callbacks.done({ callbackId: id }).catch(() => null);
      if (!outcome?.ok) return outcome ? outcome.error.message : 'The council’s system could not be reached. Try again in a moment.';
      setCallbacks((list) => (list ?? []).map((each) => (each.id === id ? outcome.value.callback : each)));
      return null;
    },
    [bridge],
  );

  const api = useMemo<CallbacksApi>(() => ({ callbacks, problem, onThisComputer, due, putAside, markDone, refresh, sendNow }), [callbacks, problem, onThisComputer, due, putAside, markDone, refresh, sendNow]);
  return <CallbacksContext.Provider value={api}>{children}</CallbacksContext.Provider>;
}

export function useCallbacksIfAny(): CallbacksApi | null {
  return useContext(CallbacksContext);
}

/** A dialog that wrote a promise asks for it to go now; outside the provider it simply waits. */
export function useSendCallbacksNow(): () => void {
  const api = useContext(CallbacksContext);
  return () => api?.sendNow();
}
