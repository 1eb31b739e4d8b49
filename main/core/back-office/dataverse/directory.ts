import type { DirectoryEntry } from '../../../../shared/domain/directory';
import { BackOfficeError } from '../errors';
import type { DirectoryChanges, DirectoryReadOptions } from '../port';
import type { Page } from './client';
import { readRows, type AdapterContext } from './context';
import { query, select } from './odata';
import type { Row } from './row';
import { CONTACTS, directoryColumns, toDirectoryEntry } from './tables/contact';

/**
 * Tokens name the columns they were made for: when a release changes the directory's
 * columns, an old token starts a fresh full load instead of missing the new columns.
 */
const TOKEN_PREFIX = 'contacts-directory-v1:';

/**
 * The resident directory through Dataverse change tracking: the first read asks for
 * `Prefer: odata.track-changes` and pages through every contact; the last page's
 * @odata.deltaLink carries a $deltatoken, and later reads with it return only the contacts
 * changed since, and the deleted ones as $deletedEntity entries. Change tracking does not
 * allow $filter, $orderby, $expand or $top, so the query is $select only.
 *
 * A whole read hands each page on as it arrives (options.onPage), so a new PC can search the
 * first 5,000 residents while the rest are still coming. Its pages cannot be asked for side
 * by side: each @odata.nextLink carries the paging cookie of the page before, and only the
 * last page of the one tracked read carries the delta token. Reading partitions side by side
 * ($filter on the key) would need that whole tracked read as well, to get a token, so it
 * would read the directory twice. Instead the next page is asked for before this one is
 * unpacked, and the count (RetrieveTotalRecordCount) is asked for beside the first page: at
 * most two requests at once, far inside Dataverse's service protection limits (52 at once per
 * user; 6,000 requests, or 1,200 s of server time, in 5 minutes), and about 65 requests for a
 * 320,000-resident borough. The rest of the overlap is in main and the page: main reads ahead
 * of the page's requests, and the page indexes and stores one slice while the next comes.
 */
export async function readDirectory(context: AdapterContext, deltaToken: string | null, options: DirectoryReadOptions = {}): Promise<DirectoryChanges> {
  const $select = select(directoryColumns(context.names));
  if (deltaToken?.startsWith(TOKEN_PREFIX)) {
    try {
      const changes = await context.client.readAll(query(CONTACTS, { $select, $deltatoken: deltaToken.slice(TOKEN_PREFIX.length) }), { pageSize: context.pageSize, formattedValues: false });
      return changesFrom(context, changes.rows, changes.deltaLink, false);
    } catch (error) {
      // Dataverse keeps changes for a limited time (7 days by default); an expired token is refused.
      if (!(error instanceof BackOfficeError) || !(error.failure === 'rejected' || error.status === 410)) throw error;
      context.log.warn('directory delta token refused; loading the whole directory again', { status: error.status, code: error.code });
    }
  }
  return readWhole(context, $select, options);
}

async function readWhole(context: AdapterContext, $select: string, options: DirectoryReadOptions): Promise<DirectoryChanges> {
  // The directory's entries take no formatted values (toDirectoryEntry): a page is a third smaller without them.
  const read = { pageSize: context.pageSize, trackChanges: true, formattedValues: false };
  const counted = options.onExpected ? countContacts(context).then((count) => count !== null && options.onExpected?.(count)) : Promise.resolve();
  const entries: DirectoryEntry[] = [];
  let page: Page = await context.client.readPage(query(CONTACTS, { $select }), read);
  for (;;) {
    if (options.signal?.aborted) throw new BackOfficeError('rejected', { detail: 'The directory read was stopped: nobody wanted the rest.' });
    // The next page is on its way while this one is unpacked and handed on.
    const next = page.nextLink ? context.client.readPage(page.nextLink, read) : null;
    // Not left unhandled if handing this page on throws first.
    next?.catch(() => undefined);
    const arrived = readRows(context, CONTACTS, residentsIn(context, page.rows), (row) => toDirectoryEntry(row, context.names));
    for (const entry of arrived) entries.push(entry);
    options.onPage?.({ entries: arrived });
    if (!next) break;
    page = await next;
  }
  await counted;
  // A whole read has no deleted rows: what is gone is simply not in it.
  return { entries, removed: [], deltaToken: tokenOf(page.deltaLink), replacesAll: true };
}

/**
 * Dataverse's RetrieveTotalRecordCount: the contact table's size as of its last count (within
 * 24 hours), so "of how many" is known from the first page. An estimate; null when it cannot
 * be had (the first start goes on without a total).
 */
async function countContacts(context: AdapterContext): Promise<number | null> {
  try {
    const body = await context.client.readRow(`RetrieveTotalRecordCount(EntityNames=@p1)?@p1=${encodeURIComponent('["contact"]')}`);
    const collection = body?.EntityRecordCountCollection as { Keys?: unknown; Values?: unknown } | undefined;
    const values = Array.isArray(collection?.Values) ? collection.Values : [];
    const count = Number(values[0]);
    return Number.isFinite(count) && count >= 0 ? count : null;
  } catch (error) {
    context.log.warn('the contact count could not be read; the first start shows no total', { failure: error instanceof BackOfficeError ? error.failure : 'unexpected' });
    return null;
  }
}

/**
 * The council's anonymous contact (the setting anonymousContactId) is the customer of every
 * anonymous case, not a resident: it is left out of the directory by its id, so search never
 * offers it. Change tracking takes no $filter, so it is left out here rather than in the query.
 */
function isAnonymousContact(context: AdapterContext, row: Row): boolean {
  return context.anonymousContactId !== null && typeof row.contactid === 'string' && row.contactid.toLowerCase() === context.anonymousContactId;
}

function isDeleted(row: Row): boolean {
  const odataContext = row['@odata.context'];
  return typeof odataContext === 'string' && odataContext.endsWith('$deletedEntity');
}

function residentsIn(context: AdapterContext, rows: readonly Row[]): Row[] {
  return rows.filter((row) => !isDeleted(row) && !isAnonymousContact(context, row));
}

function tokenOf(deltaLink: string | null): string {
  const token = deltaLink ? new URL(deltaLink).searchParams.get('$deltatoken') : null;
  if (!token) throw new BackOfficeError('rejected', { detail: 'No delta link came back: is change tracking enabled on the contact table?' });
  return `${TOKEN_PREFIX}${token}`;
}

function changesFrom(context: AdapterContext, rows: readonly Row[], deltaLink: string | null, replacesAll: boolean): DirectoryChanges {
  const deltaToken = tokenOf(deltaLink);
  const removed: string[] = [];
  for (const row of rows) {
    if (isDeleted(row) && typeof row.id === 'string') removed.push(row.id.toLowerCase());
  }
  const entries = readRows(context, CONTACTS, residentsIn(context, rows), (row) => toDirectoryEntry(row, context.names));
  return { entries, removed, deltaToken, replacesAll };
}
