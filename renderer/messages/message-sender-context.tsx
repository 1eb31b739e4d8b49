import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useMemo } from 'react';
import { FINAL_STATUSES } from '../../shared/domain/resident-message';
import { useBridge } from '../bridge/bridge-context';
import { useSessionIfAny } from '../session/session-context';
import { caseDatabase } from '../storage/case-database';
import { createMessageSender, DELIVERY_CHECK_INTERVAL_MS, MESSAGE_RETRY_INTERVAL_MS, type MessageSender } from './message-outbox';

const MessageSenderContext = createContext<MessageSender | null>(null);
export const MessageSenderProvider = MessageSenderContext.Provider;

/** A place that wrote a message asks for it to go now; without a sender it simply waits. */
export function useSendMessagesNow(): () => void {
  const sender = useContext(MessageSenderContext);
  return () => void sender?.sendWaiting().then(() => sender.checkDelivery());
}

/**
 * The one sender of texts and emails waiting on this computer, mounted in the Workstation. It
 * tries when the window opens, when the network comes back, and every 30 seconds while any
 * waits; and asks Notify every 5 seconds how messages on their way are doing.
 */
export function useMessageSender(): MessageSender {
  const bridge = useBridge();
  const db = caseDatabase();
  const staffId = useSessionIfAny()?.user?.id ?? null;
  const sender = useMemo(() => createMessageSender(db, bridge, () => staffId), [db, bridge, staffId]);
  const counts = useLiveQuery(
    async () => {
      const mine = staffId === null ? [] : await db.messages.where('staffId').equals(staffId).toArray();
      return {
        waiting: mine.filter((each) => each.state === 'waiting' || (each.state === 'sent' && !each.recorded)).length,
        onTheirWay: mine.filter((each) => each.state === 'sent' && (each.delivery === null || !FINAL_STATUSES.includes(each.delivery))).length,
      };
    },
    [db, staffId],
  ) ?? { waiting: 0, onTheirWay: 0 };

  useEffect(() => {
    if (staffId === null) return;
    void sender.sendWaiting();
    const onOnline = () => void sender.sendWaiting();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [sender, staffId]);

  useEffect(() => {
    if (counts.waiting === 0) return;
    const timer = setInterval(() => void sender.sendWaiting(), MESSAGE_RETRY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [sender, counts.waiting]);

  useEffect(() => {
    if (counts.onTheirWay === 0) return;
    const timer = setInterval(() => void sender.checkDelivery(), DELIVERY_CHECK_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [sender, counts.onTheirWay]);

  return sender;
}
