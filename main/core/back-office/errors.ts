/**
 * What went wrong talking to the back office, in the terms a member of staff acts on:
 * sign in again, ask for permission, search again, wait, or tell IT.
 */
export type BackOfficeFailure =
  | 'sign-in'
  | 'permission'
  | 'not-found'
  | 'conflict'
  | 'busy'
  | 'unavailable'
  | 'unreachable'
  | 'untrusted'
  | 'rejected'
  | 'unreadable';

const MESSAGES: Readonly<Record<BackOfficeFailure, string>> = {
  'sign-in': 'Your sign-in to the council’s system has run out. Sign in again, then try once more.',
  permission: 'You do not have permission to do that in the council’s system. Ask your team leader if you need it.',
  'not-found': 'The council’s system has no record of that. It may have been merged or removed: search for the resident again.',
  conflict: 'Someone else changed that record while you were working on it. Open it again and check before saving.',
  busy: 'The council’s system is busy just now. Wait a minute, then try again.',
  unavailable: 'The council’s system is not available just now. Try again in a few minutes; if it keeps happening, tell the IT service desk.',
  unreachable: 'CivicDesk could not reach the council’s system. Check this computer’s network connection, then try again.',
  untrusted:
    'CivicDesk did not connect because the council’s system could not prove it is genuine (its certificate was not trusted). Tell the IT service desk; do not work around it.',
  rejected: 'The council’s system turned down what CivicDesk asked for. Tell the IT service desk, quoting the time it happened.',
  unreadable: 'The council’s system sent back something CivicDesk could not read. Tell the IT service desk, quoting the time it happened.',
};

export interface BackOfficeErrorDetails {
  /** The HTTP status, when there was a response. */
  status?: number;
  /** Dataverse's own error code ('0x80040217'), for the service desk and logs. */
  code?: string;
  /** Dataverse's own message: for logs, never shown to staff as it is. */
  detail?: string;
  cause?: unknown;
  /** What to tell staff instead, when the sign-in has said what is wrong in its own words (consent not yet granted, say). */
  message?: string;
}

export class BackOfficeError extends Error {
  override readonly name = 'BackOfficeError';
  readonly failure: BackOfficeFailure;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly detail: string | undefined;

  constructor(failure: BackOfficeFailure, details: BackOfficeErrorDetails = {}) {
    super(details.message ?? MESSAGES[failure], details.cause === undefined ? undefined : { cause: details.cause });
    this.failure = failure;
    this.status = details.status;
    this.code = details.code;
    this.detail = details.detail;
  }
}

export function isBackOfficeError(error: unknown): error is BackOfficeError {
  return error instanceof BackOfficeError;
}
