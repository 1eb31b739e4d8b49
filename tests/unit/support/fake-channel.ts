import type { MessageChannelLike } from '../../../renderer/languages/customer/protocol';

/**
 * BroadcastChannel between the officer's page and the customer view, in one test: every
 * channel opened from the hub hears the others (not itself), as the real one does. Messages go
 * through JSON, as they would be cloned, and are delivered at once.
 */
export function channelHub() {
  const members = new Set<{ channel: MessageChannelLike; listeners: Set<(event: MessageEvent) => void> }>();
  const sent: unknown[] = [];
  const open = (): MessageChannelLike => {
    const listeners = new Set<(event: MessageEvent) => void>();
    const channel: MessageChannelLike = {
      postMessage(message) {
        sent.push(message);
        const copy = JSON.parse(JSON.stringify(message)) as unknown;
        for (const member of [...members]) if (member.channel !== channel) for (const listener of [...member.listeners]) listener({ data: copy } as MessageEvent);
      },
      addEventListener: (_type, listener) => listeners.add(listener),
      removeEventListener: (_type, listener) => listeners.delete(listener),
      close: () => {
        for (const member of members) if (member.channel === channel) members.delete(member);
      },
    };
    members.add({ channel, listeners });
    return channel;
  };
  return { open, sent };
}
