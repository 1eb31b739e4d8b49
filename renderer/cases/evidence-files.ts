import type { CaseDraft } from '../../shared/domain/case-draft';
import type { CaseAttachment } from '../../shared/domain/case-sync';
import { saveDraft } from '../sync/case-store';
import type { CaseDatabase } from '../storage/case-database';
import { newId, nowIso } from '../storage/ids';

/** The file types the back office takes (shared/contract/cases.ts attachmentSubmission). */
export const ACCEPTED_EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'application/pdf'] as const;

export type EvidenceRefusal = { fileName: string; reason: 'too-big'; size: number; limit: number } | { fileName: string; reason: 'wrong-type' };

/** Whether a file can go on a case, and if not why, checked before anything is stored. */
export function refusalFor(file: File, limit: number): EvidenceRefusal | null {
  if (!(ACCEPTED_EVIDENCE_TYPES as readonly string[]).includes(file.type)) return { fileName: file.name, reason: 'wrong-type' };
  if (file.size > limit) return { fileName: file.name, reason: 'too-big', size: file.size, limit };
  return null;
}

/** Sizes as people say them: "850 KB", "2.4 MB". */
export function sizeInWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}

const THUMBNAIL_SIZE = 96;

/**
 * A small JPEG of a photo for the list. Where the browser cannot decode the image (HEIC in
 * Chromium, or no canvas at all, as in jsdom) the file is still kept: it just has no picture.
 */
export async function thumbnailOf(file: Blob): Promise<string | null> {
  if (!file.type.startsWith('image/') || typeof createImageBitmap !== 'function') return null;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, THUMBNAIL_SIZE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return canvas.toDataURL('image/jpeg', 0.7);
  } catch {
    return null;
  }
}

/**
 * Stores the files and puts their ids on the draft in one transaction, so a crash can never
 * leave a file nobody can find or an id with no file. Returns the draft as saved.
 */
export async function addEvidence(db: CaseDatabase, draft: CaseDraft, files: readonly File[]): Promise<CaseDraft> {
  const rows: CaseAttachment[] = [];
  for (const file of files) {
    rows.push({ id: newId(), caseId: draft.id, fileName: file.name, mimeType: file.type, size: file.size, blob: file, thumbnail: await thumbnailOf(file), addedAt: nowIso() });
  }
  const saved: CaseDraft = { ...draft, attachmentIds: [...draft.attachmentIds, ...rows.map((row) => row.id)] };
  await db.transaction('rw', [db.caseDrafts, db.attachments], async () => {
    await db.attachments.bulkPut(rows);
    await saveDraft(db, saved);
  });
  return saved;
}

/** Takes a file off the draft and deletes it, in one transaction. */
export async function removeEvidence(db: CaseDatabase, draft: CaseDraft, attachmentId: string): Promise<CaseDraft> {
  const saved: CaseDraft = { ...draft, attachmentIds: draft.attachmentIds.filter((id) => id !== attachmentId) };
  await db.transaction('rw', [db.caseDrafts, db.attachments], async () => {
    await db.attachments.delete(attachmentId);
    await saveDraft(db, saved);
  });
  return saved;
}
