import type { CoreLog } from './create-core';
import { openLogFile, type LogFileOptions } from './logs/log-file';
import { loggableDetails, loggableText } from './logs/redaction';

const toStderr = (line: string) => {
  process.stderr.write(`${line}\n`);
};

/**
 * One JSON line per entry: `{"at","level","message","details"}`. Whatever a call site passes,
 * the message is redacted and the details keep only the keys a log may carry
 * (main/core/logs/redaction.ts): a resident's details and tokens never reach a line. Reads of
 * a resident's record belong in the audit trail, not here.
 */
export function createConsoleLog(write: (line: string) => void = toStderr, now: () => Date = () => new Date()): CoreLog {
  const entry = (level: 'info' | 'warn' | 'error') => (message: string, details: Record<string, unknown> = {}) => {
    const kept = loggableDetails(details);
    write(JSON.stringify({ at: now().toISOString(), level, message: loggableText(message), ...(Object.keys(kept).length > 0 ? { details: kept } : {}) }));
  };
  return { info: entry('info'), warn: entry('warn'), error: entry('error') };
}

/**
 * The log of a running CivicDesk: every line to stderr (which the desktop shell and the
 * browser host both capture) and, given a folder, to the rotating files in it
 * (main/core/logs/log-file.ts). The desktop app gives `<userData>/logs`; the browser host a
 * folder only when asked (`--logs`), as it is a development and test tool.
 */
export function createAppLog(options: { folder: string | null; stderr?: (line: string) => void; file?: Omit<LogFileOptions, 'folder' | 'onProblem'>; now?: () => Date }): { log: CoreLog; close(): Promise<void> } {
  const stderr = options.stderr ?? toStderr;
  const now = options.now ?? options.file?.now;
  const say = createConsoleLog(stderr, now);
  const file = options.folder === null ? null : openLogFile({ ...options.file, folder: options.folder, onProblem: (problem) => say.warn(problem) });
  const log = createConsoleLog((line) => {
    stderr(line);
    file?.write(line);
  }, now);
  return { log, close: async () => file?.close() };
}
