import type { ApiBridge } from '../../shared/contract/api-bridge';
import type { CallError, Outcome } from '../../shared/contract/outcome';
import type { DirectorySlice } from '../../shared/contract/residents';
import type { DirectoryEntry } from '../../shared/domain/directory';
import { compactDirectory, directoryDatabase, readDirectory } from '../storage/directory-database';
import { nowIso } from '../storage/ids';
import { createDirectoryWriter, metaOf, type ReadInProgress, type SliceStore, type SyncMeta } from './directory-writer';

export type SyncResult = { ok: true; changed: boolean; updatedAt: string } | { ok: false; error: CallError; updatedAt: string | null };

/** What has just arrived, for search to use at once. */
export interface ArrivedSlice {
  entries: DirectoryEntry[];
  removed: string[];
  /** Drop everything held before this slice, then add it: the start of a whole copy. */
  replacesAll: boolean;
}

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
 *
 * `storeAndSearch`, when given, is where each slice goes instead: a store that also hands the
 * slice to search (the search worker's, so sealing and writing are off the page's thread and
 * each slice crosses to the worker once). `onSlice` then gets only what this computer already
 * had, on a start that carries on.
 */
export async function syncDirectory(
  bridge: ApiBridge,
  onProgress: (done: number, total: number, remaining?: number | null) => void,
  onSlice?: (slice: ArrivedSlice) => void,
  storeAndSearch?: (askedWith: string | null) => SliceStore,
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
  const writer = storeAndSearch ? storeAndSearch(askedWith) : createDirectoryWriter(db, askedWith);
  let changed = false;
  for (;;) {
    const slice: DirectorySlice = outcome.value;
    const last = slice.nextOffset === null;
    // Asked for before this one is stored: main has usually read it already.
    const next: Promise<Outcome<DirectorySlice>> | null = last ? null : ask(slice.nextOffset ?? 0, slice.read);
    const startsCopy = slice.replacesAll && slice.offset === 0;
    if (!storeAndSearch) onSlice?.({ entries: slice.entries, removed: slice.removed, replacesAll: startsCopy });
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
  // Everything is stored by now: folding blocks together is tidying, tried again at the next
  // sync if it cannot be done now (the officer has gone and their database is closed).
  if (changed) await compactDirectory(db).catch(() => false);
  const now = (await meta.get('sync').catch(() => undefined)) as SyncMeta | undefined;
  return { ok: true, changed, updatedAt: now?.updatedAt ?? nowIso() };
}
