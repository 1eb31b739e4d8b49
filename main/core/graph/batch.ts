import type { Client } from '@microsoft/microsoft-graph-client';
import { retryAfterMs } from './retry';

/** One request in Graph's JSON batch; `url` is relative to the version, such as "/me/presence". */
export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Graph takes at most 20 requests in one batch. */
export const BATCH_LIMIT = 20;
/** Times a throttled request inside a batch is sent again before its 429 is the answer. */
export const BATCH_ITEM_RETRIES = 3;
/** The longest wait for a throttled request inside a batch, whatever Retry-After asks for. */
const LONGEST_ITEM_WAIT_MS = 60_000;

export interface BatchSender {
  client: () => Client;
  /** How to wait before sending throttled requests again; tests record instead. */
  wait: (ms: number) => Promise<void>;
  now: () => Date;
}

/**
 * Sends requests in Graph's JSON batch shape (POST /$batch), 20 at a time, and answers by id.
 * Graph throttles the requests inside a batch one by one: those answered 429 or 503 did nothing,
 * so they alone are sent again after the longest Retry-After among them. Every other answer
 * carries its own status for the caller to read, as a batch of reads can partly fail.
 */
export async function sendBatch(sender: BatchSender, requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
  const answers = new Map<string, BatchResponse>();
  for (let i = 0; i < requests.length; i += BATCH_LIMIT) {
    let pending = requests.slice(i, i + BATCH_LIMIT);
    for (let round = 0; pending.length > 0; round += 1) {
      const chunk = pending.map((request) => ({
        ...request,
        ...(request.body !== undefined ? { headers: { 'Content-Type': 'application/json', ...request.headers } } : {}),
      }));
      const reply = (await sender.client().api('/$batch').post({ requests: chunk })) as { responses: BatchResponse[] };
      for (const response of reply.responses) answers.set(response.id, response);
      const throttled = reply.responses.filter((response) => response.status === 429 || response.status === 503);
      if (throttled.length === 0 || round >= BATCH_ITEM_RETRIES) break;
      await sender.wait(itemWait(throttled, round, sender.now()));
      const again = new Set(throttled.map((response) => response.id));
      pending = pending.filter((request) => again.has(request.id));
    }
  }
  return answers;
}

/** The longest Retry-After among the throttled answers, or a doubling back-off when none says. */
function itemWait(throttled: BatchResponse[], round: number, now: Date): number {
  const asked = throttled.map((response) => retryAfterMs(headerOf(response, 'retry-after'), now)).filter((ms): ms is number => ms !== null);
  return Math.min(LONGEST_ITEM_WAIT_MS, asked.length > 0 ? Math.max(...asked) : 1000 * 2 ** round);
}

function headerOf(response: BatchResponse, name: string): string | null {
  const found = Object.entries(response.headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return found ? found[1] : null;
}
