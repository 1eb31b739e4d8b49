import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TeamsPresenceResult } from '../../shared/contract/agent-state';
import { AGENT_STATES, isChoosable, nextAgentState, startingState, stateForContact, type AgentState, type AgentStateEvent, type AgentStateNow, type ChoosableState } from '../../shared/domain/agent-state';
import { useBridge } from '../bridge/bridge-context';
import { useContactIfAny } from '../contact/contact-context';
import { useAccount } from '../account/account-context';
import { useSessionIfAny } from '../session/session-context';
import { caseDatabase } from '../storage/case-database';
import { newId } from '../storage/ids';
import { bridgeAgentStates, sendAgentStates } from './agent-state-outbox';
import { sendsAllowed } from '../sync/screen-pop-quiet';

/**
 * How often Teams is told the state again while it holds: inside Graph's five minutes, after
 * which an application's Available session fades to Away (main/core/graph/app-presence.ts).
 */
export const TEAMS_RENEW_MS = 4 * 60_000;

export interface AgentStateApi {
  now: AgentStateNow;
  /** What Teams shows for it: null until main has answered. */
  teams: TeamsPresenceResult | null;
  /** The change could not be kept on this computer (IndexedDB failed). */
  notSaved: boolean;
  /** The officer's own choice; refused (false) while a contact is in hand. */
  choose(state: ChoosableState): Promise<boolean>;
}

const AgentStateContext = createContext<AgentStateApi | null>(null);

/** Where this computer keeps each officer's state now (a state and a time: nothing about a resident). */
const KEPT_PREFIX = 'civicdesk.agentState.';
const londonDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(at);

/** The officer's state as this computer last had it, if it is from today. */
function keptState(staffId: string): AgentStateNow | null {
  try {
    const kept = JSON.parse(window.localStorage.getItem(`${KEPT_PREFIX}${staffId}`) ?? 'null') as AgentStateNow | null;
    if (!kept || !(AGENT_STATES as readonly string[]).includes(kept.state) || !isChoosable(kept.chosen) || typeof kept.since !== 'string') return null;
    return londonDay(new Date(kept.since)) === londonDay(new Date()) ? kept : null;
  } catch {
    return null;
  }
}

function keepState(staffId: string, state: AgentStateNow): void {
  try {
    window.localStorage.setItem(`${KEPT_PREFIX}${staffId}`, JSON.stringify(state));
  } catch {
    // Storage full or off: the state still holds for this page.
  }
}

/**
 * The officer's state (shared/domain/agent-state.ts), kept here for the status bar. The
 * contact in hand moves it on (a call or visit starting, wrap-up opening, wrap-up saved); the
 * officer chooses the rest. Each change is written to IndexedDB first and sent from there to
 * the back office for the team view (so a change made offline goes later, once), and Teams is
 * told, when this computer is signed in to Microsoft 365.
 */
