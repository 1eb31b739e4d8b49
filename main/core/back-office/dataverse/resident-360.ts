import { isoDateInLondon } from '../../../../shared/service-standards/iso-date';
import type { Resident360 } from '../port';
import { readRow, readRows, type AdapterContext } from './context';
import { eqId, query, recordId, select } from './odata';
import type { Row } from './row';
import { councilTaxAccountColumns, councilTaxAccountTable, toCouncilTaxAccount } from './tables/council-tax-account';
import { CONTACTS, householdMemberColumns, residentColumns, toHouseholdMember, toResident } from './tables/contact';
import { householdColumns, householdTable, toHousehold } from './tables/household';
import { caseOwnerName, incidentColumns, INCIDENTS, toServiceCase } from './tables/incident';
import { parkingPermitColumns, parkingPermitTable, toParkingPermit } from './tables/parking-permit';
import { rentAccountColumns, rentAccountTable, toRentAccount } from './tables/rent-account';
import { flagRaiserName, residentFlagColumns, residentFlagTable, toResidentFlag } from './tables/resident-flag';
import { markerRaiserName, staffSafetyMarkerColumns, staffSafetyMarkerTable, toStaffSafetyFlag } from './tables/staff-safety-marker';
import { isBackOfficeError } from '../errors';

/** Closed cases stay on the 360 view this long: residents ring about last year's repair. */
const RECENTLY_CLOSED_DAYS = 365;

const ACTIVE = 'statecode eq 0';

/** The contact's columns the 360 view is read from: a screen-pop's number lookup asks for these too. */
export function resident360Columns(n: AdapterContext['names']): string[] {
  return [...residentColumns(n), n.custom('staffsafetymarkercount')];
}

/**
 * The resident's row (no row: null) with what hangs off the resident alone beside it (their
 * permits, open and recently closed cases, current flags and markers), then what hangs off
 * their household (the household, its other members, its accounts), all in parallel. Given
 * the row already (a screen-pop's lookup by number read it), both come at once.
 */
export async function readResident360(context: AdapterContext, residentId: string, knownRow?: Row): Promise<Resident360 | null> {
  const { client, names: n } = context;
  let id: string;
  try {
    id = recordId(residentId);
  } catch {
    return null;
  }
  const markerCount = n.custom('staffsafetymarkercount');
  // Today in London, where the council is: what is "recently closed" changes at local midnight.
  const today = isoDateInLondon(context.now());
  const cutoff = isoDateInLondon(new Date(context.now().getTime() - RECENTLY_CLOSED_DAYS * 86_400_000));
  const all = async (entitySet: string, filter: string | null, columns: string[], $orderby: string, $top?: string): Promise<Row[]> =>
    filter === null ? [] : (await client.readAll(query(entitySet, { $select: select(columns), $filter: filter, $orderby, $top }))).rows;

  // What hangs off the resident's own id is asked for beside their row, not after it: a
  // screen-pop then waits for two round trips (the row, then the household's), not three.
  const rowRead = knownRow ? Promise.resolve(knownRow) : client.readRow(query(`${CONTACTS}(${id})`, { $select: select(resident360Columns(n)) }));
  // Dataverse refuses the markers to a role without Read on them (an agent's): that is "hidden
  // for your role", not a failure, and the contact's count says how many there are.
  const markers = all(staffSafetyMarkerTable(n).entitySet, `${eqId(n.lookup('residentid'), id)} and ${ACTIVE}`, staffSafetyMarkerColumns(n), `${n.custom('raisedon')} desc`).catch((error: unknown) => {
    if (isBackOfficeError(error) && error.failure === 'permission') return null;
    throw error;
  });
  const byResident = Promise.all([
    all(parkingPermitTable(n).entitySet, `${eqId(n.lookup('residentid'), id)} and ${ACTIVE}`, parkingPermitColumns(n), `${n.custom('validuntil')} desc`),
    all(INCIDENTS, `${eqId('_customerid_value', id)} and (${ACTIVE} or ${n.custom('closedon')} ge ${cutoff})`, incidentColumns(n), `${n.custom('receivedon')} desc,incidentid desc`),
    all(residentFlagTable(n).entitySet, `${eqId(n.lookup('residentid'), id)} and ${ACTIVE}`, residentFlagColumns(n), `${n.custom('raisedon')} desc`),
    markers,
  ]);
  // No row, or no answer for it: what was asked beside it is not wanted (and its failure is not another one).
  byResident.catch(() => undefined);
  const row = await rowRead;
  if (!row) return null;
  const resident = readRow(CONTACTS, row, (each) => toResident(each, n));
  const householdId = resident.householdId === '' ? null : resident.householdId;
  const byHousehold = (column: string) => (householdId ? `${eqId(column, householdId)} and ${ACTIVE}` : null);
  const [[householdRow, memberRows, councilTaxRows, rentRows], [permitRows, caseRows, flagRows, markerRows]] = await Promise.all([
    Promise.all([
      householdId ? client.readRow(query(`${householdTable(n).entitySet}(${householdId})`, { $select: select(householdColumns(n)) })) : null,
      all(CONTACTS, byHousehold(n.lookup('householdid')), householdMemberColumns(n), 'birthdate asc'),
      all(councilTaxAccountTable(n).entitySet, byHousehold(n.lookup('householdid')), councilTaxAccountColumns(n), 'createdon desc', '1'),
      all(rentAccountTable(n).entitySet, byHousehold(n.lookup('householdid')), rentAccountColumns(n), 'createdon desc', '1'),
    ]),
    byResident,
  ]);

  const members = readRows(context, CONTACTS, memberRows, (each) => toHouseholdMember(each, n, today));
  const households = householdRow ? readRows(context, householdTable(n).entitySet, [householdRow], (each) => toHousehold(each, n, members.map((member) => member.residentId))) : [];
  const staffNames: Record<string, string> = {};
  for (const named of [...caseRows.map(caseOwnerName), ...flagRows.map((each) => flagRaiserName(each, n)), ...(markerRows ?? []).map((each) => markerRaiserName(each, n))]) {
    if (named) staffNames[named[0]] = named[1];
  }
  return {
    resident,
    household: households[0] ?? null,
    householdMembers: members.filter((member) => member.residentId !== resident.id),
    councilTaxAccount: readRows(context, councilTaxAccountTable(n).entitySet, councilTaxRows, (each) => toCouncilTaxAccount(each, n))[0] ?? null,
    rentAccount: readRows(context, rentAccountTable(n).entitySet, rentRows, (each) => toRentAccount(each, n))[0] ?? null,
    parkingPermits: readRows(context, parkingPermitTable(n).entitySet, permitRows, (each) => toParkingPermit(each, n)),
    cases: readRows(context, INCIDENTS, caseRows, (each) => toServiceCase(each, n, resident.householdId)),
    flags: [...readRows(context, staffSafetyMarkerTable(n).entitySet, markerRows ?? [], (each) => toStaffSafetyFlag(each, n)), ...readRows(context, residentFlagTable(n).entitySet, flagRows, (each) => toResidentFlag(each, n))],
    staffNames,
    withheldStaffSafety: markerRows === null ? Math.max(0, Number(row[markerCount] ?? 0) || 0) : 0,
  };
}
