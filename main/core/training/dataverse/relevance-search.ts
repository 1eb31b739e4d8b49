import { compileFilter, type RowTest } from './odata-filter';
import { badQuery, notSupportedHere, ODataError } from './odata-error';
import type { StandInRow } from './rows-people';
import type { Caller } from './security-roles';
import type { StoredTable, TrainingStore } from './store';

/**
 * Dataverse search's query operation (the relevance search API), as Microsoft documents it in
 * "Dataverse Search query" (learn.microsoft.com/power-apps/developer/data-platform/search/query):
 * POST [Organization URI]/api/search/v2.0/query with `search` (required, 1 to 100 characters),
 * `entities` (a JSON *string* of [{name, selectColumns, searchColumns, filter}]), `filter`,
 * `options` (a serialised dictionary: querytype simple or lucene, searchmode any or all),
 * `orderby`, `facets`, `count`, `skip` and `top` (50 by default, at most 100). The answer is
 * {"response": "<JSON as a string>"} holding Error, Value [{Id, EntityName, ObjectTypeCode,
 * Attributes, Highlights, Score}], Facets, QueryContext and Count (-1 unless count was asked).
 *
 * What the stand-in models: the simple syntax's terms with `+` (must), `-` (must not) and a
 * trailing `*` (prefix); with querytype lucene also `term~` and `term~1` (fuzzy, at most two
 * slips, as Lucene allows), AND, OR and NOT; searchmode any (the default: any term) or all.
 * Only the tables enabled for search are searched (here the contact table, as an
 * administrator enables it for CivicDesk), and only over the columns in their Quick Find view:
 * a column outside it is not searchable, so asking for it is refused. Rows the caller may not
 * read are left out, as Dataverse search trims results by the caller's security roles.
 * Phrases, grouping, regular expressions, boosts, facets and orderby are not modelled and are
 * refused as such (501), never silently ignored.
 */
export const SEARCH_QUERY_PATH = '/api/search/v2.0/query';

/** Dataverse search's own limits, from the page above. */
export const SEARCH_LIMITS = { longestSearch: 100, defaultTop: 50, mostTop: 100, mostFuzzyEdits: 2 } as const;

/** A table Dataverse search is enabled for, with its Quick Find view's find columns. */
export interface SearchableTable {
  entitySet: string;
  /** The object type code the answer names (contact is 2). */
  objectTypeCode: number;
  /** The Quick Find view's find columns: only these can be searched. */
  findColumns: readonly string[];
  /** The Quick Find view's view columns: indexed too, so search can return them. */
  viewColumns?: readonly string[];
}

export interface RelevanceSearchDeps {
  store: TrainingStore;
  /** Off (null) when Dataverse search is not switched on for the environment. */
  searchable: () => ReadonlyMap<string, SearchableTable> | null;
  origin: () => string;
}

/** The parameters the searchquery message takes; anything else is refused as OData refuses an action's unknown parameter. */
const PARAMETERS = new Set(['search', 'entities', 'filter', 'options', 'orderby', 'facets', 'count', 'skip', 'top', 'propertybag']);

interface SearchEntity {
  table: StoredTable;
  searchable: SearchableTable;
  selectColumns: string[];
  searchColumns: string[];
  filter: RowTest | null;
}

type TermKind = 'exact' | 'prefix' | 'fuzzy';
interface Term {
  word: string;
  kind: TermKind;
  edits: number;
  must: boolean;
  mustNot: boolean;
}

/** Lower case, accents off, split into words: how an index's standard analyser sees text. */
export function analysedWords(text: string): string[] {
  // Most names are plain ASCII: no accents to take off, a cheaper split (building the index at borough scale).
  const folded = /^[\x20-\x7e]*$/.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/** Optimal string alignment distance (a swap counts once, as Lucene's fuzzy query counts it), giving up past `most`. */
export function editDistance(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = new Array<number>(width).fill(0);
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
      best = Math.min(best, value);
    }
    if (best > most) return most + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? most + 1;
}

