import { createWriteStream, mkdirSync, openSync, readSync, closeSync, readdirSync, renameSync, statSync, unlinkSync, type WriteStream } from 'node:fs';
import path from 'node:path';

/**
 * CivicDesk's log on this computer, in its data folder (desktop: `<userData>/logs`):
 * `civicdesk.log`, and the files it has been rotated into, `civicdesk.1.log` (the newest) to
 * `civicdesk.4.log` (the oldest).
 *
 * Retention, for the data protection officer: a file is rotated when it reaches 2 MB or its
 * first line is 30 days old; five files are kept, so at most 10 MB; a file whose last line is
 * more than 30 days old is deleted (checked at start, at each rotation and every hour). The
 * lines themselves hold no resident's details and no token (main/core/logs/redaction.ts).
 *
 * Lines go through an append stream, so writing one never waits for the disk. Rotating is
 * a few renames and deletes of small files, done at once so no line can land between them.
 * If the folder cannot be written (a full disk, no permission), the file log stops and says
 * why once; CivicDesk carries on with its other log (stderr).
 */
export interface LogFileOptions {
  folder: string;
  /** A file is rotated before it would pass this size. */
  maxBytes?: number;
  /** How many files are kept, the one being written included. */
  files?: number;
  /** Nothing older is kept. */
  maxAgeDays?: number;
  now?: () => Date;
  /** Told once if the file log stops (so it can say so on stderr). */
  onProblem?: (problem: string) => void;
}

export interface LogFile {
  write(line: string): void;
  /** Waits for every line written so far to reach the file. */
  close(): Promise<void>;
}

export const LOG_FILE_DEFAULTS = { maxBytes: 2 * 1024 * 1024, files: 5, maxAgeDays: 30 } as const;

const CURRENT = 'civicdesk.log';
const rotated = (index: number) => `civicdesk.${index}.log`;
const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;

export function openLogFile(options: LogFileOptions): LogFile {
  const maxBytes = options.maxBytes ?? LOG_FILE_DEFAULTS.maxBytes;
  const files = Math.max(1, options.files ?? LOG_FILE_DEFAULTS.files);
  const maxAgeMs = (options.maxAgeDays ?? LOG_FILE_DEFAULTS.maxAgeDays) * DAY_MS;
  const now = options.now ?? (() => new Date());
  const current = path.join(options.folder, CURRENT);

  let stream: WriteStream | null = null;
  let size = 0;
  let startedAt = now().getTime();
  let lastPrune = 0;
  let stopped: string | null = null;
  const closing: Promise<void>[] = [];

  const stop = (error: unknown) => {
    if (stopped) return;
    stopped = `CivicDesk stopped writing its log file in ${options.folder} (${codeOf(error)}); the log carries on without it.`;
    stream?.destroy();
    stream = null;
    options.onProblem?.(stopped);
  };

  // Opened here and now, not when the stream gets round to it: a rotation straight after must
  // rename the file these lines are going to.
  const open = () => {
    const opened = createWriteStream('', { fd: openSync(current, 'a', 0o600) });
    opened.on('error', stop);
    stream = opened;
  };

  const endCurrent = () => {
    const ending = stream;
    stream = null;
    if (ending) closing.push(new Promise((resolve) => ending.end(resolve)));
  };

  // Deletes what is past its age, and rotates the current file if its first line is.
  const prune = () => {
    lastPrune = now().getTime();
    const oldest = lastPrune - maxAgeMs;
    if (size > 0 && startedAt < oldest) rotate();
    for (const name of readdirSync(options.folder)) {
      const index = /^civicdesk\.(\d+)\.log$/.exec(name)?.[1];
      if (index === undefined) continue;
      const file = path.join(options.folder, name);
      if (Number(index) >= files || statSync(file).mtimeMs < oldest) unlinkSync(file);
    }
  };

  // civicdesk.log becomes .1, .1 becomes .2, …; the last is deleted.
  const rotate = () => {
    endCurrent();
    for (let index = files - 1; index >= 1; index -= 1) {
      const from = path.join(options.folder, index === 1 ? CURRENT : rotated(index - 1));
      const to = path.join(options.folder, rotated(index));
      if (exists(from)) renameSync(from, to);
    }
    if (files === 1) unlinkIfThere(current);
    size = 0;
    startedAt = now().getTime();
    open();
  };

  // Hourly even when nothing is written; and before a write an hour after the last check,
  // as a computer that slept has not run its timers.
  const hourly = setInterval(() => {
    try {
      if (!stopped) prune();
    } catch (error) {
      stop(error);
    }
  }, PRUNE_EVERY_MS);
  hourly.unref();

  try {
    mkdirSync(options.folder, { recursive: true, mode: 0o700 });
    if (exists(current)) {
      size = statSync(current).size;
      startedAt = firstLineTime(current) ?? statSync(current).mtimeMs;
    }
    prune();
    if (!stream) open();
  } catch (error) {
    stop(error);
  }

  return {
    write(line) {
      if (stopped) return;
      try {
        const bytes = Buffer.byteLength(line) + 1;
        if (now().getTime() - lastPrune > PRUNE_EVERY_MS) prune();
        if (size > 0 && size + bytes > maxBytes) rotate();
        size += bytes;
        stream?.write(`${line}\n`);
      } catch (error) {
        stop(error);
      }
    },
    async close() {
      clearInterval(hourly);
      stopped ??= 'closed';
      endCurrent();
      await Promise.all(closing);
    },
  };
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function unlinkIfThere(file: string) {
  if (exists(file)) unlinkSync(file);
}

/** When the file's first line was written (its "at"), read from its first few hundred bytes. */
function firstLineTime(file: string): number | null {
  const handle = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(512);
    const read = readSync(handle, buffer, 0, buffer.length, 0);
    const at = /"at":"([^"]+)"/.exec(buffer.subarray(0, read).toString('utf8'))?.[1];
    const time = at === undefined ? Number.NaN : Date.parse(at);
    return Number.isNaN(time) ? null : time;
  } finally {
    closeSync(handle);
  }
}

function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : 'unknown error';
}
