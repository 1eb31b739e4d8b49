/**
 * Failures the Graph stand-in answers with on demand, switched on from inside the process (a
 * test, the training host) so nothing a client sends can turn them on. Each takes a number of
 * requests, then the stand-in answers normally again.
 */
export type GraphFault =
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'fail'; status: 500 | 503; path?: string }
  | { kind: 'drop' }
  | { kind: 'apply-then-fail' };

export interface GraphFaultControls {
  /** 429 Too Many Requests with Retry-After, as Graph throttles. */
  throttle(options: { times: number; retryAfterSeconds: number }): void;
  /** A server error, nothing applied; only for requests to `path` (such as '/me/presence') when given. */
  fail(options: { status: 500 | 503; times: number; path?: string }): void;
  /** The connection is cut before any answer, nothing applied. */
  dropConnection(options: { times: number }): void;
  /** For POSTs only: the request is applied (a message is stored), then the answer is a 500. */
  applyThenFail(options: { times: number }): void;
  /** 429 with Retry-After for requests inside a $batch, one by one, as Graph throttles them. */
  throttleInBatch(options: { times: number; retryAfterSeconds: number }): void;
  clear(): void;
}

export function createGraphFaults(): GraphFaultControls & { next(method: string, path: string): GraphFault | null; nextInBatch(): { retryAfterSeconds: number } | null } {
  const queue: GraphFault[] = [];
  const inBatch: { retryAfterSeconds: number }[] = [];
  let applyThenFail = 0;
  const add = (times: number, fault: GraphFault) => {
    for (let i = 0; i < times; i += 1) queue.push(fault);
  };
  return {
    throttle: ({ times, retryAfterSeconds }) => add(times, { kind: 'throttle', retryAfterSeconds }),
    fail: ({ status, times, path }) => add(times, { kind: 'fail', status, ...(path ? { path } : {}) }),
    dropConnection: ({ times }) => add(times, { kind: 'drop' }),
    applyThenFail: ({ times }) => {
      applyThenFail += times;
    },
    throttleInBatch: ({ times, retryAfterSeconds }) => {
      for (let i = 0; i < times; i += 1) inBatch.push({ retryAfterSeconds });
    },
    clear: () => {
      queue.length = 0;
      inBatch.length = 0;
      applyThenFail = 0;
    },
    nextInBatch: () => inBatch.shift() ?? null,
    next(method, path) {
      const index = queue.findIndex((fault) => fault.kind !== 'fail' || fault.path === undefined || fault.path === path);
      if (index >= 0) return queue.splice(index, 1)[0] ?? null;
      if (method === 'POST' && applyThenFail > 0) {
        applyThenFail -= 1;
        return { kind: 'apply-then-fail' };
      }
      return null;
    },
  };
}