function parseOptions(raw: unknown): { lucene: boolean; all: boolean } {
  if (raw === undefined || raw === null || raw === 'null') return { lucene: false, all: false };
  if (typeof raw !== 'string') throw badQuery("The 'options' parameter must be a string: a serialised dictionary such as \"{'querytype': 'lucene'}\".");
  let options: unknown;
  try {
    // Microsoft's own examples write it with single quotes.
    options = JSON.parse(raw.replaceAll("'", '"'));
  } catch {
    throw badQuery(`The 'options' value '${raw}' is not a serialised dictionary.`);
  }
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw badQuery(`The 'options' value '${raw}' is not a serialised dictionary.`);
  const entries = Object.fromEntries(Object.entries(options).map(([key, value]) => [key.toLowerCase(), String(value).toLowerCase()]));
  const querytype = entries.querytype ?? 'simple';
  const searchmode = entries.searchmode ?? 'any';
  if (querytype !== 'simple' && querytype !== 'lucene') throw badQuery(`The querytype '${querytype}' is not valid: use simple or lucene.`);
  if (searchmode !== 'any' && searchmode !== 'all') throw badQuery(`The searchmode '${searchmode}' is not valid: use any or all.`);
  return { lucene: querytype === 'lucene', all: searchmode === 'all' };
}

