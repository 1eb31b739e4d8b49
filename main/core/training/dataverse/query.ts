import { readAggregate } from './apply';
import { compileFilter } from './odata-filter';
import { badQuery, doesNotExist, notSupportedHere, notWithChangeTracking, unknownProperty } from './odata-error';
import { FORMATTED_VALUE, formattedValue, wantsFormattedValues } from './formatted';
import { deltaToken, pagePosition, skipToken, versionOfDeltaToken, type PagePosition } from './paging';
import type { Preferences } from './preferences';
import type { StandInRow } from './rows-people';
import type { StoredRow, StoredTable, TrainingStore } from './store';

export interface ReadContext {
  store: TrainingStore;
  /** 'https://127.0.0.1:PORT/api/data/v9.2/' */
  baseUrl: string;
  preferences: Preferences;
  /** The most rows the stand-in sends in one page, whatever is asked (Dataverse: 5,000). */
  largestPage: number;
  /** The most rows an $apply may aggregate (Dataverse: 50,000). */
  aggregateLimit: number;
}

export interface ReadResult {
  body: Record<string, unknown>;
  /** For the Preference-Applied header. */
  applied: string[];
}

const KNOWN_OPTIONS = new Set(['$select', '$filter', '$orderby', '$top', '$count', '$skiptoken', '$deltatoken', '$apply']);
const NOT_WITH_CHANGE_TRACKING = ['$filter', '$orderby', '$expand', '$top'];

function columnsOf(table: StoredTable, params: URLSearchParams): string[] {
  const { definition } = table;
  const select = params.get('$select');
  const columns = select ? select.split(',').map((each) => each.trim()) : Object.keys(definition.columns);
  for (const column of columns) if (!(column in definition.columns)) throw unknownProperty(column, definition.logicalName);
  // Dataverse always sends the primary key.
  return columns.includes(definition.key) ? columns : [...columns, definition.key];
}

function shape(context: ReadContext, table: StoredTable, row: StoredRow, columns: readonly string[]): StandInRow {
  const out: StandInRow = { '@odata.etag': `W/"${row.version}"` };
  const annotate = wantsFormattedValues(context.preferences.includeAnnotations);
  for (const column of columns) {
    const value = row.values[column] ?? null;
    const definition = table.definition.columns[column];
    const text = annotate && definition ? formattedValue(definition, value, context.store.nameOf) : undefined;
    if (text !== undefined) out[`${column}@${FORMATTED_VALUE}`] = text;
    out[column] = value;
  }
  return out;
}

function applied(context: ReadContext, pageSize: number | undefined): string[] {
  const list: string[] = [];
  if (context.preferences.includeAnnotations !== undefined) list.push(`odata.include-annotations="${context.preferences.includeAnnotations}"`);
  if (pageSize !== undefined) list.push(`odata.maxpagesize=${pageSize}`);
  return list;
}

function sortBy(orderby: string | null, table: StoredTable): (a: StoredRow, b: StoredRow) => number {
  const keys = (orderby ?? '').split(',').filter((each) => each.trim() !== '').map((each) => {
    const [column = '', direction = 'asc'] = each.trim().split(/\s+/);
    if (!(column in table.definition.columns)) throw unknownProperty(column, table.definition.logicalName);
    if (direction !== 'asc' && direction !== 'desc') throw badQuery(`'${direction}' is not asc or desc.`);
    return { column, sign: direction === 'asc' ? 1 : -1 };
  });
  keys.push({ column: table.definition.key, sign: 1 });
  return (a, b) => {
    for (const { column, sign } of keys) {
      const [x, y] = [a.values[column], b.values[column]];
      if (x === y) continue;
      // Nulls sort first, as in SQL Server.
      if (x === null || x === undefined) return -sign;
      if (y === null || y === undefined) return sign;
      return (String(x).toLowerCase() < String(y).toLowerCase() ? -1 : 1) * sign;
    }
    return 0;
  };
}

