import Dexie, { type EntityTable } from 'dexie';
import type { DirectoryEntry } from '../../shared/domain/directory';
import { PACKED_FORMAT, type PackedLayout } from '../../shared/search/packed';
import { entriesOfLines, linesOf } from './directory-lines';
import { officerDatabase } from './officer-storage';
import { LANES, type OpenSealedPart } from './index-part-lanes';
import { CHUNK_BYTES, openIndexPart, partRow, sealIndexPart } from './index-part-opening';
import type { DataKey } from './sealing';
import { sealTables } from './sealed-tables';

interface DirectoryMeta {
  key: 'sync';
  deltaToken: string;
  updatedAt: string;
}

/**
 * One slice of the directory as it arrived: the entries it brought and the residents it
 * removed. Kept as sealed blocks rather than a row per resident: 320,000 seals would cost
 * seconds at every start, a few hundred blocks cost milliseconds, and search needs the whole
 * directory in memory anyway (the worker's index). Later blocks win over earlier ones. The
 * entries are kept as lines of text (directory-lines.ts) when they can be, as JSON when not
 * (and by versions before the lines): read them with `blockEntries`, make a block with `newBlock`.
 */
export interface DirectoryBlock {
  seq?: number;
  lines?: Uint8Array;
  entries?: DirectoryEntry[];
  removed: string[];
}

export function newBlock(entries: DirectoryEntry[], removed: string[]): DirectoryBlock {
  const lines = linesOf(entries);
  return lines ? { lines, removed } : { entries, removed };
}

export function blockEntries(block: DirectoryBlock): DirectoryEntry[] {
  return block.lines ? entriesOfLines(block.lines) : (block.entries ?? []);
}

/**
 * The search index built from the directory, saved so that a later start opens it in a moment
 * instead of rebuilding (seconds at borough scale). Its arrays are one buffer, kept as parts
 * (SavedIndexPart); this row says what they are. `deltaToken` is the sync it was built after.
 * `firstSeq` and `throughSeq` are the first and last blocks it holds: blocks after those are
 * changes synced since (a later start's), searched beside it; a first block that is no longer
 * there means the copy was replaced or rewritten, and it is rebuilt.
 */
export interface SavedIndex {
  key: 'index';
  deltaToken: string;
  layout: PackedLayout;
  /** How many parts, how long each is but the last, and the whole buffer's length. */
  parts: number;
  partBytes: number;
  byteLength: number;
  /** The chunks its parts are sealed in (index-part-opening.ts); an index saved otherwise (before chunks) is rebuilt. */
  chunkBytes?: number;
  firstSeq?: number;
  throughSeq?: number;
}

/**
 * The saved index's parts, each sealed here rather than by the tables' middleware
 * (index-part-opening.ts), kept one after another in one Blob, with each one's length: IndexedDB
 * keeps a Blob as a file and answers with a handle at once, so a later start reads the parts'
 * bytes and opens them side by side, after the transaction (in Chromium, about twice as fast as
 * reading 100 MB of row values, and no transaction held open meanwhile). One Blob, not one a
 * part: IndexedDB took 16-45 ms to hand back each Blob row (four parts: about 175 ms of every
 * later start's transaction), and a slice of a Blob costs nothing. One row, `part` 0.
 */
export interface SavedIndexPart {
  part: 0;
  sealed: Blob;
  /** Each sealed part's length in `sealed`, in order. */
  sizes: number[];
}

/**
 * A borough's index (64 MB at 320,000 residents) in a few parts of at most this: enough for
 * the lanes to open side by side (index-part-lanes.ts).
 */
export const PART_BYTES = 24 * 1024 * 1024;
export const PARTS_TABLE = 'indexParts';

/**
 * The resident directory, cached for offline search, sealed under the officer's key. A
 * separate database from the case drafts, so writing it never holds up saving a case.
 */
