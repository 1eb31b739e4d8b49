import { DEFAULT_RETENTION, type RetentionRule } from '../../shared/domain/retention';
import type { CaseDatabase } from './case-database';
import { deleteOldSnapshots, type SnapshotDatabase } from './snapshot-database';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionResult {
  snapshots: number;
  cases: number;
  contacts: number;
  messages: number;
  syncLog: number;
}

/**
 * Deletes what the council's retention rule says has served its purpose: snapshots past their
 * days; cases Dataverse confirmed (sent) and contacts it has as completed, past theirs, with
 * their attachments, and texts and emails Dataverse recorded; sync-log lines past theirs. Nothing that has not reached Dataverse is
 * ever deleted here, however old: a case waiting to send is the officer's work, not a copy.
 */
export async function applyRetention(cases: CaseDatabase, snapshots: SnapshotDatabase, rule: RetentionRule = DEFAULT_RETENTION, now = new Date()): Promise<RetentionResult> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const sentBefore = before(rule.sentDays);
  const snapshotCount = await deleteOldSnapshots(snapshots, now, rule.snapshotDays * DAY_MS);
  return cases.transaction('rw', [cases.cases, cases.attachments, cases.interactions, cases.messages, cases.syncLog], async () => {
    const oldCases = await cases.cases.where('syncState').equals('sent').filter((each) => each.sentAt !== null && each.sentAt < sentBefore).primaryKeys();
    await cases.attachments.where('caseId').anyOf(oldCases).delete();
    await cases.cases.bulkDelete(oldCases);
    const oldContacts = await cases.interactions
      .where('status')
      .equals('done')
      .filter((each) => each.recorded?.state === 'completed' && each.recorded.at < sentBefore)
      .primaryKeys();
    await cases.interactions.bulkDelete(oldContacts);
    // Texts and emails Notify took and Dataverse recorded: the council's system keeps them from here.
    const messages = await cases.messages
      .where('writtenAt')
      .below(sentBefore)
      .filter((each) => each.state === 'sent' && each.recorded)
      .delete();
    const syncLog = await cases.syncLog.where('at').below(before(rule.syncLogDays)).delete();
    return { snapshots: snapshotCount, cases: oldCases.length, contacts: oldContacts.length, messages, syncLog };
  });
}
