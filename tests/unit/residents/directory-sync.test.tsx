import { afterEach, describe, expect, it } from 'vitest';
import type { DirectoryChanges, DirectoryReadOptions } from '../../../main/core/back-office/directory-changes';
import type { DirectorySource } from '../../../main/core/residents/directory-reads';
import { createDirectoryReads } from '../../../main/core/residents/directory-reads';
import type { ApiBridge } from '../../../shared/contract/api-bridge';
import type { DirectoryEntry } from '../../../shared/domain/directory';
import { remainingSeconds, syncDirectory, type ArrivedSlice } from '../../../renderer/residents/directory-sync';
import { createDirectoryWriter } from '../../../renderer/residents/directory-writer';
import type { DirectorySlice } from '../../../shared/contract/residents';
import { blockEntries, directoryDatabase, readDirectory } from '../../../renderer/storage/directory-database';
import { numberedEntry } from '../support/directory-entries';

const entry = numberedEntry;

/** A whole read in Dataverse-sized pages, all at once, then changes since its token. */
function backOffice(residents: number, changes: DirectoryChanges | null = null): DirectorySource {
  const all = Array.from({ length: residents }, (_, index) => entry(index));
  return {
    async directory(deltaToken: string | null, read: DirectoryReadOptions = {}): Promise<DirectoryChanges> {
      if (deltaToken === 'token-1' && changes) return changes;
      read.onExpected?.(residents + 1);
      for (let at = 0; at < all.length; at += 5_000) {
        await Promise.resolve();
        read.onPage?.({ entries: all.slice(at, at + 5_000) });
      }
      return { entries: all, removed: [], deltaToken: 'token-1', replacesAll: true };
    },
  };
}

/**
 * The page's bridge onto main's real directory reads. `cutAfter` slices, the page "reloads":
 * the next answer never comes, as for a page that has gone.
 */
function bridgeTo(main: ReturnType<typeof createDirectoryReads>, options: { cutAfter?: number } = {}) {
  const asked: { deltaToken: string | null; offset: number; read?: string }[] = [];
  const bridge = {
    directory: {
      changes: async (input: { deltaToken: string | null; offset: number; read?: string }) => {
        asked.push(input);
        if (options.cutAfter !== undefined && asked.length > options.cutAfter) return new Promise(() => undefined);
        return { ok: true, value: await main.slice(input.deltaToken, input.offset, input.read) };
      },
    },
  } as unknown as ApiBridge;
  return { bridge, asked };
}

async function stored(): Promise<{ residents: DirectoryEntry[]; rows: number }> {
  const db = directoryDatabase();
  const blocks = await db.blocks.toArray();
  return { residents: await readDirectory(db), rows: blocks.reduce((sum, block) => sum + blockEntries(block).length, 0) };
}