function parseTerms(search: string, lucene: boolean): Term[] {
  if (/["()[\]{}^/]/.test(search.replace(/\\./g, ''))) throw notSupportedHere('phrases, grouping, boosts or regular expressions in a Dataverse search');
  const terms: Term[] = [];
  let nextMust = false;
  let nextNot = false;
  for (const token of search.split(/\s+/).filter(Boolean)) {
    if (token === '|' || (lucene && (token === 'OR' || token === '||'))) continue;
    if (lucene && (token === 'AND' || token === '&&')) {
      nextMust = true;
      const last = terms[terms.length - 1];
      if (last) last.must = true;
      continue;
    }
    if (lucene && (token === 'NOT' || token === '!')) {
      nextNot = true;
      continue;
    }
    let body = token;
    let must = nextMust;
    let mustNot = nextNot;
    nextMust = false;
    nextNot = false;
    if (body.startsWith('+')) [body, must] = [body.slice(1), true];
    else if (body.startsWith('-')) [body, mustNot] = [body.slice(1), true];
    let kind: TermKind = 'exact';
    let edits = 0;
    const fuzzy = /~(\d*)$/.exec(body);
    if (fuzzy && lucene) {
      edits = fuzzy[1] === '' ? SEARCH_LIMITS.mostFuzzyEdits : Number(fuzzy[1]);
      if (edits > SEARCH_LIMITS.mostFuzzyEdits) throw badQuery(`A fuzzy search allows at most ${SEARCH_LIMITS.mostFuzzyEdits} edits: '${body}'.`);
      kind = 'fuzzy';
      body = body.slice(0, fuzzy.index);
    } else if (body.endsWith('*')) {
      kind = 'prefix';
      body = body.slice(0, -1);
    }
    // An escaped special character is part of the word; the analyser then splits on it like any punctuation.
    for (const word of analysedWords(body.replace(/\\(.)/g, '$1'))) terms.push({ word, kind, edits, must, mustNot });
  }
  return terms;
}

/** How well a term matches one word: 1 exact, less for a prefix or each slip; 0 not at all. */
function termScore(term: Term, word: string): number {
  if (word === term.word) return 1;
  if (term.kind === 'prefix' && word.startsWith(term.word)) return 0.8;
  if (term.kind === 'fuzzy') {
    const distance = editDistance(term.word, word, term.edits);
    if (distance <= term.edits) return 0.7 / distance;
  }
  return 0;
}

function parseEntities(raw: unknown, store: TrainingStore, enabled: ReadonlyMap<string, SearchableTable>): SearchEntity[] {
  if (raw === undefined || raw === null || raw === 'null') {
    return [...enabled.entries()].flatMap(([, searchable]) => {
      const table = store.table(searchable.entitySet);
      return table ? [{ table, searchable, selectColumns: [], searchColumns: [], filter: null }] : [];
    });
  }
  if (typeof raw !== 'string') throw badQuery("The 'entities' parameter must be a string holding a JSON array of search entities.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badQuery("The 'entities' value is not a JSON array of search entities.");
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw badQuery("The 'entities' value is not a JSON array of search entities.");
  return parsed.map((item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw badQuery('Each search entity must be an object with a name.');
    // Microsoft's examples spell the fields both ways (name and Name): they are read either way.
    const field = (name: string): unknown => Object.entries(item).find(([key]) => key.toLowerCase() === name)?.[1];
    const name = field('name');
    if (typeof name !== 'string' || name === '') throw badQuery('A search entity has no name.');
    const searchable = enabled.get(name.toLowerCase());
    const table = searchable ? store.table(searchable.entitySet) : undefined;
    if (!searchable || !table) throw badQuery(`The table '${name}' is not enabled for Dataverse search in this environment.`);
    const columns = (key: string): string[] => {
      const value = field(key.toLowerCase());
      if (value === undefined || value === null) return [];
      if (!Array.isArray(value) || value.some((column) => typeof column !== 'string')) throw badQuery(`'${key}' must be a list of column names.`);
      for (const column of value as string[]) {
        if (!(column in table.definition.columns)) throw badQuery(`The column '${column}' is not in the table '${name}'.`);
      }
      return value as string[];
    };
    const searchColumns = columns('searchColumns');
    for (const column of searchColumns) {
      if (!searchable.findColumns.includes(column)) throw badQuery(`The column '${column}' of '${name}' is not searchable: add it to the table's Quick Find view's find columns.`);
    }
    const filter = field('filter');
    if (filter !== undefined && filter !== null && typeof filter !== 'string') throw badQuery(`The filter of '${name}' must be a string.`);
    return { table, searchable, selectColumns: columns('selectColumns'), searchColumns, filter: typeof filter === 'string' && filter.trim() ? compileFilter(filter, table.definition) : null };
  });
}

function integer(raw: unknown, name: string, fallback: number): number {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) throw badQuery(`The '${name}' parameter must be a whole number, 0 or more.`);
  return raw;
}

/** A table's searchable column as an index holds it: each distinct word, and the rows it is in. */
interface WordIndex {
  /** The table as indexed: its row count, removals and newest row version, so any change is noticed. */
  stamp: string;
  postings: Map<string, string[]>;
}

const indexes = new WeakMap<StoredTable, Map<string, WordIndex>>();

function stampOf(table: StoredTable): string {
  let newest = 0;
  for (const row of table.rows.values()) if (row.version > newest) newest = row.version;
  return `${table.rows.size}:${table.removed.length}:${newest}`;
}

/**
 * The words of one column, built when first needed and again only after the table changes (as
 * Dataverse search's index catches up). `stamp` is the table's stampOf, worked out once by the
 * caller for all the columns it asks for (it reads every row).
 */
function wordIndex(table: StoredTable, column: string, stamp: string): WordIndex {
  const forTable = indexes.get(table) ?? new Map<string, WordIndex>();
  indexes.set(table, forTable);
  const existing = forTable.get(column);
  if (existing?.stamp === stamp) return existing;
  const postings = new Map<string, string[]>();
  for (const [id, stored] of table.rows) {
    const text = stored.values[column];
    if (typeof text !== 'string') continue;
    for (const word of new Set(analysedWords(text))) {
      const ids = postings.get(word);
      if (ids) ids.push(id);
      else postings.set(word, [id]);
    }
  }
  const built = { stamp, postings };
  forTable.set(column, built);
  return built;
}

/**
 * Builds the index of each searchable table's find columns ahead of the first query, one column
 * per call (true while there is more): Dataverse search keeps its index as rows change, so its
 * first query does not wait for one to be built. The stand-in calls this while idle.
 */
export function indexSome(store: TrainingStore, searchable: ReadonlyMap<string, SearchableTable> | null): boolean {
  for (const table of searchable?.values() ?? []) {
    const stored = store.table(table.entitySet);
    if (!stored) continue;
    const forTable = indexes.get(stored);
    const stamp = stampOf(stored);
    const missing = table.findColumns.find((column) => column in stored.definition.columns && forTable?.get(column)?.stamp !== stamp);
    if (missing) {
      wordIndex(stored, missing, stamp);
      return true;
    }
  }
  return false;
}

/** The row's value as Dataverse search returns an attribute: text, numbers and dates as they are. */
function attributeValue(row: StandInRow, column: string): unknown {
  return row[column] ?? null;
}

function highlight(value: string, terms: readonly Term[]): string | null {
  let hit = false;
  const marked = value.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const [analysed] = analysedWords(word);
    if (analysed && terms.some((term) => !term.mustNot && termScore(term, analysed) > 0)) {
      hit = true;
      return `{crmhit}${word}{/crmhit}`;
    }
    return word;
  });
  return hit ? marked : null;
}

