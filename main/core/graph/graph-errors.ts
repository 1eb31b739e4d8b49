import { NotPossible } from '../ipc/router';
import type { BatchResponse } from './batch';

/** What a failed Graph call means for whoever made it. */
export interface GraphFailure {
  /** Try later (no connection, throttled, Microsoft's side broken) or give up as it is. */
  kind: 'retry' | 'failed';
  /** True when a write may have been applied although no success came back. */
  outcomeUnknown: boolean;
  reason: string;
  status: number;
}

const UNREACHABLE = 'Microsoft 365 cannot be reached just now. Check this computer is online and try again in a minute; nothing you typed has been lost.';

export function statusOf(error: unknown): number {
  if (typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number') return error.statusCode;
  return -1;
}

/** Sorts a Graph error (the SDK's GraphError, or a batch answer's status) into retry or failed. */
export function describeFailure(status: number): GraphFailure {
  if (status <= 0) return { kind: 'retry', outcomeUnknown: true, status, reason: 'Microsoft 365 could not be reached. CivicDesk will send it when the connection is back.' };
  if (status === 429) return { kind: 'retry', outcomeUnknown: false, status, reason: 'Microsoft 365 is busy just now. CivicDesk will try again shortly.' };
  if (status >= 500) return { kind: 'retry', outcomeUnknown: status !== 503, status, reason: 'Microsoft 365 had a problem on its side. CivicDesk will try again shortly.' };
  if (status === 401) return { kind: 'retry', outcomeUnknown: false, status, reason: 'Your Microsoft 365 sign-in needs renewing. Sign in again and CivicDesk will send it.' };
  if (status === 403) return { kind: 'failed', outcomeUnknown: false, status, reason: 'Microsoft 365 did not allow this. Ask your Microsoft 365 administrator to check CivicDesk has permission.' };
  if (status === 404) return { kind: 'failed', outcomeUnknown: false, status, reason: 'Microsoft 365 could not find that colleague, chat or channel. It may have been removed: check and choose again.' };
  return { kind: 'failed', outcomeUnknown: false, status, reason: 'Microsoft 365 would not accept this message as it is. Check it and try again.' };
}

/**
 * A NotPossible raised on this computer (not signed in, no token), possibly wrapped by the
 * Graph SDK, which keeps the error's name as its code: its words already say what to do.
 */
export function ownProblem(error: unknown): NotPossible | null {
  if (error instanceof NotPossible) return error;
  if (error instanceof Error && 'code' in error && error.code === 'NotPossible') return new NotPossible(error.message);
  return null;
}

/** For reads: a failure becomes a NotPossible with what to do, in plain words. */
export function readFailure(error: unknown): Error {
  const own = ownProblem(error);
  if (own) return own;
  const status = statusOf(error);
  if (status <= 0 || status === 429 || status >= 500) return new NotPossible(UNREACHABLE);
  if (status === 401) return new NotPossible('Your Microsoft 365 sign-in has run out. Sign in to Microsoft 365 again, then try again.');
  if (status === 403) return new NotPossible('Microsoft 365 did not allow CivicDesk to read this. Ask your Microsoft 365 administrator to check its permissions.');
  if (status === 404) return new NotPossible('Microsoft 365 could not find that. It may have been removed or renamed: check the settings or ask your Microsoft 365 administrator.');
  return error instanceof Error ? error : new Error(String(error));
}

/** Runs a read and turns Graph's failures into NotPossible. */
export async function reading<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw readFailure(error);
  }
}

/** A batch answer that failed is treated as the same failure would be on its own. */
export function batchBody<T>(response: BatchResponse | undefined): T {
  if (!response) throw new NotPossible(UNREACHABLE);
  if (response.status >= 400) throw readFailure({ statusCode: response.status });
  return response.body as T;
}
