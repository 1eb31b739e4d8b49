import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResidentAccess } from '../../../shared/domain/resident-360';
import type { StaffUser } from '../../../shared/domain/staff';
import { createAuditTrail } from '../../../main/core/residents/audit-trail';
import { createResidentService } from '../../../main/core/residents/resident-service';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { asOf, dataset, startHarness, type Harness } from './fixture';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const officer = (role: StaffUser['role']) => {
  const found = dataset.staff.find((each) => each.role === role);
  if (!found) throw new Error(`the training borough has no ${role}`);
  return found;
};
const agent = officer('agent');
const leader = officer('team-leader');
const counter = officer('service-point-officer');
const marker = dataset.flags.find((flag) => flag.kind === 'staff-safety');
if (!marker) throw new Error('the training borough has no staff-safety marker');
const residentId = rowIdFor(marker.residentId);
const markersOf = dataset.flags.filter((flag) => flag.residentId === marker.residentId && flag.kind === 'staff-safety');

/** A request as any Dataverse client would make it with the officer's own token: not through CivicDesk. */
async function asClient(staff: StaffUser, method: string, path: string, body?: unknown) {
  const response = await harness.fetch(`${harness.standIn.url}/api/data/v9.2/${path}`, {
    method,
    headers: { Authorization: `Bearer ${harness.officerToken(staff.id)}`, Accept: 'application/json', 'Content-Type': 'application/json', 'OData-Version': '4.0' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as { error?: { code: string; message: string }; value?: unknown[] }) };
}

describe('Dataverse’s security roles, as the stand-in enforces them', () => {
  it('refuses an agent’s own token the staff-safety markers and the access audit, as Dataverse does (403, 0x80040220)', async () => {
    for (const path of [`cd_staffsafetymarkers?$filter=_cd_residentid_value eq ${residentId}`, `cd_residentaccesses?$filter=_cd_residentid_value eq ${residentId}`]) {
      const refused = await asClient(agent, 'GET', path);
      expect(refused.status).toBe(403);
      expect(refused.body?.error?.code).toBe('0x80040220');
      expect(refused.body?.error?.message).toMatch(/^Principal user \(Id=[0-9a-f-]{36}, type=8\), is missing prvReadcd_(staffsafetymarker|residentaccess) privilege/);
    }
  });

  it('gives a team leader both, and a service-point officer the markers but not the audit', async () => {
    const markers = await asClient(leader, 'GET', `cd_staffsafetymarkers?$filter=_cd_residentid_value eq ${residentId}`);
    expect([markers.status, markers.body?.value?.length]).toEqual([200, markersOf.length]);
    expect((await asClient(leader, 'GET', `cd_residentaccesses?$filter=_cd_residentid_value eq ${residentId}`)).status).toBe(200);
    expect((await asClient(counter, 'GET', `cd_staffsafetymarkers?$filter=_cd_residentid_value eq ${residentId}`)).status).toBe(200);
    expect((await asClient(counter, 'GET', `cd_residentaccesses?$filter=_cd_residentid_value eq ${residentId}`)).status).toBe(403);
  });

  it('no longer keeps staff-safety markers among the flags every officer reads', async () => {
    const flags = await asClient(agent, 'GET', `cd_residentflags?$filter=_cd_residentid_value eq ${residentId}&$select=cd_kind`);
    expect(flags.status).toBe(200);
    expect(flags.body?.value?.length).toBe(dataset.flags.filter((flag) => flag.residentId === marker.residentId && flag.kind === 'vulnerability').length);
  });

  it('lets an agent record an access (Create and Append on the audit, Append To on the contact) but not change one', async () => {
    const id = randomUUID();
    const made = await asClient(agent, 'POST', 'cd_residentaccesses', { cd_residentaccessid: id, cd_name: 'x', 'cd_ResidentId@odata.bind': `/contacts(${residentId})`, cd_staffid: agent.id, cd_accessedat: asOf.toISOString() });
    expect(made.status).toBe(204);
    const changed = await asClient(agent, 'PATCH', `cd_residentaccesses(${id})`, { cd_staffid: 'someone-else' });
    expect([changed.status, changed.body?.error?.message]).toEqual([403, expect.stringContaining('is missing prvWritecd_residentaccess privilege')]);
  });

  it('shows an agent’s 360 view through the live adapter without the markers, saying how many are hidden; a team leader’s with them', async () => {
    const asAgent = await harness.backOffice({ getAccessToken: async () => harness.officerToken(agent.id) }).resident360(residentId);
    expect(asAgent?.flags.filter((flag) => flag.kind === 'staff-safety')).toEqual([]);
    expect(asAgent?.withheldStaffSafety).toBe(markersOf.length);
    const asLeader = await harness.backOffice({ getAccessToken: async () => harness.officerToken(leader.id) }).resident360(residentId);
    expect(asLeader?.flags.filter((flag) => flag.kind === 'staff-safety').map((flag) => flag.id).sort()).toEqual(markersOf.map((flag) => rowIdFor(flag.id)).sort());
    expect(asLeader?.withheldStaffSafety ?? 0).toBe(0);
    expect(harness.warnings).toEqual([]);
  });

  it('opens the record for an agent in CivicDesk as before: markers hidden for their role, counted, and the access recorded', async () => {
    const office = harness.backOffice({ getAccessToken: async () => harness.officerToken(agent.id) });
    const audit = createAuditTrail({ backOffice: async () => office, log: { warn: () => undefined } });
    const staff: StaffUser = { ...agent };
    const service = createResidentService({ backOffice: async () => office, user: () => staff, audit, now: () => asOf });
    const view = await service.open(residentId, 'call');
    expect(view.hiddenStaffSafety).toBe(markersOf.length);
    expect(view.flags.some((flag) => flag.kind === 'staff-safety')).toBe(false);
    await audit.flush();
    expect(audit.waiting()).toEqual([]);
    expect(audit.setAside()).toEqual([]);
    const recorded = harness.standIn.rows('cd_residentaccesses').filter((row) => row._cd_residentid_value === residentId && row.cd_staffid === agent.id);
    expect(recorded.length).toBeGreaterThan(0);
    // The agent may not list them back, in CivicDesk or in Dataverse.
    await expect(office.listAccesses(residentId)).rejects.toMatchObject({ failure: 'permission' } satisfies Partial<{ failure: string }>);
    const listed: ResidentAccess[] = await harness.backOffice({ getAccessToken: async () => harness.officerToken(leader.id) }).listAccesses(residentId);
    expect(listed.some((each) => each.staffId === agent.id)).toBe(true);
  });
});