/** GET on an entity set: an ordinary query, a change-tracked full read, or a delta read. */
export function readCollection(context: ReadContext, table: StoredTable, params: URLSearchParams): ReadResult {
  // An aggregate takes no other option; readAggregate refuses each as Dataverse (or the stand-in) does.
  if (params.has('$apply')) return { body: readAggregate(context, table, params), applied: applied(context, undefined) };
  for (const name of params.keys()) {
    if (name === '$skip') throw badQuery('Dataverse does not support $skip: follow @odata.nextLink instead.');
    if (!KNOWN_OPTIONS.has(name)) throw notSupportedHere(`the ${name} query option`);
  }
  const columns = columnsOf(table, params);
  const skiptoken = params.get('$skiptoken');
  const position: PagePosition | null = skiptoken ? pagePosition(skiptoken) : null;
  const deltaTokenParam = params.get('$deltatoken');
  const tracking = position ? position.mode !== 'query' : context.preferences.trackChanges || deltaTokenParam !== null;
  if (tracking) {
    for (const option of NOT_WITH_CHANGE_TRACKING) {
      if (params.has(option)) throw notWithChangeTracking(option);
    }
    if (!table.definition.tracked) throw badQuery(`Change tracking is not enabled for ${table.definition.logicalName}.`);
  }
  const pageSize = Math.min(context.preferences.maxPageSize ?? context.largestPage, context.largestPage);
  const honoured = context.preferences.maxPageSize !== undefined && context.preferences.maxPageSize <= 5000 ? context.preferences.maxPageSize : undefined;
  const metadataContext = `${context.baseUrl}$metadata#${table.definition.entitySet}${params.has('$select') ? `(${params.get('$select')})` : ''}`;
  const nextLink = (next: PagePosition) => {
    const kept = [...params.entries()].filter(([name]) => name !== '$skiptoken').map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
    return `${context.baseUrl}${table.definition.entitySet}?${[...kept, `$skiptoken=${skipToken(next)}`].join('&')}`;
  };
  const deltaLink = (upto: number) => {
    const select = params.has('$select') ? `$select=${encodeURIComponent(params.get('$select') ?? '')}&` : '';
    return `${context.baseUrl}${table.definition.entitySet}?${select}$deltatoken=${encodeURIComponent(deltaToken(upto))}`;
  };

  if (tracking && (deltaTokenParam !== null || position?.mode === 'delta')) {
    const since = position?.mode === 'delta' ? position.since : versionOfDeltaToken(deltaTokenParam ?? '');
    const upto = position?.mode === 'delta' ? position.upto : context.store.currentVersion();
    const after = position?.mode === 'delta' ? position.after : since;
    const changes = [
      ...[...table.rows.values()].filter((row) => row.version > after && row.version <= upto).map((row) => ({ version: row.version, row })),
      ...table.removed.filter((gone) => gone.version > after && gone.version <= upto).map((gone) => ({ version: gone.version, id: gone.id })),
    ].sort((a, b) => a.version - b.version);
    const page = changes.slice(0, pageSize);
    const value = page.map((change) =>
      'row' in change ? shape(context, table, change.row, columns) : { '@odata.context': `${context.baseUrl}$metadata#${table.definition.entitySet}/$deletedEntity`, id: change.id, reason: 'deleted' },
    );
    const last = page.at(-1);
    const more = changes.length > page.length && last;
    const body: Record<string, unknown> = { '@odata.context': `${metadataContext}/$delta`, value };
    if (more) body['@odata.nextLink'] = nextLink({ mode: 'delta', since, upto, after: last.version });
    else body['@odata.deltaLink'] = deltaLink(upto);
    return { body, applied: applied(context, honoured) };
  }

  if (tracking) {
    const upto = position?.mode === 'tracked' ? position.upto : context.store.currentVersion();
    const after = position?.mode === 'tracked' ? position.after : '';
    const ordered = table.inKeyOrder();
    const page: [string, StoredRow][] = [];
    let more = false;
    for (let i = firstAfter(ordered, after); i < ordered.length; i += 1) {
      const entry = ordered[i] as [string, StoredRow];
      if (entry[1].version > upto) continue;
      if (page.length === pageSize) {
        more = true;
        break;
      }
      page.push(entry);
    }
    const body: Record<string, unknown> = { '@odata.context': metadataContext, value: page.map(([, row]) => shape(context, table, row, columns)) };
    const last = page.at(-1);
    if (more && last) body['@odata.nextLink'] = nextLink({ mode: 'tracked', upto, after: last[0] });
    else body['@odata.deltaLink'] = deltaLink(upto);
    return { body, applied: [...applied(context, honoured), 'odata.track-changes'] };
  }

  const filter = params.get('$filter');
  const test = filter ? compileFilter(filter, table.definition) : () => true;
  // Every row the filter could match; the filter itself still decides.
  const ids = filter ? rowsToTry(filter, table) : null;
  const candidates = ids ? [...new Set(ids)].map((id) => table.rows.get(id)).filter((row): row is StoredRow => row !== undefined) : table.rows.values();
  let rows = [...candidates].filter((row) => test(row.values)).sort(sortBy(params.get('$orderby'), table));
  const count = rows.length;
  // Microsoft: with both $top and odata.maxpagesize, $top is ignored.
  const top = params.get('$top');
  if (top !== null && !/^\d+$/.test(top)) throw badQuery(`'${top}' is not a valid $top.`);
  if (top !== null && context.preferences.maxPageSize === undefined) rows = rows.slice(0, Number(top));
  const offset = position?.mode === 'query' ? position.offset : 0;
  const page = rows.slice(offset, offset + pageSize);
  const body: Record<string, unknown> = { '@odata.context': metadataContext, value: page.map((row) => shape(context, table, row, columns)) };
  if (params.get('$count') === 'true') body['@odata.count'] = Math.min(count, 5000);
  if (offset + page.length < rows.length) body['@odata.nextLink'] = nextLink({ mode: 'query', offset: offset + page.length });
  return { body, applied: applied(context, honoured) };
}

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The conditions joined by 'and' at the top level of a filter; null if 'or' joins any there. */
export function topLevelConditions(filter: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < filter.length; i += 1) {
    const character = filter[i];
    if (character === "'") quoted = !quoted;
    if (quoted) continue;
    if (character === '(') depth += 1;
    else if (character === ')') depth -= 1;
    else if (depth === 0 && character === ' ') {
      const word = /^ (and|or) /i.exec(filter.slice(i, i + 5));
      if (word?.[1]?.toLowerCase() === 'or') return null;
      if (word) {
        parts.push(filter.slice(start, i).trim());
        start = i + word[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(filter.slice(start).trim());
  return parts;
}

/**
 * The text columns the stand-in finds by an index rather than by reading every row: the phone
 * columns a screen-pop finds its caller by. Only how soon it answers changes, never what: the
 * answer is still exactly what reading every row gives (stand-in-lookups.test.ts).
 */
const INDEXED_TEXT = new Set(['mobilephone', 'telephone1']);

/**
 * The only rows a filter can match, found as Dataverse's indexes would find them: by a lookup
 * it requires ('_regardingobjectid_value eq <guid> and …'), by the keys it lists
 * ('(activityid eq <guid> or activityid eq <guid>)') or by the indexed text it lists
 * ("(mobilephone eq '07700 900123' or telephone1 eq '07700900123')"). Null when it needs
 * every row read.
 */
export function rowsToTry(filter: string, table: StoredTable): string[] | null {
  for (const condition of topLevelConditions(filter) ?? []) {
    const lookup = new RegExp(`^(_[a-z0-9_]+_value) eq (${GUID})$`, 'i').exec(condition);
    if (lookup?.[1] && lookup[2]) return [...table.withLookup(lookup[1], lookup[2])];
    const listed = (/^\((.*)\)$/.exec(condition)?.[1] ?? condition).split(/ or /i).map((each) => each.trim());
    const keys = listed.map((each) => new RegExp(`^\\(?${table.definition.key} eq (${GUID})\\)?$`, 'i').exec(each)?.[1]);
    if (keys.every((key) => key !== undefined)) return keys.map((key) => key.toLowerCase());
    const texts = listed.map((each) => {
      const [, column = '', text = ''] = /^([a-z0-9_]+) eq '((?:[^']|'')*)'$/i.exec(each) ?? [];
      return INDEXED_TEXT.has(column.toLowerCase()) ? { column: column.toLowerCase(), text: text.replaceAll("''", "'") } : null;
    });
    if (texts.every((each) => each !== null)) return texts.flatMap(({ column, text }) => [...table.withLookup(column, text)]);
  }
  return null;
}

/** The index of the first key after `after`, by halving: the keys are in order. */
function firstAfter(ordered: readonly [string, StoredRow][], after: string): number {
  let [low, high] = [0, ordered.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((ordered[middle]?.[0] ?? '') > after) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** GET on one row by its key. */
export function readOne(context: ReadContext, table: StoredTable, id: string, params: URLSearchParams): ReadResult {
  for (const name of params.keys()) if (name !== '$select') throw notSupportedHere(`the ${name} query option on a single row`);
  const row = table.rows.get(id.toLowerCase());
  if (!row) throw doesNotExist(table.definition.logicalName, id);
  const columns = columnsOf(table, params);
  const metadataContext = `${context.baseUrl}$metadata#${table.definition.entitySet}${params.has('$select') ? `(${params.get('$select')})` : ''}/$entity`;
  return { body: { '@odata.context': metadataContext, ...shape(context, table, row, columns) }, applied: applied(context, undefined) };
}
