import { randomUUID } from 'node:crypto';
import { doesNotExist, ODataError, unknownProperty } from './odata-error';
import type { StandInRow } from './rows-people';
import type { TableDefinition } from './schema';

export interface StoredRow {
  values: StandInRow;
  /** Like Dataverse's row version: every change to any row takes the next number. */
  version: number;
}

export interface StoredTable {
  readonly definition: TableDefinition;
  readonly rows: ReadonlyMap<string, StoredRow>;
  /** Deleted rows, kept so change tracking can report them. */
  readonly removed: readonly { id: string; version: number }[];
  /** Rows in key order, as change tracking pages them. */
  inKeyOrder(): readonly [string, StoredRow][];
  /** The ids of the rows whose lookup column holds this id, as Dataverse's index on a lookup would find them. */
  withLookup(column: string, id: string): ReadonlySet<string>;
}

export interface TrainingStore {
  table(entitySet: string): StoredTable | undefined;
  /** Every table, for the table definitions (EntityDefinitions) the stand-in answers with. */
  tables(): readonly StoredTable[];
  /** The version of the latest change; a delta token names one. */
  currentVersion(): number;
  create(entitySet: string, values: StandInRow): string;
  update(entitySet: string, id: string, values: StandInRow): void;
  remove(entitySet: string, id: string): void;
  /** The primary name of a row, for a lookup's formatted value. */
  nameOf(entitySet: string, id: string): string | undefined;
  /**
   * Runs `work` as one transaction, as Dataverse runs a change set: if it throws, every row
   * it created or changed is put back as it was, and the error goes on.
   */
  atomically<T>(work: () => T): T;
}

const NONE: ReadonlySet<string> = new Set();

class Table implements StoredTable {
  readonly rows = new Map<string, StoredRow>();
  readonly removed: { id: string; version: number }[] = [];
  // Sorting a borough's contacts for every page would be slow; the order only changes when a row comes or goes.
  private ordered: [string, StoredRow][] | null = null;

  constructor(readonly definition: TableDefinition) {}

  // A resident's contacts out of 60,000 are found by their lookup, not by reading every row:
  // each lookup column asked about gets an index, built on first use and kept up to date.
  private readonly lookups = new Map<string, Map<string, Set<string>>>();

