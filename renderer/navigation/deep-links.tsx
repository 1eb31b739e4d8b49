import { createContext, useCallback, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { DeepLink } from '../../shared/contract/deep-link';
import { useBridge } from '../bridge/bridge-context';
import { useSessionIfAny } from '../session/session-context';

type LinkHandler = (link: DeepLink) => void;
type Listen = (handler: LinkHandler) => () => void;

const DeepLinksContext = createContext<Listen | null>(null);

/**
 * Takes the civicdesk:// links waiting in the main process and hands each to every handler.
 * It takes them when it mounts, at each `deepLink.waiting` and when the lock is lifted. Mount it above every handler:
 * React runs a parent's effects after its children's, so the handlers are listening by the
 * time the first links are taken, and a link that launched CivicDesk still opens.
 */
export function DeepLinksProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const handlers = useRef(new Set<LinkHandler>());
  const listen = useCallback<Listen>((handler) => {
    handlers.current.add(handler);
    return () => void handlers.current.delete(handler);
  }, []);

  // Behind the idle lock links wait in main (which refuses to hand them over then); they are
  // taken when the lock is lifted, for whoever is then at the computer.
  const locked = Boolean(useSessionIfAny()?.lock);

  useEffect(() => {
    if (locked) return;
    const take = async () => {
      const outcome = await bridge.deepLink.take({});
      // Handed to whoever listens when the answer comes, so a remount meanwhile loses nothing.
      if (outcome.ok) for (const link of outcome.value) for (const handler of handlers.current) handler(link);
    };
    void take();
    return bridge.on('deepLink.waiting', () => void take());
  }, [bridge, locked]);

  return <DeepLinksContext.Provider value={listen}>{children}</DeepLinksContext.Provider>;
}

/** Calls `handler` with each civicdesk:// link opened on this computer (nothing outside the provider). */
export function useDeepLinks(handler: LinkHandler): void {
  const listen = useContext(DeepLinksContext);
  useEffect(() => listen?.(handler), [listen, handler]);
}
