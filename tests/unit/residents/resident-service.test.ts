import { describe, expect, it } from 'vitest';
import type { BackOffice, Resident360, ResidentAccess } from '../../../main/core/back-office/port';
import { BackOfficeError } from '../../../main/core/back-office/errors';
import { createAuditTrail } from '../../../main/core/residents/audit-trail';
import { createResidentService } from '../../../main/core/residents/resident-service';
import { generateTrainingData } from '../../../main/core/training/generator';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import type { ResidentFlag } from '../../../shared/domain/flag';
import type { StaffUser } from '../../../shared/domain/staff';

const borough = generateTrainingData({ residents: 300, asOf: '2026-11-26' });
const marked = borough.flags.find((flag) => flag.kind === 'staff-safety') ?? borough.flags[0];
const found = borough.residents.find((each) => each.id === marked?.residentId) ?? (borough.residents[0] as (typeof borough.residents)[number]);
// Residents reach main by their Dataverse GUIDs, as the stand-in serves them.
const resident = { ...found, id: rowIdFor(found.id) };
const household = borough.households.find((each) => each.id === resident.householdId) ?? null;
const record: Resident360 = {
  resident,
  household,
  householdMembers: [],
  councilTaxAccount: null,
  rentAccount: null,
  parkingPermits: [],
  cases: [],
  flags: borough.flags.filter((flag) => flag.residentId === found.id),
  staffNames: {},
};
const agent: StaffUser = { id: 's-agent', displayName: 'Ama Agent', email: 'ama@example.org', role: 'agent', team: 'Blue' };
const leader: StaffUser = { id: 's-lead', displayName: 'Lee Leader', email: 'lee@example.org', role: 'team-leader', team: 'Blue' };

function setUp(options: { failAudit?: number; record?: Resident360; refuseAudit?: boolean } = {}) {
  const recorded: ResidentAccess[] = [];
  let failures = options.failAudit ?? 0;
  const office: BackOffice = {
    directory: async () => ({ entries: [], removed: [], deltaToken: 't', replacesAll: true }),
    resident360: async (id) => (id === resident.id ? (options.record ?? record) : null),
    contactHistory: async () => ({ contacts: [], nextCursor: null, staffNames: {} }),
    collectionDay: async () => null,
    caseHistory: async () => null,
    recordAccess: async (access) => {
      if (options.refuseAudit) throw new BackOfficeError('rejected', { status: 400, code: '0x80040203' });
      if (failures > 0) {
        failures -= 1;
        throw new Error('back office down');
      }
      if (!recorded.some((each) => each.id === access.id)) recorded.push(access);
    },
    listAccesses: async (id) => recorded.filter((each) => each.residentId === id),
  };
  let user: StaffUser = agent;
  const audit = createAuditTrail({ backOffice: async () => office, log: { warn: () => undefined } });
  const service = createResidentService({ backOffice: async () => office, user: () => user, audit, now: () => new Date('2026-11-26T10:00:00Z') });
  return { service, recorded, audit, actAs: (staff: StaffUser) => (user = staff) };
}

const rightAnswers = {
  name: `${resident.givenName.toUpperCase()} ${resident.familyName}`,
  dateOfBirth: resident.dateOfBirth.split('-').reverse().join('/'),
  addressLine1: household?.address.line1 ?? '',
  postcode: (household?.address.postcode ?? '').replace(' ', '').toLowerCase(),
};

