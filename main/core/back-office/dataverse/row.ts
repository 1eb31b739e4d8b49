import type { IsoDate, IsoDateTime } from '../../../../shared/domain/dates';
import { FORMATTED_VALUE } from './client';
import type { Choice } from './choices';

/** One row as the Web API sends it: column logical names to JSON values, plus annotations. */
export type Row = Readonly<Record<string, unknown>>;

/** A row the adapter cannot turn into the domain: skipped and logged, never guessed at. */
export class UnreadableRow extends Error {
  override readonly name = 'UnreadableRow';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

export function text(row: Row, column: string): string | null {
  const value = row[column];
  return typeof value === 'string' && value !== '' ? value : null;
}

export function requiredText(row: Row, column: string): string {
  const value = text(row, column);
  if (value === null) throw new UnreadableRow(`${column} is empty`);
  return value;
}

export function bool(row: Row, column: string): boolean {
  return row[column] === true;
}

/** Date-only columns come as 'YYYY-MM-DD'; a date and time is cut to its day as stored. */
export function date(row: Row, column: string): IsoDate | null {
  const value = text(row, column);
  if (value === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) throw new UnreadableRow(`${column} is not a date`);
  return value.slice(0, 10);
}

export function requiredDate(row: Row, column: string): IsoDate {
  const value = date(row, column);
  if (value === null) throw new UnreadableRow(`${column} is empty`);
  return value;
}

/** Dataverse writes '2024-01-28T12:09:02Z'; the domain keeps the full ISO form in UTC. */
export function dateTime(row: Row, column: string): IsoDateTime | null {
  const value = text(row, column);
  if (value === null) return null;
  const when = new Date(value);
  if (Number.isNaN(when.getTime())) throw new UnreadableRow(`${column} is not a date and time`);
  return when.toISOString();
}

/** Money columns are decimal pounds; the domain counts pence so sums never drift. */
export function pence(row: Row, column: string): number {
  const value = row[column];
  if (typeof value !== 'number') throw new UnreadableRow(`${column} is not an amount`);
  return Math.round(value * 100);
}

export function choice<T extends string>(row: Row, column: string, options: Choice<T>): T | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  const code = typeof value === 'number' ? options.fromValue(value) : undefined;
  if (code === undefined) throw new UnreadableRow(`${column} has an unknown choice ${String(value)}`);
  return code;
}

export function requiredChoice<T extends string>(row: Row, column: string, options: Choice<T>): T {
  const code = choice(row, column, options);
  if (code === null) throw new UnreadableRow(`${column} is empty`);
  return code;
}

/** Multi-select choices come as one string of values: '100000000,100000003'. */
export function choices<T extends string>(row: Row, column: string, options: Choice<T>): T[] {
  const value = text(row, column);
  if (value === null) return [];
  return value.split(',').map((part) => {
    const code = options.fromValue(Number(part.trim()));
    if (code === undefined) throw new UnreadableRow(`${column} has an unknown choice ${part}`);
    return code;
  });
}

/** Lookup columns come as '_name_value' holding the related row's id. */
export function lookup(row: Row, column: string): string | null {
  const value = text(row, column);
  return value === null ? null : value.toLowerCase();
}

export function requiredLookup(row: Row, column: string): string {
  const value = lookup(row, column);
  if (value === null) throw new UnreadableRow(`${column} is empty`);
  return value;
}

/** The display text Dataverse adds when asked (a lookup's name, a choice's label). */
export function formatted(row: Row, column: string): string | null {
  const value = row[`${column}@${FORMATTED_VALUE}`];
  return typeof value === 'string' && value !== '' ? value : null;
}