export class DirectoryDatabase extends Dexie {
  blocks!: EntityTable<DirectoryBlock, 'seq'>;
  meta!: EntityTable<DirectoryMeta, 'key'>;
  index!: EntityTable<SavedIndex, 'key'>;
  indexParts!: EntityTable<SavedIndexPart, 'part'>;
  readonly key: DataKey;

  constructor(name: string, key: DataKey) {
    super(name);
    this.key = key;
    this.version(1).stores({ blocks: '++seq', meta: 'key' });
    this.version(2).stores({ blocks: '++seq', meta: 'key', index: 'key' });
    // The saved index in parts; an index saved whole (as one Blob) by an older version is not read, and is rebuilt.
    this.version(3).stores({ blocks: '++seq', meta: 'key', index: 'key', indexParts: 'part' });
    // indexParts are sealed by saveIndex itself (SavedIndexPart).
    sealTables(this, key, { blocks: ['seq'], meta: ['key'], index: ['key'] });
  }
}

/** Every resident in the local directory, each as their latest block has them. */
export async function readDirectory(db: DirectoryDatabase): Promise<DirectoryEntry[]> {
  const byResident = new Map<string, DirectoryEntry>();
  for (const block of await db.blocks.toArray()) {
    for (const id of block.removed) byResident.delete(id);
    for (const entry of blockEntries(block)) byResident.set(entry.residentId, entry);
  }
  return [...byResident.values()];
}

/**
 * The size of each part for an index of `byteLength`: parts of at most PART_BYTES, as many as
 * a multiple of the lanes, so each lane opens as much as the others. Three parts in two lanes
 * left one lane opening the third alone, for a few hundred milliseconds of a later start.
 */
export function partBytesFor(byteLength: number, lanes = LANES): number {
  const parts = Math.max(1, Math.ceil(byteLength / PART_BYTES / lanes)) * lanes;
  return Math.max(1, Math.ceil(byteLength / parts));
}

/** The index's buffer copied into parts for saving (copied, so the buffer itself can be handed to the page). */
export function splitIndex(buffer: ArrayBuffer, partBytes = PART_BYTES): Uint8Array<ArrayBuffer>[] {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let at = 0; at < buffer.byteLength; at += partBytes) parts.push(new Uint8Array(buffer.slice(at, at + partBytes)));
  return parts;
}

/** Seals the parts of a built index and saves them with what they are in one transaction: a later start finds all of it or none of it. */
export async function saveIndex(db: DirectoryDatabase, about: Omit<SavedIndex, 'key' | 'parts' | 'partBytes' | 'byteLength' | 'chunkBytes'>, parts: Uint8Array<ArrayBuffer>[]): Promise<void> {
  const sealed = await Promise.all(parts.map((bytes, part) => sealIndexPart(db.key, PARTS_TABLE, part, bytes)));
  const byteLength = parts.reduce((sum, each) => sum + each.byteLength, 0);
  await db.transaction('rw', db.index, db.indexParts, async () => {
    await db.indexParts.clear();
    await db.indexParts.put({ part: 0, sealed: new Blob(sealed), sizes: sealed.map((part) => part.size) });
    await db.index.put({ key: 'index', ...about, parts: parts.length, partBytes: parts[0]?.byteLength ?? 0, byteLength, chunkBytes: CHUNK_BYTES });
  });
}

/**
 * The saved index, when it is of the copy as it is now, or of its first blocks with changes
 * after them; with the sync the copy is at, read in the same transaction so they agree.
 *
 * This is most of a later start (bench:firststart's warm figure). Measured in Debian's Chromium
 * on the 2-core machines, for 97 MB at 320,000 residents: WebCrypto opened a whole part at
 * about 115 MB/s on a thread (AES-CTR and AES-CBC no faster than GCM: the cost is the fresh
 * memory it copies into, not the mode; parts are now opened in chunks, index-part-opening.ts),
 * and one thread reads a part's Blob only between openings; the search worker gives the parts
 * to two lanes (`openPart`, index-part-lanes.ts), which opened 96 MB in about 1 s, where one
 * thread took 1.5 s. Reading and opening then keep both cores busy. Tried and not taken: the
 * Origin Private File System, read by the same two lanes, was no quicker than these Blobs (its
 * synchronous handles slower still: 48 MB in about 400 ms against 165 ms for the Blobs);
 * DecompressionStream inflates at about 50 MB/s, slower than reading more. Opened in place by default.
 */
