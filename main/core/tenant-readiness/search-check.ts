import type { TableNames } from '../back-office/dataverse/names';
import { directoryColumns } from '../back-office/dataverse/tables/contact';
import { failed, passed, type ReadinessCheck } from './check';
import { errorText } from './tenant';

export const SEARCH_CHECK = 'dataverse-search';
export const SEARCH_TITLE = 'Dataverse search for residents by name (a new PC’s first minutes)';

/** The contact columns CivicDesk asks Dataverse search to search (main/core/back-office/dataverse/resident-search.ts). */
const SEARCHED = ['firstname', 'lastname'] as const;

const SWITCH_ON = 'Switch Dataverse search on for the environment (Power Platform admin center → Environments → Settings → Product → Features → Dataverse search) and run the check again.';
const INDEX_CONTACT = 'Include the Contact table in the search index (Power Apps → Solutions → Default Solution → Overview → Manage search index), with First Name and Last Name among the find columns of its Quick Find view, then run the check again once the index has caught up.';
const VIEW_COLUMNS = (missing: readonly string[]) =>
  `Add ${missing.join(', ')} to the view columns of the Contact table's Quick Find view (Power Apps → Tables → Contact → Views → Quick Find Active Contacts → Add column), so Dataverse search can return them, then run the check again once the index has caught up.`;

interface EntityStatus {
  entitylogicalname?: unknown;
  searchableindexedfieldinfomap?: Record<string, unknown>;
}

/**
 * Dataverse search is on and indexes the contact's names, asked with its status function
 * (GET searchstatus: "Dataverse Search statistics and status" on Microsoft Learn). Without it a
 * new PC cannot find anyone until its copy of the directory has arrived: search still works,
 * only later, so the fix says what the early answers need.
 */
export async function searchCheck(get: (path: string) => Promise<{ status: number; body: unknown }>, names: TableNames): Promise<ReadinessCheck> {
  const answer = await get('searchstatus');
  if (answer.status !== 200) return failed(SEARCH_CHECK, SEARCH_TITLE, `Dataverse did not say whether search is on (searchstatus answered ${answer.status}: ${errorText(answer.body)}).`, SWITCH_ON);
  const raw = (answer.body as { response?: unknown } | null)?.response;
  let value: { status?: unknown; entitystatusresults?: EntityStatus[] } | undefined;
  try {
    value = typeof raw === 'string' ? (JSON.parse(raw) as { value?: typeof value }).value : undefined;
  } catch {
    value = undefined;
  }
  if (!value) return failed(SEARCH_CHECK, SEARCH_TITLE, 'Dataverse answered searchstatus with something CivicDesk could not read.', 'Run the check again; if it keeps happening, tell the IT service desk.');
  if (value.status !== 'provisioned') {
    const how = value.status === 'provisioninginprogress' ? 'is still being switched on' : 'is not switched on';
    return failed(SEARCH_CHECK, SEARCH_TITLE, `Dataverse search ${how} for this environment (status: ${String(value.status)}).`, value.status === 'provisioninginprogress' ? 'Wait for it to finish (it can take an hour), then run the check again.' : SWITCH_ON);
  }
  const contact = (value.entitystatusresults ?? []).find((each) => each.entitylogicalname === 'contact');
  if (!contact) return failed(SEARCH_CHECK, SEARCH_TITLE, 'Dataverse search is on, but the Contact table is not in its index.', INDEX_CONTACT);
  const indexed = new Set(Object.keys(contact.searchableindexedfieldinfomap ?? {}));
  const missing = SEARCHED.filter((column) => !indexed.has(column));
  if (missing.length > 0) return failed(SEARCH_CHECK, SEARCH_TITLE, `Dataverse search indexes the Contact table but not ${missing.join(' or ')}.`, INDEX_CONTACT);
  // What a hit shows comes back from the index: the directory's columns (not the household link, which search is not asked for).
  const returned = directoryColumns(names).filter((column) => column !== 'contactid' && column !== names.lookup('householdid'));
  const unreturnable = returned.filter((column) => !indexed.has(column));
  if (unreturnable.length > 0) return failed(SEARCH_CHECK, SEARCH_TITLE, `Dataverse search indexes contacts' names but cannot return ${unreturnable.join(', ')}, which a result shows.`, VIEW_COLUMNS(unreturnable));
  return passed(SEARCH_CHECK, SEARCH_TITLE, 'Dataverse search is on, searches contacts’ first and last names, and returns the columns a result shows.');
}
