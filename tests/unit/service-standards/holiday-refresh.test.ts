import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadBankHolidays, refreshBankHolidays, type RefreshBankHolidaysDeps } from '../../../main/core/service-standards/holiday-refresh';
import { parseBankHolidayFeed } from '../../../shared/service-standards';

const event = (date: string, title = 'Bank holiday') => ({ title, date, notes: '', bunting: true });

/** England and Wales 2025-2027 by hand (GOV.UK), plus a made-up one-off on Fri 12 June 2026. */
const EW_2025_2027 = [
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-06-12', '2026-08-31', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
];
const goodFeed = { 'england-and-wales': { division: 'england-and-wales', events: EW_2025_2027.map((d) => event(d)) } };
/** Hostile: well-formed, but only 2018-2019, so it would wipe out this year and next. */
const droppedYearsFeed = {
  'england-and-wales': {
    division: 'england-and-wales',
    events: ['2018-01-01', '2018-03-30', '2018-04-02', '2018-05-07', '2018-05-28', '2018-08-27', '2018-12-25', '2018-12-26', '2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26'].map((d) => event(d)),
  },
};

let server: Server;
let base: string;
let dir: string;
let cacheFile: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const send = (status: number, body: string) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(body);
    };
    switch (request.url) {
      case '/good':
        return send(200, JSON.stringify(goodFeed));
      case '/error':
        return send(500, '{"error":"boom"}');
      case '/not-json':
        return send(200, '<html><body>Maintenance</body></html>');
      case '/dropped-years':
        return send(200, JSON.stringify(droppedYearsFeed));
      case '/gap':
        return send(200, JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events: EW_2025_2027.filter((d) => !d.startsWith('2026')).map((d) => event(d)) } }));
      case '/weekdays': {
        // Hostile: every weekday of 2025 a "bank holiday".
        const events = [];
        for (let day = Date.UTC(2025, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
          const date = new Date(day);
          if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) events.push(event(date.toISOString().slice(0, 10)));
        }
        return send(200, JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events } }));
      }
      case '/huge':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(`{"padding":"${'x'.repeat(2 * 1024 * 1024)}"}`);
        return;
      case '/redirect':
        response.writeHead(302, { location: '/good' });
        response.end();
        return;
      case '/slow':
        return; // never answers
      default:
        return send(404, '{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = await mkdtemp(path.join(tmpdir(), 'civicdesk-holidays-'));
  cacheFile = path.join(dir, 'bank-holidays.json');
});

const deps = (route: string, extra: Partial<RefreshBankHolidaysDeps> = {}): RefreshBankHolidaysDeps => ({
  fetch: (url, init) => fetch(url, init),
  url: `${base}${route}`,
  cacheFile,
  readFile: (file) => readFile(file, 'utf8'),
  writeFile: (file, data) => writeFile(file, data, 'utf8'),
  now: () => new Date('2025-06-02T09:00:00Z'),
  timeoutMs: 2_000,
  ...extra,
});