export function relevanceSearch(deps: RelevanceSearchDeps, method: string, body: string, caller: Caller | null): { status: number; body: unknown } {
  if (method !== 'POST') throw new ODataError(405, '0x80060888', 'The search query must be a POST.');
  const enabled = deps.searchable();
  // Microsoft documents no code for this; the words say what an administrator must do.
  if (!enabled) throw new ODataError(400, '0x80048d0b', 'Dataverse search is not enabled for this environment. An administrator turns it on in the Power Platform admin center (Settings, Product, Features, Dataverse search).');
  let request: unknown;
  try {
    request = JSON.parse(body);
  } catch {
    throw badQuery('The request body is not JSON.');
  }
  if (request === null || typeof request !== 'object' || Array.isArray(request)) throw badQuery('The request body must be a JSON object.');
  const parameters = request as Record<string, unknown>;
  for (const name of Object.keys(parameters)) {
    if (!PARAMETERS.has(name)) throw badQuery(`The parameter '${name}' in the request payload is not a valid parameter for the operation 'searchquery'.`);
  }
  const { search } = parameters;
  if (typeof search !== 'string' || search.trim().length === 0) throw badQuery("The 'search' parameter is required: the text to search with, at least one character.");
  if (search.length > SEARCH_LIMITS.longestSearch) throw badQuery(`The search text is ${search.length} characters long; Dataverse search takes at most ${SEARCH_LIMITS.longestSearch}.`);
  const top = integer(parameters.top, 'top', SEARCH_LIMITS.defaultTop);
  if (top > SEARCH_LIMITS.mostTop) throw badQuery(`The 'top' parameter is ${top}; Dataverse search returns at most ${SEARCH_LIMITS.mostTop} results at a time.`);
  const skip = integer(parameters.skip, 'skip', 0);
  if (parameters.count !== undefined && typeof parameters.count !== 'boolean') throw badQuery("The 'count' parameter must be true or false.");
  for (const unmodelled of ['facets', 'orderby'] as const) {
    const value = parameters[unmodelled];
    if (value !== undefined && value !== null && value !== 'null' && value !== '' && value !== '[]') throw notSupportedHere(`'${unmodelled}' in a Dataverse search`);
  }
  const { lucene, all } = parseOptions(parameters.options);
  const terms = parseTerms(search, lucene);
  const entities = parseEntities(parameters.entities, deps.store, enabled);
  const topFilter = parameters.filter;
  if (topFilter !== undefined && topFilter !== null && typeof topFilter !== 'string') throw badQuery("The 'filter' parameter must be a string.");

  const positive = terms.filter((term) => !term.mustNot);
  const found: { entity: SearchEntity; id: string; row: StandInRow; score: number; columns: readonly string[] }[] = [];
  for (const entity of entities) {
    const { definition } = entity.table;
    // Dataverse search trims results to what the caller may read.
    if (caller && !caller.may(definition.logicalName, 'read')) continue;
    const shared = typeof topFilter === 'string' && topFilter.trim() ? compileFilter(topFilter, definition) : null;
    const columns = entity.searchColumns.length > 0 ? entity.searchColumns : [definition.primaryName];
    // Each term against the index's distinct words, not every row: a borough's 320,000 contacts
    // share a few thousand names, and the stand-in answers on the training host's own thread.
    const stamp = stampOf(entity.table);
    const columnIndexes = columns.map((column) => wordIndex(entity.table, column, stamp).postings);
    const bestByTerm = terms.map((term) => {
      const best = new Map<string, number>();
      for (const postings of columnIndexes) {
        for (const [word, ids] of postings) {
          const score = termScore(term, word);
          if (score === 0) continue;
          for (const id of ids) if ((best.get(id) ?? 0) < score) best.set(id, score);
        }
      }
      return best;
    });
    const candidates = new Set<string>();
    terms.forEach((term, index) => {
      if (!term.mustNot) for (const id of bestByTerm[index]?.keys() ?? []) candidates.add(id);
    });
    for (const id of candidates) {
      const row = entity.table.rows.get(id)?.values;
      if (!row) continue;
      if (terms.some((term, index) => term.mustNot && bestByTerm[index]?.has(id))) continue;
      const scores = terms.flatMap((term, index) => (term.mustNot ? [] : [bestByTerm[index]?.get(id) ?? 0]));
      if (positive.some((term, index) => term.must && scores[index] === 0)) continue;
      const matched = scores.filter((score) => score > 0).length;
      if (matched === 0 || (all && matched < positive.length)) continue;
      if (entity.filter && !entity.filter(row)) continue;
      if (shared && !shared(row)) continue;
      found.push({ entity, id, row, score: scores.reduce((sum, score) => sum + score, 0), columns });
    }
  }
  // By relevance; Dataverse orders equal scores at random, the stand-in by id so tests can rely on it.
  found.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const value = found.slice(skip, skip + top).map(({ entity, id, row, score, columns }) => {
    const select = entity.selectColumns.length > 0 ? entity.selectColumns : [entity.table.definition.primaryName];
    const highlights: Record<string, string[]> = {};
    for (const column of columns) {
      const text = row[column];
      const marked = typeof text === 'string' ? highlight(text, terms) : null;
      if (marked) highlights[column] = [marked];
    }
    return {
      Id: id,
      EntityName: entity.table.definition.logicalName,
      ObjectTypeCode: entity.searchable.objectTypeCode,
      Attributes: { '@search.objecttypecode': entity.searchable.objectTypeCode, ...Object.fromEntries(select.map((column) => [column, attributeValue(row, column)])) },
      Highlights: highlights,
      Score: Math.round(score * 1e6) / 1e6,
    };
  });
  const response = { Error: null, Value: value, Facets: {}, QueryContext: null, Count: parameters.count === true ? found.length : -1 };
  return { status: 200, body: { '@odata.context': `${deps.origin()}/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.searchqueryResponse`, response: JSON.stringify(response) } };
}

