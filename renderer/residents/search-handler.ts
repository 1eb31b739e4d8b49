import type { DirectoryEntry } from '../../shared/domain/directory';
import { buildIndexData } from '../../shared/search/build';
import { packIndexData, type PackedIndex } from '../../shared/search/packed';
import { blockEntries, DirectoryDatabase, partBytesFor, PARTS_TABLE, readDirectory, readSavedIndex, saveIndex, splitIndex } from '../storage/directory-database';
import { indexPartLanes } from '../storage/index-part-lanes';
import { createDirectoryWriter, type SliceStore } from './directory-writer';
import type { FromSearchWorker, ToSearchWorker } from './search-messages';

/** A segment is built from what has arrived at most this often, so typing meanwhile stays light. */
const SEGMENT_EVERY_MS = 1_000;

/**
 * What the search worker does: builds indexes and hands them to the page, which searches
 * them itself. At start it opens the index saved after the last sync (no rebuild); slices
 * arriving from the back office become small segments, searchable at once; when the sync has
 * changed the directory, the whole index is rebuilt once and saved for the next start. Kept
 * apart from the worker file so it can also run on the page where no Worker exists
 * (component tests in jsdom).
 */
export function createSearchHandler(post: (message: FromSearchWorker, transfer: ArrayBuffer[]) => void): (message: ToSearchWorker) => Promise<void> {
  let db: DirectoryDatabase | null = null;
  let opened = false;
  /** The sync's store, when the page hands its slices here to be written (directory-writer.ts). */
  let writer: SliceStore | null = null;
  /** Residents arrived since the last index handed over, and residents removed. */
  let arrived = new Map<string, DirectoryEntry>();
  let removed = new Set<string>();
  let fresh = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // The first segment is built at once: nothing is searchable until it is.
  let lastSegment = -Infinity;
  /**
   * The start's opening of the saved index (a second or two at borough scale). Segments and the
   * end of a sync wait for it: a segment handed over before the whole index would be replaced
   * by it, and a sync that ends meanwhile must not rebuild what is being opened.
   */
  let opening: Promise<unknown> | null = null;

  const handOver = (packed: PackedIndex, whole: boolean, supersedes: string[], started: number, saved: boolean) =>
    post({ type: 'index', packed, whole, supersedes, buildMs: Math.round(performance.now() - started), saved }, [packed.buffer]);

  const buildSegment = () => {
    timer = null;
    if (arrived.size === 0 && removed.size === 0) return;
    const started = performance.now();
    const entries = [...arrived.values()];
    // On a first start every resident is new, so nothing older needs hiding (and naming 320,000 ids would cost the page).
    const supersedes = fresh ? [...removed] : [...arrived.keys(), ...removed];
    arrived = new Map();
    removed = new Set();
    lastSegment = performance.now();
    handOver(packIndexData(buildIndexData(entries)), false, supersedes, started, false);
  };

  /** Builds the whole index from the local copy, hands it over, and saves it for the next start. */
  const rebuild = async (database: DirectoryDatabase) => {
    const started = performance.now();
    // The copy and which blocks it is, read together, so the saved index says exactly what it holds.
    const { entries, meta, seqs } = await database.transaction('r', database.blocks, database.meta, async () => ({
      entries: await readDirectory(database),
      meta: await database.meta.get('sync'),
      seqs: await database.blocks.toCollection().primaryKeys(),
    }));
    const packed = packIndexData(buildIndexData(entries, { onProgress: (done, total) => post({ type: 'progress', done, total }, []) }));
    // The bytes are copied for saving before the buffer goes to the page.
    const parts = splitIndex(packed.buffer, partBytesFor(packed.buffer.byteLength));
    const layout = packed.layout;
    handOver(packed, true, [], started, false);
    if (meta) await saveIndex(database, { deltaToken: meta.deltaToken, layout, firstSeq: seqs[0], throughSeq: seqs.at(-1) }, parts);
  };

  /** The blocks synced after the saved index was built, as one segment (changed and removed residents hidden in it). */
  const changesSince = async (database: DirectoryDatabase, throughSeq: number) => {
    const started = performance.now();
    const later = await database.blocks.where(':id').above(throughSeq).toArray();
    const changed = new Map<string, DirectoryEntry>();
    const gone = new Set<string>();
    for (const block of later) {
      for (const id of block.removed) {
        changed.delete(id);
        gone.add(id);
      }
      for (const entry of blockEntries(block)) changed.set(entry.residentId, entry);
    }
    if (changed.size === 0 && gone.size === 0) return;
    handOver(packIndexData(buildIndexData([...changed.values()])), false, [...changed.keys(), ...gone], started, false);
  };

  /** What arrived since the last segment becomes one now, and the page is told the segments hold every resident arrived. */
  const coverArrived = async () => {
    if (opening) await opening;
    if (timer) clearTimeout(timer);
    buildSegment();
    post({ type: 'covered' }, []);
  };

  /** Opens the saved index, or builds one from the copy on this computer. */
  const open = async (message: Extract<ToSearchWorker, { type: 'open' }>) => {
    const database = (db = new DirectoryDatabase(message.database, message.key));
    const started = performance.now();
    // A saved index that cannot be read (sealed under another format) is rebuilt, as a missing one is.
    // Its parts opened in two lanes (renderer/storage/index-part-lanes.ts), started only where
    // there are parts (a first start starts none), and before the transaction that reads them,
    // which hides most of the time a worker takes to start.
    const lanes = (await database.indexParts.count().catch(() => 0)) > 0 ? indexPartLanes() : null;
    const { meta, saved } = await readSavedIndex(database, lanes?.opener(message.key, PARTS_TABLE))
      .catch(async () => ({ meta: await database.meta.get('sync'), saved: null }))
      .finally(() => lanes?.close());
    if (saved) {
      opened = true;
      handOver({ layout: saved.about.layout, buffer: saved.buffer }, true, [], started, true);
      if (saved.about.throughSeq !== undefined) await changesSince(database, saved.about.throughSeq);
      return;
    }
    if (!meta) return post({ type: 'empty' }, []);
    opened = true;
    return rebuild(database);
  };

  return async (message) => {
    if (message.type === 'open') {
      const work = open(message);
      const settled = (opening = work.catch(() => undefined).finally(() => {
        if (opening === settled) opening = null;
      }));
      return work;
    }
    if (message.type === 'slice' || message.type === 'store') {
      const { entries, removed: gone, replacesAll } = message.type === 'slice' ? message : { ...message.slice, replacesAll: message.startsCopy };
      if (message.type === 'store') {
        // The database is the one 'open' named, which always comes first.
        writer ??= db ? createDirectoryWriter(db, message.askedWith) : null;
        writer?.add(message.slice, message.startsCopy);
      }
      if (replacesAll) {
        fresh = true;
        arrived = new Map();
        removed = new Set();
      }
      for (const id of gone) {
        arrived.delete(id);
        removed.add(id);
      }
      for (const entry of entries) arrived.set(entry.residentId, entry);
      timer ??= setTimeout(() => (opening ? void opening.then(buildSegment) : buildSegment()), Math.max(0, lastSegment + SEGMENT_EVERY_MS - performance.now()));
      return;
    }
    if (message.type === 'store-finish') {
      const finishing = writer;
      writer = null;
      // A read that is complete (it brings the token) has arrived whole: searchable as soon as
      // its last slices are a segment, not once they are sealed and written (a second or more
      // of a first start, when the write behind them has caught up only at the end).
      if (message.deltaToken !== null) await coverArrived();
      if (!finishing) return post({ type: 'stored', error: db ? null : 'The directory was not open.' }, []);
      const error = await finishing.finish(message.deltaToken).then(
        () => null,
        (failure: unknown) => (failure instanceof Error ? failure.message : String(failure)),
      );
      return post({ type: 'stored', error }, []);
    }
    // Synced: what arrived since the last segment becomes one now, so the segments cover the
    // whole copy at once (the page can say so); then one whole index replaces them, and is saved.
    await coverArrived();
    fresh = false;
    if (db && (message.changed || !opened)) {
      opened = true;
      await rebuild(db);
    }
  };
}
