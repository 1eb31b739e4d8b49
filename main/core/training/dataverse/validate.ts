import { badQuery, ODataError } from './odata-error';
import type { StandInRow } from './rows-people';
import type { Column, TableDefinition } from './schema';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The Edm type the Web API declares for each kind of column, as its errors name it. */
const EDM: Record<Column['type'], string> = {
  guid: 'Edm.Guid',
  text: 'Edm.String',
  date: 'Edm.Date',
  datetime: 'Edm.DateTimeOffset',
  bool: 'Edm.Boolean',
  int: 'Edm.Int32',
  money: 'Edm.Decimal',
  choice: 'Edm.Int32',
  choices: 'Edm.String',
  lookup: 'Edm.Guid',
};

/** The OData reader's refusal of a value of the wrong JSON type: before Dataverse sees the row at all. */
const wrongType = (value: unknown, column: Column) =>
  badQuery(`Cannot convert the literal '${typeof value === 'string' ? value : JSON.stringify(value)}' to the expected type '${EDM[column.type]}'.`);

/** Dataverse's own words for a choice value that is not one of the choice's options. */
const outsideRange = (value: unknown, name: string, definition: TableDefinition) =>
  new ODataError(400, '0x8004431A', `A validation error occurred.  The value ${String(value)} of '${name}' on record of type '${definition.logicalName}' is outside the valid range.`);

/** Whether the value is one the column's type can hold (null empties any column). */
function fitsType(column: Column, value: unknown): boolean {
  if (value === null) return true;
  switch (column.type) {
    case 'text':
      return typeof value === 'string';
    case 'guid':
    case 'lookup':
      return typeof value === 'string' && GUID.test(value);
    case 'date':
      return typeof value === 'string' && DATE.test(value);
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'bool':
      return typeof value === 'boolean';
    case 'int':
    case 'choice':
      return typeof value === 'number' && Number.isInteger(value);
    case 'money':
      return typeof value === 'number' && Number.isFinite(value);
    case 'choices':
      return typeof value === 'string' && /^-?\d+(,-?\d+)*$/.test(value);
  }
}

/**
 * A row's values checked as Dataverse checks them on a create or an update, from the table's
 * schema: each value of its column's type, each choice one of its options, each text no
 * longer than its column, and on a create every system-required column given. The first
 * failure is thrown, in Dataverse's words and with its code.
 */
export function validateWrite(definition: TableDefinition, values: StandInRow, change: 'create' | 'update'): void {
  for (const [name, value] of Object.entries(values)) {
    const column = definition.columns[name];
    if (!column) continue; // The store refuses a column the table does not have, as the OData reader does.
    if (!fitsType(column, value)) throw wrongType(value, column);
    if (value === null) continue;
    if (column.type === 'text' && (value as string).length > column.maxLength) {
      throw new ODataError(
        400,
        '0x80044331',
        `A validation error occurred.  The length of the '${name}' attribute of the '${definition.logicalName}' entity exceeded the maximum allowed length of '${column.maxLength}'.`,
      );
    }
    if (column.type === 'choice' && column.label(value as number) === undefined) throw outsideRange(value, name, definition);
    if (column.type === 'choices') for (const each of (value as string).split(',')) if (column.label(Number(each)) === undefined) throw outsideRange(each, name, definition);
  }
  for (const [name, column] of Object.entries(definition.columns)) {
    if (column.required !== 'SystemRequired') continue;
    const left = change === 'create' ? values[name] === undefined || values[name] === null : name in values && values[name] === null;
    if (left) throw new ODataError(400, column.missing?.code ?? '0x80040203', column.missing?.message ?? `Attribute '${name}' cannot be NULL`);
  }
}
