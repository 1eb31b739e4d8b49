import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { START_UP_WORK_WITHIN_MS, whenIdle } from '../sync/when-idle';
import { useBridge } from '../bridge/bridge-context';
import { caseDatabase } from '../storage/case-database';
import { createMailSender, MAIL_RETRY_INTERVAL_MS } from './mail-outbox';

const SendMailNow = createContext<() => void>(() => undefined);

/**
 * Sends replies and forwards waiting on this computer, whatever place is open: at once when
 * written, at the first idle moment after the workstation opens, when the network returns,
 * and every 30 seconds while any wait.
 */
export function MailOutboxProvider({ staffId, children }: { staffId: string | null; children: ReactNode }) {
  const bridge = useBridge();
  const db = caseDatabase();
  const send = useMemo(() => createMailSender(db, bridge, () => staffId), [db, bridge, staffId]);
  const waiting = useLiveQuery(async () => (staffId === null ? 0 : (await db.mailOutbox.where('staffId').equals(staffId).toArray()).filter((each) => each.state === 'waiting').length), [db, staffId]) ?? 0;

  useEffect(() => {
    const go = () => void send();
    const cancel = whenIdle(go, START_UP_WORK_WITHIN_MS);
    window.addEventListener('online', go);
    return () => {
      cancel();
      window.removeEventListener('online', go);
    };
  }, [send]);
  useEffect(() => {
    if (waiting === 0) return;
    const timer = window.setInterval(() => void send(), MAIL_RETRY_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [waiting, send]);

  const sendNow = useMemo(() => () => void send(), [send]);
  return <SendMailNow.Provider value={sendNow}>{children}</SendMailNow.Provider>;
}

export function useSendMailNow(): () => void {
  return useContext(SendMailNow);
}
