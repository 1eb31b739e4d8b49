import type { SearchHit } from '../../../shared/domain/directory';
import type { StaffUser } from '../../../shared/domain/staff';
import type { BackOffice } from '../back-office/port';
import { NotPossible } from '../ipc/router';

/**
 * Dataverse search takes one request a second from each user and answers 429 to the next
 * (its Service Protection Limits); a little over, so a request sent a second after the last
 * does not arrive sooner than a second after it.
 */
export const ONLINE_SEARCH_GAP_MS = 1100;

interface Pacing {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Search in the council's system (Dataverse search) for the renderer while its copy of the
 * directory is still arriving. Not audited as a read of a record: a hit carries only the
 * directory's columns (name, year and date of birth, address line, postcode, phones, email,
 * references), the same ones every officer's computer already holds for every resident and
 * searches without an audit entry. Opening a hit is an open like any other, and that is
 * audited (residents.open).
 *
 * Paced to Dataverse search's limit: a search asked within the gap waits for it, and a newer
 * search asked while one waits takes its place (the officer has typed on), so only the latest
 * text is sent and nothing is refused.
 */
export function createOnlineSearch(deps: { backOffice: () => Promise<BackOffice | null>; user: () => StaffUser | null } & Pacing) {
  const now = deps.now ?? (() => performance.now());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let lastSent = -Infinity;
  let waiting: object | null = null;

  return {
    async search(text: string, top: number): Promise<{ hits: SearchHit[] }> {
      if (!deps.user()) throw new NotPossible('Sign in to search for residents.');
      const office = await deps.backOffice();
      if (!office) throw new NotPossible('Sign in to search for residents.');
      // A back office without a search of its own: the local copy is all there is.
      if (!office.searchResidents) return { hits: [] };
      const wait = lastSent + ONLINE_SEARCH_GAP_MS - now();
      if (wait > 0) {
        const mine = {};
        waiting = mine;
        await sleep(wait);
        if (waiting !== mine) throw new NotPossible('A newer search took this one’s place.');
        waiting = null;
      }
      lastSent = now();
      return { hits: await office.searchResidents(text, top) };
    },
  };
}
