import type { AdapterContext } from './context';
import { INCIDENTS } from './tables/incident';

/**
 * How much text the tenant's columns hold, read from its own table definitions: an
 * administrator may have lengthened (or shortened) a column, so Dataverse's defaults are only
 * the fall-back. Counted as Dataverse counts them: its text columns are SQL nvarchar, whose
 * length is in UTF-16 code units, the same as a JavaScript string's length (an emoji counts 2).
 */
export interface ColumnLengths {
  /** incident.title: the case's summary. */
  caseTitle: number;
  /** incident.description: what the resident reported. */
  caseDescription: number;
  /** Whether these came from the tenant, or are Dataverse's defaults because it could not be asked. */
  source: 'tenant' | 'defaults';
}

/** Dataverse's own lengths for its incident table (Microsoft's entity reference). */
export const DATAVERSE_DEFAULT_LENGTHS: ColumnLengths = { caseTitle: 200, caseDescription: 2000, source: 'defaults' };

type LengthsContext = Pick<AdapterContext, 'client' | 'log'>;

interface AttributeLength {
  LogicalName?: unknown;
  MaxLength?: unknown;
}

/** LogicalName → MaxLength from one cast of a table's Attributes (Microsoft's shape: {"value":[{"LogicalName","MaxLength","MetadataId"}]}). */
async function maxLengths(context: LengthsContext, table: string, cast: 'StringAttributeMetadata' | 'MemoAttributeMetadata'): Promise<Map<string, number>> {
  const row = await context.client.readRow(`EntityDefinitions(LogicalName='${table}')/Attributes/Microsoft.Dynamics.CRM.${cast}?$select=LogicalName,MaxLength`);
  const lengths = new Map<string, number>();
  const value = (row as { value?: unknown } | null)?.value;
  for (const each of Array.isArray(value) ? (value as AttributeLength[]) : []) {
    if (typeof each.LogicalName === 'string' && typeof each.MaxLength === 'number' && Number.isInteger(each.MaxLength) && each.MaxLength > 0) lengths.set(each.LogicalName, each.MaxLength);
  }
  return lengths;
}

/** Reads the lengths from the tenant; throws when it cannot be asked or leaves a column out. */
export async function readColumnLengths(context: LengthsContext): Promise<ColumnLengths> {
  const [strings, memos] = await Promise.all([maxLengths(context, 'incident', 'StringAttributeMetadata'), maxLengths(context, 'incident', 'MemoAttributeMetadata')]);
  const caseTitle = strings.get('title');
  const caseDescription = memos.get('description');
  if (caseTitle === undefined || caseDescription === undefined) throw new Error(`${INCIDENTS}: the table definition has no length for ${caseTitle === undefined ? 'title' : 'description'}`);
  return { caseTitle, caseDescription, source: 'tenant' };
}

/**
 * A read of lengths done once (the first time something needs them, so after sign-in) and kept
 * for the run. If the tenant cannot be asked, the defaults are used and the log says so: text
 * longer than a column then goes into a note, so a default too small loses nothing. A failed
 * read is asked again the next time, so a network blip at start is not kept all day.
 */
function readOnce<T>(context: LengthsContext, read: () => Promise<T>, defaults: T, what: string): () => Promise<T> {
  let known: T | null = null;
  let reading: Promise<T> | null = null;
  return () => {
    if (known) return Promise.resolve(known);
    reading ??= read()
      .then((lengths) => (known = lengths))
      .catch((error: unknown) => {
        context.log.warn(`${what} could not be read from the tenant; using Dataverse defaults`, { reason: error instanceof Error ? error.name : 'unknown' });
        return defaults;
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  };
}

/** The case columns' lengths, read once (see readOnce). */
export function columnLengthsOnce(context: LengthsContext): () => Promise<ColumnLengths> {
  return readOnce(context, () => readColumnLengths(context), DATAVERSE_DEFAULT_LENGTHS, 'column lengths');
}

/**
 * How much a contact's activity (phonecall, or the council's face-to-face) holds of what the
 * officer typed: the notes (the activity's description) and the outcome summary.
 */
export interface ContactLengths {
  /** description: the officer's notes on the call or visit. */
  notes: number;
  /** cd_outcomesummary: what the contact came to, in the officer's words. */
  outcomeSummary: number;
  source: 'tenant' | 'defaults';
}

/** Dataverse's description on an activity, and the council's outcome summary as docs/dataverse-tables.md makes it. */
export const CONTACT_DEFAULT_LENGTHS: ContactLengths = { notes: 2000, outcomeSummary: 2000, source: 'defaults' };

/** Reads one activity table's lengths from the tenant; throws when it cannot be asked or leaves a column out. */
export async function readContactLengths(context: LengthsContext, table: string, outcomeSummaryColumn: string): Promise<ContactLengths> {
  const [strings, memos] = await Promise.all([maxLengths(context, table, 'StringAttributeMetadata'), maxLengths(context, table, 'MemoAttributeMetadata')]);
  // Either kind: an administrator may have made the outcome summary a single line of text.
  const notes = memos.get('description') ?? strings.get('description');
  const outcomeSummary = memos.get(outcomeSummaryColumn) ?? strings.get(outcomeSummaryColumn);
  if (notes === undefined || outcomeSummary === undefined) throw new Error(`${table}: the table definition has no length for ${notes === undefined ? 'description' : outcomeSummaryColumn}`);
  return { notes, outcomeSummary, source: 'tenant' };
}

/** Each activity table's lengths, read once per table (see readOnce). */
export function contactLengthsOnce(context: LengthsContext, outcomeSummaryColumn: string): (table: string) => Promise<ContactLengths> {
  const tables = new Map<string, () => Promise<ContactLengths>>();
  return (table) => {
    let once = tables.get(table);
    if (!once) {
      once = readOnce(context, () => readContactLengths(context, table, outcomeSummaryColumn), CONTACT_DEFAULT_LENGTHS, `${table} column lengths`);
      tables.set(table, once);
    }
    return once();
  };
}
