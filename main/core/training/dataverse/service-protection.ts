import type { FaultResponse } from './faults';

/**
 * Dataverse's service protection API limits, per user (the stand-in keys users by bearer
 * token), over a sliding window. The window can be shortened so a bench can compress time.
 */
export interface ServiceProtectionLimits {
  windowMs: number;
  maxRequests: number;
  maxExecutionMs: number;
  maxConcurrent: number;
}

/** Microsoft's defaults: 6,000 requests and 1,200,000 ms of execution per 300 s, 52 at once. */
export const DATAVERSE_LIMITS: ServiceProtectionLimits = { windowMs: 300_000, maxRequests: 6000, maxExecutionMs: 1_200_000, maxConcurrent: 52 };

export interface ServiceProtectionCounters {
  /** Requests let through to the service. */
  accepted: number;
  /** 429s sent because a limit was reached (fault switches are not counted here). */
  throttled: number;
  /** Execution time charged to the requests let through, real and modelled. */
  executionMs: number;
}

export interface Admission {
  /** Call once the request has been answered, with how long the service spent on it. */
  done(executionMs: number): void;
}

interface UserWindow {
  starts: number[];
  executions: { at: number; ms: number }[];
  concurrent: number;
}

/**
 * How a $batch counts: Microsoft documents $batch (like ExecuteMultiple) as one request for
 * the number-of-requests and concurrent-requests limits, while the time spent running every
 * operation inside it adds to the combined execution time. So the stand-in admits each
 * HTTP request once, batch or not, and charges a batch its whole execution time. Requests
 * turned away with 429 are not counted as requests.
 */
export function createServiceProtection(limits: ServiceProtectionLimits, now: () => number = () => performance.now()) {
  const users = new Map<string, UserWindow>();
  const counters: ServiceProtectionCounters = { accepted: 0, throttled: 0, executionMs: 0 };
  const windowSeconds = Math.round(limits.windowMs / 1000);

  const throttle = (code: string, message: string, waitMs: number): FaultResponse => {
    counters.throttled += 1;
    return {
      status: 429,
      // Dataverse sends whole seconds; never 0, or a client would come straight back.
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) },
      body: JSON.stringify({ error: { code, message } }),
    };
  };

  return {
    counters: (): ServiceProtectionCounters => ({ ...counters }),
    /** Lets a request through, or answers 429 as Dataverse does for the limit it reached. */
    admit(user: string): Admission | FaultResponse {
      const at = now();
      const since = at - limits.windowMs;
      const window = users.get(user) ?? { starts: [], executions: [], concurrent: 0 };
      users.set(user, window);
      while ((window.starts[0] ?? Infinity) <= since) window.starts.shift();
      while ((window.executions[0]?.at ?? Infinity) <= since) window.executions.shift();
      if (window.concurrent >= limits.maxConcurrent) {
        return throttle('0x80072326', `Number of concurrent requests exceeded the limit of ${limits.maxConcurrent}.`, 1000);
      }
      if (window.starts.length >= limits.maxRequests) {
        return throttle('0x80072322', `Number of requests exceeded the limit of ${limits.maxRequests} over time window of ${windowSeconds} seconds.`, (window.starts[0] ?? at) + limits.windowMs - at);
      }
      const spent = window.executions.reduce((sum, each) => sum + each.ms, 0);
      if (spent >= limits.maxExecutionMs) {
        return throttle(
          '0x80072321',
          `Combined execution time of incoming requests exceeded limit of ${limits.maxExecutionMs.toLocaleString('en-US')} milliseconds over time window of ${windowSeconds} seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.`,
          (window.executions[0]?.at ?? at) + limits.windowMs - at,
        );
      }
      counters.accepted += 1;
      window.starts.push(at);
      window.concurrent += 1;
      let finished = false;
      return {
        done(executionMs) {
          if (finished) return;
          finished = true;
          window.concurrent -= 1;
          window.executions.push({ at: now(), ms: executionMs });
          counters.executionMs += executionMs;
        },
      };
    },
  };
}

/**
 * Dataverse search's own, lower limits ("Search for Dataverse records", Service Protection
 * Limits, learn.microsoft.com/power-apps/developer/data-platform/search/overview): one request
 * a second from each user and 150 a minute from the whole organization, then 429 Too Many
 * Requests with Retry-After in seconds. Microsoft does not document that 429's body; the
 * stand-in sends Dataverse's usual error shape, and clients act on the status and the header.
 */
export interface SearchLimits {
  perUserGapMs: number;
  organizationPerMinute: number;
}
export const DATAVERSE_SEARCH_LIMITS: SearchLimits = { perUserGapMs: 1000, organizationPerMinute: 150 };

export function createSearchProtection(limits: SearchLimits, now: () => number = () => performance.now()) {
  const lastByUser = new Map<string, number>();
  const organization: number[] = [];
  const refuse = (message: string, waitMs: number): FaultResponse => ({
    status: 429,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) },
    body: JSON.stringify({ error: { code: '0x80072322', message } }),
  });
  return {
    /** null lets the search through (and counts it); a 429 is not counted, as Dataverse counts what it serves. */
    admit(user: string): FaultResponse | null {
      const at = now();
      while ((organization[0] ?? Infinity) <= at - 60_000) organization.shift();
      const last = lastByUser.get(user);
      if (last !== undefined && at - last < limits.perUserGapMs) {
        return refuse(`Dataverse search allows one request a second from each user.`, last + limits.perUserGapMs - at);
      }
      if (organization.length >= limits.organizationPerMinute) {
        return refuse(`Dataverse search allows ${limits.organizationPerMinute} requests a minute from the organization.`, (organization[0] ?? at) + 60_000 - at);
      }
      lastByUser.set(user, at);
      organization.push(at);
      return null;
    },
  };
}
