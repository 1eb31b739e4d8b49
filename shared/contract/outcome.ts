/**
 * What every call across the contract resolves to. Errors travel as data, not as thrown
 * exceptions, because Electron's contextBridge strips everything but the message from an
 * Error: a typed outcome is the only way the renderer can tell "fix this field" from
 * "try again later".
 */
export type CallErrorCode =
  /** The input did not match the call's schema. `fields` says which parts and why. */
  | 'invalid-input'
  /** No such call in the contract. */
  | 'unknown-call'
  /** The request came from somewhere other than CivicDesk's own window. */
  | 'refused-sender'
  /** The handler failed; the main process logged it and carried on. */
  | 'handler-failed'
  /** The handler refused for a reason a person can act on; `message` says what to do. */
  | 'not-possible'
  /** The signed-in officer's role may not make this call, or nobody is signed in (docs/roles.md). */
  | 'not-allowed'
  /** The renderer could not reach the main process (browser host stopped, for example). */
  | 'not-connected';

export interface FieldProblem {
  /** Dotted path into the input, for example `resident.postcode`; empty for the whole input. */
  path: string;
  message: string;
}

export interface CallError {
  code: CallErrorCode;
  /** Plain English, safe to show to staff. */
  message: string;
  fields?: FieldProblem[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: CallError };

export const succeed = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const fail = (code: CallErrorCode, message: string, fields?: FieldProblem[]): Outcome<never> =>
  fields ? { ok: false, error: { code, message, fields } } : { ok: false, error: { code, message } };
