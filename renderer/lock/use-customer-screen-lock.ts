import { useEffect, useRef } from 'react';
import { LOCK_MESSAGE_FROM, openBroadcastChannel, readFromCustomer, type OpenChannel } from '../languages/customer/protocol';

/**
 * The resident's screen (renderer/languages/customer/) covers itself while the workstation is
 * locked. It has no bridge, so the officer's page tells it over the customer view's channel,
 * now and whenever it (re)loads and says it is ready.
 */
export function useCustomerScreenLock(locked: boolean, openChannel: OpenChannel = openBroadcastChannel): void {
  const latest = useRef(locked);
  const channel = useRef<ReturnType<OpenChannel>>(null);

  useEffect(() => {
    const opened = openChannel();
    channel.current = opened;
    if (!opened) return;
    const onMessage = (event: MessageEvent) => {
      if (readFromCustomer(event.data)?.kind === 'ready') opened.postMessage({ from: LOCK_MESSAGE_FROM, locked: latest.current });
    };
    opened.addEventListener('message', onMessage);
    return () => {
      opened.removeEventListener('message', onMessage);
      opened.close();
      channel.current = null;
    };
  }, [openChannel]);

  useEffect(() => {
    latest.current = locked;
    channel.current?.postMessage({ from: LOCK_MESSAGE_FROM, locked });
  }, [locked]);
}
