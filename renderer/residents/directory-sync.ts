import type { Table } from 'dexie';
import type { ApiBridge } from '../../shared/contract/api-bridge';
import type { CallError, Outcome } from '../../shared/contract/outcome';
import type { DirectorySlice } from '../../shared/contract/residents';
import type { DirectoryEntry } from '../../shared/domain/directory';
import { compactDirectory, directoryDatabase, readDirectory, type DirectoryBlock, type DirectoryDatabase } from '../storage/directory-database';
import { nowIso } from '../storage/ids';

export type SyncResult = { ok: true; changed: boolean; updatedAt: string } | { ok: false; error: CallError; updatedAt: string | null };

/** What has just arrived, for search to use at once. */
export interface ArrivedSlice {
  entries: DirectoryEntry[];
  removed: string[];
  /** Drop everything held before this slice, then add it: the start of a whole copy. */
  replacesAll: boolean;
}

/**
 * A whole read cut short (a reload, a closed window) leaves its place here, written in the same
 * transaction as the blocks before it, so the copy on disk and the place always agree.
 */
interface ReadInProgress {
  key: 'progress';
  /** Main's id for the read, to carry on with it. */
  read: string;
  /** The token the read was asked for with (null on a first start). */
  askedWith: string | null;
  /** Everything before this is in the blocks. */
  offset: number;
  total: number;
}

interface SyncMeta {
  key: 'sync';
  deltaToken: string;
  updatedAt: string;
}

/** The directory's meta table holds the place of a read in progress beside the token. */
const metaOf = (db: DirectoryDatabase) => db.meta as unknown as Table<SyncMeta | ReadInProgress, string>;

/** Slices are stored in one transaction per this many residents, not one per slice. */
const WRITE_EVERY = 25_000;

/**
 * About how many seconds the rest will take, at the pace so far: null until there is a pace
 * to go by (nothing yet, or under a second in), 0 when everything is here.
 */
export function remainingSeconds(done: number, total: number, elapsedMs: number): number | null {
  if (total > 0 && done >= total) return 0;
  if (done <= 0 || total <= 0 || elapsedMs < 1000) return null;
  return Math.ceil(((total - done) * elapsedMs) / done / 1000);
}

/**
 * Brings the local directory up to date: everything on first use, then only what changed
 * (the back office's change tracking). If the back office cannot be reached, the directory
 * already on this computer keeps search working.
 *
 * A first start streams: each slice goes to `onSlice` the moment it arrives (search can use it
 * at once), the next slice is asked for before this one is stored, and slices are written to
 * the directory's own database (never the case drafts') a few at a time, in one transaction
 * each. `onProgress(done, total, remaining)` gives residents arrived so far, of how many, and
 * remainingSeconds for the rest at this start's pace. A start cut short carries on from the
 * last write when main still has its read, and otherwise starts the copy again; either way
 * nobody is stored twice and nobody is missed.
 */
export async function syncDirectory(
  bridge: ApiBridge,
  onProgress: (done: number, total: number, remaining?: number | null) => void,
  onSlice?: (slice: ArrivedSlice) => void,
): Promise<SyncResult> {
  const db = directoryDatabase();
  const meta = metaOf(db);
  const synced = (await meta.get('sync')) as SyncMeta | undefined;
  const cutShort = (await meta.get('progress')) as ReadInProgress | undefined;
  const failed = (error: CallError): SyncResult => ({ ok: false, error, updatedAt: synced?.updatedAt ?? null });

  const askedWith = cutShort ? cutShort.askedWith : (synced?.deltaToken ?? null);
  const ask = (offset: number, read?: string): Promise<Outcome<DirectorySlice>> => bridge.directory.changes({ deltaToken: askedWith, offset, ...(read ? { read } : {}) });

  let outcome: Outcome<DirectorySlice> = await (cutShort ? ask(cutShort.offset, cutShort.read) : ask(0));
  if (!outcome.ok) return failed(outcome.error);
  const resumed = cutShort !== undefined && outcome.value.read === cutShort.read && outcome.value.offset === cutShort.offset;
  if (resumed) {
    // Search may hold nothing yet: what this computer already has comes first, whole.
    onSlice?.({ entries: await readDirectory(db), removed: [], replacesAll: true });
  }
  const startedAt = performance.now();
  const firstOffset = outcome.value.offset;
  const writer = createWriter(db, askedWith);
  let changed = false;
  for (;;) {
    const slice: DirectorySlice = outcome.value;
    const last = slice.nextOffset === null;
    // Asked for before this one is stored: main has usually read it already.
    const next: Promise<Outcome<DirectorySlice>> | null = last ? null : ask(slice.nextOffset ?? 0, slice.read);
    const startsCopy = slice.replacesAll && slice.offset === 0;
    onSlice?.({ entries: slice.entries, removed: slice.removed, replacesAll: startsCopy });
    writer.add(slice, startsCopy);
    changed ||= slice.entries.length > 0 || slice.removed.length > 0;
    const done = slice.offset + slice.entries.length;
    onProgress(done, Math.max(slice.total, done), remainingSeconds(done - firstOffset, slice.total - firstOffset, performance.now() - startedAt));
    if (!next) break;
    outcome = await next;
    if (!outcome.ok) {
      // What came is kept, with its place, so the next start carries on from here.
      await writer.finish(null).catch(() => undefined);
      return failed(outcome.error);
    }
  }
  try {
    await writer.finish(outcome.value.deltaToken);
  } catch (error) {
    return failed({ code: 'not-possible', message: `The resident directory could not be saved on this computer (${error instanceof Error ? error.message : String(error)}). Search uses what has arrived.` });
  }
  if (changed) await compactDirectory(db);
  return { ok: true, changed, updatedAt: ((await meta.get('sync')) as SyncMeta | undefined)?.updatedAt ?? nowIso() };
}

/**
 * Stores slices in the background, in order, several to a transaction. A whole copy's first
 * write clears what was there in the same transaction, so a reader never sees old and new mixed
 * and a cut-short copy never leaves the old one half-replaced without its place recorded.
 */
function createWriter(db: DirectoryDatabase, askedWith: string | null) {
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
      if (slice.entries.length > 0 || slice.removed.length > 0) waiting.push({ entries: slice.entries, removed: slice.removed });
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
