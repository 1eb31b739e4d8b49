import { NotPossible } from '../../ipc/router';
import { BackOfficeError } from '../errors';
import type { FetchLike, HttpResponse } from '../https-fetch';
import { DEFAULT_RETRY_POLICY, backoffMs, failureFrom, networkFailure, retryDelayMs, type RetryPolicy } from './failures';
import type { Row } from './row';

export const FORMATTED_VALUE = 'OData.Community.Display.V1.FormattedValue';

export interface DataverseClientOptions {
  /** The environment's address: 'https://yourcouncil.crm11.dynamics.com'. */
  dataverseUrl: string;
  getAccessToken(): Promise<string>;
  fetch: FetchLike;
  retry?: Partial<RetryPolicy>;
  /** Waits between tries; tests pass one that does not really wait. */
  sleep?: (ms: number) => Promise<void>;
}

export interface ReadOptions {
  /** Sent as Prefer: odata.maxpagesize; the service may send fewer and a next link. */
  pageSize?: number;
  /** Sent as Prefer: odata.track-changes, so the last page carries a delta link. */
  trackChanges?: boolean;
  /**
   * False leaves out Prefer's formatted values (a lookup's name, a date or a choice as shown),
   * for a read that uses none: they came to a third of a directory page (711 bytes a resident, 470 without).
   */
  formattedValues?: boolean;
}

export interface Page {
  rows: Row[];
  nextLink: string | null;
  deltaLink: string | null;
}

