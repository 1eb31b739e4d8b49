import { randomUUID } from 'node:crypto';
import { boundaryOf, HTTP_PART, httpMessage, joinMultipart, mimePart, parseHttpMessage, reasonPhrase, splitMultipart, type MimePart } from '../../back-office/dataverse/multipart';
import type { StandInRequest, StandInResponse } from './handler';
import { parsePreferences } from './preferences';

/** Dataverse takes at most 1,000 operations in one $batch. */
const MOST_OPERATIONS = 1000;

interface BatchDeps {
  /** One operation, answered as if sent on its own (errors as responses, never thrown). */
  operation: (request: StandInRequest) => StandInResponse;
  atomically: <T>(work: () => T) => T;
  origin: string;
}

/** A change set that failed: its one failing response, which stands for the whole change set. */
class ChangeSetFailed extends Error {
  constructor(readonly part: string) {
    super('change set failed');
  }
}

const error = (status: number, message: string): StandInResponse => ({
  status,
  headers: { 'OData-Version': '4.0', 'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8' },
  body: JSON.stringify({ error: { code: '0x80060888', message } }),
});

function innerRequest(part: MimePart, outer: StandInRequest): StandInRequest {
  const message = parseHttpMessage(part.body);
  const [method = 'GET', target = '/'] = message.startLine.split(/\s+/);
  // Inside a batch the operations run as the batch's caller: its bearer token, its preferences unless they say otherwise.
  return { method, target, headers: { authorization: outer.headers.authorization, ...message.headers }, body: message.body };
}

function responsePart(response: StandInResponse, contentId: string | undefined): string {
  const headers: Record<string, string> = { ...HTTP_PART };
  if (contentId !== undefined) headers['Content-ID'] = contentId;
  return mimePart(headers, httpMessage(`HTTP/1.1 ${response.status} ${reasonPhrase(response.status)}`, response.headers, response.body));
}

/**
 * POST $batch, as Microsoft documents it: operations run in order; a change set (a nested
 * multipart/mixed part) runs as one transaction, and if any of its operations fails nothing
 * in it is kept and it answers with that one failing response. Without
 * `Prefer: odata.continue-on-error` the batch stops at the first failure and the whole batch
 * answers 400, its body the responses up to and including the failed one; with it, the batch
 * goes on and answers 200 with each failure in its place ("Handling errors" in Microsoft's
 * "Execute batch operations using the Web API").
 */
export function handleBatch(request: StandInRequest, deps: BatchDeps): StandInResponse {
  const boundary = boundaryOf(request.headers['content-type']);
  if (!boundary) return error(400, "The batch request must have a 'Content-Type' header of multipart/mixed with a boundary.");
  const parts = splitMultipart(request.body, boundary);
  const operations = parts.reduce((count, part) => {
    const nested = boundaryOf(part.headers['content-type']);
    return count + (nested ? splitMultipart(part.body, nested).length : 1);
  }, 0);
  if (operations > MOST_OPERATIONS) return error(400, `The number of requests in the batch (${operations}) exceeds the limit of ${MOST_OPERATIONS}.`);
  const continueOnError = parsePreferences(request.headers.prefer).continueOnError;

  const answers: string[] = [];
  let stopped = false;
  for (const part of parts) {
    const nested = boundaryOf(part.headers['content-type']);
    let failed: boolean;
    if (nested) {
      const result = runChangeSet(splitMultipart(part.body, nested), request, deps);
      answers.push(result.part);
      failed = result.failed;
    } else {
      const response = deps.operation(innerRequest(part, request));
      answers.push(responsePart(response, part.headers['content-id']));
      failed = response.status >= 400;
    }
    if (failed && !continueOnError) {
      stopped = true;
      break;
    }
  }
  const responseBoundary = `batchresponse_${randomUUID()}`;
  return {
    status: stopped ? 400 : 200,
    headers: { 'OData-Version': '4.0', 'Content-Type': `multipart/mixed; boundary=${responseBoundary}` },
    body: joinMultipart(responseBoundary, answers),
    operations,
  };
}

function runChangeSet(operations: readonly MimePart[], outer: StandInRequest, deps: BatchDeps): { part: string; failed: boolean } {
  try {
    const answers = deps.atomically(() =>
      operations.map((operation) => {
        const inner = innerRequest(operation, outer);
        const contentId = operation.headers['content-id'];
        const response = inner.method === 'GET' ? error(400, 'A change set cannot contain a GET request.') : deps.operation(inner);
        if (response.status >= 400) throw new ChangeSetFailed(responsePart(response, contentId));
        return responsePart(response, contentId);
      }),
    );
    const boundary = `changesetresponse_${randomUUID()}`;
    return { part: mimePart({ 'Content-Type': `multipart/mixed; boundary=${boundary}` }, joinMultipart(boundary, answers)), failed: false };
  } catch (failure) {
    if (failure instanceof ChangeSetFailed) return { part: failure.part, failed: true };
    throw failure;
  }
}
