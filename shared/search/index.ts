/**
 * Resident search: free text in, ranked residents out, from memory. Pure TypeScript with no
 * Node or DOM imports, so it runs in a Node worker thread and in a browser worker alike.
 *
 *   const index = buildSearchIndex(entries, { onProgress });
 *   index.search('garsia lopez 12/03/1985'); // SearchHit[], best first, at most 20
 *   analyseQuery('x');                       // { tooShort: true, message: 'Type at least 2 letters or numbers.' }
 */
export { buildSearchIndex, type BuildOptions, type SearchIndex } from './build';
export {
  analyseQuery,
  ONLY_PUNCTUATION_MESSAGE,
  TOO_SHORT_MESSAGE,
  type AnalyseOptions,
  type OnlyPunctuationQuery,
  type QueryAnalysis,
  type QueryPart,
  type QueryParts,
  type TooShortQuery,
} from './query';
export {
  addressTerms,
  compactPostcode,
  displayPostcode,
  fold,
  nameTerms,
  normaliseEmail,
  normaliseReference,
  outwardCode,
  phoneDigits,
} from './normalise';
export type { DirectoryEntry, MatchReason, SearchHit } from '../domain/directory';
