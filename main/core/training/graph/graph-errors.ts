import { randomUUID } from 'node:crypto';

/** What a route answers: a JSON body, raw bytes (a photo), or nothing. */
export interface GraphReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  bytes?: { contentType: string; data: Buffer };
}

/** Graph's error body, with the innerError a real one carries. */
export function graphError(status: number, code: string, message: string, now: Date, headers: Record<string, string> = {}): GraphReply {
  return {
    status,
    headers,
    body: { error: { code, message, innerError: { date: now.toISOString().slice(0, 19), 'request-id': randomUUID(), 'client-request-id': randomUUID() } } },
  };
}

export const notFound = (now: Date, what = 'The requested resource') => graphError(404, 'NotFound', `${what} does not exist.`, now);
export const badRequest = (now: Date, message: string) => graphError(400, 'BadRequest', message, now);
