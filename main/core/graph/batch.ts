import type { Client } from '@microsoft/microsoft-graph-client';

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

/**
 * Sends requests in Graph's JSON batch shape (POST /$batch), 20 at a time, and answers by id.
 * Each answer carries its own status: the caller reads them one by one, as a batch of reads
 * can partly fail.
 */
export async function sendBatch(client: Client, requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
  const answers = new Map<string, BatchResponse>();
  for (let i = 0; i < requests.length; i += BATCH_LIMIT) {
    const chunk = requests.slice(i, i + BATCH_LIMIT).map((request) => ({
      ...request,
      ...(request.body !== undefined ? { headers: { 'Content-Type': 'application/json', ...request.headers } } : {}),
    }));
    const reply = (await client.api('/$batch').post({ requests: chunk })) as { responses: BatchResponse[] };
    for (const response of reply.responses) answers.set(response.id, response);
  }
  return answers;
}
