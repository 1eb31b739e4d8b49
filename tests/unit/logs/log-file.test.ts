import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppLog } from '../../../main/core/log';
import { openLogFile } from '../../../main/core/logs/log-file';

const DAY = 86_400_000;

describe('the log file in the data folder', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'civicdesk-logs-'));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  const read = (name: string) => readFileSync(path.join(folder, name), 'utf8').split('\n').filter(Boolean);
  const line = (n: number, at = '2026-12-04T10:00:00.000Z') => JSON.stringify({ at, level: 'info', message: `line ${String(n).padStart(4, '0')}`.padEnd(80, '.') });

  it('rotates by size, keeps the newest files and deletes the oldest, losing no line in between', async () => {
    const file = openLogFile({ folder, maxBytes: 1000, files: 3 });
    for (let n = 0; n < 100; n += 1) file.write(line(n));
    await file.close();

    expect(readdirSync(folder).sort()).toEqual(['civicdesk.1.log', 'civicdesk.2.log', 'civicdesk.log']);
    for (const name of readdirSync(folder)) expect(statSync(path.join(folder, name)).size).toBeLessThanOrEqual(1000);
    // Oldest to newest, the kept lines run on without a gap and end with the last one written.
    const kept = [...read('civicdesk.2.log'), ...read('civicdesk.1.log'), ...read('civicdesk.log')].map((each) => Number(/line (\d+)/.exec(each)?.[1]));
    expect(kept.at(-1)).toBe(99);
    expect(kept).toEqual(kept.map((_, index) => (kept[0] as number) + index));
    expect(kept[0]).toBeGreaterThan(0);
  });

  it('carries on the file a previous run left, rotating it when the next line would not fit', async () => {
    writeFileSync(path.join(folder, 'civicdesk.log'), `${line(1)}\n`.repeat(11));
    const file = openLogFile({ folder, maxBytes: 1000, files: 5 });
    file.write(line(2));
    await file.close();
    expect(read('civicdesk.1.log')).toHaveLength(11);
    expect(read('civicdesk.log')).toEqual([line(2)]);
  });

  it('keeps nothing older than the retention: old files are deleted and an old current file rotated away', async () => {
    const now = new Date('2026-12-04T10:00:00Z');
    const longAgo = new Date(now.getTime() - 40 * DAY);
    const lastWeek = new Date(now.getTime() - 7 * DAY);
    writeFileSync(path.join(folder, 'civicdesk.log'), `${line(1, longAgo.toISOString())}\n${line(2, lastWeek.toISOString())}\n`);
    utimesSync(path.join(folder, 'civicdesk.log'), lastWeek, lastWeek);
    writeFileSync(path.join(folder, 'civicdesk.1.log'), `${line(0, longAgo.toISOString())}\n`);
    utimesSync(path.join(folder, 'civicdesk.1.log'), longAgo, longAgo);
    writeFileSync(path.join(folder, 'civicdesk.9.log'), 'left by a setting with more files\n');
    writeFileSync(path.join(folder, 'notes.txt'), 'not ours');

    const file = openLogFile({ folder, maxBytes: 1000, files: 5, maxAgeDays: 30, now: () => now });
    file.write(line(3, now.toISOString()));
    await file.close();

    // The current file began 40 days ago, so it was rotated; its last line is a week old, so it is kept.
    expect(readdirSync(folder).sort()).toEqual(['civicdesk.1.log', 'civicdesk.log', 'notes.txt']);
    expect(read('civicdesk.1.log')).toEqual([line(1, longAgo.toISOString()), line(2, lastWeek.toISOString())]);
    expect(read('civicdesk.log')).toEqual([line(3, now.toISOString())]);
  });

  // The clock starts at the real time, as the files' modification times do.
  it('keeps a line that is not yet past its age', async () => {
    let now = new Date();
    const file = openLogFile({ folder, maxBytes: 100_000, files: 5, maxAgeDays: 30, now: () => now });
    const first = line(1, now.toISOString());
    file.write(first);
    now = new Date(now.getTime() + 29 * DAY);
    const second = line(2, now.toISOString());
    file.write(second);
    await file.close();
    expect(readdirSync(folder)).toEqual(['civicdesk.log']);
    expect(read('civicdesk.log')).toEqual([first, second]);
  });

  it('checks the retention again while running, not only at start: a line past its age is gone', async () => {
    let now = new Date();
    const file = openLogFile({ folder, maxBytes: 100_000, files: 5, maxAgeDays: 30, now: () => now });
    file.write(line(1, now.toISOString()));
    now = new Date(now.getTime() + 31 * DAY);
    const later = line(2, now.toISOString());
    file.write(later);
    await file.close();
    expect(readdirSync(folder)).toEqual(['civicdesk.log']);
    expect(read('civicdesk.log')).toEqual([later]);
  });

  it('checks the retention every hour even when nothing is written', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let now = new Date();
      const file = openLogFile({ folder, maxBytes: 100_000, files: 5, maxAgeDays: 30, now: () => now });
      file.write(line(1, now.toISOString()));
      now = new Date(now.getTime() + 31 * DAY);
      vi.advanceTimersByTime(3_600_000);
      await file.close();
      expect(readdirSync(folder)).toEqual(['civicdesk.log']);
      expect(read('civicdesk.log')).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops the file log, once and saying why, when the folder cannot be written, and the log carries on', async () => {
    const notAFolder = path.join(folder, 'taken');
    writeFileSync(notAFolder, 'a file where the folder should be');
    const stderr: string[] = [];
    const { log, close } = createAppLog({ folder: path.join(notAFolder, 'logs'), stderr: (each) => stderr.push(each) });
    log.info('case sent', { caseId: 'c1' });
    log.info('case sent', { caseId: 'c2' });
    await close();
    expect(stderr.map((each) => (JSON.parse(each) as { message: string }).message)).toEqual([expect.stringMatching(/stopped writing its log file .* \((ENOTDIR|EEXIST)\)/), 'case sent', 'case sent']);
  });

  it('writes the same redacted lines to stderr and to the file', async () => {
    const stderr: string[] = [];
    const { log, close } = createAppLog({ folder, stderr: (each) => stderr.push(each) });
    log.warn('could not send to jane@example.org', { caseId: 'c1', phone: '07700 900123' });
    await close();
    expect(read('civicdesk.log')).toEqual(stderr);
    expect(stderr[0]).toContain('[email]');
    expect(stderr[0]).not.toContain('900123');
  });
});
