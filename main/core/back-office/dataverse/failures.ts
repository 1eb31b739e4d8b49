import { BackOfficeError, type BackOfficeFailure } from '../errors';
import type { HttpResponse } from '../https-fetch';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** The wait before the second try; it doubles for each try after. */
  firstBackoffMs: number;
  /**
   * A Retry-After longer than this is not waited out: an agent with a resident on the line
   * is better told the system is busy than left watching a spinner.
   */
  longestRetryAfterSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, firstBackoffMs: 500, longestRetryAfterSeconds: 30 };

/** Failures that another try may cure: throttling and the service's own troubles. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/** Codes Node and undici give when TLS refuses the server's certificate. */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * How long to wait before trying again, or null when the response should not be retried.
 * Dataverse sends Retry-After in seconds with a 429 (service protection limits).
 */
export function retryDelayMs(response: HttpResponse, attempt: number, policy: RetryPolicy): number | null {
  if (!RETRYABLE_STATUSES.has(response.status) || attempt >= policy.maxAttempts) return null;
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) {
    return retryAfter > policy.longestRetryAfterSeconds ? null : retryAfter * 1000;
  }
  return backoffMs(attempt, policy);
}

export function backoffMs(attempt: number, policy: RetryPolicy): number {
  return policy.firstBackoffMs * 2 ** (attempt - 1);
}

function failureForStatus(status: number): BackOfficeFailure {
  if (status === 401) return 'sign-in';
  if (status === 403) return 'permission';
  if (status === 404) return 'not-found';
  if (status === 412) return 'conflict';
  if (status === 429) return 'busy';
  if (status >= 500) return 'unavailable';
  return 'rejected';
}

/** Dataverse's error body is {"error":{"code":"0x…","message":"…"}}; a 401 often has none. */
export async function failureFrom(response: HttpResponse): Promise<BackOfficeError> {
  let code: string | undefined;
  let detail: string | undefined;
  try {
    const body = JSON.parse(await response.text()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string' && body.error.code !== '') code = body.error.code;
    if (typeof body.error?.message === 'string') detail = body.error.message;
  } catch {
    // No JSON body: the status says enough.
  }
  return new BackOfficeError(failureForStatus(response.status), { status: response.status, code, detail });
}

/** A request that got no response: refused certificates are never retried or worked around. */
export function networkFailure(error: unknown): 'untrusted' | 'unreachable' {
  const code = errorCode(error) ?? errorCode((error as { cause?: unknown } | null)?.cause);
  return code !== undefined && CERTIFICATE_CODES.has(code) ? 'untrusted' : 'unreachable';
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
