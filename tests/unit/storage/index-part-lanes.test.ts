import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PACKED_FORMAT } from '../../../shared/search/packed';
import { createSearchHandler } from '../../../renderer/residents/search-handler';
import type { FromSearchWorker } from '../../../renderer/residents/search-messages';
import { DirectoryDatabase, PART_BYTES, partBytesFor, PARTS_TABLE, readSavedIndex, saveIndex, splitIndex } from '../../../renderer/storage/directory-database';
import { indexPartLanes } from '../../../renderer/storage/index-part-lanes';
import { openIndexPart, type OpenPart, type PartOpened } from '../../../renderer/storage/index-part-opening';
import { importDataKey } from '../../../renderer/storage/sealing';

/**
 * A Worker as the page has it, running index-part.worker.ts's one step (openIndexPart) on a
 * later turn, as a real worker answers. Node has no Worker; `stops` makes it fail as a worker
 * that cannot start does.
 */
class LaneWorker {
  static made: LaneWorker[] = [];
  static stops = false;
  readonly asked: number[] = [];
  terminated = false;
  onmessage: ((event: { data: PartOpened }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: URL) {
    LaneWorker.made.push(this);
  }
  postMessage(message: OpenPart) {
    this.asked.push(message.asked);
    if (LaneWorker.stops) return void setTimeout(() => this.onerror?.(), 0);
    void openIndexPart(message).then((opened) => setTimeout(() => this.onmessage?.({ data: opened }), 0));
  }
  terminate() {
    this.terminated = true;
  }
}

const key = await importDataKey(new Uint8Array(32).fill(7));
const otherKey = await importDataKey(new Uint8Array(32).fill(9));
const about = { deltaToken: 'token-1', layout: { format: PACKED_FORMAT, size: 0, sections: {}, fields: {} }, firstSeq: 1, throughSeq: 1 };
const buffer = new Uint8Array(4_500).map((_, n) => (n * 13) % 251).buffer;
let databases = 0;

/** A directory with a saved index of five parts (1,000 bytes each but the last). */
async function withSavedIndex(): Promise<DirectoryDatabase> {
  const db = new DirectoryDatabase(`index-part-lanes-test-${(databases += 1)}`, key);
  await db.blocks.add({ entries: [], removed: [] });
  await db.meta.put({ key: 'sync', deltaToken: 'token-1', updatedAt: '2026-12-06T09:00:00.000Z' });
  await saveIndex(db, about, splitIndex(buffer, 1_000));
  return db;
}

afterEach(() => {
  vi.unstubAllGlobals();
  LaneWorker.made = [];
  LaneWorker.stops = false;
});

describe('the saved index opened in two lanes', () => {
  it('is not started where there are no workers, and the parts are opened in place', async () => {
    expect(indexPartLanes()).toBeNull();
    const db = await withSavedIndex();
    expect(new Uint8Array((await readSavedIndex(db)).saved!.buffer)).toEqual(new Uint8Array(buffer));
  });

  it('gives the parts to two workers of index-part.worker.ts, and puts their bytes back together exactly', async () => {
    vi.stubGlobal('Worker', LaneWorker);
    const db = await withSavedIndex();
    const lanes = indexPartLanes()!;
    const read = await readSavedIndex(db, lanes.opener(key, PARTS_TABLE));
    lanes.close();
    expect(new Uint8Array(read.saved!.buffer)).toEqual(new Uint8Array(buffer));
    expect(LaneWorker.made.map((lane) => lane.url.pathname.split('/').at(-1))).toEqual(['index-part.worker.ts', 'index-part.worker.ts']);
    // Each lane has its share, and together every part once.
    expect(LaneWorker.made.map((lane) => lane.asked.length)).toEqual([3, 2]);
    expect(LaneWorker.made.flatMap((lane) => lane.asked).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(LaneWorker.made.every((lane) => lane.terminated)).toBe(true);
  });

  it('is saved in a multiple of the lanes’ number of parts, each at most PART_BYTES, so each lane opens as much', () => {
    const parts = (byteLength: number) => splitIndex(new ArrayBuffer(byteLength), partBytesFor(byteLength)).map((part) => part.byteLength);
    // A borough's 72 MB: four parts of 18 MB, not three of 24 (one lane opening the third alone).
    const borough = 72_000_000;
    expect(parts(borough)).toEqual([18_000_000, 18_000_000, 18_000_000, 18_000_000]);
    expect(parts(2 * PART_BYTES + 1)).toHaveLength(4);
    expect(parts(2 * PART_BYTES)).toEqual([PART_BYTES, PART_BYTES]);
    expect(parts(1_001)).toEqual([501, 500]);
    expect(parts(0)).toEqual([]);
  });

  it('refuses parts sealed under another key, and parts a stopped worker was given', async () => {
    vi.stubGlobal('Worker', LaneWorker);
    const db = await withSavedIndex();
    const wrongKey = indexPartLanes()!;
    await expect(readSavedIndex(db, wrongKey.opener(otherKey, PARTS_TABLE))).rejects.toThrow();
    wrongKey.close();
    LaneWorker.stops = true;
    const stopped = indexPartLanes()!;
    await expect(readSavedIndex(db, stopped.opener(key, PARTS_TABLE))).rejects.toThrow('A worker opening the saved index stopped.');
    stopped.close();
  });

  it('is how the search worker opens a saved index at start, and hands it over as the saved one; lanes that fail mean a rebuild', async () => {
    vi.stubGlobal('Worker', LaneWorker);
    // A first start has no index saved: no lane is started.
    const fresh = new DirectoryDatabase(`index-part-lanes-test-${(databases += 1)}`, key);
    await fresh.blocks.add({ entries: [], removed: [] });
    await fresh.meta.put({ key: 'sync', deltaToken: 'token-1', updatedAt: '2026-12-06T09:00:00.000Z' });
    fresh.close();
    await createSearchHandler(() => undefined)({ type: 'open', database: fresh.name, key });
    expect(LaneWorker.made).toEqual([]);

    const db = await withSavedIndex();
    db.close();
    const messages: FromSearchWorker[] = [];
    await createSearchHandler((message) => messages.push(message))({ type: 'open', database: db.name, key });
    expect(messages.filter((message) => message.type === 'index')).toMatchObject([{ whole: true, saved: true }]);
    expect(LaneWorker.made.flatMap((lane) => lane.asked).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(LaneWorker.made.every((lane) => lane.terminated)).toBe(true);

    LaneWorker.stops = true;
    const again: FromSearchWorker[] = [];
    await createSearchHandler((message) => again.push(message))({ type: 'open', database: db.name, key });
    expect(again.filter((message) => message.type === 'index')).toMatchObject([{ whole: true, saved: false }]);
  });
});
