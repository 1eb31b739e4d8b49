import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SearchHit } from '../../shared/domain/directory';
import { analyseQuery } from '../../shared/search';
import { searchIndexData } from '../../shared/search/engine';
import { unpackIndexData } from '../../shared/search/packed';
import { warmUpKeystrokes } from '../../shared/search/warm-up';
import { whenIdle } from '../sync/when-idle';
import { useBridge } from '../bridge/bridge-context';
import { databaseName, officerStorage, onStorageChange } from '../storage/officer-storage';
import { syncDirectory } from './directory-sync';
import { createSearchHandler } from './search-handler';
import type { FromSearchWorker, ToSearchWorker } from './search-messages';
import { Segments } from './search-segments';

/** Residents shown for a search, at most: more than a screen, fewer than it takes to read. */
export const ROWS_SHOWN = 20;

export type DirectoryStatus =
  | { state: 'syncing'; done: number; total: number }
  /** Part of the directory is searchable while the rest arrives (a first start). */
  | { state: 'partial'; searchable: number; total: number; secondsLeft: number | null }
  | { state: 'indexing'; done: number; total: number }
  | { state: 'ready'; size: number; offlineSince: string | null }
  | { state: 'unavailable'; message: string };

export interface Results {
  hits: SearchHit[];
  matching: number;
  atLeast: boolean;
  problem: string | null;
  /** The text these results are for, exactly as typed. */
  query: string;
  /**
   * Searched in the whole local copy. Until then, the Search place shows the council's system's
   * answers beside them, and keeps showing them until the text is searched again in the whole
   * copy: the list never empties for a frame in between (an Enter pressed then opened nobody).
   */
  fromWholeCopy: boolean;
}

interface SearchService {
  directory: DirectoryStatus;
  /** Goes up each time a new index becomes searchable, so the box's query runs again. */
  version: number;
  find(query: string, limit: number): { hits: SearchHit[]; matching: number; atLeast: boolean };
  /** Whether the whole local copy is searchable now (the directory's state may not be drawn yet). */
  wholeCopy(): boolean;
}

const SearchContext = createContext<SearchService | null>(null);

type SearchWorker = { postMessage(message: ToSearchWorker): void; terminate(): void };

const newSearchWorker = () => new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
/** A worker started before anyone is signed in, with no officer's data, for the first search to take. */
let spareWorker: Worker | null = null;
/**
 * The directory the spare was asked to open as the officer's storage opened (openSearchEarly),
 * and what it has said since, kept for the search that takes it.
 */
let spareOpened: EarlyOpen | null = null;
type EarlyOpen = { database: string; said: FromSearchWorker[] };

/**
 * Starts the search worker as the page starts, so that loading and compiling its code (a few
 * hundred milliseconds on an agent's PC) happens while the page asks main who is signed in and
 * draws the first screen, not after. It holds nothing until search posts it an officer's directory.
 */
export function startSearchWorkerEarly(): void {
  if (typeof Worker !== 'undefined' && spareWorker === null) spareWorker = newSearchWorker();
}

/**
 * Asks the spare worker to open the officer's directory now, as their storage opens
 * (OfficerStorageGate), not once search is drawn: a saved index takes a second or so to open,
 * and drawing the workstation first put about 70 ms in front of it at every start.
 */
export function openSearchEarly(): void {
  if (spareWorker === null || spareOpened !== null) return;
  const { staffId, key } = officerStorage();
  const opened: EarlyOpen = { database: databaseName('directory', staffId), said: [] };
  spareOpened = opened;
  spareWorker.onmessage = (event: MessageEvent<FromSearchWorker>) => void opened.said.push(event.data);
  spareWorker.postMessage({ type: 'open', database: opened.database, key });
}

