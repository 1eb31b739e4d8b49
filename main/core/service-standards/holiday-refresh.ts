/**
 * Keeps the bank holidays current: fetch GOV.UK's feed when online, check it, merge it with
 * the data CivicDesk ships, and cache the result in the app's data folder.
 *
 * A feed from the network is untrusted. It replaces nothing unless parseBankHolidayFeed
 * accepts it and it covers this year and next; even then it only replaces the years it has
 * (GOV.UK's feed covers about six years around now), so no shipped year is ever dropped. On
 * any failure the cached data, or else the shipped data, stays in use and the result says why.
 *
 * Every dependency is passed in (fetch, file access, the clock), so tests run it against a
 * local HTTP server and the shell decides where the app's data folder is.
 */
import type { IsoDate } from '../../../shared/domain/dates';
import {
  englandAndWalesHolidays,
  isoDateInLondon,
  mergeBankHolidayFeeds,
  parseBankHolidayFeed,
  shippedBankHolidayFeed,
  type BankHolidayFeed,
} from '../../../shared/service-standards';

export const GOV_UK_BANK_HOLIDAYS_URL = 'https://www.gov.uk/bank-holidays.json';
export const BANK_HOLIDAY_CACHE_FILE_NAME = 'bank-holidays.json';
const DEFAULT_TIMEOUT_MS = 10_000;
/** GOV.UK's feed is about 20 KB; anything near this is not it. */
const DEFAULT_MAX_BYTES = 512 * 1024;

interface BodyReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}

/** The part of a fetch Response used here; the global fetch's Response fits. */
export interface FetchResponseLike {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  body?: { getReader(): BodyReader } | null;
  text(): Promise<string>;
}

export type FetchLike = (url: string, init: { signal: AbortSignal; redirect: 'error'; headers: Record<string, string> }) => Promise<FetchResponseLike>;

export interface HolidayStoreDeps {
  /** Full path of the cache file in the app's data folder (see BANK_HOLIDAY_CACHE_FILE_NAME). */
  cacheFile: string;
  /** Reads a UTF-8 file; rejects (ENOENT) when it does not exist. */
  readFile: (path: string) => Promise<string>;
  /** The shipped feed; defaults to resources/bank-holidays.json. */
  shipped?: BankHolidayFeed;
}

export interface RefreshBankHolidaysDeps extends HolidayStoreDeps {
  fetch: FetchLike;
  url?: string;
  writeFile: (path: string, data: string) => Promise<void>;
  now: () => Date;
  timeoutMs?: number;
  maxBytes?: number;
}

export type HolidaySource = 'feed' | 'cache' | 'shipped';

export type RefreshFailure = 'bad-url' | 'network' | 'timeout' | 'http-status' | 'too-large' | 'invalid-json' | 'invalid-feed';

export type RefreshResult =
  | {
      ok: true;
      source: 'feed';
      holidays: Set<IsoDate>;
      feed: BankHolidayFeed;
      /** Why the merged data could not be cached (it is still in use this run). */
      cacheProblem?: string;
    }
  | {
      ok: false;
      /** What is in use instead: the cache when it was valid, else the shipped data. */
      source: 'cache' | 'shipped';
      holidays: Set<IsoDate>;
      feed: BankHolidayFeed;
      failure: RefreshFailure;
      /** Plain English, for the log and the admin status page. */
      reason: string;
      cacheProblem?: string;
    };

export interface LoadedHolidays {
  source: 'cache' | 'shipped';
  holidays: Set<IsoDate>;
  feed: BankHolidayFeed;
  /** Why the cache file was not used, when it exists but is unreadable or invalid. */
  cacheProblem?: string;
}

/**
 * The best data available offline: the cache (a feed merged earlier) laid over the shipped
 * data, or the shipped data alone when there is no valid cache. Never throws.
 */
