import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { generateTrainingData } from '../../../main/core/training/generator';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { startDataverseStandIn, type DataverseStandIn } from '../../../main/core/training/dataverse/stand-in';
import { entraTokens } from '../support/entra-tokens';

const dataset = generateTrainingData({ seed: 7, residents: 60 });
const agent = dataset.staff.find((member) => member.role === 'agent');
const leader = dataset.staff.find((member) => member.role === 'team-leader');
const tokens = entraTokens();

/** Dataverse's bound function, as the readiness check calls it, against the training stand-in. */
describe('RetrieveUserPrivileges in the Dataverse stand-in', () => {
  let standIn: DataverseStandIn;
  let fetch: ReturnType<typeof httpsFetch>;
  const ask = async (token: string, userId: string, suffix = '()') => {
    const response = await fetch(`${standIn.url}/api/data/v9.2/systemusers(${userId})/Microsoft.Dynamics.CRM.RetrieveUserPrivileges${suffix}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    return { status: response.status, body: JSON.parse((await response.text()) || 'null') as { RolePrivileges?: { PrivilegeName: string; Depth: string; PrivilegeId: string }[]; error?: { code: string } } };
  };
  const officerToken = (staffId: string) => tokens.officer(standIn.url, dataset, staffId);
  const names = (body: { RolePrivileges?: { PrivilegeName: string }[] }) => (body.RolePrivileges ?? []).map((each) => each.PrivilegeName);

  beforeAll(async () => {
    standIn = await startDataverseStandIn({ dataset, verifyAccessToken: tokens.verifyAccessToken });
    fetch = httpsFetch(standIn.ca);
  });
  afterAll(async () => {
    fetch.close();
    await standIn.close();
  });

  it('lists an agent’s own privileges in Dataverse’s shape: Read on residents, none on staff-safety markers, no Read on the access audit', async () => {
    if (!agent) throw new Error('no agent in training');
    const { status, body } = await ask(officerToken(agent.id), rowIdFor(agent.id));
    expect(status).toBe(200);
    expect(names(body)).toEqual(expect.arrayContaining(['prvReadcontact', 'prvCreateincident', 'prvAppendcd_residentaccess', 'prvCreatecd_residentaccess']));
    expect(names(body).filter((name) => name.endsWith('cd_staffsafetymarker') || name === 'prvReadcd_residentaccess')).toEqual([]);
    expect(body.RolePrivileges?.[0]).toEqual({ Depth: 'Global', PrivilegeId: expect.stringMatching(/^[0-9a-f-]{36}$/), BusinessUnitId: expect.any(String), PrivilegeName: expect.any(String) });
  });

  it('gives a team leader Read on the access audit and on staff-safety markers', async () => {
    if (!leader) throw new Error('no team leader in training');
    const { body } = await ask(officerToken(leader.id), rowIdFor(leader.id));
    expect(names(body)).toEqual(expect.arrayContaining(['prvReadcd_residentaccess', 'prvReadcd_staffsafetymarker', 'prvAppendTophonecall']));
  });

  it('answers for another officer only with what the stand-in does not model, and not without the function’s brackets', async () => {
    if (!agent || !leader) throw new Error('no staff in training');
    expect((await ask(officerToken(agent.id), rowIdFor(leader.id))).status).toBe(501);
    expect((await ask(officerToken(agent.id), rowIdFor(agent.id), '')).status).toBe(404);
  });
});
