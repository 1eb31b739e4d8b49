import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ApiBridge } from '../../shared/contract/api-bridge';
import { openBroadcastChannel, readFromCustomer, type MessageChannelLike, type OpenChannel, type ToCustomer, type VisitRating } from './customer/protocol';

/** The browser host's window for the customer view: the same name reuses it rather than opening another. */
export const CUSTOMER_WINDOW_NAME = 'civicdesk-customer';
export const CUSTOMER_VIEW_PATH = './?view=customer';

export interface CustomerLinkState {
  /** True once the customer view has said it is there; false after it says it closed. */
  open: boolean;
  /** A language the resident pointed to, waiting for the officer to confirm or dismiss. */
  chosen: string | null;
  /** The resident's own rating of the visit, from the customer view, waiting for the wrap-up to take it. */
  rating: VisitRating | null;
  /** The browser would not open the view (a pop-up blocker), or the channel is missing. */
  problem: 'blocked' | 'no-channel' | null;
}

export interface CustomerLink {
  state(): CustomerLinkState;
  subscribe(listener: () => void): () => void;
  /**
   * Shows this on the customer view, opening it first unless it is already open (`reopen`
   * opens or brings it back regardless, in case it went without saying so).
   */
  show(message: ToCustomer, bridge: ApiBridge, options?: { reopen?: boolean }): Promise<void>;
  /** Shows this if the view is open, without opening it. */
  update(message: ToCustomer): void;
  dismissChoice(): void;
  /** The wrap-up has taken the resident's rating. */
  clearRating(): void;
}

export interface CustomerLinkOptions {
  openChannel?: OpenChannel;
  /** window.open, for the browser host; the desktop app opens its own window. */
  openWindow?: (url: string, name: string) => unknown;
}

/**
 * The officer's end of the customer view. It lives as long as the page, not the Languages
 * place, so a resident's choice made while the officer is elsewhere waits for them. The last
 * thing shown is sent again whenever the view (re)loads and says it is ready.
 */
export function createCustomerLink(options: CustomerLinkOptions = {}): CustomerLink {
  const openChannel = options.openChannel ?? openBroadcastChannel;
  const openWindow = options.openWindow ?? ((url: string, name: string) => window.open(url, name));
  let channel: MessageChannelLike | null = null;
  let current: CustomerLinkState = { open: false, chosen: null, rating: null, problem: null };
  let lastShown: ToCustomer | null = null;
  const listeners = new Set<() => void>();
  const set = (next: Partial<CustomerLinkState>) => {
    current = { ...current, ...next };
    for (const listener of listeners) listener();
  };
  const post = (message: ToCustomer) => channel?.postMessage({ from: 'staff', message });

  const connect = (): boolean => {
    if (channel) return true;
    channel = openChannel();
    if (!channel) {
      set({ problem: 'no-channel' });
      return false;
    }
    channel.addEventListener('message', (event) => {
      const message = readFromCustomer(event.data);
      if (!message) return;
      if (message.kind === 'ready') {
        set({ open: true });
        if (lastShown) post(lastShown);
      } else if (message.kind === 'closed') set({ open: false });
      else if (message.kind === 'rating-given') set({ open: true, rating: message.rating });
      else set({ open: true, chosen: message.code });
    });
    return true;
  };

  return {
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async show(message, bridge, { reopen = false } = {}) {
      if (!connect()) return;
      lastShown = message;
      post(message);
      // Opening the browser host's window again would reload it: only when asked, or when it is
      // not open. The desktop app's window is only brought to the front, so it is always asked.
      if (current.open && !reopen) {
        await bridge.customerView.open({});
        return;
      }
      const answer = await bridge.customerView.open({});
      if (answer.ok && answer.value.opened) {
        set({ problem: null });
        return;
      }
      // The browser host: a window of the page's own, named so a second press reuses it.
      const opened = openWindow(CUSTOMER_VIEW_PATH, CUSTOMER_WINDOW_NAME);
      set({ problem: opened ? null : 'blocked' });
    },
    update(message) {
      if (!channel || !current.open) return;
      lastShown = message;
      post(message);
    },
    dismissChoice: () => set({ chosen: null }),
    clearRating: () => set({ rating: null }),
  };
}

let pageLink: CustomerLink | null = null;
/** One link per page, made on first use. */
export const defaultCustomerLink = (): CustomerLink => (pageLink ??= createCustomerLink());

export const CustomerLinkContext = createContext<CustomerLink | null>(null);

/** The page's customer link (tests hand in their own through CustomerLinkContext). */
export function useCustomerLink(): { link: CustomerLink; state: CustomerLinkState } {
  const link = useContext(CustomerLinkContext) ?? defaultCustomerLink();
  const state = useSyncExternalStore(link.subscribe, link.state, link.state);
  return { link, state };
}
