import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackOfficeError } from '../../../main/core/back-office/errors';
import { createTrainingBackOffice, type TrainingBackOffice } from '../../../main/core/training/dataverse/training-back-office';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { staffObjectId } from '../../../main/core/training/dataverse/rows-people';
import { INTEGRATION_APP_ID, INTEGRATION_APP_OBJECT_ID } from '../../../main/core/training/dataverse/security-roles';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { generateTrainingData } from '../../../main/core/training/generator';
import { startTrainingMicrosoft365 } from '../../../main/core/training/microsoft365';

/**
 * Training reaches its Dataverse as the officer the trainee acts as, with a token MSAL got for
 * them from the run's identity, exactly as live: no made-up bearer strings. Nobody acting asks
 * for nothing; switching officer signs in as the new one; switching back uses MSAL's cache.
 */
const dataset = generateTrainingData({ seed: 11, residents: 40 });
const agent = dataset.staff.find((member) => member.role === 'agent')?.id ?? '';
const leader = dataset.staff.find((member) => member.role === 'team-leader')?.id ?? '';
const marker = dataset.flags.find((flag) => flag.kind === 'staff-safety');
const residentId = rowIdFor(marker?.residentId ?? 'res-000001');

let acting: string | null = null;
let office: TrainingBackOffice;
beforeAll(async () => {
  office = await createTrainingBackOffice(dataset, { caller: () => acting });
});
afterAll(() => office.close());

const claimsOf = (jwt: string | undefined) => JSON.parse(Buffer.from((jwt ?? '').split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
const codeGrants = () => office.identity.tokenRequests().filter((each) => each.grantType === 'authorization_code' && each.ok).length;

describe('training’s Dataverse tokens', () => {
  it('asks for no token while nobody is acting, and says to choose whom to act as', async () => {
    acting = null;
    const error = await office.backOffice.listAccesses(residentId).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(BackOfficeError);
    expect((error as Error).message).toMatch(/^Choose whom you are acting as first/);
    expect(office.identity.tokenRequests()).toEqual([]);
    expect(office.standIn.requests()).toEqual([]);
  });

  it('signs in as the acting officer through MSAL: a token for this environment with user_impersonation, and their role applies', async () => {
    acting = agent;
    const asAgent = await office.backOffice.resident360(residentId);
    expect(asAgent).not.toBeNull();
    const token = office.identity.issued().accessTokens.at(-1);
    expect(claimsOf(token)).toMatchObject({ aud: office.standIn.url, scp: 'user_impersonation', oid: staffObjectId(dataset, agent) });
    // An agent's own Dataverse role does not read the access audit.
    await expect(office.backOffice.listAccesses(residentId)).rejects.toMatchObject({ failure: 'permission', status: 403 });
    expect(codeGrants()).toBe(1);
  });

  it('signs in as the new officer on a switch, and switching back uses the cached sign-in', async () => {
    acting = leader;
    await expect(office.backOffice.listAccesses(residentId)).resolves.toEqual(expect.any(Array));
    expect(claimsOf(office.identity.issued().accessTokens.at(-1))).toMatchObject({ oid: staffObjectId(dataset, leader) });
    expect(codeGrants()).toBe(2);
    acting = agent;
    await expect(office.backOffice.listAccesses(residentId)).rejects.toMatchObject({ failure: 'permission' });
    expect(codeGrants()).toBe(2);
  });

  it('signs an officer in ahead of their first read (main does it as soon as they are known), and that read then asks for no sign-in', async () => {
    const officer = dataset.staff.find((member) => member.role === 'agent' && member.id !== agent)?.id ?? '';
    const before = codeGrants();
    const readsBefore = office.standIn.requests().length;
    await office.signIn(officer);
    expect(codeGrants()).toBe(before + 1);
    expect(office.standIn.requests()).toHaveLength(readsBefore);
    acting = officer;
    await expect(office.backOffice.resident360(residentId)).resolves.not.toBeNull();
    expect(codeGrants()).toBe(before + 1);
    expect(claimsOf(office.identity.issued().accessTokens.at(-1))).toMatchObject({ oid: staffObjectId(dataset, officer) });
  });

  it('is the same identity training Microsoft 365 signs in to, which leaves it running when it closes', async () => {
    const m365 = await startTrainingMicrosoft365(dataset, { now: () => new Date(), identity: office.identity });
    expect(m365.identity).toBe(office.identity);
    await m365.close();
    // An officer not yet signed in needs the identity's server: it is still there.
    acting = dataset.staff.find((member) => member.role === 'service-point-officer')?.id ?? null;
    await expect(office.backOffice.resident360(residentId)).resolves.not.toBeNull();
    expect(codeGrants()).toBe(4);
  });

  it('lets the integration app’s own token in as the application user, and refuses another resource’s token from the same identity', async () => {
    const fetch = httpsFetch(office.standIn.ca);
    const get = (token: string) => fetch(`${office.standIn.url}/api/data/v9.2/cd_residentaccesses?$top=1`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } }).then((response) => response.status);
    try {
      expect(await get(office.identity.mintAppTokenForTests({ appId: INTEGRATION_APP_ID, objectId: INTEGRATION_APP_OBJECT_ID, resource: office.standIn.url }))).toBe(200);
      // The same app's token for Microsoft Graph is no good to Dataverse.
      expect(await get(office.identity.mintAppTokenForTests({ appId: INTEGRATION_APP_ID, objectId: INTEGRATION_APP_OBJECT_ID, resource: '00000003-0000-0000-c000-000000000000' }))).toBe(401);
    } finally {
      fetch.close();
    }
  });
});