const until = async (check: () => boolean | Promise<boolean>) => {
  for (let tries = 0; tries < 500 && !(await check()); tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
};

afterEach(async () => {
  const db = directoryDatabase();
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('a new PC’s first start, streamed', () => {
  it('hands each slice to search as it arrives and stores them a few at a time', async () => {
    const main = createDirectoryReads({ backOffice: () => Promise.resolve(backOffice(32_000)) });
    const { bridge, asked } = bridgeTo(main);
    const db = directoryDatabase();
    let transactions = 0;
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
    (db as unknown as { transaction: (...args: unknown[]) => unknown }).transaction = (...args: unknown[]) => ((transactions += 1), transaction(...args));
    const slices: ArrivedSlice[] = [];
    const progress: [number, number][] = [];
    try {
      const result = await syncDirectory(bridge, (done, total) => progress.push([done, total]), (slice) => slices.push(slice));
      expect(result).toMatchObject({ ok: true, changed: true });
    } finally {
      delete (db as unknown as { transaction?: unknown }).transaction;
    }
    expect(slices).toHaveLength(7);
    expect(slices.map((slice) => slice.replacesAll)).toEqual([true, false, false, false, false, false, false]);
    expect(slices.flatMap((slice) => slice.entries)).toHaveLength(32_000);
    // Every slice after the first is asked for with main's read, so a reload could carry it on.
    expect(asked.slice(1).every((each) => typeof each.read === 'string' && each.read === asked[1]?.read)).toBe(true);
    // Dataverse's own count until the end (the anonymous contact in it), then the exact one.
    expect(progress[0]).toEqual([5_000, 32_001]);
    expect(progress.at(-1)).toEqual([32_000, 32_000]);
    // 32,000 residents in two writes (25,000, then the rest), not one per slice.
    expect(transactions).toBe(2);
    const copy = await stored();
    expect(copy.residents).toHaveLength(32_000);
    expect(copy.rows).toBe(32_000);
    expect(await db.meta.get('sync')).toMatchObject({ deltaToken: 'token-1' });
  });

  it('after a reload at half-way, carries on from the last write: nobody twice, nobody missed', async () => {
    const main = createDirectoryReads({ backOffice: () => Promise.resolve(backOffice(60_000)) });
    // 6 of 12 slices arrive, then the page goes; 25,000 had been written.
    const first = bridgeTo(main, { cutAfter: 6 });
    void syncDirectory(first.bridge, () => undefined);
    await until(async () => (await stored()).rows === 25_000 && first.asked.length > 6);
    const read = first.asked[1]?.read;

    const again = bridgeTo(main);
    const slices: ArrivedSlice[] = [];
    const result = await syncDirectory(again.bridge, () => undefined, (slice) => slices.push(slice));
    expect(result.ok).toBe(true);
    // It asked main to carry on with its own read, from where its copy stops.
    expect(again.asked[0]).toMatchObject({ deltaToken: null, offset: 25_000, read });
    // Search gets what this computer already had, whole, then only the rest.
    expect(slices[0]).toMatchObject({ replacesAll: true });
    expect(slices[0]?.entries).toHaveLength(25_000);
    expect(slices.slice(1).every((slice) => !slice.replacesAll)).toBe(true);
    expect(slices.flatMap((slice) => slice.entries)).toHaveLength(60_000);
    const copy = await stored();
    expect(copy.rows).toBe(60_000);
    expect(new Set(copy.residents.map((each) => each.residentId)).size).toBe(60_000);
  });

  it('with a store that also searches (the search worker’s), gives each slice to it once, and onSlice only what this computer already had', async () => {
    const main = createDirectoryReads({ backOffice: () => Promise.resolve(backOffice(60_000)) });
    const first = bridgeTo(main, { cutAfter: 6 });
    void syncDirectory(first.bridge, () => undefined);
    await until(async () => (await stored()).rows === 25_000 && first.asked.length > 6);

    const given: { offset: number; startsCopy: boolean; askedWith: string | null }[] = [];
    const tokens: (string | null)[] = [];
    const searched: ArrivedSlice[] = [];
    const store = (askedWith: string | null) => {
      const writer = createDirectoryWriter(directoryDatabase(), askedWith);
      return {
        add: (slice: DirectorySlice, startsCopy: boolean) => (given.push({ offset: slice.offset, startsCopy, askedWith }), writer.add(slice, startsCopy)),
        finish: (deltaToken: string | null) => (tokens.push(deltaToken), writer.finish(deltaToken)),
      };
    };
    const result = await syncDirectory(bridgeTo(main).bridge, () => undefined, (slice) => searched.push(slice), store);
    expect(result.ok).toBe(true);
    expect(searched).toHaveLength(1);
    expect(searched[0]?.entries).toHaveLength(25_000);
    expect(given.map((each) => each.offset)).toEqual([25_000, 30_000, 35_000, 40_000, 45_000, 50_000, 55_000]);
    expect(given.every((each) => !each.startsCopy && each.askedWith === null)).toBe(true);
    expect(tokens).toEqual(['token-1']);
    expect((await stored()).rows).toBe(60_000);
  });

  it('starts the copy again when main no longer has the read (the app itself restarted)', async () => {
    const first = bridgeTo(createDirectoryReads({ backOffice: () => Promise.resolve(backOffice(60_000)) }), { cutAfter: 7 });
    void syncDirectory(first.bridge, () => undefined);
    await until(async () => (await stored()).rows === 25_000 && first.asked.length > 7);

    const restarted = bridgeTo(createDirectoryReads({ backOffice: () => Promise.resolve(backOffice(60_000)) }));
    const slices: ArrivedSlice[] = [];
    expect((await syncDirectory(restarted.bridge, () => undefined, (slice) => slices.push(slice))).ok).toBe(true);
    expect(restarted.asked[0]?.offset).toBe(25_000);
    expect(slices[0]).toMatchObject({ replacesAll: true });
    expect(slices[0]?.entries[0]?.residentId).toBe('r-000000');
    const copy = await stored();
    expect(copy.rows).toBe(60_000);
    expect(copy.residents).toHaveLength(60_000);
  });

  it('then brings only the changes, and drops who was removed', async () => {
    const changes: DirectoryChanges = { entries: [entry(3, 'Okafor-Smith')], removed: ['r-000004'], deltaToken: 'token-2', replacesAll: false };
    const main = createDirectoryReads({ backOffice: () => Promise.resolve(backOffice(12_000, changes)) });
    await syncDirectory(bridgeTo(main).bridge, () => undefined);
    const slices: ArrivedSlice[] = [];
    const result = await syncDirectory(bridgeTo(main).bridge, () => undefined, (slice) => slices.push(slice));
    expect(result).toMatchObject({ ok: true, changed: true });
    expect(slices).toEqual([{ entries: [entry(3, 'Okafor-Smith')], removed: ['r-000004'], replacesAll: false }]);
    const copy = await stored();
    expect(copy.residents).toHaveLength(11_999);
    expect(copy.residents.find((each) => each.residentId === 'r-000003')?.familyName).toBe('Okafor-Smith');
    expect(await directoryDatabase().meta.get('sync')).toMatchObject({ deltaToken: 'token-2' });
  });
});

describe('how long the rest will take', () => {
  it('goes by the pace so far', () => {
    expect(remainingSeconds(120_000, 320_000, 24_000)).toBe(40);
    expect(remainingSeconds(5_000, 320_000, 1_000)).toBe(63);
  });
  it('says nothing until there is a pace to go by', () => {
    expect(remainingSeconds(0, 320_000, 5_000)).toBeNull();
    expect(remainingSeconds(5_000, 320_000, 200)).toBeNull();
    expect(remainingSeconds(5_000, 0, 5_000)).toBeNull();
  });
  it('is nothing once everything is here', () => {
    expect(remainingSeconds(320_000, 320_000, 30_000)).toBe(0);
  });
});
