import type { Table } from 'dexie';
import type { DirectorySlice } from '../../shared/contract/residents';
import { newBlock, type DirectoryBlock, type DirectoryDatabase } from '../storage/directory-database';
import { nowIso } from '../storage/ids';

/**
 * A whole read cut short (a reload, a closed window) leaves its place here, written in the same
 * transaction as the blocks before it, so the copy on disk and the place always agree.
 */
export interface ReadInProgress {
  key: 'progress';
  /** Main's id for the read, to carry on with it. */
  read: string;
  /** The token the read was asked for with (null on a first start). */
  askedWith: string | null;
  /** Everything before this is in the blocks. */
  offset: number;
  total: number;
}

export interface SyncMeta {
  key: 'sync';
  deltaToken: string;
  updatedAt: string;
}

/** The directory's meta table holds the place of a read in progress beside the token. */
export const metaOf = (db: DirectoryDatabase) => db.meta as unknown as Table<SyncMeta | ReadInProgress, string>;

/** Slices are stored in one transaction per this many residents, not one per slice. */
const WRITE_EVERY = 25_000;

/** Where a sync's slices are kept as they arrive: `finish` writes the rest, with the token when the read is complete. */
export interface SliceStore {
  add(slice: DirectorySlice, startsCopy: boolean): void;
  finish(deltaToken: string | null): Promise<void>;
}

/**
 * Stores slices in the background, in order, several to a transaction. A whole copy's first
 * write clears what was there in the same transaction, so a reader never sees old and new mixed
 * and a cut-short copy never leaves the old one half-replaced without its place recorded.
 */
export function createDirectoryWriter(db: DirectoryDatabase, askedWith: string | null): SliceStore {
  let waiting: DirectoryBlock[] = [];
  let waitingCount = 0;
  let clearFirst = false;
  let place: ReadInProgress | null = null;
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown = null;

  const write = (blocks: DirectoryBlock[], clear: boolean, at: ReadInProgress | null, deltaToken: string | null) =>
    db.transaction('rw', db.blocks, db.meta, async () => {
      if (clear) await db.blocks.clear();
      if (blocks.length > 0) await db.blocks.bulkAdd(blocks);
      const meta = metaOf(db);
      if (deltaToken !== null) {
        // The token is saved only with the last slice: until then, the place is.
        await meta.put({ key: 'sync', deltaToken, updatedAt: nowIso() });
        await meta.delete('progress');
      } else if (at) {
        await meta.put(at);
      }
    });

  const flush = (deltaToken: string | null) => {
    const blocks = waiting;
    const clear = clearFirst;
    const at = place;
    waiting = [];
    waitingCount = 0;
    clearFirst = false;
    writing = writing.then(() => (failure === null ? write(blocks, clear, at, deltaToken) : undefined)).catch((error: unknown) => void (failure ??= error));
  };

  return {
    add(slice: DirectorySlice, startsCopy: boolean) {
      if (startsCopy) {
        clearFirst = true;
        waiting = [];
        waitingCount = 0;
      }
      if (slice.entries.length > 0 || slice.removed.length > 0) waiting.push(newBlock(slice.entries, slice.removed));
      waitingCount += slice.entries.length;
      // Only a whole copy has a place worth keeping: a read of changes is simply read again.
      place = slice.replacesAll && slice.nextOffset !== null ? { key: 'progress', read: slice.read, askedWith, offset: slice.nextOffset, total: slice.total } : null;
      if (waitingCount >= WRITE_EVERY) flush(null);
    },
    /** Writes the rest; with the token when the read is complete. */
    async finish(deltaToken: string | null) {
      flush(deltaToken);
      await writing;
      if (failure !== null) throw failure;
    },
  };
}
