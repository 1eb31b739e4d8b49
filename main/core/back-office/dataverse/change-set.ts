import { randomUUID } from 'node:crypto';
import { BackOfficeError } from '../errors';
import type { HttpResponse } from '../https-fetch';
import { readBatchResponse } from './case-batch';
import type { DataverseClient } from './client';
import { boundaryOf, HTTP_PART, httpMessage, joinMultipart, mimePart } from './multipart';

/** One PATCH inside a change set, with its own conditions (If-Match, If-None-Match, or none: an upsert). */
export interface ChangeSetWrite {
  /** 'phonecalls(…)', 'annotations(…)' */
  path: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/**
 * Sends writes as one change set of a $batch, so Dataverse applies all of them or none: a row
 * and the note holding what did not fit in it are never kept apart. Answers as the first write
 * would have on its own (its status, headers and body), or with the one answer that stands
 * for the change set when it failed; so the caller handles it as it handled a single PATCH.
 */
export async function sendChangeSet(client: DataverseClient, writes: readonly ChangeSetWrite[], timeoutMs = 30_000): Promise<HttpResponse> {
  const batchBoundary = `batch_${randomUUID()}`;
  const changeSetBoundary = `changeset_${randomUUID()}`;
  const operations = writes.map((write, index) =>
    mimePart({ ...HTTP_PART, 'Content-ID': String(index + 1) }, httpMessage(`PATCH ${client.baseUrl}${write.path} HTTP/1.1`, { 'Content-Type': 'application/json; charset=utf-8', ...write.headers }, JSON.stringify(write.body))),
  );
  const body = joinMultipart(batchBoundary, [mimePart({ 'Content-Type': `multipart/mixed; boundary=${changeSetBoundary}` }, joinMultipart(changeSetBoundary, operations))]);
  const response = await client.sendOnce('POST', '$batch', { headers: { 'Content-Type': `multipart/mixed; boundary=${batchBoundary}` }, body, timeoutMs });
  const text = await response.text();
  // A failed change set comes back as a multipart body under the batch's own 400 (without
  // continue-on-error Dataverse answers the batch with its first failure); anything else not
  // multipart was refused as a whole (busy, signed out, unavailable), and is read as a single write's.
  if (!boundaryOf(response.headers.get('content-type'))) return { status: response.status, headers: response.headers, text: () => Promise.resolve(text) };
  const [outcome] = readBatchResponse(response.headers.get('content-type'), text, 1) ?? [];
  if (!outcome || outcome.kind === 'unanswered') throw new BackOfficeError('unreadable', { detail: 'the change set had no answer' });
  const answer = outcome.kind === 'applied' ? outcome.answers[0] : outcome.answer;
  if (!answer) throw new BackOfficeError('unreadable', { detail: 'the change set had no answer' });
  return { status: answer.status, headers: { get: (name) => answer.headers[name.toLowerCase()] ?? null }, text: () => Promise.resolve(answer.body) };
}
