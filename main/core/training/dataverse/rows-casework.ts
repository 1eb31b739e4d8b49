import { CASE_CATEGORY, CASE_PRIORITY, CASE_SERVICE, CASE_STATUS, CONTACT_OUTCOME, FLAG_KIND, FLAG_TYPE } from '../../back-office/dataverse/choices';
import type { TableNames } from '../../back-office/dataverse/names';
import type { ContactChannel } from '../../../../shared/domain/contact';
import type { TrainingDataset } from '../generator';
import { rowIdFor } from './row-ids';
import { dataverseDateTime, type StandInRow } from './rows-people';
import type { SeedRows } from './store';

export function incidentRows(dataset: TrainingDataset, n: TableNames): StandInRow[] {
  const c = n.custom;
  return dataset.cases.map((each) => ({
    incidentid: rowIdFor(each.id),
    ticketnumber: each.reference,
    title: each.summary,
    statecode: CASE_STATUS.value(each.status),
    prioritycode: CASE_PRIORITY.value(each.priority),
    _customerid_value: rowIdFor(each.residentId),
    _ownerid_value: rowIdFor(each.ownerStaffId),
    _parentcaseid_value: each.relatedCaseId ? rowIdFor(each.relatedCaseId) : null,
    [n.lookup('householdid')]: rowIdFor(each.householdId),
    [c('category')]: CASE_CATEGORY.value(each.category),
    [c('service')]: CASE_SERVICE.value(each.service),
    [c('receivedon')]: each.openedOn,
    [c('dueon')]: each.dueOn ?? null,
    [c('closedon')]: each.closedOn ?? null,
    createdon: dataverseDateTime(`${each.openedOn}T09:00:00Z`),
  }));
}

/** Which Dataverse activity each channel is recorded as; only phone, email and letter have a direction. */
function activityFor(channel: ContactChannel, n: TableNames): { typeCode: string; entitySet: string; directed: boolean } {
  switch (channel) {
    case 'phone':
      return { typeCode: 'phonecall', entitySet: 'phonecalls', directed: true };
    case 'email':
      return { typeCode: 'email', entitySet: 'emails', directed: true };
    case 'letter':
      return { typeCode: 'letter', entitySet: 'letters', directed: true };
    case 'face-to-face':
      return { typeCode: n.custom('facetoface'), entitySet: n.custom('facetofaces'), directed: false };
    case 'web-form':
      return { typeCode: n.custom('webform'), entitySet: n.custom('webforms'), directed: false };
    case 'web-chat':
      return { typeCode: n.custom('webchat'), entitySet: n.custom('webchats'), directed: false };
  }
}

/**
 * Contacts as activities: each is a row in its own type's table and, as in Dataverse, also
 * appears in activitypointers with the columns all activities share. Over a million rows at
 * borough scale, so each table's rows are made when the store first needs them (SeedRows),
 * counted now without being made.
 */
export function activityRows(dataset: TrainingDataset, n: TableNames): Map<string, SeedRows> {
  const kinds = new Map<ContactChannel, ReturnType<typeof activityFor>>();
  const kindOf = (channel: ContactChannel) => {
    let kind = kinds.get(channel);
    if (!kind) kinds.set(channel, (kind = activityFor(channel, n)));
    return kind;
  };
  const shared = (contact: TrainingDataset['contacts'][number]) => {
    const at = dataverseDateTime(contact.occurredAt);
    return {
      activityid: rowIdFor(contact.id),
      subject: contact.summary.slice(0, 200),
      description: contact.summary,
      actualstart: at,
      createdon: at,
      statecode: 1,
      _regardingobjectid_value: rowIdFor(contact.residentId),
      _ownerid_value: rowIdFor(contact.staffId),
    };
  };
  const counts = new Map<string, number>();
  for (const contact of dataset.contacts) {
    const { entitySet } = kindOf(contact.channel);
    counts.set(entitySet, (counts.get(entitySet) ?? 0) + 1);
  }
  const tables = new Map<string, SeedRows>([
    [
      'activitypointers',
      {
        count: dataset.contacts.length,
        *rows() {
          for (const contact of dataset.contacts) yield { ...shared(contact), activitytypecode: kindOf(contact.channel).typeCode };
        },
      },
    ],
  ]);
  for (const [entitySet, count] of counts)
    tables.set(entitySet, {
      count,
      *rows() {
        for (const contact of dataset.contacts) {
          const kind = kindOf(contact.channel);
          if (kind.entitySet !== entitySet) continue;
          const own: StandInRow = {
            ...shared(contact),
            [n.custom('outcome')]: CONTACT_OUTCOME.value(contact.outcome),
            [n.lookup('caseid')]: contact.caseId ? rowIdFor(contact.caseId) : null,
          };
          if (kind.directed) own.directioncode = contact.direction === 'outbound';
          yield own;
        }
      },
    });
  return tables;
}

