import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { DirectoryEntry } from '../../../shared/domain/directory';
import { searchIndexData } from '../../../shared/search/engine';
import { PACKED_FORMAT, unpackIndexData } from '../../../shared/search/packed';
import { metaOf } from '../../../renderer/residents/directory-writer';
import { createSearchHandler } from '../../../renderer/residents/search-handler';
import type { FromSearchWorker } from '../../../renderer/residents/search-messages';
import { Segments } from '../../../renderer/residents/search-segments';
import { blockEntries, DirectoryDatabase, readSavedIndex, saveIndex, splitIndex } from '../../../renderer/storage/directory-database';
import { importDataKey } from '../../../renderer/storage/sealing';

/** Synthetic residents only. */
const resident = (n: number, more: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  residentId: `res-${String(n).padStart(5, '0')}`,
  householdId: `hh-${n}`,
  givenName: ['Maria', 'Tunde', 'Siobhan', 'Wei'][n % 4]!,
  familyName: ['Garcia', 'Okafor', 'Murphy', 'Chen', 'Nowak'][n % 5]!,
  dateOfBirth: `19${50 + (n % 50)}-0${1 + (n % 9)}-1${n % 10}`,
  addressLine: `${n} Sample Street`,
  postcode: `SE${1 + (n % 20)} ${n % 10}AA`,
  phones: [`07700 9${String(n).padStart(5, '0')}`],
  email: null,
  councilTaxReference: null,
  rentReference: null,
  vulnerable: false,
  ...more,
});

const key = await importDataKey(new Uint8Array(32).fill(7));
let databases = 0;

async function directoryWith(entries: DirectoryEntry[], deltaToken = 'token-1'): Promise<string> {
  const name = `search-handler-test-${(databases += 1)}`;
  const db = new DirectoryDatabase(name, key);
  await db.blocks.add({ entries, removed: [] });
  await db.meta.put({ key: 'sync', deltaToken, updatedAt: '2026-12-04T09:00:00.000Z' });
  db.close();
  return name;
}

/** A handler as the worker runs it, and the page's side: what it was handed, searchable. */
function worker() {
  const messages: FromSearchWorker[] = [];
  const handle = createSearchHandler((message) => messages.push(message));
  const segments = new Segments();
  const take = () => {
    for (const message of messages.splice(0)) {
      if (message.type !== 'index') continue;
      const index = searchIndexData(unpackIndexData(message.packed));
      if (message.whole) segments.replaceAll(index);
      else segments.add(index, message.supersedes);
    }
  };
  return { handle, messages, segments, take };
}

