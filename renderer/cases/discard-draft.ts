import type { CaseDatabase } from '../storage/case-database';

/** Deleting a draft takes its photos and documents with it, in one step, so none are left behind unseen. */
export async function discardDraft(db: CaseDatabase, draftId: string): Promise<void> {
  await db.transaction('rw', [db.caseDrafts, db.attachments], async () => {
    await db.attachments.where('caseId').equals(draftId).delete();
    await db.caseDrafts.delete(draftId);
  });
}
