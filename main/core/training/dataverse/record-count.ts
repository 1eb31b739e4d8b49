import { badQuery } from './odata-error';
import { demand, type Caller } from './security-roles';
import type { TrainingStore } from './store';

const FUNCTION = /^RetrieveTotalRecordCount\(EntityNames=(@[A-Za-z0-9]+|\[[^\]]*\])\)$/;

/**
 * Dataverse's unbound function `RetrieveTotalRecordCount(EntityNames=@p1)?@p1=["contact"]`, in
 * its RetrieveTotalRecordCountResponse shape. Dataverse answers from a count it refreshes
 * about daily, so a caller may only treat it as an estimate; the stand-in gives the count now,
 * which is one of the answers Dataverse could give. Each table needs the caller's read
 * privilege here (stricter, never looser, than Dataverse). Null when the request is not this function.
 */
export function retrieveTotalRecordCount(path: string, method: string, params: URLSearchParams, store: TrainingStore, caller: Caller | null, baseUrl: string): Record<string, unknown> | null {
  const match = method === 'GET' ? FUNCTION.exec(path) : null;
  if (!match) return null;
  const argument = match[1] ?? '';
  const text = argument.startsWith('@') ? params.get(argument) : argument;
  let names: unknown;
  try {
    names = JSON.parse((text ?? '').replace(/'/g, '"'));
  } catch {
    names = null;
  }
  if (!Array.isArray(names) || names.length === 0 || !names.every((name) => typeof name === 'string')) throw badQuery('EntityNames must be a list of table logical names, such as ["contact"].');
  const values = (names as string[]).map((name) => {
    const table = store.tables().find((each) => each.definition.logicalName === name);
    if (!table) throw badQuery(`The entity with a name = '${name}' was not found in the MetadataCache.`);
    demand(caller, name, 'read');
    return table.rows.size;
  });
  return {
    '@odata.context': `${baseUrl}$metadata#Microsoft.Dynamics.CRM.RetrieveTotalRecordCountResponse`,
    EntityRecordCountCollection: { Count: names.length, IsReadOnly: false, Keys: names, Values: values },
  };
}
