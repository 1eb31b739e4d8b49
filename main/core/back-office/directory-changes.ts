import type { DirectoryEntry } from '../../../shared/domain/directory';

// The directory's part of the back-office port (port.ts re-exports it), in a file of its own
// with nothing of Node's, so the page's tests can run main's directory reads against it.

/** One batch of the resident directory: everything, or what changed since the last token. */
export interface DirectoryChanges {
  entries: DirectoryEntry[];
  /** Residents to drop from the local directory (deleted or merged in the back office). */
  removed: string[];
  /** Pass back next time to get only what changed since this batch. */
  deltaToken: string;
  /**
   * True when this batch is the whole directory: the caller replaces what it holds. That
   * happens on a first load and when the back office no longer accepts an old token.
   */
  replacesAll: boolean;
}

/** One page of a whole-directory read, handed on as it arrives. */
export interface DirectoryPage {
  entries: DirectoryEntry[];
}

export interface DirectoryReadOptions {
  /**
   * A whole-directory read (a first start, or a refused token) hands each page here as it
   * arrives, before the next is read, so search can start on what has come. A read of the
   * changes since a token is small and comes only as the resolved batch.
   */
  onPage?: (page: DirectoryPage) => void;
  /** How many residents the back office holds, as it last counted them (an estimate), when it can say. */
  onExpected?: (count: number) => void;
  /** Nobody wants the rest: no further page is asked for. */
  signal?: AbortSignal;
}
