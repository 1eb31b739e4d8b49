import { BackOfficeError } from '../errors';
import type { AdapterContext } from './context';
import { recordId } from './odata';
import { isGuid } from './row';
import { residentMessageBody, residentMessageTable, type MessageRecord } from './tables/resident-message';

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