/** The officer's search worker, with `opened` when it has already been asked to open this directory. */
function startSearchWorker(database: string, receive: (message: FromSearchWorker) => void): SearchWorker & { opened: boolean } {
  if (typeof Worker === 'undefined') {
    // No workers (jsdom in component tests): the same handler, on the page.
    const handle = createSearchHandler((message) => receive(message));
    // As a worker's failures stay in the worker: the officer's databases are closed under a
    // handler that is being let go (another officer at the computer), and it stops there.
    return { postMessage: (message) => void handle(message).catch(() => undefined), terminate: () => undefined, opened: false };
  }
  // The spare is used once: a later search (another officer) starts a worker of its own. One
  // that opened another officer's directory is let go.
  const early = spareOpened;
  let worker = spareWorker ?? newSearchWorker();
  spareWorker = null;
  spareOpened = null;
  if (early && early.database !== database) {
    worker.terminate();
    worker = newSearchWorker();
  }
  const opened = early?.database === database;
  worker.onmessage = (event: MessageEvent<FromSearchWorker>) => receive(event.data);
  // What it said before search was drawn, in order; nothing more can arrive before this turn ends.
  if (opened) for (const message of early.said) receive(message);
  return { postMessage: (message) => worker.postMessage(message), terminate: () => worker.terminate(), opened };
}

/**
 * Searches the warm-up queries as typed (shared/search/warm-up.ts) at idle moments, as many as fit
 * in each, so the officer's first keys do not pay for compiling the engine, and a key typed
 * meanwhile waits for one query at most. One a moment is at best one a frame, 216 frames (3.6 s)
 * or more: beside a busy core, a warm-up of one a moment was still running 1.1 s into
 * bench:search's typing. What they find is dropped.
 */
function warmUpWhenIdle(find: (query: string) => void, live: () => boolean): void {
  let queries: string[] | null = null;
  const next = (msLeft: () => number) => {
    queries ??= warmUpKeystrokes();
    do {
      const query = queries.shift();
      if (query === undefined || !live()) return;
      find(query);
    } while (msLeft() > WARM_UP_STEP_MS);
    whenIdle(next);
  };
  whenIdle(next);
}

/** About the longest a warm-up query takes: another is begun only with this much of the idle moment left. */
const WARM_UP_STEP_MS = 5;

/** Seconds left at the pace so far, rounded to 5 s so the line does not flicker. */
function secondsLeft(done: number, total: number, startedAt: number): number | null {
  const elapsed = (performance.now() - startedAt) / 1000;
  if (done <= 0 || done >= total || elapsed < 1) return null;
  return Math.max(5, Math.ceil(((total - done) * elapsed) / done / 5) * 5);
}

/**
 * Search for the workstation. The worker builds indexes (opening the one saved at the last
 * sync, or building from what arrives) and hands each over as one transferred buffer; the page
 * searches them itself, synchronously, so a keystroke's results are drawn in the same frame.
 * At start the directory syncs from the back office (only changes after the first time); if it
 * cannot be reached, search carries on from the copy on this computer and says how old it is.
 */
