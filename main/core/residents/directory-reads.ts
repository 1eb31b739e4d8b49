import type { DirectorySlice } from '../../../shared/contract/residents';
import type { DirectoryEntry } from '../../../shared/domain/directory';
import type { DirectoryChanges, DirectoryReadOptions } from '../back-office/directory-changes';

/** The back office's directory (BackOffice in port.ts has it). */
export interface DirectorySource {
  directory(deltaToken: string | null, options?: DirectoryReadOptions): Promise<DirectoryChanges>;
}

/** The most residents one slice carries to the page, so no message is huge. */
export const SLICE = 5_000;
/** Reads kept for pages that may still ask for the rest (a reload comes back for its own). */
const KEPT_READS = 2;
/** A read nobody has asked about for this long is stopped and forgotten. */
const FORGOTTEN_AFTER_MS = 120_000;

interface Read {
  id: string;
  askedWith: string | null;
  entries: DirectoryEntry[];
  removed: string[];
  replacesAll: boolean;
  expected: number | null;
  finished: { deltaToken: string } | null;
  failed: { error: unknown } | null;
  /** Settles when anything new arrives (a page, the end, a failure). */
  news: Promise<void>;
  tell: () => void;
  stop: AbortController;
  askedAt: number;
}

/**
 * The directory as the page asks for it, one slice at a time, while main reads it from the
 * back office in the background. A whole read (a new PC) streams: the first slice goes as soon
 * as Dataverse's first page is in, and main keeps reading ahead of the page's requests, so a
 * request is usually answered from memory while the page indexes and stores the slice before.
 * Each read has an id; a page that reloads half-way can carry on with the same read from where
 * its own copy stops (resume), and a read main no longer has starts again from the beginning.
 */
export function createDirectoryReads(deps: { backOffice: () => Promise<DirectorySource>; now?: () => number }) {
  const now = deps.now ?? (() => Date.now());
  const reads = new Map<string, Read>();

  const forgetOld = () => {
    for (const [id, read] of reads) if (now() - read.askedAt > FORGOTTEN_AFTER_MS) drop(id);
    while (reads.size >= KEPT_READS) {
      const oldest = [...reads.values()].sort((a, b) => a.askedAt - b.askedAt)[0];
      if (!oldest) break;
      drop(oldest.id);
    }
  };
  const drop = (id: string) => {
    reads.get(id)?.stop.abort();
    reads.delete(id);
  };

  const start = async (deltaToken: string | null): Promise<Read> => {
    forgetOld();
    const office = await deps.backOffice();
    const read: Read = {
      // Web Crypto's, which Node has too: the page's tests run this file.
      id: crypto.randomUUID(),
      askedWith: deltaToken,
      entries: [],
      removed: [],
      replacesAll: deltaToken === null,
      expected: null,
      finished: null,
      failed: null,
      news: Promise.resolve(),
      tell: () => undefined,
      stop: new AbortController(),
      askedAt: now(),
    };
    const renew = () => {
      read.news = new Promise<void>((resolve) => (read.tell = resolve));
    };
    renew();
    const tell = () => {
      const told = read.tell;
      renew();
      told();
    };
    reads.set(read.id, read);
    office
      .directory(deltaToken, {
        signal: read.stop.signal,
        // Only a whole read hands pages on: what it sends replaces what the page holds.
        onPage: (page) => {
          read.replacesAll = true;
          for (const entry of page.entries) read.entries.push(entry);
          tell();
        },
        onExpected: (count) => {
          read.expected = count;
          tell();
        },
      })
      .then(
        (batch) => {
          // A read of changes comes only now, whole; a whole read's entries are already here.
          if (!batch.replacesAll || read.entries.length === 0) read.entries = batch.entries;
          read.removed = batch.removed;
          read.replacesAll = batch.replacesAll;
          read.finished = { deltaToken: batch.deltaToken };
          tell();
        },
        (error: unknown) => {
          read.failed = { error };
          tell();
        },
      );
    return read;
  };

  const sliceOf = (read: Read, offset: number): DirectorySlice => {
    const end = Math.min(offset + SLICE, read.entries.length);
    const done = read.finished !== null && end >= read.entries.length;
    if (done) reads.delete(read.id);
    return {
      read: read.id,
      offset,
      entries: read.entries.slice(offset, end),
      removed: offset === 0 ? read.removed : [],
      // Known only at the end: the page keeps it only from the last slice.
      deltaToken: read.finished?.deltaToken ?? '',
      replacesAll: read.replacesAll,
      nextOffset: done ? null : end,
      // Dataverse's own count until the end (an estimate), then exactly what came.
      total: read.finished ? read.entries.length : Math.max(read.expected ?? 0, end),
    };
  };

  return {
    /**
     * From `offset` of the read `readId` (a later slice), or of a new read when offset is 0 or
     * main no longer has that read: the slice then says offset 0, and the page starts its copy
     * again. Waits only until something past the offset has come.
     */
    async slice(deltaToken: string | null, offset: number, readId?: string): Promise<DirectorySlice> {
      let read = readId ? reads.get(readId) : offset > 0 ? latestFor(deltaToken) : undefined;
      if (read && (read.askedWith !== deltaToken || (read.finished && offset > read.entries.length))) read = undefined;
      if (!read || offset === 0) {
        read = await start(deltaToken);
        // A read asked for by its id that main no longer has starts again at 0, and says so;
        // a caller that names no read (a test, a benchmark) gets the offset it asked for.
        if (readId) offset = 0;
      }
      read.askedAt = now();
      // A read of changes has no entries until it is whole, so its removals come with its first slice.
      while (read.entries.length <= offset && !read.finished && !read.failed) await read.news;
      if (read.failed && read.entries.length <= offset) {
        reads.delete(read.id);
        throw read.failed.error;
      }
      return sliceOf(read, offset);
    },
    /** Sign-out, or another officer: every read in hand is stopped and forgotten. */
    clear(): void {
      for (const id of [...reads.keys()]) drop(id);
    },
  };

  function latestFor(deltaToken: string | null): Read | undefined {
    return [...reads.values()].filter((read) => read.askedWith === deltaToken).sort((a, b) => b.askedAt - a.askedAt)[0];
  }
}
