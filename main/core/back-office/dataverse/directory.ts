import { BackOfficeError } from '../errors';
import type { DirectoryChanges } from '../port';
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
 */
export async function readDirectory(context: AdapterContext, deltaToken: string | null): Promise<DirectoryChanges> {
  const $select = select(directoryColumns(context.names));
  if (deltaToken?.startsWith(TOKEN_PREFIX)) {
    try {
      const changes = await context.client.readAll(query(CONTACTS, { $select, $deltatoken: deltaToken.slice(TOKEN_PREFIX.length) }), { pageSize: context.pageSize });
      return changesFrom(context, changes.rows, changes.deltaLink, false);
    } catch (error) {
      // Dataverse keeps changes for a limited time (7 days by default); an expired token is refused.
      if (!(error instanceof BackOfficeError) || !(error.failure === 'rejected' || error.status === 410)) throw error;
      context.log.warn('directory delta token refused; loading the whole directory again', { status: error.status, code: error.code });
    }
  }
  const everything = await context.client.readAll(query(CONTACTS, { $select }), { pageSize: context.pageSize, trackChanges: true });
  return changesFrom(context, everything.rows, everything.deltaLink, true);
}

/**
 * The council's anonymous contact (the setting anonymousContactId) is the customer of every
 * anonymous case, not a resident: it is left out of the directory by its id, so search never
 * offers it. Change tracking takes no $filter, so it is left out here rather than in the query.
 */
function isAnonymousContact(context: AdapterContext, row: Row): boolean {
  return context.anonymousContactId !== null && typeof row.contactid === 'string' && row.contactid.toLowerCase() === context.anonymousContactId;
}

function changesFrom(context: AdapterContext, rows: readonly Row[], deltaLink: string | null, replacesAll: boolean): DirectoryChanges {
  const token = deltaLink ? new URL(deltaLink).searchParams.get('$deltatoken') : null;
  if (!token) throw new BackOfficeError('rejected', { detail: 'No delta link came back: is change tracking enabled on the contact table?' });
  const removed: string[] = [];
  const current: Row[] = [];
  for (const row of rows) {
    const odataContext = row['@odata.context'];
    if (typeof odataContext === 'string' && odataContext.endsWith('$deletedEntity')) {
      if (typeof row.id === 'string') removed.push(row.id.toLowerCase());
    } else if (!isAnonymousContact(context, row)) {
      current.push(row);
    }
  }
  const entries = readRows(context, CONTACTS, current, (row) => toDirectoryEntry(row, context.names));
  return { entries, removed, deltaToken: `${TOKEN_PREFIX}${token}`, replacesAll };
}
