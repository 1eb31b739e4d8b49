import { BackOfficeError } from '../errors';
import type { DataverseClient } from './client';
import type { ColumnLengths, ContactLengths } from './column-lengths';
import type { TableNames } from './names';
import { UnreadableRow, type Row } from './row';

export interface BackOfficeLog {
  warn(message: string, details?: Record<string, unknown>): void;
}

/** What each back-office operation needs, built once by createDataverseBackOffice. */
export interface AdapterContext {
  client: DataverseClient;
  names: TableNames;
  /** The contact row the council keeps for anonymous reports (the setting anonymousContactId); null when none is set, and anonymous cases are then not sent. */
  anonymousContactId: string | null;
  /** How much the tenant's case columns hold, read once (column-lengths.ts). */
  columnLengths: () => Promise<ColumnLengths>;
  /** How much a contact's activity table ('phonecall', 'cd_facetoface') holds of the officer's words, read once per table. */
  contactLengths: (table: string) => Promise<ContactLengths>;
  /** Rows per page for long reads (the directory); Dataverse's own ceiling is 5,000. */
  pageSize: number;
  now: () => Date;
  log: BackOfficeLog;
  /** Waits (a short Retry-After); tests pass one that does not really wait. */
  sleep: (ms: number) => Promise<void>;
}

/**
 * Maps rows one by one. A row the adapter cannot read is left out and logged rather than
 * failing the whole screen: one odd legacy case should not hide a resident's record.
 */
export function readRows<T>(context: AdapterContext, table: string, rows: readonly Row[], map: (row: Row) => T): T[] {
  const mapped: T[] = [];
  for (const row of rows) {
    try {
      mapped.push(map(row));
    } catch (error) {
      if (!(error instanceof UnreadableRow)) throw error;
      context.log.warn('back-office row left out', { table, reason: error.message });
    }
  }
  return mapped;
}

/** The one row a screen is about: if it cannot be read, the screen cannot be shown. */
export function readRow<T>(table: string, row: Row, map: (row: Row) => T): T {
  try {
    return map(row);
  } catch (error) {
    if (error instanceof UnreadableRow) throw new BackOfficeError('unreadable', { detail: `${table}: ${error.message}`, cause: error });
    throw error;
  }
}
