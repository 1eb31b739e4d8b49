import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PACKED_FORMAT } from '../../../shared/search/packed';
import { DirectoryDatabase, PARTS_TABLE, readSavedIndex, saveIndex, splitIndex } from '../../../renderer/storage/directory-database';
import { CHUNK_BYTES, openIndexPart, sealIndexPart } from '../../../renderer/storage/index-part-opening';
import { importDataKey } from '../../../renderer/storage/sealing';

const key = await importDataKey(new Uint8Array(32).fill(5));
/** Two and a half chunks of bytes no two chunks share. */
const bytes = new Uint8Array(CHUNK_BYTES * 2 + CHUNK_BYTES / 2).map((_, n) => (n * 31 + (n >> 13)) % 251);

/** A sealed part's Blob taken apart: its length, then each chunk as kept (its own length first). */
async function chunksOf(sealed: Blob): Promise<{ length: Uint8Array; chunks: Uint8Array[] }> {
  const kept = new Uint8Array(await sealed.arrayBuffer());
  const view = new DataView(kept.buffer);
  const chunks: Uint8Array[] = [];
  for (let at = 4; at < kept.byteLength; at += 4 + view.getUint32(at)) chunks.push(kept.subarray(at, at + 4 + view.getUint32(at)));
  return { length: kept.subarray(0, 4), chunks };
}

const opened = (sealed: Blob, asked = 0) => openIndexPart({ key, table: PARTS_TABLE, sealed, asked });
/** Byte for byte (expect's deep equality takes seconds over a megabyte). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('a part of the saved index sealed in chunks', () => {
  it('is kept in chunks of at most CHUNK_BYTES, none of it in the clear, and opens to exactly its bytes', async () => {
    const sealed = await sealIndexPart(key, PARTS_TABLE, 0, bytes);
    const { chunks } = await chunksOf(sealed);
    expect(chunks).toHaveLength(3);
    const kept = Buffer.from(await sealed.arrayBuffer());
    expect(kept.includes(Buffer.from(bytes.subarray(CHUNK_BYTES, CHUNK_BYTES + 64)))).toBe(false);
    const part = await opened(sealed);
    expect(part).toMatchObject({ asked: 0, part: 0 });
    expect('bytes' in part && same(part.bytes, bytes)).toBe(true);
  });

  it('opens an empty part', async () => {
    expect(await opened(await sealIndexPart(key, PARTS_TABLE, 1, new Uint8Array(0)), 1)).toEqual({ asked: 1, part: 1, bytes: new Uint8Array(0) });
  });

  it('refuses chunks in another order, a chunk missing, a chunk of another part, and a length it does not hold', async () => {
    const { length, chunks } = await chunksOf(await sealIndexPart(key, PARTS_TABLE, 0, bytes));
    const [first, second, third] = chunks as [Uint8Array, Uint8Array, Uint8Array];
    expect(await opened(new Blob([length, second, first, third]))).toEqual({ asked: 0, error: "The part's chunk 0 is not the chunk it should be." });
    expect(await opened(new Blob([length, first, second]))).toEqual({ asked: 0, error: 'The part says it is longer than what is kept.' });
    // Two chunks and a few bytes, the few bytes' chunk gone: what is kept is longer than the part says, its chunks shorter.
    const short = await chunksOf(await sealIndexPart(key, PARTS_TABLE, 0, bytes.slice(0, CHUNK_BYTES * 2 + 10)));
    expect(await opened(new Blob([short.length, ...short.chunks.slice(0, 2)]))).toEqual({ asked: 0, error: 'The part is shorter than it says.' });
    const other = await chunksOf(await sealIndexPart(key, PARTS_TABLE, 3, bytes));
    expect(await opened(new Blob([length, first, other.chunks[1]!, third]))).toMatchObject({ asked: 0, part: 3 });
    expect(await opened(new Blob([new Uint8Array([0xff, 0xff, 0xff, 0xff]), first]))).toEqual({ asked: 0, error: 'The part says it is longer than what is kept.' });
    // Sealed under another officer's key: not opened.
    expect(await openIndexPart({ key: await importDataKey(new Uint8Array(32).fill(6)), table: PARTS_TABLE, sealed: new Blob([length, ...chunks]), asked: 0 })).toHaveProperty('error');
  });

  it('makes a saved index of parts of several chunks that reads back byte for byte; one saved before chunks is rebuilt, not read', async () => {
    const db = new DirectoryDatabase('index-part-opening-test', key);
    await db.blocks.add({ entries: [], removed: [] });
    await db.meta.put({ key: 'sync', deltaToken: 'token-1', updatedAt: '2026-12-06T09:00:00.000Z' });
    const about = { deltaToken: 'token-1', layout: { format: PACKED_FORMAT, size: 0, sections: {}, fields: {} }, firstSeq: 1, throughSeq: 1 };
    await saveIndex(db, about, splitIndex(bytes.slice().buffer, CHUNK_BYTES + 1_000));
    expect(same(new Uint8Array((await readSavedIndex(db)).saved!.buffer), bytes)).toBe(true);
    // As an index saved before its parts were sealed in chunks says it is.
    await db.index.update('index', { chunkBytes: undefined });
    expect(await readSavedIndex(db)).toMatchObject({ meta: { deltaToken: 'token-1' }, saved: null });
    db.close();
  });
});