describe('refreshBankHolidays', () => {
  it('merges a good feed with the shipped data and caches it', async () => {
    const result = await refreshBankHolidays(deps('/good'));
    expect(result).toMatchObject({ ok: true, source: 'feed' });
    expect(result.holidays.has('2026-06-12')).toBe(true); // from the feed
    expect(result.holidays.has('2018-01-01')).toBe(true); // shipped years are never dropped
    expect(result.holidays.has('2022-09-19')).toBe(true);
    expect(result.holidays.has('2030-12-25')).toBe(true);

    const cached = parseBankHolidayFeed(await readFile(cacheFile, 'utf8'));
    expect(cached.ok).toBe(true);
    if (cached.ok) {
      expect(cached.holidays.has('2026-06-12')).toBe(true);
      expect(cached.years.first).toBe(2018);
    }
    // Next start, offline: the cache is used.
    const loaded = await loadBankHolidays({ cacheFile, readFile: (file) => readFile(file, 'utf8') });
    expect(loaded.source).toBe('cache');
    expect(loaded.holidays.has('2026-06-12')).toBe(true);
  });

  it('keeps the cached data when GOV.UK answers 500', async () => {
    await refreshBankHolidays(deps('/good'));
    const result = await refreshBankHolidays(deps('/error'));
    expect(result).toMatchObject({ ok: false, source: 'cache', failure: 'http-status' });
    if (!result.ok) expect(result.reason).toMatch(/HTTP 500.*Still using the cached bank holidays/);
    expect(result.holidays.has('2026-06-12')).toBe(true);
  });

  it('keeps the shipped data when there is no cache and the answer is not JSON', async () => {
    const result = await refreshBankHolidays(deps('/not-json'));
    expect(result).toMatchObject({ ok: false, source: 'shipped', failure: 'invalid-json' });
    if (!result.ok) expect(result.reason).toMatch(/not valid JSON/);
    expect(result.holidays.has('2026-06-12')).toBe(false);
    expect(result.holidays.has('2022-06-03')).toBe(true);
    await expect(readFile(cacheFile, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('refuses a hostile feed that drops this year and next', async () => {
    await refreshBankHolidays(deps('/good'));
    const before = await readFile(cacheFile, 'utf8');
    const result = await refreshBankHolidays(deps('/dropped-years'));
    expect(result).toMatchObject({ ok: false, source: 'cache', failure: 'invalid-feed' });
    if (!result.ok) expect(result.reason).toMatch(/covers 2018-2019 .* must cover at least 2025-2026/);
    expect(result.holidays.has('2025-12-25')).toBe(true);
    expect(result.holidays.has('2026-06-12')).toBe(true);
    expect(await readFile(cacheFile, 'utf8')).toBe(before); // cache untouched
  });

  it('refuses a feed with a year missing in the middle, or every weekday a holiday', async () => {
    const gap = await refreshBankHolidays(deps('/gap'));
    expect(gap).toMatchObject({ ok: false, failure: 'invalid-feed' });
    if (!gap.ok) expect(gap.reason).toMatch(/no england-and-wales bank holidays in 2026/);
    const weekdays = await refreshBankHolidays(deps('/weekdays'));
    expect(weekdays).toMatchObject({ ok: false, failure: 'invalid-feed' });
    expect(weekdays.holidays.has('2025-06-03')).toBe(false);
  });

  it('refuses an oversized answer, a redirect and a slow server', async () => {
    expect(await refreshBankHolidays(deps('/huge'))).toMatchObject({ ok: false, source: 'shipped', failure: 'too-large' });
    expect(await refreshBankHolidays(deps('/redirect'))).toMatchObject({ ok: false, failure: 'network' });
    const slow = await refreshBankHolidays(deps('/slow', { timeoutMs: 200 }));
    expect(slow).toMatchObject({ ok: false, failure: 'timeout' });
    if (!slow.ok) expect(slow.reason).toMatch(/did not answer within 0.2 seconds/);
  });

  it('reports a network failure', async () => {
    // Port 1 on loopback: nothing listens there.
    const result = await refreshBankHolidays(deps('', { url: 'http://127.0.0.1:1/bank-holidays.json' }));
    expect(result).toMatchObject({ ok: false, source: 'shipped', failure: 'network' });
  });

  it('fetches only over https, or plain http on loopback', async () => {
    const spy = vi.fn();
    const result = await refreshBankHolidays(deps('', { url: 'http://www.gov.uk/bank-holidays.json', fetch: spy }));
    expect(result).toMatchObject({ ok: false, failure: 'bad-url' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('ignores a corrupt cache and says so', async () => {
    await writeFile(cacheFile, '{"england-and-wales": ');
    const loaded = await loadBankHolidays({ cacheFile, readFile: (file) => readFile(file, 'utf8') });
    expect(loaded.source).toBe('shipped');
    expect(loaded.cacheProblem).toMatch(/Ignored the cache: .*not valid JSON/);
    const result = await refreshBankHolidays(deps('/good'));
    expect(result).toMatchObject({ ok: true, source: 'feed' });
  });

  it('still returns the fresh data when the cache cannot be written', async () => {
    const result = await refreshBankHolidays(deps('/good', { writeFile: () => Promise.reject(new Error('disk full')) }));
    expect(result).toMatchObject({ ok: true, cacheProblem: 'Could not write the cache: disk full' });
    expect(result.holidays.has('2026-06-12')).toBe(true);
  });
});
