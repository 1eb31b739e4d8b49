import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** The first back-off for a 5xx on a read; it doubles each time. */
  baseDelayMs: number;
  /** The longest single wait, whatever Retry-After asks for. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000 };

/**
 * Waits out Graph's throttling and brief outages.
 * - 429 and 503 say "not now" before doing anything, so any method is tried again, after the
 *   Retry-After Graph gives (seconds or an HTTP date) or a back-off when it gives none.
 * - 500, 502 and 504 and dropped connections are tried again only for GET: a POST that failed
 *   like that may still have been applied, so whoever sent it decides (CivicDesk looks for its
 *   marker in the chat before posting again).
 */
export class RetryMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly now: () => Date,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('The retry middleware needs a handler after it.');
    const method = readsOnly(context) ? 'GET' : (context.options?.method ?? 'GET').toUpperCase();
    for (let attempt = 1; ; attempt += 1) {
      const last = attempt >= this.policy.maxAttempts;
      try {
        await this.next.execute(context);
      } catch (error) {
        // No answer at all: safe to ask again only when asking changes nothing.
        if (last || method !== 'GET') throw error;
        await this.sleep(this.backOff(attempt));
        continue;
      }
      const status = context.response?.status ?? 0;
      const always = status === 429 || status === 503;
      const readAgain = (status === 500 || status === 502 || status === 504) && method === 'GET';
      if (last || !(always || readAgain)) return;
      const asked = always ? retryAfterMs(context.response?.headers.get('Retry-After') ?? null, this.now()) : null;
      await this.sleep(Math.min(this.policy.maxDelayMs, asked ?? this.backOff(attempt)));
    }
  }

  private backOff(attempt: number): number {
    return Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
  }
}

/** A $batch of GETs changes nothing, so it may be tried again like a GET although it is a POST. */
function readsOnly(context: Context): boolean {
  const url = typeof context.request === 'string' ? context.request : context.request.url;
  const body = context.options?.body;
  if (!new URL(url).pathname.endsWith('/$batch') || typeof body !== 'string') return false;
  try {
    const requests = (JSON.parse(body) as { requests?: { method?: string }[] }).requests ?? [];
    return requests.length > 0 && requests.every((request) => (request.method ?? 'GET').toUpperCase() === 'GET');
  } catch {
    return false;
  }
}

/** Retry-After as milliseconds: a number of seconds, or an HTTP date. Null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: Date): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