describe('opening a resident', () => {
  it('shows only the name and flags until the identity check is passed, and audits every open', async () => {
    const { service, recorded, audit } = setUp();
    const view = await service.open(resident.id, 'call');
    expect(view.name).toBe(`${resident.givenName} ${resident.familyName}`);
    expect(view.record).toBeNull();
    const wrong = service.checkIdentity(view.accessId, { ...rightAnswers, dateOfBirth: '01/01/1900' });
    expect(wrong.results.find((each) => each.question === 'dateOfBirth')?.matched).toBe(false);
    expect(wrong.view.record).toBeNull();
    const right = service.checkIdentity(view.accessId, rightAnswers);
    expect(right.results.every((each) => each.matched)).toBe(true);
    expect(right.view.record?.resident.dateOfBirth).toBe(resident.dateOfBirth);
    await audit.flush();
    expect(recorded.map((access) => [access.staffId, access.reason, access.identityCheck])).toEqual([
      ['s-agent', 'call', 'not-done'],
      ['s-agent', 'call', 'passed'],
    ]);
  });

  it('records the reason when the check is overridden', async () => {
    const { service, recorded, audit } = setUp();
    const view = await service.open(resident.id, 'appointment');
    const overridden = service.overrideIdentity(view.accessId, 'Photo ID seen at the service point');
    expect(overridden.identity.status).toBe('overridden');
    expect(overridden.record).not.toBeNull();
    await audit.flush();
    expect(recorded.at(-1)).toMatchObject({ identityCheck: 'overridden', overrideReason: 'Photo ID seen at the service point', reason: 'appointment' });
  });

  it('hides staff-safety markers from agents, saying how many, and shows them to team leaders', async () => {
    const safety = record.flags.filter((flag) => flag.kind === 'staff-safety').length;
    const { service, actAs } = setUp();
    const asAgent = await service.open(resident.id, 'call');
    expect(asAgent.hiddenStaffSafety).toBe(safety);
    expect(asAgent.flags.some((flag) => flag.kind === 'staff-safety')).toBe(false);
    actAs(leader);
    const asLeader = await service.open(resident.id, 'call');
    expect(asLeader.hiddenStaffSafety).toBe(0);
    expect(asLeader.flags.filter((flag) => flag.kind === 'staff-safety')).toHaveLength(safety);
  });

  it('names to an agent only the officers behind what the agent may see: not who raised a hidden staff-safety marker', async () => {
    const safety = record.flags.find((flag) => flag.kind === 'staff-safety');
    if (!safety) throw new Error('the training borough has no staff-safety marker to test with');
    const vulnerability = { ...safety, id: 'f-vulnerable', kind: 'vulnerability', type: 'mobility', raisedByStaffId: 's-visible' } as ResidentFlag;
    const named: Resident360 = {
      ...record,
      flags: [{ ...safety, raisedByStaffId: 's-hidden' }, vulnerability],
      staffNames: { 's-hidden': 'Harriet Hidden', 's-visible': 'Vic Visible' },
    };
    const { service, actAs } = setUp({ record: named });
    const asAgent = await service.open(resident.id, 'call');
    const agentRecord = service.overrideIdentity(asAgent.accessId, 'Known caller').record;
    expect(asAgent.hiddenStaffSafety).toBe(1);
    expect(agentRecord?.staffNames).toEqual({ 's-visible': 'Vic Visible' });
    actAs(leader);
    const asLeader = await service.open(resident.id, 'call');
    expect(service.overrideIdentity(asLeader.accessId, 'Known caller').record?.staffNames).toEqual({ 's-hidden': 'Harriet Hidden', 's-visible': 'Vic Visible' });
  });

  it('lets only team leaders list accesses, including ones still waiting to reach the back office', async () => {
    const { service, actAs } = setUp({ failAudit: 5 });
    await service.open(resident.id, 'call');
    await expect(service.accesses(resident.id)).rejects.toThrow(/Only team leaders/);
    actAs(leader);
    const accesses = await service.accesses(resident.id);
    expect(accesses.map((access) => access.staffName)).toEqual(['Ama Agent']);
  });

  it('shows a team leader an access the back office refused, set aside on this computer, with the others', async () => {
    const { service, audit, actAs } = setUp({ refuseAudit: true });
    await service.open(resident.id, 'call');
    await audit.flush();
    expect(audit.waiting()).toEqual([]);
    expect(audit.setAside()).toHaveLength(1);
    actAs(leader);
    expect((await service.accesses(resident.id)).map((access) => access.staffName)).toEqual(['Ama Agent']);
  });

  it('keeps an audit record that failed to send, and sends it once the back office is back', async () => {
    const { service, recorded, audit } = setUp({ failAudit: 1 });
    await service.open(resident.id, 'call');
    await audit.flush();
    expect(recorded).toHaveLength(0);
    expect(audit.waiting()).toHaveLength(1);
    await audit.flush();
    expect(recorded).toHaveLength(1);
    expect(audit.waiting()).toHaveLength(0);
  });

  it('refuses a record another member of staff opened, and an unknown resident', async () => {
    const { service, actAs } = setUp();
    const view = await service.open(resident.id, 'call');
    actAs(leader);
    expect(() => service.checkIdentity(view.accessId, rightAnswers)).toThrow(/no longer open/);
    await expect(service.open('res-nobody', 'call')).rejects.toThrow(/not in the council/);
  });

  it('forgets a contact’s opens when it ends: the identity check passes for that contact only', async () => {
    const { service, actAs } = setUp();
    const first = await service.open(resident.id, 'call');
    service.checkIdentity(first.accessId, rightAnswers);
    await expect(service.contactHistory(first.accessId, null, [])).resolves.toMatchObject({ contacts: [] });

    // Another officer cannot close what this one opened.
    actAs(leader);
    expect(service.close([first.accessId])).toEqual({ closed: 0 });
    actAs(agent);
    expect(service.close([first.accessId, 'never-opened'])).toEqual({ closed: 1 });
    await expect(service.contactHistory(first.accessId, null, [])).rejects.toThrow(/no longer open/);
    expect(() => service.checkIdentity(first.accessId, rightAnswers)).toThrow(/no longer open/);

    // The next contact opens the same resident afresh, unverified.
    const next = await service.open(resident.id, 'call');
    expect(next.identity.status).toBe('not-done');
    expect(next.record).toBeNull();
    service.closeAll();
    expect(() => service.overrideIdentity(next.accessId, 'Resident at the desk with photo ID')).toThrow(/no longer open/);
  });
});
