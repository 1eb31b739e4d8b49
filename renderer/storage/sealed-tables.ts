import type { DBCore, DBCoreCursor, DBCoreTable, DBCoreTransaction, Dexie, Middleware } from 'dexie';
import { open, seal, type DataKey } from './sealing';

/**
 * Every row of a database sealed under the officer's data key (renderer/storage/sealing.ts),
 * as a Dexie middleware beneath everything else, so the code that saves and reads cases,
 * contacts and the outbox is unchanged and sees plain rows.
 *
 * What stays in the clear is only what IndexedDB must index to find rows: ids, states, dates,
 * the officer's and resident's ids (never a name, address, phone or date of birth). Each table
 * names those key paths; everything else exists on disk only inside the seal.
 *
 * WebCrypto answers asynchronously, and IndexedDB commits a transaction the moment it has no
 * request pending. So while a row is sealed or opened the transaction is kept open with tiny
 * reads (as Dexie.waitFor does), and the real request is made the moment the crypto answers,
 * inside a request's success, where the transaction is still active.
 */
export type ClearPaths = Record<string, readonly string[]>;

const SEALED = '_sealed';

type Row = Record<string, unknown>;

const isSealed = (value: unknown): value is Row & { [SEALED]: Uint8Array<ArrayBuffer> } =>
  // isView rather than instanceof: a row read back may come from another realm (a worker, a test's fake IndexedDB).
  typeof value === 'object' && value !== null && ArrayBuffer.isView((value as Row)[SEALED]);

/** Waits for `work` without letting the transaction commit meanwhile. */
function keepOpen<T>(trans: DBCoreTransaction, storeName: string, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settle: (() => void) | null = null;
    work.then(
      (value) => (settle = () => resolve(value)),
      (error: unknown) => (settle = () => reject(error instanceof Error ? error : new Error(String(error)))),
    );
    // The IndexedDB transaction itself, beneath Dexie's middlewares.
    const store = (trans as unknown as { objectStore(name: string): { get(key: number): { onsuccess: unknown; onerror: unknown; error: Error | null } } }).objectStore(storeName);
    const spin = () => {
      if (settle) return settle();
      const request = store.get(-Infinity);
      request.onsuccess = spin;
      request.onerror = () => reject(request.error ?? new Error('The database stopped answering while a row was being sealed.'));
    };
    spin();
  });
}

/** The clear part of a row: only the named key paths ('content.residentId' keeps content.residentId). */
function clearPart(row: Row, paths: readonly string[]): Row {
  const clear: Row = {};
  for (const path of paths) {
    const parts = path.split('.');
    let from: unknown = row;
    for (const part of parts) from = typeof from === 'object' && from !== null ? (from as Row)[part] : undefined;
    if (from === undefined) continue;
    let into = clear;
    parts.slice(0, -1).forEach((part) => (into = (into[part] ??= {}) as Row));
    into[parts.at(-1) as string] = from;
  }
  return clear;
}

function sealedTable(table: DBCoreTable, key: DataKey, paths: readonly string[]): DBCoreTable {
  const name = table.name;
  const sealRow = async (row: Row): Promise<Row> => ({ ...clearPart(row, paths), [SEALED]: await seal(key, name, row) });
  const openRow = async (row: unknown): Promise<unknown> => (isSealed(row) ? open(key, name, row[SEALED]) : row);
  const openAll = (rows: readonly unknown[]) => Promise.all(rows.map(openRow));

  return {
    ...table,
    async mutate(req) {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      const values = await keepOpen(req.trans, name, Promise.all((req.values as Row[]).map(sealRow)));
      return table.mutate({ ...req, values });
    },
    async get(req) {
      const row = await table.get(req);
      return isSealed(row) ? keepOpen(req.trans, name, openRow(row)) : row;
    },
    async getMany(req) {
      const rows = await table.getMany(req);
      return rows.some(isSealed) ? keepOpen(req.trans, name, openAll(rows)) : rows;
    },
    async query(req) {
      const found = await table.query(req);
      if (!req.values || !found.result.some(isSealed)) return found;
      return { ...found, result: await keepOpen(req.trans, name, openAll(found.result)) };
    },
    async openCursor(req) {
      const cursor = await table.openCursor(req);
      if (!cursor || !req.values) return cursor;
      return openingCursor(cursor, req.trans, name, openRow);
    },
  };
}

/** A cursor whose value is the opened row: each step waits for its row before going on. */
function openingCursor(cursor: DBCoreCursor, trans: DBCoreTransaction, name: string, openRow: (row: unknown) => Promise<unknown>): DBCoreCursor {
  let current: unknown;
  const opening: DBCoreCursor = Object.create(cursor) as DBCoreCursor;
  // IndexedDB's own getters refuse any `this` but the cursor itself, so the keys are passed on.
  Object.defineProperties(opening, {
    value: { get: () => current },
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
  });
  opening.start = (onNext) =>
    cursor.start(() => {
      const raw: unknown = cursor.value;
      const step = () => {
        try {
          onNext();
        } catch (error) {
          cursor.fail(error instanceof Error ? error : new Error(String(error)));
        }
      };
      if (!isSealed(raw)) {
        current = raw;
        return step();
      }
      keepOpen(trans, name, openRow(raw)).then(
        (row) => {
          current = row;
          step();
        },
        (error: unknown) => cursor.fail(error instanceof Error ? error : new Error(String(error))),
      );
    });
  return opening;
}

/** Seals the named tables of `db` under `key`. Call before the database is opened. */
export function sealTables(db: Dexie, key: DataKey, clearPaths: ClearPaths): void {
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'civicdesk-sealed-rows',
    // Below Dexie's own middlewares (the lowest is -1), so hooks, caches and live queries see plain rows.
    level: -2,
    create: (down) => ({
      ...down,
      table(tableName) {
        const table = down.table(tableName);
        const paths = clearPaths[tableName];
        return paths ? sealedTable(table, key, paths) : table;
      },
    }),
  };
  db.use(middleware);
}
