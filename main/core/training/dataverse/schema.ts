import type { Choice } from '../../back-office/dataverse/choices';
import type { StandInRow } from './rows-people';

/**
 * The stand-in's own account of the tables, written from docs/dataverse-tables.md rather
 * than taken from the adapter's mapping, so a column the adapter misnames is refused here
 * as Dataverse would refuse it.
 */
export type Column = (
  | { type: 'guid' | 'date' | 'datetime' | 'bool' | 'int' | 'money' }
  /** Single line of text (String) or, with `memo`, multiple lines (Memo): Dataverse refuses a longer value. */
  | { type: 'text'; maxLength: number; memo?: boolean }
  | { type: 'choice' | 'choices'; label(value: number): string | undefined }
  /** `target` is the entity set a lookup names first (what its formatted value reads); `targets` every one it may be bound to. */
  | { type: 'lookup'; target: string; targets: readonly string[] }
) & {
  /**
   * Dataverse's RequiredLevel. Only SystemRequired is the platform's own rule, refused on
   * create; ApplicationRequired (business required) is a rule of the forms, which the Web
   * API does not enforce, so the stand-in only reports it in the table's metadata.
   */
  required?: RequiredLevel;
  /** What Dataverse says when a SystemRequired column is left out, where it has words of its own. */
  missing?: { code: string; message: string };
};

export type RequiredLevel = 'None' | 'ApplicationRequired' | 'SystemRequired';

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
/** Single line of text; 100 characters is Dataverse's own default for a new text column. */
export const text = (maxLength = 100): Column => ({ type: 'text', maxLength });
/** Multiple lines of text; 2,000 characters is Dataverse's own default for a new one. */
export const memo = (maxLength = 2000): Column => ({ type: 'text', maxLength, memo: true });
export const date: Column = { type: 'date' };
export const datetime: Column = { type: 'datetime' };
export const bool: Column = { type: 'bool' };
export const money: Column = { type: 'money' };
export const int: Column = { type: 'int' };
export const to = (target: string, ...others: string[]): Column => ({ type: 'lookup', target, targets: [target, ...others] });
/** The same column, business required (reported, not enforced) or system required (refused on create without it). */
export const requiredAs = (level: RequiredLevel, column: Column, missing?: { code: string; message: string }): Column => ({ ...column, required: level, ...(missing ? { missing } : {}) });

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
