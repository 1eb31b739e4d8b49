import { BackOfficeError } from '../errors';
import type { ContactHistoryOptions, ContactHistoryPage } from '../port';
import { readRows, type AdapterContext } from './context';
import { anyOf, eqId, query, quoted, recordId, select } from './odata';
import type { Row } from './row';
import { ACTIVITY_POINTERS, POINTER_COLUMNS, activityKinds, detailColumns, handlerName, toContactRecord, type ActivityKind } from './tables/activity';

/** A page the agent scrolls through, not an export: long pages only slow the screen down. */
const LARGEST_PAGE = 100;

/**
 * One page of a resident's contact history, newest first, optionally for some channels only.
 * The cursor wraps Dataverse's own @odata.nextLink; it must lead back to this resident's
 * history in this environment, since it comes back from the screen.
 */
export async function readContactHistory(context: AdapterContext, residentId: string, options: ContactHistoryOptions): Promise<ContactHistoryPage> {
  const { client, names: n } = context;
  const id = recordId(residentId);
  const kinds = activityKinds(n);
  const wanted = options.channels && options.channels.length > 0 ? kinds.filter((kind) => options.channels?.includes(kind.channel)) : kinds;
  const regarding = eqId('_regardingobjectid_value', id);
  const path = options.cursor
    ? linkFromCursor(options.cursor, client.baseUrl, regarding)
    : query(ACTIVITY_POINTERS, {
        $select: select(POINTER_COLUMNS),
        $filter: `${regarding} and ${anyOf(wanted.map((kind) => `activitytypecode eq ${quoted(kind.typeCode)}`))}`,
        // The id breaks ties, so paging never skips or repeats two contacts at the same minute.
        $orderby: 'actualstart desc,activityid desc',
      });
  const page = await client.readPage(path, { pageSize: Math.min(LARGEST_PAGE, Math.max(1, Math.floor(options.pageSize))) });

  const kindOf = new Map(kinds.map((kind) => [kind.typeCode, kind]));
  const onPage = page.rows.filter((row) => typeof row.activitytypecode === 'string' && kindOf.has(row.activitytypecode));
  const details = await readDetails(context, onPage, kindOf);
  const contacts = readRows(context, ACTIVITY_POINTERS, onPage, (row) => {
    const kind = kindOf.get(row.activitytypecode as string) as ActivityKind;
    return toContactRecord(row, details.get(String(row.activityid).toLowerCase()), kind, n);
  });
  const staffNames: Record<string, string> = {};
  for (const named of onPage.map(handlerName)) if (named) staffNames[named[0]] = named[1];
  return { contacts, nextCursor: page.nextLink ? cursorFrom(page.nextLink) : null, staffNames };
}

/** Direction, outcome and case live on each activity type's own table: one read per type on the page. */
async function readDetails(context: AdapterContext, rows: readonly Row[], kindOf: Map<string, ActivityKind>): Promise<Map<string, Row>> {
  const idsByType = new Map<string, string[]>();
  for (const row of rows) {
    const ids = idsByType.get(row.activitytypecode as string) ?? [];
    ids.push(recordId(String(row.activityid)));
    idsByType.set(row.activitytypecode as string, ids);
  }
  const reads = [...idsByType].map(async ([typeCode, ids]) => {
    const kind = kindOf.get(typeCode) as ActivityKind;
    const filter = anyOf(ids.map((each) => `activityid eq ${each}`));
    return (await context.client.readAll(query(kind.entitySet, { $select: select(detailColumns(kind, context.names)), $filter: filter }))).rows;
  });
  const details = new Map<string, Row>();
  for (const row of (await Promise.all(reads)).flat()) details.set(String(row.activityid).toLowerCase(), row);
  return details;
}

function cursorFrom(nextLink: string): string {
  return Buffer.from(nextLink, 'utf8').toString('base64url');
}

function linkFromCursor(cursor: string, baseUrl: string, regarding: string): string {
  const link = Buffer.from(cursor, 'base64url').toString('utf8');
  let url: URL | null = null;
  try {
    url = new URL(link);
  } catch {
    // Not a link at all: refused below.
  }
  if (!url || !url.href.startsWith(`${baseUrl}${ACTIVITY_POINTERS}?`) || !(url.searchParams.get('$filter') ?? '').includes(regarding)) {
    throw new BackOfficeError('rejected', { detail: 'That page of contact history does not belong to this resident.' });
  }
  return url.href;
}
