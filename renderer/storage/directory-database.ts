import Dexie, { type EntityTable } from 'dexie';
import type { DirectoryEntry } from '../../shared/domain/directory';

interface DirectoryMeta {
  key: 'sync';
  deltaToken: string;
  updatedAt: string;
}

/**
 * The resident directory, cached for offline search. A separate database from the case
 * drafts, so writing thousands of directory rows never holds up saving a case.
 */
export class DirectoryDatabase extends Dexie {
  entries!: EntityTable<DirectoryEntry, 'residentId'>;
  meta!: EntityTable<DirectoryMeta, 'key'>;

  constructor(name = 'civicdesk-directory') {
    super(name);
    this.version(1).stores({ entries: 'residentId', meta: 'key' });
  }
}

let shared: DirectoryDatabase | null = null;
export const directoryDatabase = (): DirectoryDatabase => (shared ??= new DirectoryDatabase());
