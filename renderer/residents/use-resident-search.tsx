import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SearchHit } from '../../shared/domain/directory';
import { useBridge } from '../bridge/bridge-context';
import { databaseName, officerStorage, onStorageChange } from '../storage/officer-storage';
import { syncDirectory } from './directory-sync';
import { createSearchHandler } from './search-handler';
import type { FromSearchWorker, ToSearchWorker } from './search-messages';

export type DirectoryStatus =
  | { state: 'syncing'; done: number; total: number }
  | { state: 'indexing'; done: number; total: number }
  | { state: 'ready'; size: number; offlineSince: string | null }
  | { state: 'unavailable'; message: string };

type Results = Extract<FromSearchWorker, { type: 'results' }>;

interface SearchService {
  directory: DirectoryStatus;
  send(message: ToSearchWorker): void;
  onResults(listener: (message: Results) => void): () => void;
}

const SearchContext = createContext<SearchService | null>(null);

function startSearchWorker(receive: (message: FromSearchWorker) => void): { postMessage(message: ToSearchWorker): void; terminate(): void } {
  if (typeof Worker === 'undefined') {
    // No workers (jsdom in component tests): the same handler, on the page.
    const handle = createSearchHandler(receive);
    return { postMessage: (message) => void handle(message), terminate: () => undefined };
  }
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FromSearchWorker>) => receive(event.data);
  return worker;
}

/**
 * One search worker for the workstation. At start the directory syncs from the back office
 * (only changes after the first time), then the worker indexes it; if the back office cannot
 * be reached, search carries on from the copy on this computer and says how old it is.
 */
export function ResidentSearchProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const [directory, setDirectory] = useState<DirectoryStatus>({ state: 'syncing', done: 0, total: 0 });
  const listeners = useRef(new Set<(message: Results) => void>());
  const worker = useRef<ReturnType<typeof startSearchWorker> | null>(null);
  // Storage let go (a sign-out deletes the directory): the index in memory goes too, and search starts again from what is kept.
  const [generation, setGeneration] = useState(0);
  useEffect(() => onStorageChange(() => setGeneration((each) => each + 1)), []);

  useEffect(() => {
    let offlineSince: string | null = null;
    const searchWorker = startSearchWorker((message) => {
      if (message.type === 'progress') setDirectory({ state: 'indexing', done: message.done, total: message.total });
      else if (message.type === 'ready') setDirectory({ state: 'ready', size: message.size, offlineSince });
      else for (const listener of listeners.current) listener(message);
    });
    worker.current = searchWorker;
    let live = true;
    void syncDirectory(bridge, (done, total) => live && setDirectory({ state: 'syncing', done, total })).then((sync) => {
      if (!live) return;
      offlineSince = sync.ok ? null : sync.updatedAt;
      if (!sync.ok && sync.updatedAt === null) setDirectory({ state: 'unavailable', message: sync.error.message });
      else {
        const { staffId, key } = officerStorage();
        searchWorker.postMessage({ type: 'load', database: databaseName('directory', staffId), key });
      }
    });
    return () => {
      live = false;
      searchWorker.terminate();
    };
  }, [bridge, generation]);

  const service = useMemo<SearchService>(
    () => ({
      directory,
      send: (message) => worker.current?.postMessage(message),
      onResults(listener) {
        listeners.current.add(listener);
        return () => void listeners.current.delete(listener);
      },
    }),
    [directory],
  );
  return <SearchContext.Provider value={service}>{children}</SearchContext.Provider>;
}

/** Search as the agent types: an answer to an older query never replaces a newer one. */
export function useResidentSearch() {
  const service = useContext(SearchContext);
  if (!service) throw new Error('useResidentSearch must be used inside <ResidentSearchProvider>');
  const latest = useRef(0);
  const queries = useRef(new Map<number, string>());
  const [results, setResults] = useState<{ hits: SearchHit[]; matching: number; atLeast: boolean; problem: string | null; query: string }>({ hits: [], matching: 0, atLeast: false, problem: null, query: '' });
  const { onResults, send } = service;

  useEffect(
    () =>
      onResults((message) => {
        const query = queries.current.get(message.id);
        queries.current.delete(message.id);
        if (message.id === latest.current) setResults({ hits: message.hits, matching: message.matching, atLeast: message.atLeast, problem: message.problem, query: query ?? '' });
      }),
    [onResults],
  );

  const search = useCallback(
    (query: string) => {
      latest.current += 1;
      if (query.trim() === '') return setResults({ hits: [], matching: 0, atLeast: false, problem: null, query });
      queries.current.set(latest.current, query);
      send({ type: 'search', id: latest.current, query });
    },
    [send],
  );
  return { directory: service.directory, results, search };
}
