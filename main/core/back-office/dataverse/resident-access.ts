import { BackOfficeError } from '../errors';
import type { ResidentAccess } from '../port';
import { readRows, type AdapterContext } from './context';
import { eqId, query, recordId, select } from './odata';
import { isGuid } from './row';
import { residentAccessBody, residentAccessColumns, residentAccessTable, toResidentAccess } from './tables/resident-access';

export async function recordResidentAccess(context: AdapterContext, access: ResidentAccess): Promise<void> {
  if (!isGuid(access.id)) throw new BackOfficeError('rejected', { detail: 'A record of access needs a GUID made on this computer as its id.' });
  recordId(access.residentId);
  try {
    await context.client.create(residentAccessTable(context.names).entitySet, residentAccessBody(access, context.names));
  } catch (error) {
    // Dataverse answers 412 when a row with this id exists: an earlier send got through.
    if (error instanceof BackOfficeError && error.status === 412) return;
    throw error;
  }
}

export async function listResidentAccesses(context: AdapterContext, residentId: string): Promise<ResidentAccess[]> {
  const n = context.names;
  const { entitySet } = residentAccessTable(n);
  const { rows } = await context.client.readAll(
    query(entitySet, {
      $select: select(residentAccessColumns(n)),
      $filter: eqId(n.lookup('residentid'), residentId),
      $orderby: `${n.custom('accessedat')} desc`,
    }),
    { pageSize: context.pageSize },
  );
  return readRows(context, entitySet, rows, (row) => toResidentAccess(row, n));
}
