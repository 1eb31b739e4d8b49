import type { CaseSendResult, CaseSubmission } from '../../../../shared/contract/cases';
import { BackOfficeError, isBackOfficeError } from '../errors';
import type { HttpResponse } from '../https-fetch';
import type { CapturedBy } from '../port';
import { batchRequest, errorOf, MOST_OPERATIONS_PER_BATCH, readBatchResponse, type PartAnswer } from './case-batch';
import type { AdapterContext } from './context';
import { capturedColumns, caseProblem, caseWrites, type RowWrite } from './tables/case-write';
import { INCIDENTS } from './tables/incident';

/**
 * A batch is kept well under what Dataverse will take in one request, so one slow upload
 * does not hold many cases; a single case larger than this still goes, on its own.
 */
const LARGEST_BATCH_CHARACTERS = 32 * 1024 * 1024;
/** Batches in flight at once: far under the 52 concurrent requests a user may make, leaving room for the screens' own reads. */
const BATCHES_AT_ONCE = 2;
/** A Retry-After this short is waited out here; a longer one goes back to the outbox. */
const LONGEST_WAIT_INSIDE_MS = 2_000;
const FIRST_BACKOFF_MS = 1_000;
const LONGEST_BACKOFF_MS = 5 * 60_000;

const TELL_IT = 'if it keeps happening, tell the IT service desk';

interface Outgoing {
  submission: CaseSubmission;
  writes: RowWrite[];
  size: number;
}

/** A failure's words for a person: the BackOfficeError's own, or unreachable when it is not one. */
const wordsFor = (error: unknown) => (isBackOfficeError(error) ? error : new BackOfficeError('unreachable', { cause: error })).message;

