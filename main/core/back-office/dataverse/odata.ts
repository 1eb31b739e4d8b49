import { BackOfficeError } from '../errors';
import { isGuid } from './row';

/**
 * A query string for the Web API. Values are percent-encoded (spaces as %20, never '+'),
 * names like $select are left as they are.
 */
export function query(entitySet: string, options: Record<string, string | undefined>): string {
  const parts = Object.entries(options)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  return parts.length === 0 ? entitySet : `${entitySet}?${parts.join('&')}`;
}

/**
 * An id that came from outside the adapter, checked before it goes into a URL or a
 * filter: a Dataverse key is a GUID, and anything else cannot name a record.
 */
export function recordId(id: string): string {
  if (!isGuid(id)) throw new BackOfficeError('not-found', { detail: `"${id.slice(0, 40)}" is not a Dataverse record id.` });
  return id.toLowerCase();
}

/** GUIDs are literals in OData filters: no quotes. */
export function eqId(column: string, id: string): string {
  return `${column} eq ${recordId(id)}`;
}

export function anyOf(clauses: string[]): string {
  return clauses.length === 1 ? (clauses[0] ?? '') : `(${clauses.join(' or ')})`;
}

export function quoted(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function select(columns: readonly string[]): string {
  return columns.join(',');
}
