import type { DirectorySlice } from '../../shared/contract/residents';
import type { DirectoryEntry } from '../../shared/domain/directory';
import type { PackedIndex } from '../../shared/search/packed';
import type { DataKey } from '../storage/sealing';

/**
 * Messages between the search worker and the page. The worker builds indexes and hands each
 * over as one transferred buffer; the page answers every keystroke itself, from memory, in
 * the same task as the keystroke (a round trip to the worker cost a second frame).
 */
export type ToSearchWorker =
  /** At start: the officer's directory and their key (a CryptoKey crosses to a worker unreadable, as it is). */
  | { type: 'open'; database: string; key: DataKey }
  /** A slice of the directory as it arrives from the back office, so it is searchable at once. */
  | { type: 'slice'; entries: DirectoryEntry[]; removed: string[]; replacesAll: boolean }
  /**
   * A slice as it arrives, to search at once and to store in the directory's database here
   * (directory-writer.ts), off the page's thread: what the page's own writer would do with it.
   */
  | { type: 'store'; slice: DirectorySlice; startsCopy: boolean; askedWith: string | null }
  /** The sync's slices are all given: write the rest (with the token when the read is complete), then say 'stored'. */
  | { type: 'store-finish'; deltaToken: string | null }
  /** The sync has finished: rebuild from the whole local copy if it changed (or no index is open yet). */
  | { type: 'synced'; changed: boolean };

export type FromSearchWorker =
  | { type: 'progress'; done: number; total: number }
  /**
   * An index to search. `whole`: it is the whole local copy, and replaces every index before
   * it. Otherwise it is a segment of what has arrived since, searched beside the others, and
   * `supersedes` names residents it changed or removed, whose older entries no longer count.
   */
  | { type: 'index'; packed: PackedIndex; whole: boolean; supersedes: string[]; buildMs: number; saved: boolean }
  /** Nothing on this computer yet to open (a first start): search waits for the slices. */
  | { type: 'empty' }
  /** Every resident synced is in the indexes handed over (segments, before the whole index replaces them). */
  | { type: 'covered' }
  /** The slices given are written (error: why they could not be). */
  | { type: 'stored'; error: string | null };