export interface DataverseClient {
  /** '…/api/data/v9.2/', ending in a slash. */
  readonly baseUrl: string;
  /** One page: a path under the Web API, or a next or delta link the service gave. */
  readPage(pathOrLink: string, options?: ReadOptions): Promise<Page>;
  /** Every page, following next links; the delta link of the last page, if any. */
  readAll(pathOrLink: string, options?: ReadOptions): Promise<{ rows: Row[]; deltaLink: string | null }>;
  /** One row by its key path ('contacts(…)'); null when the service has no such row. */
  readRow(path: string): Promise<Row | null>;
  /** Creates a row; resolves when Dataverse answers 204 with the new row's address. */
  create(entitySet: string, body: Record<string, unknown>): Promise<void>;
  /**
   * One request, sent once, answered with whatever came back: for writes whose retrying
   * the caller decides (a $batch of cases, an update with If-Match) and for probes. Throws
   * a BackOfficeError only when no answer came (network, certificate, timeout).
   */
  sendOnce(method: 'GET' | 'POST' | 'PATCH', path: string, request?: SendOnceOptions): Promise<HttpResponse>;
  /**
   * Dataverse search's query operation (POST /api/search/v2.0/query, beside the Web API rather
   * than under it), with the same headers, retries and failures as a read; the parsed body.
   */
  searchQuery(body: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export interface SendOnceOptions {
  /** Added to the OData headers every request carries. */
  headers?: Record<string, string>;
  body?: string;
  /** Give up after this long without an answer. */
  timeoutMs?: number;
}

/**
 * A small Dataverse Web API client: the headers Microsoft documents, server-driven paging,
 * and retries for throttling (429 with Retry-After) and the service's own failures, bounded
 * so an agent is never left waiting long. Everything it throws is a BackOfficeError. Every
 * request the adapter makes is safe to repeat (reads, and creates with a client-made id), so
 * a dropped connection is retried too; an untrusted certificate never is.
 */
export function createDataverseClient(options: DataverseClientOptions): DataverseClient {
  const base = new URL('api/data/v9.2/', withSlash(options.dataverseUrl));
  if (base.protocol !== 'https:') throw new TypeError('The Dataverse address must start with https://.');
  const baseUrl = base.href;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  // A link must lead back to this environment: the bearer token goes wherever it points.
  const resolve = (pathOrLink: string): string => {
    const url = new URL(pathOrLink, baseUrl);
    if (!url.href.startsWith(baseUrl)) throw new BackOfficeError('rejected', { detail: `A link left the Dataverse environment: ${url.origin}${url.pathname}` });
    return url.href;
  };

  const accessToken = async (): Promise<string> => {
    try {
      return await options.getAccessToken();
    } catch (error) {
      if (error instanceof BackOfficeError) throw error;
      // The sign-in's own words when it has put the problem plainly (Dataverse not consented to, nobody acting in training).
      throw new BackOfficeError('sign-in', { cause: error, ...(error instanceof NotPossible ? { message: error.message } : {}) });
    }
  };

  const send = async (method: 'GET' | 'POST', url: string, extra: { prefer?: string[]; body?: string }): Promise<HttpResponse> => {
    for (let attempt = 1; ; attempt += 1) {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${await accessToken()}`,
        Accept: 'application/json',
        'OData-MaxVersion': '4.0',
        'OData-Version': '4.0',
        // Microsoft's advice, so no cache between here and Dataverse answers with old rows.
        'If-None-Match': 'null',
      };
      if (extra.prefer && extra.prefer.length > 0) headers.Prefer = extra.prefer.join(', ');
      if (extra.body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
      let response: HttpResponse;
      try {
        response = await options.fetch(url, { method, headers, body: extra.body });
      } catch (error) {
        const failure = networkFailure(error);
        if (failure === 'unreachable' && attempt < policy.maxAttempts) {
          await sleep(backoffMs(attempt, policy));
          continue;
        }
        throw new BackOfficeError(failure, { cause: error });
      }
      if (response.status < 400) return response;
      const wait = retryDelayMs(response, attempt, policy);
      if (wait === null) throw await failureFrom(response);
      await response.text().catch(() => '');
      await sleep(wait);
    }
  };

  const readJson = async (response: HttpResponse): Promise<Record<string, unknown>> => {
    try {
      const body: unknown = JSON.parse(await response.text());
      if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
    } catch (error) {
      throw new BackOfficeError('unreadable', { status: response.status, cause: error });
    }
    throw new BackOfficeError('unreadable', { status: response.status, detail: 'The response was not a JSON object.' });
  };

  const preferences = (read: ReadOptions = {}): string[] => {
    const prefer = read.formattedValues === false ? [] : [`odata.include-annotations="${FORMATTED_VALUE}"`];
    if (read.pageSize !== undefined) prefer.push(`odata.maxpagesize=${Math.max(1, Math.floor(read.pageSize))}`);
    if (read.trackChanges) prefer.push('odata.track-changes');
    return prefer;
  };

  const readPage = async (pathOrLink: string, read?: ReadOptions): Promise<Page> => {
    const body = await readJson(await send('GET', resolve(pathOrLink), { prefer: preferences(read) }));
    if (!Array.isArray(body.value)) throw new BackOfficeError('unreadable', { detail: 'A collection came back without a value array.' });
    return {
      rows: body.value as Row[],
      nextLink: typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : null,
      deltaLink: typeof body['@odata.deltaLink'] === 'string' ? body['@odata.deltaLink'] : null,
    };
  };

  return {
    baseUrl,
    readPage,
    async readAll(pathOrLink, read) {
      const rows: Row[] = [];
      let page = await readPage(pathOrLink, read);
      rows.push(...page.rows);
      while (page.nextLink) {
        page = await readPage(page.nextLink, read);
        rows.push(...page.rows);
      }
      return { rows, deltaLink: page.deltaLink };
    },
    async readRow(path) {
      try {
        return await readJson(await send('GET', resolve(path), { prefer: preferences() }));
      } catch (error) {
        if (error instanceof BackOfficeError && error.failure === 'not-found') return null;
        throw error;
      }
    },
    async sendOnce(method, path, request = {}) {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${await accessToken()}`,
        Accept: 'application/json',
        'OData-MaxVersion': '4.0',
        'OData-Version': '4.0',
        ...request.headers,
      };
      const sent = options.fetch(resolve(path), { method, headers, body: request.body });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        if (request.timeoutMs === undefined) return;
        timer = setTimeout(() => reject(Object.assign(new Error('The request timed out.'), { code: 'ETIMEDOUT' })), request.timeoutMs);
      });
      try {
        return await Promise.race([sent, timeout]);
      } catch (error) {
        // A late answer to a request given up on must not surface as an unhandled rejection.
        sent.catch(() => undefined);
        throw new BackOfficeError(networkFailure(error), { cause: error });
      } finally {
        clearTimeout(timer);
      }
    },
    async searchQuery(body) {
      // The search endpoint is the environment's own, at a fixed path: nothing the caller gives can move it elsewhere.
      const url = new URL('/api/search/v2.0/query', baseUrl).href;
      return readJson(await send('POST', url, { body: JSON.stringify(body) }));
    },
    async create(entitySet, body) {
      const response = await send('POST', resolve(entitySet), { body: JSON.stringify(body) });
      await response.text();
    },
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