export function ResidentSearchProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const [directory, setDirectory] = useState<DirectoryStatus>({ state: 'syncing', done: 0, total: 0 });
  const [version, setVersion] = useState(0);
  const segments = useRef(new Segments());
  const whole = useRef(false);
  // Storage let go (a sign-out deletes the directory): the index in memory goes too, and search starts again from what is kept.
  const [generation, setGeneration] = useState(0);
  useEffect(() => onStorageChange(() => setGeneration((each) => each + 1)), []);

  useEffect(() => {
    let live = true;
    let offlineSince: string | null = null;
    let synced = false;
    // The segments hold every resident synced: the whole copy is searchable before its single index is rebuilt.
    let covered = false;
    let arrived = { done: 0, total: 0, startedAt: 0 };
    let warmed = false;
    const held = new Segments();
    segments.current = held;
    whole.current = false;
    const show = () => {
      if (!live) return;
      whole.current = held.whole || (covered && held.count > 0);
      if (whole.current) setDirectory({ state: 'ready', size: held.size, offlineSince });
      else if (held.count > 0) setDirectory({ state: 'partial', searchable: held.size, total: Math.max(arrived.total, held.size), secondsLeft: synced ? null : secondsLeft(arrived.done, arrived.total, arrived.startedAt) });
      else setDirectory({ state: 'syncing', done: arrived.done, total: arrived.total });
    };
    /** Whoever waits for the worker to finish writing a sync's slices (one sync at a time). */
    let whenStored: ((error: string | null) => void) | null = null;
    const { staffId, key } = officerStorage();
    const database = databaseName('directory', staffId);
    const searchWorker = startSearchWorker(database, (message) => {
      if (message.type === 'stored') {
        whenStored?.(message.error);
        whenStored = null;
        return;
      }
      if (!live) return;
      if (message.type === 'progress') {
        if (held.count === 0) setDirectory({ state: 'indexing', done: message.done, total: message.total });
      } else if (message.type === 'covered') {
        covered = true;
        show();
      } else if (message.type === 'index') {
        const index = searchIndexData(unpackIndexData(message.packed));
        if (message.whole) held.replaceAll(index);
        else held.add(index, message.supersedes);
        // Again for the whole index: warmed on a first start's small segments only, its first
        // names typed still took 20-65 ms of script a key (its arrays are other, larger ones).
        if (!warmed || message.whole) {
          warmed = true;
          warmUpWhenIdle((query) => held.find(query, ROWS_SHOWN), () => live);
        }
        setVersion((each) => each + 1);
        show();
      }
    });
    if (!searchWorker.opened) searchWorker.postMessage({ type: 'open', database, key });
    // directory-sync hands each slice over as it arrives, so it is searchable before it is all written.
    void syncDirectory(
      bridge,
      (done, total) => {
        if (arrived.startedAt === 0) arrived.startedAt = performance.now();
        arrived = { ...arrived, done, total };
        show();
      },
      (slice) => live && searchWorker.postMessage({ type: 'slice', entries: slice.entries, removed: slice.removed, replacesAll: slice.replacesAll }),
      // Each slice crosses to the worker once, to be searched and stored there: sealing and
      // writing 320,000 residents took the page's thread for seconds on a first start.
      (askedWith) => ({
        add: (slice, startsCopy) => live && searchWorker.postMessage({ type: 'store', slice, startsCopy, askedWith }),
        finish: (deltaToken) =>
          new Promise<void>((resolve, reject) => {
            if (!live) return reject(new Error('Search was closed.'));
            whenStored = (error) => (error === null ? resolve() : reject(new Error(error)));
            searchWorker.postMessage({ type: 'store-finish', deltaToken });
          }),
      }),
    ).then((sync) => {
      if (!live) return;
      synced = true;
      offlineSince = sync.ok ? null : sync.updatedAt;
      if (!sync.ok && sync.updatedAt === null) return setDirectory({ state: 'unavailable', message: sync.error.message });
      searchWorker.postMessage({ type: 'synced', changed: sync.ok && sync.changed });
      show();
    });
    return () => {
      live = false;
      whenStored?.('Search was closed.');
      whenStored = null;
      searchWorker.terminate();
    };
  }, [bridge, generation]);

  const find = useCallback((query: string, limit: number) => segments.current.find(query, limit), []);
  const wholeCopy = useCallback(() => whole.current, []);
  const service = useMemo<SearchService>(() => ({ directory, version, find, wholeCopy }), [directory, version, find, wholeCopy]);
  return <SearchContext.Provider value={service}>{children}</SearchContext.Provider>;
}

const nothing: Results = { hits: [], matching: 0, atLeast: false, problem: null, query: '', fromWholeCopy: false };

/**
 * Search as the agent types. The answer is worked out in the keystroke's own event, so the
 * results drawn are always for exactly the text in the box, in the same frame.
 */
export function useResidentSearch() {
  const service = useContext(SearchContext);
  if (!service) throw new Error('useResidentSearch must be used inside <ResidentSearchProvider>');
  const [results, setResults] = useState<Results>(nothing);
  const { find, wholeCopy } = service;

  const search = useCallback(
    (query: string) => {
      const fromWholeCopy = wholeCopy();
      if (query.trim() === '') return setResults({ ...nothing, query, fromWholeCopy });
      const analysed = analyseQuery(query);
      if ('tooShort' in analysed || 'onlyPunctuation' in analysed) return setResults({ ...nothing, problem: analysed.message, query, fromWholeCopy });
      setResults({ ...find(query, ROWS_SHOWN), problem: null, query, fromWholeCopy });
    },
    [find, wholeCopy],
  );
  return { directory: service.directory, version: service.version, results, search };
}
