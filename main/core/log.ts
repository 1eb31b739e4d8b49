import type { CoreLog } from './create-core';

/**
 * One JSON line per entry on stderr, which the desktop shell and the browser host both
 * capture. Never log a resident's details here: the audit log is the place for reads.
 */
export function createConsoleLog(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): CoreLog {
  const entry = (level: string) => (message: string, details: Record<string, unknown> = {}) =>
    write(JSON.stringify({ at: new Date().toISOString(), level, message, ...details }));
  return { info: entry('info'), warn: entry('warn'), error: entry('error') };
}
