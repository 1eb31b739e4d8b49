/**
 * Failures the stand-in answers with on demand, set from inside the process (a test, the
 * training host) so nothing a client sends can switch them on.
 * - a status: answered at once with Dataverse's error, nothing applied;
 * - drop: the connection is cut while the request is in flight, nothing applied;
 * - delay: the request is handled normally, after a wait (a slow service; a client that
 *   gives up first has still had its request applied);
 * - duplicate: the request is applied twice, as if a gateway replayed it, and the client
 *   gets the second answer;
 * - accept-then-fail: the request is applied, then the connection is cut with no answer.
 */
export type Fault =
  | { status: 429; retryAfterSeconds: number }
  | { status: 401 | 403 | 500 | 502 | 503 | 504 }
  | { connection: 'drop' }
  | { connection: 'accept-then-fail' }
  | { delayMs: number }
  | { duplicate: true };

export interface FaultControls {
  /** The next `times` requests fail like this; then the stand-in answers normally again. */
  failNext(times: number, fault: Fault): void;
  /** Every request from now on fails like this, until clear(). */
  failAlways(fault: Fault): void;
  clear(): void;
}

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Dataverse's own codes and words for each failure. 401 comes with no body, as from Dataverse. */
export function faultResponse(fault: Extract<Fault, { status: number }>): FaultResponse {
  const json = (code: string, message: string) => JSON.stringify({ error: { code, message } });
  const headers = { 'Content-Type': 'application/json; charset=utf-8' };
  switch (fault.status) {
    case 429:
      return {
        status: 429,
        headers: { ...headers, 'Retry-After': String(fault.retryAfterSeconds) },
        body: json('0x80072322', 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.'),
      };
    case 401:
      return { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' }, body: '' };
    case 403:
      return { status: 403, headers, body: json('0x80040220', 'Principal user is missing prvReadContact privilege.') };
    default:
      return { status: fault.status, headers, body: json('0x80040216', 'An unexpected error occurred.') };
  }
}

export function createFaults(): FaultControls & { next(): Fault | null } {
  const queue: Fault[] = [];
  let always: Fault | null = null;
  return {
    failNext(times, fault) {
      for (let i = 0; i < times; i += 1) queue.push(fault);
    },
    failAlways(fault) {
      always = fault;
    },
    clear() {
      queue.length = 0;
      always = null;
    },
    next() {
      return queue.shift() ?? always;
    },
  };
}