/**
 * Dataverse search's status (GET /api/data/v9.2/searchstatus), as "Dataverse Search statistics
 * and status" documents it: `response` is a JSON string whose `value` has the environment's
 * `status` (notprovisioned, provisioninginprogress, provisioned) and, once provisioned, each
 * table in the index with its indexed columns (`searchableindexedfieldinfomap`). The index
 * field names are the stand-in's own; Dataverse makes up short ones ('a_0', 'd_0').
 */
export function searchStatus(searchable: ReadonlyMap<string, SearchableTable> | null, store: TrainingStore, origin: string): Record<string, unknown> {
  const entitystatusresults = [...(searchable ?? new Map<string, SearchableTable>()).entries()].flatMap(([logicalName, table]) => {
    const stored = store.table(table.entitySet);
    if (!stored) return [];
    const { definition } = stored;
    const indexed = [definition.key, ...table.findColumns, ...(table.viewColumns ?? []), 'statecode', 'createdon', 'modifiedon'].filter((column, index, all) => column in definition.columns && all.indexOf(column) === index);
    return [
      {
        entitylogicalname: logicalName,
        objecttypecode: String(table.objectTypeCode),
        primarynamefield: definition.primaryName,
        lastdatasynctimestamp: `${store.currentVersion()}!${new Date().toISOString().slice(0, 19).replace('T', ' ')}`,
        lastprincipalobjectaccesssynctimestamp: '0!',
        entitystatus: 'EntitySyncComplete',
        searchableindexedfieldinfomap: Object.fromEntries(indexed.map((column, index) => [column, { indexfieldname: `f_${index}` }])),
      },
    ];
  });
  const value = searchable
    ? { status: 'provisioned', lockboxstatus: 'Disabled', cmkstatus: 'Disabled', entitystatusresults, manytomanyrelationshipsyncstatus: [] }
    : { status: 'notprovisioned', lockboxstatus: 'Unknown', cmkstatus: 'Unknown', entitystatusresults: [], manytomanyrelationshipsyncstatus: [] };
  return { '@odata.context': `${origin}/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.searchstatusResponse`, response: JSON.stringify({ value }) };
}
