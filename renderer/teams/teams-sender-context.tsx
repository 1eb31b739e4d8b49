import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useMemo } from 'react';
import { useAccount } from '../account/account-context';
import { START_UP_WORK_WITHIN_MS, whenIdle } from '../sync/when-idle';
import { useBridge } from '../bridge/bridge-context';
import { caseDatabase } from '../storage/case-database';
import { createTeamsSender, TEAMS_RETRY_INTERVAL_MS, type TeamsSender } from './teams-outbox';

const TeamsSenderContext = createContext<TeamsSender | null>(null);
export const TeamsSenderProvider = TeamsSenderContext.Provider;

/** A place that wrote a message asks for it to go now; without a sender it simply waits. */
export function useSendTeamsNow(): () => void {
  const sender = useContext(TeamsSenderContext);
  return () => void sender?.sendWaiting();
}

/**
 * The one sender of waiting Teams messages, mounted in the Workstation. It tries again when the
 * network comes back, when the officer signs in, and every 30 seconds while any message waits.
 */
export function useTeamsSender(): TeamsSender {
  const bridge = useBridge();
  const db = caseDatabase();
  const signedIn = useAccount().status?.signedIn === true;
  const sender = useMemo(() => createTeamsSender(db, bridge), [db, bridge]);
  const waiting = useLiveQuery(() => db.teamsOutbox.where('state').equals('waiting').count(), [db]) ?? 0;

  useEffect(() => {
    if (!signedIn) return;
    const sendWaiting = () => void sender.sendWaiting();
    const cancel = whenIdle(sendWaiting, START_UP_WORK_WITHIN_MS);
    window.addEventListener('online', sendWaiting);
    return () => {
      cancel();
      window.removeEventListener('online', sendWaiting);
    };
  }, [sender, signedIn]);

  useEffect(() => {
    if (!signedIn || waiting === 0) return;
    const timer = setInterval(() => void sender.sendWaiting(), TEAMS_RETRY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [sender, signedIn, waiting]);

  return sender;
}