  inKeyOrder() {
    return (this.ordered ??= [...this.rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  withLookup(column: string, id: string): ReadonlySet<string> {
    let index = this.lookups.get(column);
    if (!index) {
      this.lookups.set(column, (index = new Map()));
      for (const [key, row] of this.rows) this.index(index, row.values[column], key, true);
    }
    return index.get(id.toLowerCase()) ?? NONE;
  }

  put(id: string, row: StoredRow) {
    const before = this.rows.get(id);
    if (!before) this.ordered = null;
    this.reindex(id, before?.values ?? null, row.values);
    this.rows.set(id, row);
  }

  /** A row's values are changing from `before` to `after`: its lookups move with them. */
  reindex(id: string, before: StandInRow | null, after: StandInRow) {
    for (const [column, index] of this.lookups) {
      if (before?.[column] === after[column]) continue;
      if (before) this.index(index, before[column], id, false);
      this.index(index, after[column], id, true);
    }
  }

  /** Takes back a row made inside a failed transaction: it never existed, so change tracking does not hear of it. */
  forget(id: string) {
    this.unindex(id);
    if (this.rows.delete(id)) this.ordered = null;
  }

  delete(id: string, version: number) {
    this.unindex(id);
    if (!this.rows.delete(id)) return false;
    this.removed.push({ id, version });
    this.ordered = null;
    return true;
  }

  private unindex(id: string) {
    const row = this.rows.get(id);
    if (row) for (const [column, index] of this.lookups) this.index(index, row.values[column], id, false);
  }

  private index(index: Map<string, Set<string>>, value: unknown, id: string, add: boolean) {
    if (typeof value !== 'string') return;
    const key = value.toLowerCase();
    const ids = index.get(key);
    if (add) {
      if (ids) ids.add(id);
      else index.set(key, new Set([id]));
    } else ids?.delete(id);
  }
}

/**
 * The stand-in's tables in memory. Every row is checked against its table's columns as it
 * goes in, so the rows made from the training data cannot drift from the documented tables.
 */
export function createStore(definitions: readonly TableDefinition[], rows: ReadonlyMap<string, readonly StandInRow[]>): TrainingStore {
  let version = 0;
  // Undo steps for the transaction in progress, newest last; null outside one.
  let journal: (() => void)[] | null = null;
  const tables = new Map<string, Table>();
  const tableFor = (entitySet: string): Table => {
    const table = tables.get(entitySet);
    if (!table) throw new ODataError(404, '0x80060888', `Resource not found for the segment '${entitySet}'.`);
    return table;
  };
  const checked = (definition: TableDefinition, values: StandInRow): StandInRow => {
    for (const column of Object.keys(values)) if (!(column in definition.columns)) throw unknownProperty(column, definition.logicalName);
    return values;
  };
  // Dataverse sends null for a column with no value; every row has every column. Each row
  // starts as a copy of the table's blank row, so all rows share one shape: added a column at a
  // time, V8 would keep each of tens of thousands of rows as a hash table several times larger.
  const blanks = new Map<TableDefinition, StandInRow>();
  const complete = (definition: TableDefinition, values: StandInRow): StandInRow => {
    let blank = blanks.get(definition);
    if (!blank) blanks.set(definition, (blank = Object.fromEntries(Object.keys(definition.columns).map((column) => [column, null]))));
    const row: StandInRow = { ...blank };
    for (const column in values) row[column] = values[column] ?? null;
    return row;
  };

  for (const definition of definitions) {
    const table = new Table(definition);
    for (const values of rows.get(definition.entitySet) ?? []) {
      const id = String(values[definition.key]).toLowerCase();
      table.put(id, { values: complete(definition, checked(definition, values)), version: (version += 1) });
    }
    tables.set(definition.entitySet, table);
  }
  for (const entitySet of rows.keys()) if (!tables.has(entitySet)) throw new Error(`No table is defined for the rows of ${entitySet}.`);

  /**
   * As in Dataverse, every activity (a call, a visit, an email) also appears in
   * activitypointers, with the columns all activities share, kept up to date as it changes.
   */
  const POINTER = 'activitypointers';
  const mirrorActivity = (table: Table, id: string) => {
    const pointers = tables.get(POINTER);
    const row = table.rows.get(id);
    if (!pointers || table === pointers || table.definition.key !== 'activityid' || !row) return;
    const shared: StandInRow = {};
    for (const column of Object.keys(pointers.definition.columns)) if (column !== 'activitytypecode' && column in row.values) shared[column] = row.values[column];
    if (pointers.rows.has(id)) store.update(POINTER, id, shared);
    else store.create(POINTER, { ...shared, activitytypecode: table.definition.logicalName });
  };

  const store: TrainingStore = {
    table: (entitySet) => tables.get(entitySet),
    tables: () => [...tables.values()],
    currentVersion: () => version,
    create(entitySet, values) {
      const table = tableFor(entitySet);
      const { definition } = table;
      const id = String(values[definition.key] ?? randomUUID()).toLowerCase();
      if (table.rows.has(id)) throw new ODataError(412, '0x80040237', 'A record with matching key values already exists.');
      table.put(id, { values: complete(definition, { ...checked(definition, values), [definition.key]: id }), version: (version += 1) });
      journal?.push(() => table.forget(id));
      mirrorActivity(table, id);
      return id;
    },
    update(entitySet, id, values) {
      const table = tableFor(entitySet);
      const row = table.rows.get(id.toLowerCase());
      if (!row) throw doesNotExist(table.definition.logicalName, id);
      const before = { values: row.values, version: row.version };
      const after = { ...row.values, ...checked(table.definition, values) };
      table.reindex(id.toLowerCase(), row.values, after);
      row.values = after;
      row.version = version += 1;
      journal?.push(() => {
        table.reindex(id.toLowerCase(), row.values, before.values);
        row.values = before.values;
        row.version = before.version;
      });
      mirrorActivity(table, id.toLowerCase());
    },
    remove(entitySet, id) {
      const table = tableFor(entitySet);
      if (!table.delete(id.toLowerCase(), version + 1)) throw doesNotExist(table.definition.logicalName, id);
      version += 1;
    },
    nameOf(entitySet, id) {
      const table = tables.get(entitySet);
      const name = table?.rows.get(id.toLowerCase())?.values[table.definition.primaryName];
      return typeof name === 'string' ? name : undefined;
    },
    atomically(work) {
      if (journal) return work();
      const undoSteps: (() => void)[] = [];
      journal = undoSteps;
      const versionBefore = version;
      try {
        const result = work();
        journal = null;
        return result;
      } catch (error) {
        for (const undo of undoSteps.reverse()) undo();
        journal = null;
        version = versionBefore;
        throw error;
      }
    },
  };
  return store;
}
