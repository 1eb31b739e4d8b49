import { describe, expect, it } from 'vitest';
import type { BackOffice, DirectoryChanges, DirectoryReadOptions } from '../../../main/core/back-office/port';
import { createDirectoryReads, SLICE } from '../../../main/core/residents/directory-reads';
import { numberedEntry } from '../support/directory-entries';

const entry = (n: number) => numberedEntry(n);

/**
 * A back office whose whole read hands on pages only when the test lets it, as a slow
 * Dataverse would: `release(n)` lets n more pages arrive.
 */
function pagedBackOffice(options: { residents: number; pageSize: number; expected?: number }) {
  const all = Array.from({ length: options.residents }, (_, index) => entry(index));
  let allowed = 0;
  let wake: () => void = () => undefined;
  const reads: { deltaToken: string | null; signal?: AbortSignal }[] = [];
  const office = {
    async directory(deltaToken: string | null, read: DirectoryReadOptions = {}): Promise<DirectoryChanges> {
      reads.push({ deltaToken, signal: read.signal });
      if (deltaToken === 'changes') return { entries: all.slice(0, 3), removed: ['r-gone'], deltaToken: 'after-changes', replacesAll: false };
      if (options.expected !== undefined) read.onExpected?.(options.expected);
      let sent = 0;
      for (let at = 0; at < all.length; at += options.pageSize) {
        while (sent >= allowed) await new Promise<void>((resolve) => (wake = resolve));
        if (read.signal?.aborted) throw new Error('stopped');
        read.onPage?.({ entries: all.slice(at, at + options.pageSize) });
        sent += 1;
      }
      return { entries: all, removed: [], deltaToken: 'token-1', replacesAll: true };
    },
  } as unknown as BackOffice;
  return {
    office,
    reads,
    all,
    release(pages = 1) {
      allowed += pages;
      wake();
    },
  };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the directory streamed to the page as Dataverse pages arrive', () => {
  it('sends the first slice as soon as the first page is in, long before the read ends', async () => {
    const back = pagedBackOffice({ residents: 12_000, pageSize: 5_000, expected: 12_001 });
    const reads = createDirectoryReads({ backOffice: () => Promise.resolve(back.office) });
    let answered = false;
    const first = reads.slice(null, 0).then((slice) => ((answered = true), slice));
    await settled();
    expect(answered).toBe(false);
    back.release(1);
    const slice = await first;
    expect(slice).toMatchObject({ offset: 0, nextOffset: 5_000, replacesAll: true, deltaToken: '', removed: [] });
    expect(slice.entries).toHaveLength(5_000);
    // Dataverse's count until the end, so the page can say "of how many" from the start.
    expect(slice.total).toBe(12_001);
    back.release(2);
    const second = await reads.slice(null, 5_000, slice.read);
    const third = await reads.slice(null, second.nextOffset ?? -1, slice.read);
    expect(third).toMatchObject({ nextOffset: null, deltaToken: 'token-1', total: 12_000 });
    const ids = [...slice.entries, ...second.entries, ...third.entries].map((each) => each.residentId);
    expect(ids).toEqual(back.all.map((each) => each.residentId));
  });

  it('reads ahead of the page: a later slice is answered from what main already holds', async () => {
    const back = pagedBackOffice({ residents: 20_000, pageSize: 5_000 });
    const reads = createDirectoryReads({ backOffice: () => Promise.resolve(back.office) });
    back.release(4);
    const first = await reads.slice(null, 0);
    await settled();
    // Nobody asked yet, but the whole read is in: no request to the back office is waiting on the page.
    const rest = await Promise.all([5_000, 10_000, 15_000].map((offset) => reads.slice(null, offset, first.read)));
    expect(rest.map((each) => each.entries.length)).toEqual([5_000, 5_000, 5_000]);
    expect(rest.at(-1)?.nextOffset).toBeNull();
    expect(back.reads).toHaveLength(1);
  });

  it('carries on a read after the page reloads half-way, from where its copy stops', async () => {
    const back = pagedBackOffice({ residents: 15_000, pageSize: 5_000 });
    const reads = createDirectoryReads({ backOffice: () => Promise.resolve(back.office) });
    back.release(3);
    const first = await reads.slice(null, 0);
    // The page reloads: it asks for offset 5,000 of its read, not for a new read.
    const resumed = await reads.slice(null, 5_000, first.read);
    expect(resumed).toMatchObject({ read: first.read, offset: 5_000 });
    expect(resumed.entries[0]?.residentId).toBe(back.all[5_000]?.residentId);
    expect(back.reads).toHaveLength(1);
  });

  it('starts again from the beginning when main no longer has the read asked for', async () => {
    const back = pagedBackOffice({ residents: 6_000, pageSize: 5_000 });
    const reads = createDirectoryReads({ backOffice: () => Promise.resolve(back.office) });
    back.release(5);
    const slice = await reads.slice(null, 5_000, '11111111-1111-4111-8111-111111111111');
    expect(slice.offset).toBe(0);
    expect(slice.replacesAll).toBe(true);
    expect(slice.entries[0]?.residentId).toBe(back.all[0]?.residentId);
  });

  it('gives a caller that names no read the offset it asked for', async () => {
    const back = pagedBackOffice({ residents: 12_000, pageSize: 5_000 });
    const reads = createDirectoryReads({ backOffice: () => Promise.resolve(back.office) });
    back.release(3);
    const slice = await reads.slice(null, 10_000);
    expect(slice.offset).toBe(10_000);
    expect(slice.entries[0]?.residentId).toBe(back.all[10_000]?.residentId);
    expect(slice.nextOffset).toBeNull();
  });

  it('stops a read nobody is following when a newer one starts, and keeps no more than two', async () => {
    const back = pagedBackOffice({ residents: 50_000, pageSize: 5_000 });
    const reads = createDirectoryReads({ backOffice: () => Promise.resolve(back.office) });
    back.release(1);
    await reads.slice(null, 0);
    back.release(1);
    await reads.slice(null, 0);
    back.release(1);
    await reads.slice(null, 0);
    expect(back.reads).toHaveLength(3);
    expect(back.reads[0]?.signal?.aborted).toBe(true);
    expect(back.reads[2]?.signal?.aborted).toBe(false);
    reads.clear();
    expect(back.reads.every((each) => each.signal?.aborted)).toBe(true);
  });

  it('sends a read of changes whole, with its removals in the first slice', async () => {
    const back = pagedBackOffice({ residents: 10, pageSize: 5 });
    const reads = createDirectoryReads({ backOffice: () => Promise.resolve(back.office) });
    const slice = await reads.slice('changes', 0);
    expect(slice).toMatchObject({ replacesAll: false, removed: ['r-gone'], nextOffset: null, deltaToken: 'after-changes', total: 3 });
  });

  it('passes the back office’s failure on once what arrived before it has been sent', async () => {
    const entries = Array.from({ length: 7_000 }, (_, index) => entry(index));
    const office = {
      async directory(_token: string | null, read: DirectoryReadOptions = {}) {
        read.onPage?.({ entries: entries.slice(0, SLICE) });
        await settled();
        throw new Error('The council’s system did not answer.');
      },
    } as unknown as BackOffice;
    const reads = createDirectoryReads({ backOffice: () => Promise.resolve(office) });
    const first = await reads.slice(null, 0);
    expect(first.entries).toHaveLength(SLICE);
    await expect(reads.slice(null, SLICE, first.read)).rejects.toThrow('did not answer');
  });
});