function retryAfterMs(value: string | null | undefined): number | null {
  const seconds = Number(value ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : null;
}

/** Dataverse keeps dates and times to the second: compare ours at that precision. */
function sameSecond(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  return Math.floor(new Date(a).getTime() / 1000) === Math.floor(new Date(b).getTime() / 1000);
}

async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/**
 * Sends cases to Dataverse so that each is made exactly once: one change set per case (the
 * incident and everything hanging off it, all or nothing), create-only writes with ids fixed
 * before sending, and a resend that meets an existing case reads it to see whether it is
 * ours. Whatever happens, every case gets one answer: created, already there, try again
 * later (and when), or turned down (and why, in plain English).
 */
export function createCaseSender(context: AdapterContext) {
  const { client, names } = context;
  /** The reference the resident was given (ours, kept by Dataverse), else Dataverse's own case number. */
  const referenceOf = (row: Record<string, unknown>): string | null => {
    const ours = row[names.custom('reference')];
    return typeof ours === 'string' ? ours : typeof row.ticketnumber === 'string' ? row.ticketnumber : null;
  };
  // Consecutive retries per case, so the wait suggested to the outbox grows each time.
  const retries = new Map<string, number>();

  const retry = (id: string, problem: string, afterMs?: number | null): CaseSendResult => {
    const count = (retries.get(id) ?? 0) + 1;
    retries.set(id, count);
    const backoff = Math.min(LONGEST_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (count - 1));
    return { id, result: 'retry', afterMs: afterMs ?? backoff, problem };
  };
  const settle = <R extends CaseSendResult>(result: R): R => {
    retries.delete(result.id);
    return result;
  };
  const rejected = (id: string, problem: string, code: string | null) => settle({ id, result: 'rejected', problem, code } as const);

  /** What a failed change set means for its case; 'check' when the case may already be there. */
  const failedCase = (outgoing: Outgoing, answer: PartAnswer, role: RowWrite['role']): CaseSendResult | 'check' => {
    const { id } = outgoing.submission;
    const { code, message } = errorOf(answer.body);
    const quoted = message ? `: “${message}”` : '';
    if (answer.status === 412 && role === 'case') return 'check';
    if (answer.status === 429) return retry(id, new BackOfficeError('busy').message, retryAfterMs(answer.headers['retry-after']));
    if (answer.status >= 500 || answer.status === 408) return retry(id, new BackOfficeError('unavailable').message);
    if (answer.status === 401) return retry(id, new BackOfficeError('sign-in').message);
    if (answer.status === 403) return rejected(id, `You do not have permission to add this case in the council’s system${quoted}. Ask your team leader; ${TELL_IT}.`, code);
    const part = role === 'case' ? 'this case' : role === 'attachment' ? 'an attachment on this case' : role === 'note' ? 'the answers given for this case' : 'the call or visit this case came from';
    const already = answer.status === 412 ? ' (something with the same id is already there, under another case)' : '';
    return rejected(id, `The council’s system turned down ${part}${already}${quoted}${code ? ` (${code})` : ''}. Check the case, correct it and send it again; ${TELL_IT}.`, code);
  };

  const createdFrom = (outgoing: Outgoing, answers: PartAnswer[], written: Map<string, [number, number]>): CaseSendResult => {
    const incident = answers.find((answer) => answer.contentId !== null && written.get(answer.contentId)?.[1] === 0) ?? answers[0];
    let reference: string | null = null;
    let etag: string | null = incident?.headers.etag ?? null;
    try {
      const row = JSON.parse(incident?.body ?? '') as Record<string, unknown>;
      reference = referenceOf(row);
      if (typeof row['@odata.etag'] === 'string') etag = row['@odata.etag'];
    } catch {
      // Made, but its reference did not come back: the case is there all the same.
    }
    return settle({ id: outgoing.submission.id, result: 'created', reference, etag });
  };

  /** Answers for every case in one batch; cases that met an existing incident come back as 'check'. */
  const sendBatch = async (batch: readonly Outgoing[], attempt = 1): Promise<(CaseSendResult | { id: string; check: Outgoing })[]> => {
    const everyCase = (answer: (outgoing: Outgoing) => CaseSendResult) => batch.map(answer);
    const request = batchRequest(client.baseUrl, batch.map((each) => each.writes), ['ticketnumber', names.custom('reference')]);
    let response: HttpResponse;
    let body: string;
    try {
      response = await client.sendOnce('POST', '$batch', {
        // Without continue-on-error Dataverse stops at the first failed change set and the cases after it go unsent.
        headers: { 'Content-Type': request.contentType, Prefer: 'odata.continue-on-error' },
        body: request.body,
      });
      body = await response.text();
    } catch (error) {
      // No answer: some, all or none of the batch may have been applied. A resend finds out, case by case.
      return everyCase((each) => retry(each.submission.id, wordsFor(error)));
    }
    if (response.status === 429) {
      const wait = retryAfterMs(response.headers.get('retry-after'));
      if (wait !== null && wait <= LONGEST_WAIT_INSIDE_MS && attempt === 1) {
        await context.sleep(wait);
        return sendBatch(batch, attempt + 1);
      }
      return everyCase((each) => retry(each.submission.id, new BackOfficeError('busy').message, wait));
    }
    if (response.status >= 500 || response.status === 408) return everyCase((each) => retry(each.submission.id, new BackOfficeError('unavailable').message));
    if (response.status === 401) return everyCase((each) => retry(each.submission.id, new BackOfficeError('sign-in').message));
    if (response.status !== 200) {
      const { code, message } = errorOf(body);
      const problem =
        response.status === 403
          ? `You do not have permission to add cases in the council’s system${message ? `: “${message}”` : ''}. Ask your team leader; ${TELL_IT}.`
          : `The council’s system turned down these cases${message ? `: “${message}”` : ''}. Send them again; ${TELL_IT}.`;
      return everyCase((each) => rejected(each.submission.id, problem, code));
    }
    const outcomes = readBatchResponse(response.headers.get('content-type'), body, batch.length);
    if (!outcomes) return everyCase((each) => retry(each.submission.id, new BackOfficeError('unreadable').message));
    return batch.map((outgoing, index) => {
      const outcome = outcomes[index] ?? { kind: 'unanswered' };
      if (outcome.kind === 'applied') return createdFrom(outgoing, outcome.answers, request.written);
      if (outcome.kind === 'unanswered') return retry(outgoing.submission.id, new BackOfficeError('unavailable').message);
      const where = outcome.answer.contentId === null ? undefined : request.written.get(outcome.answer.contentId);
      // A failure that names no write is taken as the case's own: its 412 is then checked, never assumed.
      const role = where ? (outgoing.writes[where[1]]?.role ?? 'case') : 'case';
      const result = failedCase(outgoing, outcome.answer, role);
      return result === 'check' ? { id: outgoing.submission.id, check: outgoing } : result;
    });
  };

  /** A case that was already there: ours if it was captured at the same moment by the same person. */
  const checkOurs = async (outgoing: Outgoing, capturedBy: CapturedBy): Promise<CaseSendResult> => {
    const { id } = outgoing.submission;
    const n = names;
    let row: Readonly<Record<string, unknown>> | null;
    try {
      row = await client.readRow(`${INCIDENTS}(${id.toLowerCase()})?$select=${capturedColumns(n).join(',')}`);
    } catch (error) {
      return retry(id, wordsFor(error));
    }
    if (!row) return retry(id, new BackOfficeError('unavailable').message);
    const ours = sameSecond(row[n.custom('capturedat')], outgoing.submission.capturedAt) && (row[n.custom('capturedby')] ?? null) === (capturedBy.staffId ?? null);
    if (!ours) {
      return rejected(
        id,
        `The council’s system already has a different case with this case’s id, so it was not sent. Copy what you need from it into a new case and send that; ${TELL_IT}.`,
        '0x80040237',
      );
    }
    const reference = referenceOf(row);
    const etag = typeof row['@odata.etag'] === 'string' ? row['@odata.etag'] : null;
    return settle({ id, result: 'already-there', reference, etag });
  };

  return async function submitCases(cases: readonly CaseSubmission[], capturedBy: CapturedBy): Promise<CaseSendResult[]> {
    const results = new Map<string, CaseSendResult>();
    const lengths = await context.columnLengths();
    const outgoing: Outgoing[] = [];
    const seen = new Set<string>();
    for (const submission of cases) {
      // The same case twice in one call is sent once and answered once.
      if (seen.has(submission.id)) continue;
      seen.add(submission.id);
      const problem = caseProblem(submission, context.anonymousContactId);
      if (problem) {
        results.set(submission.id, rejected(submission.id, problem, null));
        continue;
      }
      const writes = caseWrites(submission, capturedBy.staffId, names, context.anonymousContactId, lengths);
      outgoing.push({ submission, writes, size: writes.reduce((sum, write) => sum + JSON.stringify(write.body).length + 512, 0) });
    }

    const batches: Outgoing[][] = [];
    let current: Outgoing[] = [];
    let operations = 0;
    let size = 0;
    for (const each of outgoing) {
      if (current.length > 0 && (operations + each.writes.length > MOST_OPERATIONS_PER_BATCH || size + each.size > LARGEST_BATCH_CHARACTERS)) {
        batches.push(current);
        current = [];
        operations = 0;
        size = 0;
      }
      current.push(each);
      operations += each.writes.length;
      size += each.size;
    }
    if (current.length > 0) batches.push(current);

    const toCheck: Outgoing[] = [];
    await pool(batches, BATCHES_AT_ONCE, async (batch) => {
      for (const result of await sendBatch(batch)) {
        if ('check' in result) toCheck.push(result.check);
        else results.set(result.id, result);
      }
    });
    await pool(toCheck, BATCHES_AT_ONCE, async (each) => {
      results.set(each.submission.id, await checkOurs(each, capturedBy));
    });

    return [...seen].map((id) => results.get(id) ?? retry(id, new BackOfficeError('unavailable').message));
  };
}
