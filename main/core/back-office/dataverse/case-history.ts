import type { CaseEvent, CaseHistory } from '../../../../shared/domain/case-history';
import { readRows, type AdapterContext } from './context';
import { eqId, query, recordId, select } from './odata';
import { dateTime, lookup, requiredText, text, type Row } from './row';
import { activityKinds, detailColumns, handlerName, POINTER_COLUMNS } from './tables/activity';
import { ANNOTATIONS } from './tables/case-write';
import { caseOwnerName, incidentColumns, INCIDENTS, toServiceCase } from './tables/incident';

/**
 * One case in full, for the 360 view: the incident (only if it is this resident's), every
 * contact about it (an activity of any kind whose case is this one, or one made regarding
 * it, as CivicDesk records the call a case came from) and every note on it, newest first.
 * Attachments are listed by name only: their bodies stay in Dataverse.
 */
export async function readCaseHistory(context: AdapterContext, residentId: string, caseId: string): Promise<CaseHistory | null> {
  const { client, names: n } = context;
  let id: string;
  let resident: string;
  try {
    id = recordId(caseId);
    resident = recordId(residentId);
  } catch {
    return null;
  }
  const columns = [...incidentColumns(n), 'description', n.custom('location'), n.custom('postcode')];
  const row = await client.readRow(query(`${INCIDENTS}(${id})`, { $select: select(columns) }));
  if (!row || lookup(row, '_customerid_value') !== resident) return null;
  const serviceCase = readRows(context, INCIDENTS, [row], (each) => toServiceCase(each, n, ''))[0];
  if (!serviceCase) return null;

  const kinds = activityKinds(n);
  // Each kind's own table: its case column, and (for the call a case came from) its regarding.
  const about = `(${eqId(n.lookup('caseid'), id)} or ${eqId('_regardingobjectid_value', id)})`;
  const [notes, ...byKind] = await Promise.all([
    client.readAll(query(ANNOTATIONS, { $select: 'annotationid,subject,notetext,filename,isdocument,createdon', $filter: eqId('_objectid_value', id) })),
    ...kinds.map((kind) => client.readAll(query(kind.entitySet, { $select: select([...new Set([...POINTER_COLUMNS.filter((column) => column !== 'activitytypecode'), ...detailColumns(kind, n)])]), $filter: about }))),
  ]);

  const staffNames: Record<string, string> = {};
  const owner = caseOwnerName(row);
  if (owner) staffNames[owner[0]] = owner[1];
  const events = new Map<string, CaseEvent>();
  const addContact = (activity: Row, channel: CaseEvent['channel']) => {
    const at = dateTime(activity, 'actualstart') ?? dateTime(activity, 'createdon');
    const activityId = text(activity, 'activityid')?.toLowerCase();
    if (!at || !activityId) return;
    const named = handlerName(activity);
    if (named) staffNames[named[0]] = named[1];
    const staffId = lookup(activity, '_ownerid_value');
    events.set(activityId, { id: activityId, at, kind: 'contact', ...(channel ? { channel } : {}), summary: text(activity, 'description') ?? text(activity, 'subject') ?? '', ...(staffId ? { staffId } : {}) });
  };
  byKind.forEach((read, index) => read.rows.forEach((activity) => addContact(activity, kinds[index]?.channel)));
  for (const note of notes.rows) {
    const at = dateTime(note, 'createdon');
    if (!at) continue;
    const noteId = requiredText(note, 'annotationid').toLowerCase();
    const summary = note.isdocument === true ? `Attached: ${text(note, 'filename') ?? text(note, 'subject') ?? 'a file'}` : [text(note, 'subject'), text(note, 'notetext')].filter(Boolean).join('\n');
    events.set(noteId, { id: noteId, at, kind: 'note', summary });
  }
  return {
    case: { ...serviceCase, description: text(row, 'description') ?? '', location: text(row, n.custom('location')) ?? '', postcode: text(row, n.custom('postcode')) ?? '' },
    events: [...events.values()].sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id)),
    staffNames,
  };
}
