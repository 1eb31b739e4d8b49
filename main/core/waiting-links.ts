import type { DeepLink } from '../../shared/contract/deep-link';

/** A screen-pop older than this is for a call that has moved on: opening it would show the wrong caller. */
export const CALL_LINK_LIFETIME_MS = 2 * 60 * 1000;
/** More than this many links waiting means no workstation is taking them; the oldest go first. */
export const MOST_WAITING_LINKS = 20;

/**
 * civicdesk:// links wait here until the workstation takes them. A link can arrive before the
 * window has loaded or while it reloads (a softphone screen-pop as CivicDesk starts, a Teams
 * case link that launches it), when an event carrying the link would reach no one. So the core
 * only rings (`deepLink.waiting`), and the renderer takes the links once its handlers listen
 * and again at every ring. Each link is taken once.
 */
export function createWaitingLinks(ring: (count: number) => void, now: () => Date) {
  let waiting: { link: DeepLink; at: number }[] = [];
  return {
    add(link: DeepLink): void {
      waiting = [...waiting, { link, at: now().getTime() }].slice(-MOST_WAITING_LINKS);
      ring(waiting.length);
    },
    take(): DeepLink[] {
      const taken = waiting;
      waiting = [];
      const oldestCall = now().getTime() - CALL_LINK_LIFETIME_MS;
      return taken.filter((each) => each.link.kind !== 'call' || each.at >= oldestCall).map((each) => each.link);
    },
  };
}
