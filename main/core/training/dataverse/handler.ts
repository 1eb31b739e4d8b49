import { dataverseDateTime } from './rows-people';
import { badQuery, doesNotExist, ODataError } from './odata-error';
import { parsePreferences } from './preferences';
import { readCollection, readOne, type ReadResult } from './query';
import type { TrainingStore } from './store';

export interface StandInRequest {
  method: string;
  /** Path and query as sent: '/api/data/v9.2/contacts?$select=…'. */
  target: string;
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
}

export interface StandInResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const API_PATH = '/api/data/v9.2/';
const SEGMENT = /^([A-Za-z_][A-Za-z0-9_]*)(?:\(([^)]*)\))?$/;

/**
 * Answers one Web API request from the store, in Dataverse's shapes: OData headers,
 * Preference-Applied, errors as {"error":{"code","message"}}. Faults and the bearer check
 * come first, as they do in front of the real service.
 */
export function createRequestHandler(deps: {
  store: TrainingStore;
  /** 'https://127.0.0.1:PORT' */
  origin: () => string;
  largestPage: number;
  nextFault: () => StandInResponse | null;
  now: () => Date;
}): (request: StandInRequest) => StandInResponse {
  const { store } = deps;
  const json = (status: number, body: unknown, headers: Record<string, string> = {}): StandInResponse => ({
    status,
    headers: { 'OData-Version': '4.0', 'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  });

  const create = (entitySet: string, body: string, baseUrl: string): StandInResponse => {
    const table = store.table(entitySet);
    if (!table?.definition.creatable) throw new ODataError(405, '0x80060888', `The training stand-in does not create ${entitySet}.`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw badQuery('The request body is not JSON.');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw badQuery('The request body must be a JSON object.');
    const values: Record<string, unknown> = { statecode: 0, createdon: dataverseDateTime(deps.now().toISOString()) };
    for (const [name, value] of Object.entries(parsed)) {
      if (!name.endsWith('@odata.bind')) {
        values[name] = value;
        continue;
      }
      const navigation = name.slice(0, -'@odata.bind'.length);
      const column = table.definition.bindings?.[navigation];
      if (!column) throw badQuery(`An undeclared property '${navigation}' which only has property annotations in the payload was found.`);
      const target = /\/?([A-Za-z_]+)\(([0-9a-f-]{36})\)$/i.exec(String(value));
      const lookupTable = target ? store.table(target[1] ?? '') : undefined;
      if (!target || !lookupTable) throw badQuery(`The @odata.bind value '${String(value)}' is not a record's address.`);
      if (!lookupTable.rows.has((target[2] ?? '').toLowerCase())) throw doesNotExist(lookupTable.definition.logicalName, target[2] ?? '');
      values[column] = (target[2] ?? '').toLowerCase();
    }
    const id = store.create(entitySet, values);
    return { status: 204, headers: { 'OData-Version': '4.0', 'OData-EntityId': `${baseUrl}${entitySet}(${id})` }, body: '' };
  };

  return (request) => {
    const fault = deps.nextFault();
    if (fault) return fault;
    if (!/^Bearer \S+/.test(request.headers.authorization ?? '')) {
      return { status: 401, headers: { 'WWW-Authenticate': `Bearer authorization_uri=${deps.origin()}/, resource_id=${deps.origin()}/` }, body: '' };
    }
    const url = new URL(request.target, deps.origin());
    const baseUrl = `${deps.origin()}${API_PATH}`;
    try {
      if (!url.pathname.startsWith(API_PATH)) throw new ODataError(404, '0x80060888', `No Web API at ${url.pathname}.`);
      const segment = SEGMENT.exec(decodeURIComponent(url.pathname.slice(API_PATH.length)));
      const table = segment ? store.table(segment[1] ?? '') : undefined;
      if (!segment || !table) throw new ODataError(404, '0x80060888', `Resource not found for the segment '${url.pathname.slice(API_PATH.length)}'.`);
      if (request.method === 'POST' && segment[2] === undefined) return create(table.definition.entitySet, request.body, baseUrl);
      if (request.method !== 'GET') throw new ODataError(405, '0x80060888', `The training stand-in does not support ${request.method} here.`);
      const context = { store, baseUrl, preferences: parsePreferences(request.headers.prefer), largestPage: deps.largestPage };
      const result: ReadResult = segment[2] === undefined ? readCollection(context, table, url.searchParams) : readOne(context, table, segment[2], url.searchParams);
      return json(200, result.body, result.applied.length > 0 ? { 'Preference-Applied': result.applied.join(',') } : {});
    } catch (error) {
      if (error instanceof ODataError) return json(error.status, { error: { code: error.code, message: error.message } });
      return json(500, { error: { code: '0x80040216', message: error instanceof Error ? error.message : 'An unexpected error occurred.' } });
    }
  };
}
