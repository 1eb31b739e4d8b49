import { dataverseDateTime, type StandInRow } from './rows-people';
import { handleBatch } from './batch';
import { badQuery, doesNotExist, ODataError } from './odata-error';
import { parsePreferences } from './preferences';
import { readCollection, readOne, type ReadContext, type ReadResult } from './query';
import { AGGREGATE_LIMIT } from './apply';
import type { StoredTable, TrainingStore } from './store';
import { demand, type Caller } from './security-roles';
import { retrieveUserPrivileges } from './functions';
import { retrieveTotalRecordCount } from './record-count';
import { entityDefinitions } from './metadata';
import { validateWrite } from './validate';
import { relevanceSearch, SEARCH_QUERY_PATH, searchStatus, type SearchableTable } from './relevance-search';

export interface StandInRequest {
  method: string;
  /** Path and query as sent: '/api/data/v9.2/contacts?$select=…'. */
  target: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
}

export interface StandInResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Operations the request ran: a $batch's count, otherwise one. For the modelled execution time. */
  operations?: number;
}

export const API_PATH = '/api/data/v9.2/';
const SEGMENT = /^([A-Za-z_][A-Za-z0-9_]*)(?:\(([^)]*)\))?$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The fixed ids WhoAmI answers with: one organisation, one business unit, one user. */
const WHO_AM_I = {
  BusinessUnitId: '0000000a-0000-4000-8000-000000000001',
  UserId: '0000000a-0000-4000-8000-000000000002',
  OrganizationId: '0000000a-0000-4000-8000-000000000003',
};

/**
 * Answers one Web API request from the store, in Dataverse's shapes: OData headers,
 * Preference-Applied, errors as {"error":{"code","message"}}. The bearer check comes first,
 * as it does in front of the real service; faults and service protection limits are applied
 * around this by the server (stand-in.ts).
 */