export async function readSavedIndex(db: DirectoryDatabase, openPart: OpenSealedPart = async (sealed, asked) => partRow(await openIndexPart({ key: db.key, table: PARTS_TABLE, sealed, asked }))): Promise<{ meta: DirectoryMeta | undefined; saved: { about: SavedIndex; buffer: ArrayBuffer } | null }> {
  const { meta, about, parts } = await db.transaction('r', [db.meta, db.blocks, db.index, db.indexParts], async () => {
    // The parts asked for with the rest, not after (each read waits its turn in IndexedDB): the
    // table holds one index's parts only (saveIndex clears it first), as a Blob whose bytes are
    // read later, in the lanes.
    const [meta, about, first, parts] = await Promise.all([db.meta.get('sync'), db.index.get('index'), db.blocks.toCollection().limit(1).primaryKeys(), db.indexParts.get(0)]);
    const current = about && meta && about.parts !== undefined && about.partBytes !== undefined && about.chunkBytes === CHUNK_BYTES && about.layout.format === PACKED_FORMAT && (about.deltaToken === meta.deltaToken || (about.firstSeq !== undefined && about.firstSeq === first[0]));
    return current ? { meta, about, parts } : { meta, about: null, parts: undefined };
  });
  if (!about || !parts || parts.sizes.length !== about.parts || parts.sizes.reduce((sum, size) => sum + size, 0) !== parts.sealed.size) return { meta, saved: null };
  // Every part asked for at once, each put in its place as soon as it is open, while the others are still being read and opened.
  const buffer = new ArrayBuffer(about.byteLength);
  const whole = new Uint8Array(buffer);
  // Each part's sealed bytes, a slice of the one Blob (no copy).
  let from = 0;
  const sealedParts = parts.sizes.map((size) => parts.sealed.slice(from, (from += size)));
  const placed = await Promise.all(
    sealedParts.map(async (sealed, n): Promise<'placed' | 'not this part' | 'wrong size'> => {
      const row = await openPart(sealed, n);
      if (row.part !== n || !(row.bytes instanceof Uint8Array)) return 'not this part';
      const at = n * about.partBytes;
      if (row.bytes.byteLength !== (n === sealedParts.length - 1 ? about.byteLength - at : about.partBytes)) return 'wrong size';
      whole.set(row.bytes, at);
      return 'placed';
    }),
  );
  // Checked in order once all are open, so the part named is always the first out of place.
  const misplaced = placed.indexOf('not this part');
  if (misplaced >= 0) throw new Error(`The saved index's part ${misplaced} is not the part it should be.`);
  return { meta, saved: placed.every((each) => each === 'placed') ? { about, buffer } : null };
}

/** Changes come as small blocks; past this many, they are folded into full ones. */
const MOST_BLOCKS = 400;
const ENTRIES_PER_BLOCK = 5000;

/** Rewrites the directory as few full blocks once changes have piled up. Resolves to whether it did. */
export async function compactDirectory(db: DirectoryDatabase): Promise<boolean> {
  if ((await db.blocks.count()) <= MOST_BLOCKS) return false;
  const entries = await readDirectory(db);
  const blocks: DirectoryBlock[] = [];
  for (let at = 0; at < entries.length; at += ENTRIES_PER_BLOCK) blocks.push(newBlock(entries.slice(at, at + ENTRIES_PER_BLOCK), []));
  await db.transaction('rw', db.blocks, async () => {
    await db.blocks.clear();
    await db.blocks.bulkAdd(blocks);
  });
  return true;
}

/** The signed-in officer's copy of the directory. */
export const directoryDatabase = officerDatabase('directory', (name, key) => new DirectoryDatabase(name, key));
