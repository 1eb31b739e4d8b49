import type { Choice } from '../../back-office/dataverse/choices';
import type { StandInRow } from './rows-people';

/**
 * The stand-in's own account of the tables, written from docs/dataverse-tables.md rather
 * than taken from the adapter's mapping, so a column the adapter misnames is refused here
 * as Dataverse would refuse it.
 */
export type Column =
  | { type: 'guid' | 'text' | 'date' | 'datetime' | 'bool' | 'int' | 'money' }
  | { type: 'choice' | 'choices'; label(value: number): string | undefined }
  | { type: 'lookup'; target: string };

export interface TableDefinition {
  entitySet: string;
  logicalName: string;
  key: string;
  /** The primary name column: what a lookup to this table shows as its formatted value. */
  primaryName: string;
  columns: Readonly<Record<string, Column>>;
  /** Change tracking is switched on for the table. */
  tracked?: boolean;
  /** The stand-in takes new rows only where the app writes: the access audit. */
  creatable?: boolean;
  /** Navigation properties a create may bind with @odata.bind, to the lookup column each sets. */
  bindings?: Readonly<Record<string, string>>;
  /** Columns Dataverse fills in itself when a row is made (a case's reference, a note's file size). */
  derive?: (values: StandInRow) => StandInRow;
  /** The status reasons (statuscode) each state (statecode) allows, where the table has them. */
  statuses?: Readonly<Record<number, readonly number[]>>;
}

export const guid: Column = { type: 'guid' };
export const text: Column = { type: 'text' };
export const date: Column = { type: 'date' };
export const datetime: Column = { type: 'datetime' };
export const bool: Column = { type: 'bool' };
export const money: Column = { type: 'money' };
export const int: Column = { type: 'int' };
export const to = (target: string): Column => ({ type: 'lookup', target });

/** Labels for the council's choices: the code in sentence case ('housing-repair' → 'Housing repair'). */
export function labelled(options: Choice<string>, type: 'choice' | 'choices' = 'choice'): Column {
  return {
    type,
    label: (value) => {
      const code = options.fromValue(value);
      return code === undefined ? undefined : code.charAt(0).toUpperCase() + code.slice(1).replaceAll('-', ' ');
    },
  };
}

export function states(labels: readonly string[]): Column {
  return { type: 'choice', label: (value) => labels[value] };
}

const ACTIVE_INACTIVE = states(['Active', 'Inactive']);

/** Columns every table here has. */
export const standard = { statecode: ACTIVE_INACTIVE, createdon: datetime };