/** A table's seed rows made when first needed (cases: a third of a million at borough scale). */
export const later = (count: number, rows: () => Iterable<StandInRow>): SeedRows => ({ count, rows });

/** A lazy table's seed rows with more after them (the Team place's history after the residents' own). */
export function followedBy(first: SeedRows | readonly StandInRow[] | undefined, more: readonly StandInRow[]): SeedRows | StandInRow[] {
  if (!first) return [...more];
  if (!('count' in first)) return [...first, ...more];
  // The rows after the first seed's are here already: found by key without making the first's.
  let byKey: { column: string; rows: Map<string, StandInRow> } | null = null;
  return {
    count: first.count + more.length,
    *rows() {
      yield* first.rows();
      yield* more;
    },
    find(column, id) {
      if (byKey?.column !== column) byKey = { column, rows: new Map(more.map((row) => [String(row[column]).toLowerCase(), row])) };
      return byKey.rows.get(id) ?? first.find?.(column, id);
    },
  };
}

/** Vulnerability flags, which every officer reads; staff-safety markers are in staffSafetyMarkerRows. */
export function residentFlagRows(dataset: TrainingDataset, n: TableNames): StandInRow[] {
  const c = n.custom;
  return dataset.flags.flatMap((flag) => {
    if (flag.kind !== 'vulnerability') return [];
    const { type } = flag;
    return {
      [c('residentflagid')]: rowIdFor(flag.id),
      [c('name')]: type,
      [n.lookup('residentid')]: rowIdFor(flag.residentId),
      [c('kind')]: FLAG_KIND.value(flag.kind),
      [c('type')]: FLAG_TYPE.value(type),
      [c('note')]: flag.note,
      [c('raisedon')]: flag.raisedOn,
      [c('reviewdate')]: flag.reviewOn,
      [n.lookup('raisedbyid')]: rowIdFor(flag.raisedByStaffId),
      statecode: 0,
      createdon: dataverseDateTime(`${flag.raisedOn}T09:00:00Z`),
    };
  });
}

/** Staff-safety markers, in their own table (cd_staffsafetymarker), which agents' roles cannot read. */
export function staffSafetyMarkerRows(dataset: TrainingDataset, n: TableNames): StandInRow[] {
  const c = n.custom;
  return dataset.flags.flatMap((flag) =>
    flag.kind === 'staff-safety'
      ? [
          {
            [c('staffsafetymarkerid')]: rowIdFor(flag.id),
            [c('name')]: flag.marker,
            [n.lookup('residentid')]: rowIdFor(flag.residentId),
            [c('marker')]: FLAG_TYPE.value(flag.marker),
            [c('note')]: flag.note,
            [c('raisedon')]: flag.raisedOn,
            [c('reviewdate')]: flag.reviewOn,
            [n.lookup('raisedbyid')]: rowIdFor(flag.raisedByStaffId),
            statecode: 0,
            createdon: dataverseDateTime(`${flag.raisedOn}T09:00:00Z`),
          },
        ]
      : [],
  );
}
