import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceCase } from '../../../shared/domain/case';
import type { ResidentFlag } from '../../../shared/domain/flag';
import type { Resident360 } from '../../../shared/domain/resident-360';
import type { BackOffice } from '../../../main/core/back-office/port';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { asOf, dataset, startHarness, type Harness } from './fixture';

let harness: Harness;
let backOffice: BackOffice;

beforeAll(async () => {
  harness = await startHarness();
  backOffice = harness.backOffice();
});
afterAll(() => harness.close());

const id = (trainingId: string) => rowIdFor(trainingId);
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
const yearAgo = new Date(asOf.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
const today = asOf.toISOString().slice(0, 10);

/** What the 360 view should hold, worked out from the training data itself. */
function expectedFor(residentId: string) {
  const resident = dataset.residents.find((each) => each.id === residentId);
  if (!resident) throw new Error(residentId);
  const household = dataset.households.find((each) => each.id === resident.householdId);
  const councilTax = dataset.councilTaxAccounts.find((each) => each.householdId === resident.householdId);
  const rent = dataset.rentAccounts.find((each) => each.householdId === resident.householdId);
  const cases = dataset.cases.filter((each) => each.residentId === residentId && (each.status === 'open' || (each.closedOn ?? '') >= yearAgo));
  return {
    resident: { ...resident, id: id(resident.id), householdId: id(resident.householdId) },
    household: household && { ...household, id: id(household.id), leadResidentId: id(household.leadResidentId), residentIds: household.residentIds.map(id).sort() },
    others: (household?.residentIds ?? []).filter((each) => each !== residentId),
    councilTaxAccount: councilTax ? { ...councilTax, id: id(councilTax.id), householdId: id(councilTax.householdId), liableResidentId: id(councilTax.liableResidentId) } : null,
    rentAccount: rent ? { ...rent, id: id(rent.id), householdId: id(rent.householdId), tenantResidentId: id(rent.tenantResidentId) } : null,
    parkingPermits: dataset.parkingPermits
      .filter((each) => each.residentId === residentId)
      .map((each) => ({ ...each, id: id(each.id), residentId: id(each.residentId), householdId: id(each.householdId) })),
    cases: cases.map((each): ServiceCase => {
      const mapped: ServiceCase = { ...each, id: id(each.id), residentId: id(each.residentId), householdId: id(each.householdId), ownerStaffId: id(each.ownerStaffId) };
      if (each.relatedCaseId) mapped.relatedCaseId = id(each.relatedCaseId);
      return mapped;
    }),
    flags: dataset.flags
      .filter((each) => each.residentId === residentId)
      .map((each): ResidentFlag => ({ ...each, id: id(each.id), residentId: id(each.residentId), raisedByStaffId: id(each.raisedByStaffId) })),
    staffNames: Object.fromEntries(
      [...cases.map((each) => each.ownerStaffId), ...dataset.flags.filter((each) => each.residentId === residentId).map((each) => each.raisedByStaffId)].map((staffId) => [
        id(staffId),
        dataset.staff.find((staff) => staff.id === staffId)?.displayName,
      ]),
    ),
  };
}

function checkSections(record: Resident360, residentId: string) {
  const expected = expectedFor(residentId);
  expect(record.resident).toEqual(expected.resident);
  expect(record.household && { ...record.household, residentIds: [...record.household.residentIds].sort() }).toEqual(expected.household ?? null);
  expect(record.householdMembers.map((member) => member.residentId).sort()).toEqual(expected.others.map(id).sort());
  for (const member of record.householdMembers) {
    const person = dataset.residents.find((each) => id(each.id) === member.residentId);
    expect(member.name).toBe(`${person?.givenName} ${person?.familyName}`);
    // The age is whole years: the last birthday is behind today and the next one ahead.
    const birth = person?.dateOfBirth ?? '';
    const birthdayAt = (years: number) => `${Number(birth.slice(0, 4)) + years}${birth.slice(4)}`;
    expect(birthdayAt(member.age) <= today && birthdayAt(member.age + 1) > today).toBe(true);
  }
  expect(record.councilTaxAccount).toEqual(expected.councilTaxAccount);
  expect(record.rentAccount).toEqual(expected.rentAccount);
  expect(byId(record.parkingPermits)).toEqual(byId(expected.parkingPermits));
  expect(byId(record.cases)).toEqual(byId(expected.cases));
  expect(record.cases.map((each) => each.openedOn)).toEqual([...record.cases.map((each) => each.openedOn)].sort().reverse());
  expect(byId(record.flags)).toEqual(byId(expected.flags));
  expect(record.staffNames).toEqual(expected.staffNames);
}

describe('the resident 360 view', () => {
  it('maps every section for residents with every kind of record', async () => {
    const seen = { members: 0, rent: 0, permits: 0, openCases: 0, closedCases: 0, vulnerability: 0, staffSafety: 0, related: 0 };
    const interesting = dataset.residents.filter(
      (resident, index) =>
        index < 20 ||
        (index < 150 && dataset.rentAccounts.some((each) => each.householdId === resident.householdId)) ||
        dataset.parkingPermits.some((each) => each.residentId === resident.id) ||
        dataset.flags.some((each) => each.residentId === resident.id) ||
        dataset.cases.some((each) => each.residentId === resident.id && each.relatedCaseId),
    );
    for (const resident of interesting) {
      const record = await backOffice.resident360(id(resident.id));
      if (!record) throw new Error(`no record for ${resident.id}`);
      checkSections(record, resident.id);
      seen.members += record.householdMembers.length > 0 ? 1 : 0;
      seen.rent += record.rentAccount ? 1 : 0;
      seen.permits += record.parkingPermits.length;
      seen.openCases += record.cases.filter((each) => each.status === 'open').length;
      seen.closedCases += record.cases.filter((each) => each.status === 'closed').length;
      seen.vulnerability += record.flags.filter((each) => each.kind === 'vulnerability').length;
      seen.staffSafety += record.flags.filter((each) => each.kind === 'staff-safety').length;
      seen.related += record.cases.filter((each) => each.relatedCaseId).length;
    }
    // Every section was really exercised, not passed by being empty.
    for (const [section, count] of Object.entries(seen)) expect(count, section).toBeGreaterThan(0);
    expect(harness.warnings).toEqual([]);
  });

  it('shows a known resident as the training data has them', async () => {
    const record = await backOffice.resident360(id('res-000001'));
    expect(record?.resident).toMatchObject({ givenName: 'Hamza', familyName: 'Malik', dateOfBirth: '1990-05-04', title: 'Mr' });
    expect(record?.councilTaxAccount).toMatchObject({ reference: 'CT52513991', band: 'D', annualChargePence: 190000, balancePence: 14250, discounts: ['single-person'] });
    expect(record?.cases.map((each) => each.reference)).toEqual(['SAR-2024-000001']);
    expect(record?.staffNames[record.cases[0]?.ownerStaffId ?? '']).toBe(dataset.staff.find((each) => each.id === 'stf-031')?.displayName);
  });

  it('leaves out cases closed more than a year ago', async () => {
    const old = dataset.cases.find((each) => each.status === 'closed' && (each.closedOn ?? '') < yearAgo);
    if (!old) throw new Error('the data set has no old closed case');
    const record = await backOffice.resident360(id(old.residentId));
    expect(record?.cases.map((each) => each.id)).not.toContain(id(old.id));
  });

  it('reads a caller on from the row their number found: the same record, without reading the row again', async () => {
    const numbers = new Map<string, string[]>();
    for (const resident of dataset.residents) for (const phone of resident.contact.phones) numbers.set(phone.number, [...(numbers.get(phone.number) ?? []), resident.id]);
    const withFlags = dataset.residents.filter((resident) => dataset.flags.some((flag) => flag.residentId === resident.id));
    const caller = withFlags.find((resident) => resident.contact.phones.some((phone) => numbers.get(phone.number)?.length === 1));
    const number = caller?.contact.phones.find((phone) => numbers.get(phone.number)?.length === 1)?.number;
    if (!caller || !number) throw new Error('no flagged resident with a number of their own');
    const asked = harness.standIn.requests().length;
    const found = await backOffice.callerWithPhone?.(number);
    const record = await found?.record;
    const requests = harness.standIn.requests().slice(asked);
    expect(found?.residentIds).toEqual([id(caller.id)]);
    if (!record) throw new Error('no record read on from the lookup');
    checkSections(record, caller.id);
    // The lookup, then everything else at once: never the caller's own row by its key, as a
    // 360 read on its own asks for it.
    const rowByKey = (each: { target: string }) => each.target.includes(`/contacts(${id(caller.id)})`);
    expect(requests.filter(rowByKey)).toEqual([]);
    expect(requests.filter((each) => /\/contacts\?/.test(each.target) && each.target.includes('mobilephone'))).toHaveLength(1);
    const alone = harness.standIn.requests().length;
    expect(record).toEqual(await backOffice.resident360(id(caller.id)));
    expect(harness.standIn.requests().slice(alone).filter(rowByKey)).toHaveLength(1);

    const shared = [...numbers].find(([, holders]) => holders.length > 1)?.[0];
    if (!shared) throw new Error('no shared number in the data set');
    const sharers = await backOffice.callerWithPhone?.(shared);
    expect(sharers?.residentIds).toHaveLength(2);
    expect(sharers?.record).toBeNull();
  });

  it('is null for a resident the back office does not hold', async () => {
    expect(await backOffice.resident360('00000001-0000-4000-8000-000000999999')).toBeNull();
    expect(await backOffice.resident360('res-000001')).toBeNull();
  });
});
