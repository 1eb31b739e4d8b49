import Dexie, { type EntityTable } from 'dexie';
import type { DirectoryEntry } from '../../shared/domain/directory';
import type { PackedLayout } from '../../shared/search/packed';
import { officerDatabase } from './officer-storage';
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
 * directory in memory anyway (the worker's index). Later blocks win over earlier ones.
 */
export interface DirectoryBlock {
  seq?: number;
  entries: DirectoryEntry[];
  removed: string[];
}

/**
 * The search index built from the directory, saved so that a later start opens it in a moment
 * instead of rebuilding (seconds at borough scale). Its arrays are one buffer, sealed whole as
 * a Blob (sealing.ts appends a row's Blobs as bytes under the same seal). `deltaToken` is the
 * sync it was built after. `firstSeq` and `throughSeq` are the first and last blocks it holds:
 * blocks after those are changes synced since (a later start's), searched beside it; a first
 * block that is no longer there means the copy was replaced or rewritten, and it is rebuilt.
 */
export interface SavedIndex {
  key: 'index';
  deltaToken: string;
  layout: PackedLayout;
  bytes: Blob;
  firstSeq?: number;
  throughSeq?: number;
}

/**
 * The resident directory, cached for offline search, sealed under the officer's key. A
 * separate database from the case drafts, so writing it never holds up saving a case.
 */
export class DirectoryDatabase extends Dexie {
  blocks!: EntityTable<DirectoryBlock, 'seq'>;
  meta!: EntityTable<DirectoryMeta, 'key'>;
  index!: EntityTable<SavedIndex, 'key'>;

  constructor(name: string, key: DataKey) {
    super(name);
    this.version(1).stores({ blocks: '++seq', meta: 'key' });
    this.version(2).stores({ blocks: '++seq', meta: 'key', index: 'key' });
    sealTables(this, key, { blocks: ['seq'], meta: ['key'], index: ['key'] });
  }
}

/** Every resident in the local directory, each as their latest block has them. */
export async function readDirectory(db: DirectoryDatabase): Promise<DirectoryEntry[]> {
  const byResident = new Map<string, DirectoryEntry>();
  for (const block of await db.blocks.toArray()) {
    for (const id of block.removed) byResident.delete(id);
    for (const entry of block.entries) byResident.set(entry.residentId, entry);
  }
  return [...byResident.values()];
}

/** Changes come as small blocks; past this many, they are folded into full ones. */
const MOST_BLOCKS = 400;
const ENTRIES_PER_BLOCK = 5000;

/** Rewrites the directory as few full blocks once changes have piled up. Resolves to whether it did. */
export async function compactDirectory(db: DirectoryDatabase): Promise<boolean> {
  if ((await db.blocks.count()) <= MOST_BLOCKS) return false;
  const entries = await readDirectory(db);
  const blocks: DirectoryBlock[] = [];
  for (let at = 0; at < entries.length; at += ENTRIES_PER_BLOCK) blocks.push({ entries: entries.slice(at, at + ENTRIES_PER_BLOCK), removed: [] });
  await db.transaction('rw', db.blocks, async () => {
    await db.blocks.clear();
    await db.blocks.bulkAdd(blocks);
  });
  return true;
}

/** The signed-in officer's copy of the directory. */
export const directoryDatabase = officerDatabase('directory', (name, key) => new DirectoryDatabase(name, key));
