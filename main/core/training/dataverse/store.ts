import { randomUUID } from 'node:crypto';
import { doesNotExist, ODataError, unknownProperty } from './odata-error';
import type { StandInRow } from './rows-people';
import type { TableDefinition } from './schema';

export interface StoredRow {
  values: StandInRow;
  /** Like Dataverse's row version: every change to any row takes the next number. */
  version: number;
}

/**
 * Rows a table starts with, made only when first needed (or a slice at a time while the
 * stand-in is idle): a borough's contact history is over two million rows, which no page of
 * the directory needs. `count` is known up front so each row keeps the version it would have
 * had made at once.
 */
export interface SeedRows {
  count: number;
  rows(): Iterable<StandInRow>;
  /**
   * One seed row by its key (`column`, lower case), without making the rest, for seeds that
   * hold their rows already: a lookup's name (a quality review's call, in the Team history)
   * must not make the two million rows before it. Undefined when it cannot tell.
   */
  find?(column: string, id: string): StandInRow | undefined;
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
  /** Makes up to `rows` more of the seed rows still waiting; true while some still wait. */
  fillSome(rows: number): boolean;
}

const NONE: ReadonlySet<string> = new Set();

interface Waiting {
  source: SeedRows;
  rows: Iterator<StandInRow>;
  version: number;
  left: number;
  make(values: StandInRow, version: number): [string, StoredRow];
}

class Table implements StoredTable {
  private readonly stored = new Map<string, StoredRow>();
  private readonly gone: { id: string; version: number }[] = [];
  // Sorting a borough's contacts for every page would be slow; the order only changes when a row comes or goes.
  private ordered: [string, StoredRow][] | null = null;
  private waiting: Waiting | null = null;

  constructor(readonly definition: TableDefinition) {}

  get rows(): Map<string, StoredRow> {
    this.whole();
    return this.stored;
  }

  get removed() {
    this.whole();
    return this.gone;
  }

  /** Seed rows to make later, numbered from `version` + 1 as they would have been now. */
  later(source: SeedRows, version: number, make: Waiting['make']) {
    this.waiting = { source, rows: source.rows()[Symbol.iterator](), version, left: source.count, make };
  }

  /** Makes up to `limit` waiting seed rows; true while some still wait. */
  fill(limit: number): boolean {
    const waiting = this.waiting;
    if (!waiting) return false;
    for (let made = 0; made < limit; made += 1) {
      const next = waiting.rows.next();
      if (next.done) break;
      waiting.left -= 1;
      const [id, row] = waiting.make(next.value, (waiting.version += 1));
      this.stored.set(id, row);
      for (const [column, index] of this.lookups) this.index(index, row.values[column], id, true);
    }
    this.ordered = null;
    if (waiting.left > 0 && limit !== Infinity) return true;
    this.waiting = null;
    // The versions after this table's were given out when the store was made: a count that does not match would reuse them.
    if (waiting.left !== 0 || !waiting.rows.next().done) throw new Error(`The seed rows of ${this.definition.entitySet} are not as many as promised.`);
    return false;
  }

  waits(): boolean {
    return this.waiting !== null;
  }

  /**
   * A row's values for reading one column: made already, or found in seeds still waiting
   * (unchanged, since any write to a table makes all of its rows first); else all are made.
   */
  peek(id: string): StandInRow | undefined {
    const made = this.stored.get(id);
    if (made || !this.waiting) return made?.values;
    const seed = this.waiting.source.find?.(this.definition.key, id);
    return seed ?? this.rows.get(id)?.values;
  }

  private whole() {
    if (this.waiting) this.fill(Infinity);
  }

  // A resident's contacts out of 60,000 are found by their lookup, not by reading every row:
  // each lookup column asked about gets an index, built on first use and kept up to date.
  private readonly lookups = new Map<string, Map<string, Set<string>>>();

  inKeyOrder() {
    this.whole();
    return (this.ordered ??= [...this.stored.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  withLookup(column: string, id: string): ReadonlySet<string> {
    this.whole();
    let index = this.lookups.get(column);
    if (!index) {
      this.lookups.set(column, (index = new Map()));
      for (const [key, row] of this.stored) this.index(index, row.values[column], key, true);
    }
    return index.get(id.toLowerCase()) ?? NONE;
  }

  put(id: string, row: StoredRow) {
    this.whole();
    const before = this.stored.get(id);
    if (!before) this.ordered = null;
    this.reindex(id, before?.values ?? null, row.values);
    this.stored.set(id, row);
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
    this.whole();
    this.unindex(id);
    if (this.stored.delete(id)) this.ordered = null;
  }

  delete(id: string, version: number) {
    this.whole();
    this.unindex(id);
    if (!this.stored.delete(id)) return false;
    this.gone.push({ id, version });
    this.ordered = null;
    return true;
  }

  private unindex(id: string) {
    const row = this.stored.get(id);
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
export function createStore(definitions: readonly TableDefinition[], rows: ReadonlyMap<string, readonly StandInRow[] | SeedRows>): TrainingStore {
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

  const make = (definition: TableDefinition) => (values: StandInRow, rowVersion: number): [string, StoredRow] => [String(values[definition.key]).toLowerCase(), { values: complete(definition, checked(definition, values)), version: rowVersion }];
  for (const definition of definitions) {
    const table = new Table(definition);
    const seed = rows.get(definition.entitySet) ?? [];
    if ('count' in seed) {
      table.later(seed, version, make(definition));
      version += seed.count;
    } else for (const values of seed) table.put(...make(definition)(values, (version += 1)));
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
      const name = table?.peek(id.toLowerCase())?.[table.definition.primaryName];
      return typeof name === 'string' ? name : undefined;
    },
    fillSome(limit) {
      const next = [...tables.values()].find((table) => table.waits());
      if (next) next.fill(limit);
      return [...tables.values()].some((table) => table.waits());
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
