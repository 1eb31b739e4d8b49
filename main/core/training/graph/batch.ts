import { badRequest, type GraphReply } from './graph-errors';
import type { RouteRequest } from './world';

/** Graph takes at most 20 requests in a batch. */
const BATCH_LIMIT = 20;

interface BatchItem {
  id?: unknown;
  method?: unknown;
  url?: unknown;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Graph's JSON batching: each request is run as if sent on its own, with the same caller, and
 * answered by id. A body that is not JSON (a photo) comes back base64-encoded, as Graph does.
 * Each is checked against the token's scopes as a request of its own would be. dependsOn is ignored: requests run in order anyway. `throttled` answers a request in place of
 * running it when a test has asked for throttling inside batches.
 */
export function runBatch(request: RouteRequest, dispatch: (inner: RouteRequest) => GraphReply, now: Date, throttled: () => GraphReply | null = () => null): GraphReply {
  const items = (request.body as { requests?: BatchItem[] } | null)?.requests;
  if (!Array.isArray(items) || items.length === 0) return badRequest(now, 'A batch needs a requests array.');
  if (items.length > BATCH_LIMIT) return badRequest(now, `A batch can hold at most ${String(BATCH_LIMIT)} requests.`);
  const responses = items.map((item) => {
    const id = String(item.id ?? '');
    const url = String(item.url ?? '');
    const target = new URL(url.startsWith('/') ? url : `/${url}`, 'https://batch.invalid');
    const headers = Object.fromEntries(Object.entries(item.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    const reply = throttled() ?? dispatch({ method: String(item.method ?? 'GET').toUpperCase(), path: target.pathname, query: target.searchParams, headers, body: item.body ?? null, me: request.me, scp: request.scp });
    if (reply.bytes) return { id, status: reply.status, headers: { 'Content-Type': reply.bytes.contentType }, body: reply.bytes.data.toString('base64') };
    return { id, status: reply.status, headers: { ...(reply.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...reply.headers }, ...(reply.body !== undefined ? { body: reply.body } : {}) };
  });
  return { status: 200, body: { responses } };
}
