import { partRow, type OpenPart, type PartOpened } from './index-part-opening';
import type { DataKey } from './sealing';

/** Opens a sealed part to its row (its part number and bytes). */
export type OpenSealedPart = (sealed: Blob, asked: number) => Promise<Record<string, unknown>>;

/** The page's Worker, as this file uses it, named here so the file also type-checks with Node's tests (which have none). */
interface Lane {
  postMessage(message: OpenPart): void;
  terminate(): void;
  onmessage: ((event: { data: PartOpened }) => void) | null;
  onerror: (() => void) | null;
}
declare const Worker: (new (url: URL, options: { type: 'module' }) => Lane) | undefined;

/** How many lanes open a saved index (measured below); its parts come in a multiple of this (directory-database.ts). */
export const LANES = 2;

/**
 * Workers that open the saved index's parts side by side, for the search worker. Measured in
 * Debian's Chromium on the 2-core machines, one thread takes the parts one at a time: it
 * decrypts one (about 115 MB/s) and only then takes in the next Blob's bytes. Two lanes, each
 * reading and opening its own parts, opened 96 MB in 0.95-1.1 s against 1.5 s in one thread; a
 * third lane was no quicker on two cores. Each part goes to the lane with fewest waiting.
 *
 * Started by the search worker as soon as it knows there are parts, before it reads them: a
 * worker takes about 200 ms to start and load its code, which, started at the first part
 * asked for, every later start waited for. Null where there are no workers (Node's tests), and
 * the parts are opened in place.
 */
export function indexPartLanes(count = LANES): { opener(key: DataKey, table: string): OpenSealedPart; close(): void } | null {
  if (typeof Worker !== 'function') return null;
  type Waiting = Map<number, { resolve: (row: Record<string, unknown>) => void; reject: (error: Error) => void }>;
  const lanes = Array.from({ length: count }, () => ({ worker: new Worker(new URL('./index-part.worker.ts', import.meta.url), { type: 'module' }), waiting: new Map() as Waiting }));
  for (const lane of lanes) {
    lane.worker.onmessage = ({ data }) => {
      const waiter = lane.waiting.get(data.asked);
      lane.waiting.delete(data.asked);
      try {
        waiter?.resolve(partRow(data));
      } catch (error) {
        waiter?.reject(error as Error);
      }
    };
    // A lane that cannot start fails the parts it was given (and the index is rebuilt, as when a part cannot be opened).
    lane.worker.onerror = () => {
      for (const waiter of lane.waiting.values()) waiter.reject(new Error('A worker opening the saved index stopped.'));
      lane.waiting.clear();
    };
  }
  return {
    opener: (key, table) => (sealed, asked) => {
      const lane = lanes.reduce((fewest, each) => (each.waiting.size < fewest.waiting.size ? each : fewest));
      return new Promise((resolve, reject) => {
        lane.waiting.set(asked, { resolve, reject });
        lane.worker.postMessage({ key, table, sealed, asked });
      });
    },
    close: () => lanes.forEach((lane) => lane.worker.terminate()),
  };
}