const names = (found: { hits: { entry: DirectoryEntry }[] }) => found.hits.map((hit) => `${hit.entry.givenName} ${hit.entry.familyName}, ${hit.entry.addressLine}`);
const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('the search worker: built once, saved, opened on later starts', () => {
  const entries = Array.from({ length: 400 }, (_, n) => resident(n));

  it('builds the index the first time, and a later start opens the saved one with the same answers', async () => {
    const database = await directoryWith(entries);
    const first = worker();
    await first.handle({ type: 'open', database, key });
    const built = first.messages.find((message) => message.type === 'index');
    expect(built).toMatchObject({ whole: true, saved: false });
    expect(first.messages.some((message) => message.type === 'progress')).toBe(true);
    first.take();
    const before = first.segments.find('tunde okafor', 20);
    expect(before.hits.length).toBeGreaterThan(0);

    const later = worker();
    await later.handle({ type: 'open', database, key });
    expect(later.messages.map((message) => message.type)).toEqual(['index']);
    expect(later.messages[0]).toMatchObject({ whole: true, saved: true });
    later.take();
    expect(later.segments.find('tunde okafor', 20)).toEqual(before);
    expect(later.segments.size).toBe(400);
  });

  it('opens the saved index when a sync since changed nothing (a new token, no new blocks)', async () => {
    const database = await directoryWith(entries);
    await worker().handle({ type: 'open', database, key });
    const db = new DirectoryDatabase(database, key);
    await db.meta.put({ key: 'sync', deltaToken: 'token-2', updatedAt: '2026-12-04T10:00:00.000Z' });
    db.close();
    const later = worker();
    await later.handle({ type: 'open', database, key });
    expect(later.messages.map((message) => message.type)).toEqual(['index']);
    expect(later.messages[0]).toMatchObject({ whole: true, saved: true });
  });

  it('opens the saved index on a later start whose sync has moved on, with the changes since searched beside it, not rebuilt', async () => {
    const database = await directoryWith(entries);
    await worker().handle({ type: 'open', database, key });
    // The next start's sync: a new token, one resident moved and one gone, in a block after the saved index's.
    const moved = { ...entries[1]!, addressLine: '9 Newplace Road' };
    const db = new DirectoryDatabase(database, key);
    await db.blocks.add({ entries: [moved], removed: [entries[2]!.residentId] });
    await db.meta.put({ key: 'sync', deltaToken: 'token-2', updatedAt: '2026-12-04T10:00:00.000Z' });
    db.close();
    const later = worker();
    await later.handle({ type: 'open', database, key });
    expect(later.messages.map((message) => (message.type === 'index' ? { whole: message.whole, saved: message.saved } : message.type))).toEqual([
      { whole: true, saved: true },
      { whole: false, saved: false },
    ]);
    later.take();
    expect(names(later.segments.find(`${moved.givenName} ${moved.familyName} ${moved.postcode}`, 20))).toContain(`${moved.givenName} ${moved.familyName}, 9 Newplace Road`);
    expect(names(later.segments.find('sample street', 400))).not.toContain(`${moved.givenName} ${moved.familyName}, 1 Sample Street`);
    expect(later.segments.find('2 sample street', 400).hits.map((hit) => hit.entry.residentId)).not.toContain(entries[2]!.residentId);
  });

  it('a sync that ends while the saved index is still being opened neither rebuilds it nor has it replace what came after', async () => {
    const database = await directoryWith(entries);
    await worker().handle({ type: 'open', database, key });
    const later = worker();
    const opening = later.handle({ type: 'open', database, key });
    // The start's sync: one resident changed, then the sync ends, all before the saved index is open.
    const moved = { ...entries[3]!, addressLine: '4 Quiet Lane' };
    await later.handle({ type: 'slice', entries: [moved], removed: [], replacesAll: false });
    const ended = later.handle({ type: 'synced', changed: false });
    await Promise.all([opening, ended]);
    expect(later.messages.map((message) => (message.type === 'index' ? { whole: message.whole, saved: message.saved } : message.type))).toEqual([
      { whole: true, saved: true },
      { whole: false, saved: false },
      'covered',
    ]);
    later.take();
    expect(names(later.segments.find(`${moved.givenName} ${moved.familyName} ${moved.postcode}`, 20))).toContain(`${moved.givenName} ${moved.familyName}, 4 Quiet Lane`);
  });

  it('rebuilds when the copy was replaced since the index was saved (its first block is gone)', async () => {
    const database = await directoryWith(entries);
    await worker().handle({ type: 'open', database, key });
    const db = new DirectoryDatabase(database, key);
    await db.blocks.clear();
    await db.blocks.add({ entries: entries.slice(0, 10), removed: [] });
    await db.meta.put({ key: 'sync', deltaToken: 'token-3', updatedAt: '2026-12-04T11:00:00.000Z' });
    db.close();
    const later = worker();
    await later.handle({ type: 'open', database, key });
    expect(later.messages.filter((message) => message.type === 'index')).toMatchObject([{ whole: true, saved: false }]);
    later.take();
    expect(later.segments.size).toBe(10);
  });

  it('saves the index in sealed parts and reads them back byte for byte; a later save’s parts replace the earlier ones; a part missing means a rebuild', async () => {
    const database = await directoryWith(entries);
    const db = new DirectoryDatabase(database, key);
    const buffer = new Uint8Array(2_500).map((_, n) => (n * 7) % 251).buffer;
    const parts = splitIndex(buffer, 1_000);
    expect(parts.map((part) => part.byteLength)).toEqual([1_000, 1_000, 500]);
    const about = { deltaToken: 'token-1', layout: { format: PACKED_FORMAT, size: 0, sections: {}, fields: {} }, firstSeq: 1, throughSeq: 1 };
    await saveIndex(db, about, parts);
    const read = await readSavedIndex(db);
    expect(new Uint8Array(read.saved!.buffer)).toEqual(new Uint8Array(buffer));
    expect(read.saved!.about).toMatchObject({ parts: 3, byteLength: 2_500 });
    // Sealed: what IndexedDB holds is not the bytes.
    const stored = new Uint8Array(await (await db.indexParts.get(0))!.sealed.arrayBuffer());
    expect(stored.byteLength).toBeGreaterThan(1_000);
    expect(Buffer.from(stored).includes(Buffer.from(new Uint8Array(buffer, 0, 64)))).toBe(false);

    await saveIndex(db, about, splitIndex(buffer.slice(0, 1_200), 1_000));
    expect((await db.indexParts.toArray()).map((row) => row.sizes.length)).toEqual([2]);
    expect((await readSavedIndex(db)).saved!.buffer.byteLength).toBe(1_200);

    // Parts of another length than it says are never put together as the index.
    await db.index.update('index', { partBytes: 900 });
    expect(await readSavedIndex(db)).toMatchObject({ meta: { deltaToken: 'token-1' }, saved: null });
    await db.index.update('index', { partBytes: 1_000 });
    expect((await readSavedIndex(db)).saved!.buffer.byteLength).toBe(1_200);

    const kept = (await db.indexParts.get(0))!;
    await db.indexParts.put({ ...kept, sizes: kept.sizes.slice(0, 1), sealed: kept.sealed.slice(0, kept.sizes[0]) });
    expect(await readSavedIndex(db)).toMatchObject({ meta: { deltaToken: 'token-1' }, saved: null });
    // A part put in another's place is refused, never read as the index.
    await saveIndex(db, about, parts);
    const { sealed, sizes } = (await db.indexParts.get(0))!;
    const [first, second] = [sealed.slice(0, sizes[0]), sealed.slice(sizes[0], sizes[0]! + sizes[1]!)];
    await db.indexParts.put({ part: 0, sealed: new Blob([second, first, sealed.slice(sizes[0]! + sizes[1]!)]), sizes: [sizes[1]!, sizes[0]!, sizes[2]!] });
    await expect(readSavedIndex(db)).rejects.toThrow(/part 0/);
    db.close();
  });

  it('rebuilds, and saves in parts, when the saved index is one an older version kept whole', async () => {
    const database = await directoryWith(entries);
    const db = new DirectoryDatabase(database, key);
    // As version 2 saved it: one Blob, no parts.
    await db.index.put({ key: 'index', deltaToken: 'token-1', layout: { format: PACKED_FORMAT, size: 400, sections: {}, fields: {} }, bytes: new Blob([new Uint8Array(8)]), firstSeq: 1, throughSeq: 1 } as never);
    db.close();
    const later = worker();
    await later.handle({ type: 'open', database, key });
    expect(later.messages.filter((message) => message.type === 'index')).toMatchObject([{ whole: true, saved: false }]);
    later.take();
    expect(later.segments.size).toBe(400);
    const reopened = new DirectoryDatabase(database, key);
    // Two parts, one for each lane that opens it (directory-database.ts, partBytesFor).
    expect(await reopened.index.get('index')).toMatchObject({ parts: 2 });
    reopened.close();
  });

  it('makes changes searchable as they arrive, hiding what they replace', async () => {
    const database = await directoryWith(entries);
    const page = worker();
    await page.handle({ type: 'open', database, key });
    page.take();
    const moved = { ...entries[1]!, addressLine: '9 Newplace Road' };
    await page.handle({ type: 'slice', entries: [moved], removed: [entries[2]!.residentId], replacesAll: false });
    await waitFor(() => page.messages.length > 0);
    page.take();
    expect(names(page.segments.find(`${moved.givenName} ${moved.familyName} ${moved.postcode}`, 20))).toContain(`${moved.givenName} ${moved.familyName}, 9 Newplace Road`);
    expect(names(page.segments.find('sample street', 400))).not.toContain(`${moved.givenName} ${moved.familyName}, 1 Sample Street`);
    expect(page.segments.find('2 sample street', 400).hits.map((hit) => hit.entry.residentId)).not.toContain(entries[2]!.residentId);
  });

  it('on a first start, searches the slices that have arrived before the sync ends', async () => {
    const database = `search-handler-test-empty-${(databases += 1)}`;
    const page = worker();
    await page.handle({ type: 'open', database, key });
    expect(page.messages).toEqual([{ type: 'empty' }]);
    page.messages.length = 0;
    await page.handle({ type: 'slice', entries: entries.slice(0, 100), removed: [], replacesAll: true });
    await waitFor(() => page.messages.length > 0);
    page.take();
    expect(page.segments.size).toBe(100);
    expect(page.segments.whole).toBe(false);
    expect(page.segments.find(entries[5]!.phones[0]!, 20).hits[0]?.entry.residentId).toBe(entries[5]!.residentId);
    // Not yet arrived: not found.
    expect(page.segments.find(entries[300]!.phones[0]!, 20).hits).toEqual([]);
  });

  it('makes the first slice searchable at once, however new the worker, and what follows at most once a second', async () => {
    // The worker's clock starts when it does: a slice arriving 50 ms in is not held back to its first second.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const page = worker();
      await vi.advanceTimersByTimeAsync(50);
      await page.handle({ type: 'slice', entries: entries.slice(0, 100), removed: [], replacesAll: true });
      await vi.advanceTimersByTimeAsync(0);
      expect(page.messages.map((message) => message.type)).toEqual(['index']);
      await page.handle({ type: 'slice', entries: entries.slice(100, 200), removed: [], replacesAll: false });
      await vi.advanceTimersByTimeAsync(900);
      expect(page.messages).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(100);
      expect(page.messages).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('when a first start\'s sync ends, every resident is searchable in segments before the whole index is rebuilt', async () => {
    const database = `search-handler-test-empty-${(databases += 1)}`;
    const page = worker();
    await page.handle({ type: 'open', database, key });
    page.messages.length = 0;
    // What directory-sync writes as the slices arrive.
    const db = new DirectoryDatabase(database, key);
    await db.blocks.add({ entries, removed: [] });
    await db.meta.put({ key: 'sync', deltaToken: 'token-1', updatedAt: '2026-12-04T09:00:00.000Z' });
    db.close();
    await page.handle({ type: 'slice', entries: entries.slice(0, 250), removed: [], replacesAll: true });
    await waitFor(() => page.messages.length > 0);
    // The last slice has arrived and the sync ends before the next segment would be built.
    await page.handle({ type: 'slice', entries: entries.slice(250), removed: [], replacesAll: false });
    const ended = page.handle({ type: 'synced', changed: true });
    const types = page.messages.map((message) => (message.type === 'index' ? (message.whole ? 'whole' : 'segment') : message.type));
    // Said before the rebuild reads the copy back: the segments hold all 400.
    expect(types).toEqual(['segment', 'segment', 'covered']);
    page.take();
    expect(page.segments.size).toBe(400);
    expect(page.segments.find(entries[399]!.phones[0]!, 20).hits[0]?.entry.residentId).toBe(entries[399]!.residentId);
    await ended;
    expect(page.messages.at(-1)).toMatchObject({ type: 'index', whole: true });
  });

  it('stores the slices it is given as the page’s writer would: searchable at once, written with the read’s place, then the token, and says when; a whole read is covered before it is written', async () => {
    const database = `search-handler-test-empty-${(databases += 1)}`;
    const page = worker();
    await page.handle({ type: 'open', database, key });
    page.messages.length = 0;
    const slice = (offset: number, nextOffset: number | null) => ({ read: 'read-1', offset, entries: entries.slice(offset, nextOffset ?? entries.length), removed: [], deltaToken: nextOffset === null ? 'token-2' : '', replacesAll: true, nextOffset, total: entries.length });
    await page.handle({ type: 'store', slice: slice(0, 250), startsCopy: true, askedWith: null });
    await waitFor(() => page.messages.length > 0);
    page.take();
    expect(page.segments.find(entries[5]!.phones[0]!, 20).hits[0]?.entry.residentId).toBe(entries[5]!.residentId);
    // Cut short here, the next start would carry on from 250.
    await page.handle({ type: 'store-finish', deltaToken: null });
    expect(page.messages.at(-1)).toEqual({ type: 'stored', error: null });
    const db = new DirectoryDatabase(database, key);
    expect(await metaOf(db).get('progress')).toMatchObject({ read: 'read-1', offset: 250, askedWith: null });
    // A read cut short has not arrived whole: nothing says every resident is searchable.
    expect(page.messages.some((message) => message.type === 'covered')).toBe(false);
    await page.handle({ type: 'store', slice: slice(250, null), startsCopy: false, askedWith: null });
    const before = page.messages.length;
    await page.handle({ type: 'store-finish', deltaToken: 'token-2' });
    // The read's last slice is searchable, and the page told so, before the writes behind it are done.
    expect(page.messages.slice(before).map((message) => (message.type === 'index' ? 'segment' : message.type))).toEqual(['segment', 'covered', 'stored']);
    expect(page.messages.at(-1)).toEqual({ type: 'stored', error: null });
    page.take();
    expect(page.segments.size).toBe(entries.length);
    const blocks = await db.blocks.toArray();
    expect(blocks.flatMap((block) => blockEntries(block).map((entry) => entry.residentId))).toEqual(entries.map((entry) => entry.residentId));
    expect(await db.meta.get('sync')).toMatchObject({ deltaToken: 'token-2' });
    expect(await metaOf(db).get('progress')).toBeUndefined();
    db.close();
  });
});