export function AgentStateProvider({ staffId, children }: { staffId: string | null; children: ReactNode }) {
  const bridge = useBridge();
  const contact = useContactIfAny()?.current ?? null;
  const signedInToMicrosoft365 = useAccount().status?.signedIn ?? false;
  // A council without Teams in CivicDesk: the state is kept and recorded, and Teams is never asked.
  const teamsOn = useSessionIfAny()?.features.teams !== false;
  const [now, setNow] = useState<AgentStateNow>(() => startingState(new Date().toISOString()));
  const [teams, setTeams] = useState<TeamsPresenceResult | null>(null);
  const [notSaved, setNotSaved] = useState(false);
  const current = useRef(now);
  /** A call or wrap-up this computer had in hand before a reload, waiting for its contact. */
  const resumeWork = useRef<AgentStateNow | null>(null);

  const reflect = useCallback(
    (state: AgentState) => {
      if (!teamsOn) return;
      // Like the outbox, Teams is told once a screen-pop in hand is drawn (sync/screen-pop-quiet.ts).
      void sendsAllowed()
        .then(() => bridge.agentState.reflect({ state }))
        .then((outcome) => {
          // Only the latest state's answer is shown: an older one arriving late says nothing now.
          if (current.current.state === state) setTeams(outcome.ok ? outcome.value : { teams: 'not-updated', reason: outcome.error.message });
        });
    },
    [bridge, teamsOn],
  );

  const keep = useCallback(
    async (state: AgentState, previous: AgentState | null, at: string, cause: 'work' | 'chosen') => {
      if (staffId === null) return;
      try {
        const db = caseDatabase();
        await db.agentStates.add({ id: newId(), staffId, state, previous, at, cause });
        setNotSaved(false);
        // Kept already; sent once a screen-pop in hand is drawn, so the caller's record comes first.
        void sendsAllowed().then(() => sendAgentStates(db, bridgeAgentStates(bridge), staffId));
      } catch {
        setNotSaved(true);
      }
    },
    [bridge, staffId],
  );

  const apply = useCallback(
    (event: AgentStateEvent): boolean => {
      const at = new Date().toISOString();
      const step = nextAgentState(current.current, event, at);
      if (!step.ok) return false;
      current.current = step.now;
      setNow(step.now);
      if (staffId !== null) keepState(staffId, step.now);
      if (step.changed) {
        setTeams(null);
        reflect(step.now.state);
        void keep(step.now.state, step.previous, at, step.cause);
      }
      return true;
    },
    [keep, reflect, staffId],
  );

  // The officer's state today carries on over a reload or the frame being drawn afresh (a break
  // stays a break); a new day, or an officer new to this computer, starts available, and that
  // first state is recorded too, so the team view knows when the officer began.
  useEffect(() => {
    if (staffId === null) return;
    const kept = keptState(staffId);
    if (kept && kept.state === kept.chosen) {
      current.current = kept;
      setNow(current.current);
      reflect(kept.state);
      return;
    }
    if (kept) {
      // A call or wrap-up carries on only if its contact comes back from IndexedDB (below);
      // until then the officer is shown in what they chose, and nothing is recorded.
      resumeWork.current = kept;
      current.current = startingState(kept.since, kept.chosen);
      setNow(current.current);
      return;
    }
    const first = startingState(new Date().toISOString(), 'available');
    current.current = first;
    setNow(current.current);
    keepState(staffId, first);
    reflect(first.state);
    void keep(first.state, null, first.since, 'work');
  }, [staffId, keep, reflect]);

  // The contact in hand moves the state on.
  const work = stateForContact(contact);
  const channel = contact?.channel ?? 'phone';
  const lastWork = useRef<AgentState | null>(null);
  useEffect(() => {
    const before = lastWork.current;
    lastWork.current = work;
    if (work === before) return;
    const resumed = resumeWork.current;
    resumeWork.current = null;
    if (resumed && resumed.state === work) {
      // The same call or wrap-up as before the reload: its state and its time carry on.
      current.current = resumed;
      setNow(resumed);
      if (staffId !== null) keepState(staffId, resumed);
      reflect(resumed.state);
      return;
    }
    if (work === null) apply({ kind: 'wrap-up-saved' });
    else if (work === 'wrap-up') apply({ kind: 'wrap-up-opened' });
    else apply({ kind: 'contact-started', channel });
  }, [work, channel, apply, reflect, staffId]);

  // Teams forgets an application's presence unless told again; and a sign-in made later is told at once.
  useEffect(() => {
    if (staffId === null) return;
    if (signedInToMicrosoft365) reflect(current.current.state);
    const timer = window.setInterval(() => reflect(current.current.state), TEAMS_RENEW_MS);
    return () => window.clearInterval(timer);
  }, [staffId, signedInToMicrosoft365, reflect]);

  const choose = useCallback((state: ChoosableState) => Promise.resolve(apply({ kind: 'chosen', state })), [apply]);
  const api = useMemo<AgentStateApi>(() => ({ now, teams, notSaved, choose }), [now, teams, notSaved, choose]);
  return <AgentStateContext.Provider value={api}>{children}</AgentStateContext.Provider>;
}

/** Outside a provider (a place rendered alone in a test) there is no state to show. */
export function useAgentStateIfAny(): AgentStateApi | null {
  return useContext(AgentStateContext);
}
