import { analyseQuery, buildSearchIndex, type SearchIndex } from '../../shared/search';
import { DirectoryDatabase, readDirectory } from '../storage/directory-database';
import type { FromSearchWorker, ToSearchWorker } from './search-messages';

/**
 * What the search worker does with each message: build the index from the officer's sealed
 * directory in IndexedDB, then answer queries from memory. Kept apart from the worker file so it can also
 * run on the page where no Worker exists (component tests in jsdom).
 */
export function createSearchHandler(post: (message: FromSearchWorker) => void): (message: ToSearchWorker) => Promise<void> {
  let index: SearchIndex | null = null;
  return async (message) => {
    if (message.type === 'load') {
      const started = performance.now();
      const db = new DirectoryDatabase(message.database, message.key);
      const entries = await readDirectory(db);
      db.close();
      index = buildSearchIndex(entries, { onProgress: (done, total) => post({ type: 'progress', done, total }) });
      post({ type: 'ready', size: entries.length, buildMs: Math.round(performance.now() - started) });
      return;
    }
    const analysed = analyseQuery(message.query);
    if ('tooShort' in analysed || 'onlyPunctuation' in analysed) {
      post({ type: 'results', id: message.id, hits: [], matching: 0, atLeast: false, problem: analysed.message });
      return;
    }
    const found = index ? index.searchCounted(message.query, 20) : { hits: [], matching: 0, atLeast: false };
    post({ type: 'results', id: message.id, hits: found.hits, matching: found.matching, atLeast: found.atLeast, problem: null });
  };
}
