/**
 * Failures the stand-in answers with on demand, set from inside the process (a test, the
 * training host) so nothing a client sends can switch them on.
 */
export type Fault =
  | { status: 429; retryAfterSeconds: number }
  | { status: 401 | 403 | 500 | 502 | 503 | 504 };

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
function responseFor(fault: Fault): FaultResponse {
  const json = (code: string, message: string) => JSON.stringify({ error: { code, message } });
  switch (fault.status) {
    case 429:
      return {
        status: 429,
        headers: { 'Retry-After': String(fault.retryAfterSeconds) },
        body: json('0x80072322', 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.'),
      };
    case 401:
      return { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' }, body: '' };
    case 403:
      return { status: 403, headers: {}, body: json('0x80040220', 'Principal user is missing prvReadContact privilege.') };
    default:
      return { status: fault.status, headers: {}, body: json('0x80040216', 'An unexpected error occurred.') };
  }
}

export function createFaults(): FaultControls & { next(): FaultResponse | null } {
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
      const fault = queue.shift() ?? always;
      return fault ? responseFor(fault) : null;
    },
  };
}
