import type { Column } from './schema';

export const FORMATTED_VALUE = 'OData.Community.Display.V1.FormattedValue';

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
const moment = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * The display text Dataverse adds as `column@OData.Community.Display.V1.FormattedValue` when
 * a request asks for it: choice labels, Yes/No, amounts in pounds, UK dates, and the name
 * of the row a lookup points at. Text and ids get none, as in Dataverse.
 */
export function formattedValue(column: Column, value: unknown, nameOf: (entitySet: string, id: string) => string | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  switch (column.type) {
    case 'choice':
      return column.label(Number(value));
    case 'choices':
      return String(value)
        .split(',')
        .map((each) => column.label(Number(each)) ?? each)
        .join('; ');
    case 'bool':
      return value === true ? 'Yes' : 'No';
    case 'money':
      return money.format(Number(value));
    case 'int':
      return Number(value).toLocaleString('en-GB');
    case 'date':
      return day.format(new Date(`${String(value).slice(0, 10)}T00:00:00Z`));
    case 'datetime':
      return moment.format(new Date(String(value)));
    case 'lookup':
      return nameOf(column.target, String(value));
    default:
      return undefined;
  }
}

/** Does `odata.include-annotations="…"` ask for formatted values? Wildcards count. */
export function wantsFormattedValues(annotations: string | undefined): boolean {
  if (annotations === undefined) return false;
  return annotations
    .split(',')
    .map((each) => each.trim())
    .some((pattern) => pattern === '*' || pattern === FORMATTED_VALUE || (pattern.endsWith('*') && FORMATTED_VALUE.startsWith(pattern.slice(0, -1))));
}
