import Dexie from 'dexie';
import type { ApiBridge } from '../../shared/contract/api-bridge';
import type { CallError } from '../../shared/contract/outcome';
import { importDataKey, type DataKey } from './sealing';

/**
 * Whose storage is open on this page. Each officer has databases of their own, sealed under
 * their own data key (renderer/storage/sealing.ts), so one officer's drafts, contacts, outbox,
 * copy of the directory and resident snapshots can never be read, or sent, as another's; a
 * copied profile folder shows nothing without the key, which only main hands out, and only to
 * the officer signed in.
 */
export interface OfficerStorage {
  /** Null before anyone signs in: a key for this page only, so even then nothing is kept readable. */
  staffId: string | null;
  key: DataKey;
  /** Whether the key outlives this run ('keychain') or what is sealed is gone when CivicDesk closes. */
  kept: 'keychain' | 'this-session-only';
}

let current: OfficerStorage | null = null;

/** The officer whose databases the app uses now. */
export function officerStorage(): OfficerStorage {
  if (!current) throw new Error('No officer’s storage is open on this page yet.');
  return current;
}

/** The open storage, or null (parts drawn outside the gate, in tests). */
export const officerStorageIfOpen = (): OfficerStorage | null => current;

export const databaseName = (kind: 'cases' | 'directory' | 'snapshots', staffId: string | null): string =>
  `civicdesk-${kind}-${staffId ?? 'nobody-signed-in'}`;

/** Makes `storage` the one the app's databases use from now on (tests use it directly). */
export function switchStorageTo(storage: OfficerStorage): void {
  current = storage;
  releaseConnections();
}

/** Lets go of every open connection (and the search index built from one), so a database can be deleted or opened afresh. */
export function releaseConnections(): void {
  for (const listener of listeners) listener();
}

const listeners = new Set<() => void>();
/** Called when the officer's storage changes, so cached connections are let go. */
export function onStorageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The open officer's database of one kind: one connection, opened when first asked for and let
 * go when the storage changes (another officer, a sign-out), so nothing holds on to another
 * officer's database.
 */
export function officerDatabase<D extends Dexie>(kind: 'cases' | 'directory' | 'snapshots', open: (name: string, key: DataKey) => D): () => D {
  let connection: D | null = null;
  onStorageChange(() => {
    connection?.close();
    connection = null;
  });
  return () => {
    if (!connection) {
      const { staffId, key } = officerStorage();
      connection = open(databaseName(kind, staffId), key);
    }
    return connection;
  };
}

/**
 * Opens the signed-in officer's storage: asks main for their key and imports it so the page
 * can use it but never read it. With nobody signed in, a key made here for this page alone.
 */
export async function openOfficerStorage(bridge: ApiBridge, staffId: string | null): Promise<{ ok: true; storage: OfficerStorage } | { ok: false; error: CallError }> {
  if (staffId === null) {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    return { ok: true, storage: { staffId, key, kept: 'this-session-only' } };
  }
  const outcome = await bridge.storage.dataKey({});
  if (!outcome.ok) return outcome;
  const raw = Uint8Array.from(atob(outcome.value.key), (char) => char.charCodeAt(0));
  const key = await importDataKey(raw);
  raw.fill(0);
  return { ok: true, storage: { staffId, key, kept: outcome.value.kept } };
}

/**
 * Deletes a database whose rows were sealed under a key that is gone (kept only for a run that
 * has ended, where there is no keychain, or forgotten at a sign-out): nobody can read them
 * now, and a row that cannot be opened must not stop the officer working. Resolves to whether
 * it went.
 */
export async function deleteIfUnreadable(db: Dexie): Promise<boolean> {
  // One this computer does not have yet (a new PC, an officer's first start) has nothing to
  // prove: opening it here only made it, and that put up to half a second in front of the first screen.
  if (!(await Dexie.getDatabaseNames()).includes(db.name)) return false;
  try {
    // One row opened proves the key, as every table is sealed under it; more would cost: the
    // directory's saved search index is one row of tens of megabytes, opened here at every start.
    // In front of every start's first screen, and a case database has a dozen tables, most of
    // them empty: every table's first key asked at once (keys are in the clear, nothing opened),
    // then the one row opened.
    await db.transaction('r', db.tables, async () => {
      const firstKeys = await Promise.all(db.tables.map((table) => table.limit(1).primaryKeys()));
      const at = firstKeys.findIndex((keys) => keys.length > 0);
      if (at >= 0) await db.tables[at]!.get(firstKeys[at]![0]!);
    });
    return false;
  } catch (error) {
    // WebCrypto's refusal to open a seal; anything else is a real fault and is not hidden.
    if (!(error instanceof Error && error.name === 'OperationError')) throw error;
    db.close();
    await Dexie.delete(db.name);
    return true;
  }
}
