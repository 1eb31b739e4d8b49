import { BackOfficeError } from '../errors';
import { readRows, type AdapterContext } from './context';
import { eqId, query, recordId, select } from './odata';
import { isGuid } from './row';
import { residentMessageBody, residentMessageColumns, residentMessageTable, toRecordedMessage, type MessageRecord, type RecordedMessage } from './tables/resident-message';

/** Records a message sent to a resident; a second send of the same message is refused by Dataverse (412) and counts as done. */
export async function recordResidentMessage(context: AdapterContext, message: MessageRecord): Promise<void> {
  if (!isGuid(message.id)) throw new BackOfficeError('rejected', { detail: 'A message needs a GUID made on this computer as its id.' });
  recordId(message.residentId);
  if (message.caseId) recordId(message.caseId);
  try {
    await context.client.create(residentMessageTable(context.names).entitySet, residentMessageBody(message, context.names));
  } catch (error) {
    if (error instanceof BackOfficeError && error.status === 412) return;
    throw error;
  }
}

/** The texts and emails the council's system holds for a resident, newest first (the latest 50: a screen, not an export). */
export async function readResidentMessages(context: AdapterContext, residentId: string): Promise<RecordedMessage[]> {
  const n = context.names;
  const { entitySet } = residentMessageTable(n);
  const page = await context.client.readPage(
    query(entitySet, { $select: select(residentMessageColumns(n)), $filter: eqId('_regardingobjectid_value', recordId(residentId)), $orderby: 'actualstart desc,activityid desc' }),
    { pageSize: 50 },
  );
  return readRows(context, entitySet, page.rows, (row) => toRecordedMessage(row, n));
}