export async function loadBankHolidays(deps: HolidayStoreDeps): Promise<LoadedHolidays> {
  const shipped = deps.shipped ?? shippedBankHolidayFeed();
  let text: string;
  try {
    text = await deps.readFile(deps.cacheFile);
  } catch (error) {
    const missing = (error as { code?: string } | null)?.code === 'ENOENT';
    return { source: 'shipped', feed: shipped, holidays: englandAndWalesHolidays(shipped), ...(missing ? {} : { cacheProblem: `Could not read the cache: ${messageOf(error)}` }) };
  }
  const cached = parseBankHolidayFeed(text);
  if (!cached.ok) return { source: 'shipped', feed: shipped, holidays: englandAndWalesHolidays(shipped), cacheProblem: `Ignored the cache: ${cached.problem}` };
  const feed = mergeBankHolidayFeeds(shipped, cached.feed);
  return { source: 'cache', feed, holidays: englandAndWalesHolidays(feed) };
}

/** Fetches, checks, merges and caches GOV.UK's feed; on any failure keeps what it had. */
export async function refreshBankHolidays(deps: RefreshBankHolidaysDeps): Promise<RefreshResult> {
  const url = deps.url ?? GOV_UK_BANK_HOLIDAYS_URL;
  const current = await loadBankHolidays(deps);
  const keep = (failure: RefreshFailure, reason: string): RefreshResult => ({
    ok: false,
    source: current.source,
    holidays: current.holidays,
    feed: current.feed,
    failure,
    reason: `${reason} Still using the ${current.source === 'cache' ? 'cached' : 'shipped'} bank holidays.`,
    ...(current.cacheProblem ? { cacheProblem: current.cacheProblem } : {}),
  });

  if (!isAllowedUrl(url)) return keep('bad-url', `Refusing to fetch bank holidays from ${JSON.stringify(url)}: only https (or http on this machine's loopback) is allowed.`);

  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);

  let text: string;
  try {
    const response = await deps.fetch(url, { signal: controller.signal, redirect: 'error', headers: { accept: 'application/json' } });
    if (!response.ok || response.status !== 200) {
      await response.body?.getReader().cancel().catch(() => undefined);
      return keep('http-status', `GOV.UK answered HTTP ${response.status}.`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.getReader().cancel().catch(() => undefined);
      return keep('too-large', `The bank holiday feed is ${declared} bytes, more than the ${maxBytes} allowed.`);
    }
    const body = await readLimited(response, maxBytes);
    if (body === null) return keep('too-large', `The bank holiday feed is more than the ${maxBytes} bytes allowed.`);
    text = body;
  } catch (error) {
    if (timedOut) return keep('timeout', `GOV.UK did not answer within ${timeoutMs / 1000} seconds.`);
    return keep('network', `Could not reach GOV.UK: ${messageOf(error)}.`);
  } finally {
    clearTimeout(timer);
  }

  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    return keep('invalid-json', 'The bank holiday feed is not valid JSON.');
  }
  const thisYear = Number(isoDateInLondon(deps.now()).slice(0, 4));
  const parsed = parseBankHolidayFeed(json, { requiredYears: { first: thisYear, last: thisYear + 1 } });
  if (!parsed.ok) return keep('invalid-feed', parsed.problem);

  const feed = mergeBankHolidayFeeds(current.feed, parsed.feed);
  const holidays = englandAndWalesHolidays(feed);
  try {
    await deps.writeFile(deps.cacheFile, `${JSON.stringify(feed)}\n`);
  } catch (error) {
    return { ok: true, source: 'feed', holidays, feed, cacheProblem: `Could not write the cache: ${messageOf(error)}` };
  }
  return { ok: true, source: 'feed', holidays, feed };
}

function isAllowedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

/** The body as text, or null when it is longer than `maxBytes`. */
async function readLimited(response: FetchResponseLike, maxBytes: number): Promise<string | null> {
  if (!response.body) {
    const text = await response.text();
    return new TextEncoder().encode(text).byteLength > maxBytes ? null : text;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // Bad UTF-8 becomes U+FFFD, which then fails the JSON or the date checks.
  return new TextDecoder('utf-8').decode(all);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
