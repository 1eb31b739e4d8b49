import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { GRAPH_AUDIENCE } from '../../../main/core/training/identity/token';
import { startDataverseStandIn, type DataverseStandIn } from '../../../main/core/training/dataverse/stand-in';
import { staffObjectId } from '../../../main/core/training/dataverse/rows-people';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { dataset } from './fixture';
import { entraTokens } from '../support/entra-tokens';

/**
 * Every request's token is checked as Dataverse checks it: signed by the tenant's identity, in
 * its time, for this environment (aud), with user_impersonation (or an application's own token),
 * for someone the environment has as a user. Before, any bearer string was let in.
 */
const tokens = entraTokens();
const agent = dataset.staff.find((member) => member.role === 'agent')?.id ?? '';
let standIn: DataverseStandIn;
let fetch: ReturnType<typeof httpsFetch>;

beforeAll(async () => {
  // Agents may not read residents here: the roles knob takes the privilege away.
  standIn = await startDataverseStandIn({ dataset, verifyAccessToken: tokens.verifyAccessToken, roles: (roles) => ({ ...roles, 'service-point-officer': { ...roles['service-point-officer'], contact: [] } }) });
  fetch = httpsFetch(standIn.ca);
});
afterAll(async () => {
  fetch.close();
  await standIn.close();
});

async function read(token: string | null, path = 'contacts?$select=fullname&$top=1') {
  const headers: Record<string, string> = { Accept: 'application/json', 'OData-Version': '4.0' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${standIn.url}/api/data/v9.2/${path}`, { headers });
  const text = await response.text();
  return { status: response.status, authenticate: response.headers.get('www-authenticate'), body: text === '' ? null : (JSON.parse(text) as { error?: { code: string; message: string }; value?: unknown[] }) };
}

const now = () => Math.floor(Date.now() / 1000);
const officerClaims = (claims: Record<string, unknown> = {}) => ({ aud: standIn.url, iss: tokens.issuer, iat: now(), nbf: now(), exp: now() + 3600, oid: staffObjectId(dataset, agent), tid: 'training', scp: 'user_impersonation', name: 'An officer', preferred_username: 'officer@example.org', ...claims });

describe('the Dataverse stand-in’s token checks', () => {
  it('serves an officer’s own token and the application user’s', async () => {
    const asOfficer = await read(tokens.officer(standIn.url, dataset, agent));
    expect([asOfficer.status, asOfficer.body?.value?.length]).toEqual([200, 1]);
    expect((await read(tokens.app(standIn.url))).status).toBe(200);
  });

  it('answers 401 with where to sign in, and no body, for no token or one that is not a token at all', async () => {
    for (const token of [null, 'test-token', 'training-officer.stf-001']) {
      const refused = await read(token);
      expect(refused.status).toBe(401);
      expect(refused.authenticate).toMatch(/^Bearer authorization_uri=https:\/\/login\.microsoftonline\.com\/[^,]+\/oauth2\/authorize, resource_id=https:\/\/127\.0\.0\.1:\d+\/$/);
      expect(refused.body).toBeNull();
    }
  });

  it('refuses a token signed by another key, even with the right claims', async () => {
    const stranger = entraTokens();
    expect((await read(stranger.officer(standIn.url, dataset, agent))).status).toBe(401);
    expect((await read(stranger.app(standIn.url))).status).toBe(401);
  });

  it('refuses a token that has run out, or is not yet valid', async () => {
    expect((await read(tokens.sign(officerClaims({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 60 }))))).toMatchObject({ status: 401 });
    expect((await read(tokens.sign(officerClaims({ nbf: now() + 3600, exp: now() + 7200 }))))).toMatchObject({ status: 401 });
  });

  it('refuses a token for another resource: a Graph token sent to Dataverse, or another environment’s', async () => {
    expect((await read(tokens.sign(officerClaims({ aud: GRAPH_AUDIENCE, scp: 'User.Read Presence.ReadWrite' })))).status).toBe(401);
    expect((await read(tokens.officer('https://another.crm11.dynamics.com', dataset, agent))).status).toBe(401);
  });

  it('refuses an officer’s token without user_impersonation', async () => {
    expect((await read(tokens.sign(officerClaims({ scp: 'User.Read' })))).status).toBe(401);
  });

  it('refuses, as Dataverse does, a good token for someone the environment does not have as a user', async () => {
    for (const token of [tokens.sign(officerClaims({ oid: '0f0f0f0f-0000-4000-8000-000000000000' })), tokens.sign({ ...officerClaims(), scp: undefined, idtyp: 'app', roles: [], azp: '0f0f0f0f-0000-4000-8000-0000000000aa' })]) {
      const refused = await read(token);
      expect(refused.status).toBe(403);
      expect(refused.body?.error).toEqual({ code: '0x80072560', message: 'The user is not a member of the organization.' });
    }
  });

  it('applies the officer’s own security role, which the roles option can narrow', async () => {
    const counter = dataset.staff.find((member) => member.role === 'service-point-officer')?.id ?? '';
    const refused = await read(tokens.officer(standIn.url, dataset, counter));
    expect(refused.status).toBe(403);
    expect(refused.body?.error?.code).toBe('0x80040220');
    expect(refused.body?.error?.message).toContain(`Principal user (Id=${rowIdFor(counter)}, type=8), is missing prvReadcontact privilege`);
  });

  it('lets nothing in when it was given no way to check tokens', async () => {
    const unchecked = await startDataverseStandIn({ dataset });
    const unfetch = httpsFetch(unchecked.ca);
    try {
      for (const token of [tokens.app(unchecked.url), tokens.officer(unchecked.url, dataset, agent)]) {
        const response = await unfetch(`${unchecked.url}/api/data/v9.2/WhoAmI`, { headers: { Authorization: `Bearer ${token}` } });
        expect(response.status).toBe(401);
      }
    } finally {
      unfetch.close();
      await unchecked.close();
    }
  });
});
