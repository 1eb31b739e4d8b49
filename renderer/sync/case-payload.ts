import { caseSubmission, caseUpdate, type CaseSubmission, type CaseUpdate } from '../../shared/contract/cases';
import type { SubmittedCase } from '../../shared/domain/case-sync';
import type { CaseDatabase } from '../storage/case-database';

export type Prepared<T> =
  | { kind: 'ready'; payload: T; bytes: number }
  /** The case cannot pass the contract as it is; a person has to fix it. */
  | { kind: 'invalid'; problem: string }
  /** The outbox item's case is not on this computer any more. */
  | { kind: 'missing' };

/** Reads a case and its files, and makes the submission main expects. */
export async function prepareCreate(db: CaseDatabase, caseId: string): Promise<Prepared<CaseSubmission>> {
  const submitted = await db.cases.get(caseId);
  if (!submitted) return { kind: 'missing' };
  const { content } = submitted;
  const rows = await db.attachments.where('caseId').equals(caseId).toArray();
  // In the order they were added, as the draft lists them.
  const order = new Map(content.attachmentIds.map((id, index) => [id, index]));
  rows.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  const attachments = [];
  let bytes = 0;
  for (const row of rows) {
    const base64 = await blobToBase64(row.blob);
    bytes += base64.length;
    attachments.push({ id: row.id, fileName: row.fileName, mimeType: row.mimeType, base64 });
  }
  const candidate = {
    id: submitted.id,
    residentId: content.residentId,
    anonymous: content.anonymous,
    service: content.service,
    category: content.category,
    priority: content.priority,
    serviceStandard: content.serviceStandard,
    receivedOn: content.receivedOn,
    dueOn: content.dueOn,
    summary: content.summary,
    description: content.description,
    location: content.location,
    postcode: content.postcode,
    contactPreference: content.contactPreference,
    fields: content.fields.map(({ name, question, answer }) => ({ name, question, answer })),
    capturedAt: submitted.submittedAt,
    attachments,
  };
  return checked(caseSubmission.safeParse(candidate), bytes + 4096);
}

/** The editable parts of a sent case, against the version we last saw. */
export async function prepareUpdate(db: CaseDatabase, caseId: string): Promise<Prepared<CaseUpdate> & { submitted?: SubmittedCase }> {
  const submitted = await db.cases.get(caseId);
  if (!submitted) return { kind: 'missing' };
  const { summary, description, location, postcode, contactPreference } = submitted.content;
  const changes = { summary, description, location, postcode, ...(contactPreference ? { contactPreference } : {}) };
  return checked(caseUpdate.safeParse({ id: caseId, etag: submitted.etag, changes }), 4096);
}

/** The contact the case came from, with its wrap-up as the back office records it. */

type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

/**
 * Checked here with the contract's own schema, because main checks the whole call: one case
 * it would refuse would otherwise hold back every other case in the same call.
 */
function checked<T>(parsed: Parsed<T>, bytes: number): Prepared<T> {
  if (parsed.success) return { kind: 'ready', payload: parsed.data, bytes };
  const problem = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`).join('; ');
  return { kind: 'invalid', problem };
}

/** A Blob as base64, in slices so a 10 MB photo does not overflow the argument list. */
export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const slice = 0x8000;
  let binary = '';
  for (let start = 0; start < bytes.length; start += slice) {
    binary += String.fromCharCode(...bytes.subarray(start, start + slice));
  }
  return btoa(binary);
}
