import type { SearchHit } from '../../../../shared/domain/directory';
import { BackOfficeError } from '../errors';
import { readRows, type AdapterContext } from './context';
import type { Row } from './row';
import { CONTACTS, directoryColumns, toDirectoryEntry } from './tables/contact';

/** Dataverse search takes at most 100 characters of search text and returns at most 100 results. */
const LONGEST_SEARCH = 100;
export const MOST_ONLINE_RESULTS = 100;

/** Words as Dataverse search's analyser splits them: lower case, accents off, letters and digits. */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * The Lucene query for what the officer typed: each name word as a prefix (they are still
 * typing) or with a slip or two (Lucene's `~1`, `~2`: one for a short name, two from eight
 * letters, none under four, as the local search allows). Only words of letters alone: Dataverse
 * search looks at the names here, and the rest of the query (a date of birth, a postcode) is
 * the local search's to use. Cut to Dataverse's 100 characters a whole word at a time.
 */
export function luceneQuery(text: string): string {
  const parts: string[] = [];
  for (const word of words(text).filter((each) => /^\p{L}+$/u.test(each))) {
    const edits = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    const part = edits > 0 ? `${word}* ${word}~${edits}` : `${word}*`;
    if ([...parts, part].join(' ').length > LONGEST_SEARCH) break;
    parts.push(part);
  }
  return parts.join(' ');
}

/**
 * Residents from Dataverse search (the relevance search API), for while this computer's copy
 * of the directory is still arriving: a resident it does not hold yet can still be found by
 * name. The request is Microsoft's documented shape ("Dataverse Search query",
 * learn.microsoft.com/power-apps/developer/data-platform/search/query): POST
 * /api/search/v2.0/query, `entities` as a JSON string naming the contact table, its columns to
 * return and to search (which must be in the contact's Quick Find view, or Dataverse search
 * does not search them), and a filter for active contacts; `options` asks for Lucene syntax for
 * the fuzzy `~`. The answer's `response` is itself a JSON string.
 *
 * Each hit is the directory's own entry (the same columns change tracking brings), so it
 * shows and opens like a local one; the household link is not asked for (Dataverse search
 * returns lookups in shapes the docs do not pin down) and is left empty until the copy has it.
 * The council's anonymous contact is never offered, as in the directory.
 */
export async function searchResidents(context: AdapterContext, text: string, top: number): Promise<SearchHit[]> {
  const search = luceneQuery(text);
  if (search === '') return [];
  const { names } = context;
  // Lookups are left out (see above); contactid comes back as each result's Id as well.
  const selectColumns = directoryColumns(names).filter((column) => column !== names.lookup('householdid'));
  const entities = [{ name: 'contact', selectColumns, searchColumns: ['firstname', 'lastname'], filter: 'statecode eq 0' }];
  const body = await context.client.searchQuery({
    search,
    entities: JSON.stringify(entities),
    options: JSON.stringify({ querytype: 'lucene', searchmode: 'any' }),
    // One more than asked, as the anonymous contact may be among them.
    top: Math.min(MOST_ONLINE_RESULTS, Math.max(1, Math.floor(top)) + 1),
    count: false,
  });
  let response: unknown;
  try {
    response = typeof body.response === 'string' ? JSON.parse(body.response) : null;
  } catch (error) {
    throw new BackOfficeError('unreadable', { detail: 'Dataverse search sent a response that is not JSON.', cause: error });
  }
  if (response === null || typeof response !== 'object') throw new BackOfficeError('unreadable', { detail: 'Dataverse search sent no response.' });
  const { Error: failure, Value: value } = response as { Error?: { code?: string; message?: string } | null; Value?: unknown };
  if (failure) throw new BackOfficeError('rejected', { code: failure.code, detail: `Dataverse search: ${failure.message ?? 'an error with no message'}` });
  if (!Array.isArray(value)) throw new BackOfficeError('unreadable', { detail: 'Dataverse search sent results without a Value list.' });
  const found = (value as { Id?: unknown; EntityName?: unknown; Attributes?: Record<string, unknown>; Score?: unknown }[]).filter(
    (result) => result.EntityName === 'contact' && typeof result.Id === 'string' && result.Id.toLowerCase() !== context.anonymousContactId,
  );
  const scores = new Map(found.map((result) => [String(result.Id).toLowerCase(), typeof result.Score === 'number' ? result.Score : 0]));
  const rows: Row[] = found.map((result) => ({ ...result.Attributes, contactid: result.Id }) as Row);
  const entries = readRows(context, CONTACTS, rows, (row) => toDirectoryEntry(row, names));
  return entries.slice(0, Math.max(1, Math.floor(top))).map((entry) => ({ entry, score: scores.get(entry.residentId) ?? 0, matched: ['name'] }));
}
