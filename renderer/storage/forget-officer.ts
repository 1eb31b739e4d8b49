import Dexie from 'dexie';
import type { ApiBridge } from '../../shared/contract/api-bridge';
import { forgetRemembered } from '../bridge/remembered-answers';
import { caseDatabase } from './case-database';
import { databaseName, officerStorage, releaseConnections } from './officer-storage';

/**
 * What signing out leaves: no resident's details. The officer's copy of the directory and
 * their resident snapshots are deleted at once. Their own work (drafts, contacts not yet
 * completed in Dataverse, cases waiting to send, Teams messages, texts and emails to residents
 * not yet sent or recorded, audit records) is never
 * thrown away by a sign-out: if any is waiting it stays, sealed under their key, until they
 * sign in again and it sends; if none is, main forgets their key (every row sealed under it
 * is unreadable from that moment) and the database is deleted. Resolves to how many pieces
 * of work were kept.
 */
export async function forgetOnSignOut(bridge: ApiBridge): Promise<{ kept: number }> {
  const storage = officerStorage();
  const db = caseDatabase();
  // A contact counts until Dataverse has it completed: the call in hand is work too.
  const contactsOpen = await db.interactions.filter((each) => each.recorded?.state !== 'completed').count();
  const kept = contactsOpen + (await db.caseDrafts.count()) + (await db.outbox.count()) + (await db.pendingAccesses.count()) + (await db.agentStates.count()) + (await db.callbacks.count()) + (await db.mailOutbox.where('state').notEqual('sent').count()) + (await db.teamsOutbox.where('state').notEqual('sent').count()) + (await db.messages.filter((each) => each.state !== 'sent' || !each.recorded).count());
  releaseConnections();
  await Promise.all([Dexie.delete(databaseName('directory', storage.staffId)), Dexie.delete(databaseName('snapshots', storage.staffId))]);
  if (kept === 0 && storage.staffId !== null) {
    await bridge.storage.forgetDataKey({});
    forgetRemembered('storage.dataKey', window.sessionStorage);
    await Dexie.delete(databaseName('cases', storage.staffId));
  }
  return { kept };
}
