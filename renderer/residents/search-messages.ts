import type { SearchHit } from '../../shared/domain/directory';

/** Messages between the search worker and the page. */
/** `load` names the officer's directory and hands over their key (a CryptoKey crosses to a worker unreadable, as it is). */
export type ToSearchWorker = { type: 'load'; database: string; key: CryptoKey } | { type: 'search'; id: number; query: string };

export type FromSearchWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'ready'; size: number; buildMs: number }
  /** `matching`: residents who match everything typed (counted up to a cap: `atLeast`). */
  | { type: 'results'; id: number; hits: SearchHit[]; matching: number; atLeast: boolean; problem: string | null };
