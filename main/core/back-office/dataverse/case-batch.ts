import { randomUUID } from 'node:crypto';
import { boundaryOf, HTTP_PART, httpMessage, joinMultipart, mimePart, parseHttpMessage, splitMultipart, statusOf, type MimePart } from './multipart';
import type { RowWrite } from './tables/case-write';

/** Dataverse takes at most 1,000 operations in one $batch. */
export const MOST_OPERATIONS_PER_BATCH = 1000;

/** One answer inside a batch response. */
export interface PartAnswer {
  contentId: string | null;
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/**
 * What became of one change set: applied (every write's answer), failed (the one answer
 * that stands for it; nothing in it was kept), or unanswered (the batch stopped before it).
 */
export type ChangeSetOutcome = { kind: 'applied'; answers: PartAnswer[] } | { kind: 'failed'; answer: PartAnswer } | { kind: 'unanswered' };

export interface BatchRequest {
  contentType: string;
  body: string;
  /** Content-ID → [change set, write] */
  written: Map<string, [number, number]>;
}

/**
 * A $batch body with one change set per case, so each case is written whole or not at all.
 * Every write is a PATCH with If-None-Match: *, which only ever creates: a resend of a case
 * that got through fails with 412 rather than writing it again. The case's own write asks
 * for its reference and version back (return=representation).
 */
export function batchRequest(baseUrl: string, changeSets: readonly (readonly RowWrite[])[], referenceColumns: readonly string[]): BatchRequest {
  const batchBoundary = `batch_${randomUUID()}`;
  const written = new Map<string, [number, number]>();
  let next = 1;
  const parts = changeSets.map((writes, setIndex) => {
    const changeSetBoundary = `changeset_${randomUUID()}`;
    const operations = writes.map((write, writeIndex) => {
      const contentId = String(next);
      next += 1;
      written.set(contentId, [setIndex, writeIndex]);
      const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'If-None-Match': '*' };
      let target = `${baseUrl}${write.path}`;
      if (write.role === 'case') {
        headers.Prefer = 'return=representation';
        target += `?$select=${referenceColumns.join(',')}`;
      }
      return mimePart({ ...HTTP_PART, 'Content-ID': contentId }, httpMessage(`PATCH ${target} HTTP/1.1`, headers, JSON.stringify(write.body)));
    });
    return mimePart({ 'Content-Type': `multipart/mixed; boundary=${changeSetBoundary}` }, joinMultipart(changeSetBoundary, operations));
  });
  return { contentType: `multipart/mixed; boundary=${batchBoundary}`, body: joinMultipart(batchBoundary, parts), written };
}

function answerOf(part: MimePart): PartAnswer {
  const message = parseHttpMessage(part.body);
  return { contentId: part.headers['content-id'] ?? null, status: statusOf(message), headers: message.headers, body: message.body };
}

/**
 * Reads a $batch response: one top-level part per change set, in the order sent. A change
 * set that worked answers as a nested multipart; one that failed as a single response.
 * Change sets past the end of the response were not run (the batch stopped at a failure).
 * Null when the response cannot be read as a batch at all.
 */
export function readBatchResponse(contentType: string | null, body: string, changeSets: number): ChangeSetOutcome[] | null {
  const boundary = boundaryOf(contentType);
  if (!boundary) return null;
  const parts = splitMultipart(body, boundary);
  if (parts.length > changeSets) return null;
  const outcomes: ChangeSetOutcome[] = parts.map((part) => {
    const nested = boundaryOf(part.headers['content-type']);
    if (nested) return { kind: 'applied', answers: splitMultipart(part.body, nested).map(answerOf) };
    const answer = answerOf(part);
    return answer.status >= 200 && answer.status < 300 ? { kind: 'applied', answers: [answer] } : { kind: 'failed', answer };
  });
  while (outcomes.length < changeSets) outcomes.push({ kind: 'unanswered' });
  return outcomes;
}

/** Dataverse's error body is {"error":{"code","message"}}. */
export function errorOf(body: string): { code: string | null; message: string | null } {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    return {
      code: typeof parsed.error?.code === 'string' ? parsed.error.code : null,
      message: typeof parsed.error?.message === 'string' ? parsed.error.message : null,
    };
  } catch {
    return { code: null, message: null };
  }
}