export function createRequestHandler(deps: {
  store: TrainingStore;
  /** 'https://127.0.0.1:PORT' */
  origin: () => string;
  largestPage: number;
  /** The most rows an $apply may aggregate: Dataverse's 50,000 unless a test wants to reach it sooner. */
  aggregateLimit?: number;
  now: () => Date;
  /** Told how many rows each read sent to the client as rows (an $apply's aggregates are not rows). */
  served?: (entitySet: string, rows: number) => void;
  /** Whose token it is and what their security roles allow; null (or absent) is the integration user, who may do anything. */
  caller?: (authorization: string | undefined) => Caller | null;
  /** The tables Dataverse search is enabled for (relevance-search.ts); null or absent: search is off for the environment. */
  searchable?: () => ReadonlyMap<string, SearchableTable> | null;
}): (request: StandInRequest) => StandInResponse {
  const { store } = deps;
  const aggregateLimit = deps.aggregateLimit ?? AGGREGATE_LIMIT;
  const odata = { 'OData-Version': '4.0' };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}): StandInResponse => ({
    status,
    headers: { ...odata, 'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  });

  const bodyObject = (body: string): Record<string, unknown> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw badQuery('The request body is not JSON.');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw badQuery('The request body must be a JSON object.');
    return parsed as Record<string, unknown>;
  };

  /** A write's body as stored columns: bindings resolved to lookup ids, dates and times to Dataverse's precision. */
  const columnValues = (table: StoredTable, parsed: Record<string, unknown>): StandInRow => {
    const values: StandInRow = {};
    for (const [name, value] of Object.entries(parsed)) {
      if (!name.endsWith('@odata.bind')) {
        const column = table.definition.columns[name];
        // Dataverse keeps dates and times to the second, in UTC; one that is not a date and time is refused by validateWrite.
        values[name] = column?.type === 'datetime' && typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? dataverseDateTime(value) : value;
        continue;
      }
      const navigation = name.slice(0, -'@odata.bind'.length);
      const column = table.definition.bindings?.[navigation];
      if (!column) throw badQuery(`An undeclared property '${navigation}' which only has property annotations in the payload was found.`);
      const target = /\/?([A-Za-z_]+)\(([0-9a-f-]{36})\)$/i.exec(String(value));
      const lookupTable = target ? store.table(target[1] ?? '') : undefined;
      if (!target || !lookupTable) throw badQuery(`The @odata.bind value '${String(value)}' is not a record's address.`);
      const lookup = table.definition.columns[column];
      if (lookup?.type === 'lookup' && !lookup.targets.includes(lookupTable.definition.entitySet)) {
        const expected = store.table(lookup.target)?.definition.logicalName ?? lookup.target;
        throw badQuery(
          `A resource with type 'Microsoft.Dynamics.CRM.${lookupTable.definition.logicalName}' was found, but it is not assignable to the expected type 'Microsoft.Dynamics.CRM.${expected}'. The type specified in the resource must be equal to either the expected type or a derived type.`,
        );
      }
      if (!lookupTable.rows.has((target[2] ?? '').toLowerCase())) throw doesNotExist(lookupTable.definition.logicalName, target[2] ?? '');
      values[column] = (target[2] ?? '').toLowerCase();
    }
    return values;
  };

  /** What Dataverse fills in on a new row: open, made now, and anything the table works out itself. */
  const newRow = (table: StoredTable, values: StandInRow): StandInRow => {
    const defaults: StandInRow = {};
    if ('statecode' in table.definition.columns) defaults.statecode = 0;
    if ('createdon' in table.definition.columns) defaults.createdon = dataverseDateTime(deps.now().toISOString());
    const row = { ...defaults, ...values };
    return { ...row, ...table.definition.derive?.(row) };
  };

  const creatable = (table: StoredTable) => {
    if (!table.definition.creatable) throw new ODataError(405, '0x80060888', `The training stand-in does not create or change ${table.definition.entitySet}.`);
  };

  /**
   * A write's privileges, checked before anything else as Dataverse checks them: Create or Write
   * on the table, and for each lookup it binds, Append on it and Append To on the table bound to.
   * Naming an owner is Assign, which is not modelled, so ownerid asks for nothing more here.
   */
  const demandWrite = (caller: Caller | null, table: StoredTable, body: string, privilege: 'create' | 'write') => {
    const { logicalName } = table.definition;
    demand(caller, logicalName, privilege);
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(body);
    } catch {
      return; // The write itself says what is wrong with its body.
    }
    if (parsed === null || typeof parsed !== 'object') return;
    for (const [name, value] of Object.entries(parsed)) {
      if (!name.endsWith('@odata.bind') || name === 'ownerid@odata.bind') continue;
      demand(caller, logicalName, 'append');
      const target = store.table(/\/?([A-Za-z_]+)\(/.exec(String(value))?.[1] ?? '');
      if (target) demand(caller, target.definition.logicalName, 'appendto');
    }
  };

  const create = (table: StoredTable, body: string, baseUrl: string, caller: Caller | null): StandInResponse => {
    demandWrite(caller, table, body, 'create');
    creatable(table);
    const values = columnValues(table, bodyObject(body));
    validateWrite(table.definition, values, 'create');
    const id = store.create(table.definition.entitySet, newRow(table, values));
    return { status: 204, headers: { ...odata, 'OData-EntityId': `${baseUrl}${table.definition.entitySet}(${id})` }, body: '' };
  };

  /**
   * PATCH to a row's address, as Microsoft documents it: with If-None-Match: * only a create
   * (412 if the row exists), with If-Match: * only an update (404 if it does not), with
   * If-Match: W/"n" only an update of that version (412 otherwise), and with neither an upsert.
   */
  const upsert = (request: StandInRequest, table: StoredTable, key: string, url: URL, baseUrl: string, caller: Caller | null): StandInResponse => {
    const id = key.replace(/^'|'$/g, '').toLowerCase();
    const existing = table.rows.get(id);
    demandWrite(caller, table, request.body, existing ? 'write' : 'create');
    creatable(table);
    if (!GUID.test(id)) throw badQuery(`'${key}' is not a valid key for ${table.definition.logicalName}.`);
    const { definition } = table;
    const ifMatch = request.headers['if-match']?.trim();
    const ifNoneMatch = request.headers['if-none-match']?.trim();
    if (ifNoneMatch === '*' && existing) throw new ODataError(412, '0x80040237', 'A record with matching key values already exists.');
    if (ifMatch !== undefined && !existing) throw doesNotExist(definition.logicalName, id);
    if (ifMatch !== undefined && ifMatch !== '*' && existing && ifMatch !== `W/"${existing.version}"`) {
      throw new ODataError(412, '0x80060882', "The version of the existing record doesn't match the RowVersion property provided.");
    }
    const values = columnValues(table, bodyObject(request.body));
    if (definition.key in values && String(values[definition.key]).toLowerCase() !== id) throw badQuery(`The ${definition.key} in the body does not match the address.`);
    validateWrite(definition, values, existing ? 'update' : 'create');
    // Dataverse keeps a completed or cancelled activity as it was closed: only its state may change.
    const closed = definition.key === 'activityid' && existing && existing.values.statecode !== 0 && existing.values.statecode !== null;
    if (closed && Object.keys(values).some((column) => column !== 'statecode' && column !== 'statuscode')) throw new ODataError(400, '0x80040203', 'Cannot update Closed or Cancelled Activity');
    const state = values.statecode ?? existing?.values.statecode ?? 0;
    const allowed = definition.statuses?.[Number(state)];
    if (allowed && values.statuscode !== undefined && values.statuscode !== null && !allowed.includes(Number(values.statuscode))) {
      throw badQuery(`${String(values.statuscode)} is not a valid status code for state code ${definition.logicalName}State.${String(state)}`);
    }
    if (existing) store.update(definition.entitySet, id, values);
    else store.create(definition.entitySet, newRow(table, { ...values, [definition.key]: id }));
    const entityId = `${baseUrl}${definition.entitySet}(${id})`;
    const version = table.rows.get(id)?.version ?? 0;
    const preferences = parsePreferences(request.headers.prefer);
    if (!preferences.returnRepresentation) return { status: 204, headers: { ...odata, 'OData-EntityId': entityId }, body: '' };
    const context: ReadContext = { store, baseUrl, preferences, largestPage: deps.largestPage, aggregateLimit };
    const result = readOne(context, table, id, url.searchParams);
    return json(existing ? 200 : 201, result.body, { 'OData-EntityId': entityId, ETag: `W/"${version}"`, 'Preference-Applied': 'return=representation' });
  };

  const operation = (request: StandInRequest): StandInResponse => {
    const url = new URL(request.target, deps.origin());
    const baseUrl = `${deps.origin()}${API_PATH}`;
    try {
      if (!url.pathname.startsWith(API_PATH)) throw new ODataError(404, '0x80060888', `No Web API at ${url.pathname}.`);
      const path = decodeURIComponent(url.pathname.slice(API_PATH.length));
      if (path === 'WhoAmI' && request.method === 'GET') return json(200, { '@odata.context': `${baseUrl}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`, ...WHO_AM_I });
      // Dataverse search's status: any signed-in user may ask whether search is on and what it indexes.
      if (path === 'searchstatus' && request.method === 'GET') return json(200, searchStatus(deps.searchable?.() ?? null, store, deps.origin()));
      const privileges = retrieveUserPrivileges(path, request.method, deps.caller?.(request.headers.authorization) ?? null, WHO_AM_I.UserId, baseUrl);
      if (privileges) return json(200, privileges);
      const counted = retrieveTotalRecordCount(path, request.method, url.searchParams, store, deps.caller?.(request.headers.authorization) ?? null, baseUrl);
      if (counted) return json(200, counted);
      // Table definitions: any signed-in user may read them, whatever their security roles.
      const metadata = request.method === 'GET' ? entityDefinitions(path, url.searchParams, store, baseUrl) : null;
      if (metadata) return json(200, metadata);
      const segment = SEGMENT.exec(path);
      const table = segment ? store.table(segment[1] ?? '') : undefined;
      if (!segment || !table) throw new ODataError(404, '0x80060888', `Resource not found for the segment '${path}'.`);
      const caller = deps.caller?.(request.headers.authorization) ?? null;
      if (request.method === 'POST' && segment[2] === undefined) return create(table, request.body, baseUrl, caller);
      if (request.method === 'PATCH' && segment[2] !== undefined) return upsert(request, table, segment[2], url, baseUrl, caller);
      if (request.method !== 'GET') throw new ODataError(405, '0x80060888', `The training stand-in does not support ${request.method} here.`);
      demand(caller, table.definition.logicalName, 'read');
      const context: ReadContext = { store, baseUrl, preferences: parsePreferences(request.headers.prefer), largestPage: deps.largestPage, aggregateLimit };
      const result: ReadResult = segment[2] === undefined ? readCollection(context, table, url.searchParams) : readOne(context, table, segment[2], url.searchParams);
      if (!url.searchParams.has('$apply')) deps.served?.(table.definition.entitySet, Array.isArray(result.body.value) ? result.body.value.length : 1);
      const etag = result.body['@odata.etag'];
      const headers: Record<string, string> = result.applied.length > 0 ? { 'Preference-Applied': result.applied.join(',') } : {};
      if (typeof etag === 'string') headers.ETag = etag;
      return json(200, result.body, headers);
    } catch (error) {
      if (error instanceof ODataError) return json(error.status, { error: { code: error.code, message: error.message } });
      return json(500, { error: { code: '0x80040216', message: error instanceof Error ? error.message : 'An unexpected error occurred.' } });
    }
  };

  return (request) => {
    if (!/^Bearer \S+/.test(request.headers.authorization ?? '')) {
      return { status: 401, headers: { 'WWW-Authenticate': `Bearer authorization_uri=${deps.origin()}/, resource_id=${deps.origin()}/` }, body: '' };
    }
    const path = new URL(request.target, deps.origin()).pathname;
    if (path === SEARCH_QUERY_PATH) {
      try {
        const answer = relevanceSearch({ store, searchable: deps.searchable ?? (() => null), origin: deps.origin }, request.method, request.body, deps.caller?.(request.headers.authorization) ?? null);
        return json(answer.status, answer.body);
      } catch (error) {
        if (error instanceof ODataError) return json(error.status, { error: { code: error.code, message: error.message } });
        throw error;
      }
    }
    if (path === `${API_PATH}$batch`) {
      if (request.method !== 'POST') return json(405, { error: { code: '0x80060888', message: 'A $batch request must be a POST.' } });
      return handleBatch(request, { operation, atomically: store.atomically, origin: deps.origin() });
    }
    return operation(request);
  };
}
