import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsFetch, type FetchLike } from '../../../main/core/back-office/https-fetch';
import type { IdentityStandIn } from '../../../main/core/training/identity/identity-stand-in';
import { CLIENT_ID, startStandIn, USERS } from './fixture';

/**
 * Entra's v2 token endpoint, as the identity stand-in answers it: an access token is for one
 * resource (aud) and carries that resource's scopes only (scp, short names); two resources in
 * one request are refused (AADSTS28000); a refresh token is good for any resource the app has
 * consent for; and a scope without consent is refused with AADSTS65001, consent_required.
 */
const GRAPH = '00000003-0000-0000-c000-000000000000';
const DATAVERSE = 'https://127.0.0.1:8443';
const REDIRECT = 'http://localhost:51234';

let identity: IdentityStandIn;
let fetch: FetchLike & { close(): void };
let endpoints: { authorization_endpoint: string; token_endpoint: string };

beforeAll(async () => {
  // Graph consented, and Dataverse not: as a council that has not yet granted Dynamics CRM user_impersonation.
  identity = await startStandIn({ consentedScopes: ['User.Read', 'Presence.ReadWrite', 'https://127.0.0.1:8444/user_impersonation'] });
  fetch = httpsFetch(identity.ca);
  endpoints = JSON.parse(await (await fetch(`${identity.authority}/.well-known/openid-configuration`)).text()) as typeof endpoints;
});
afterAll(async () => {
  fetch.close();
  await identity.close();
});

const claimsOf = (jwt: unknown) => JSON.parse(Buffer.from(String(jwt).split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

async function token(fields: Record<string, string>) {
  const response = await fetch(endpoints.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: CLIENT_ID, ...fields }).toString() });
  return { status: response.status, body: JSON.parse(await response.text()) as Record<string, unknown> };
}

/** A sign-in with these scopes: a code from the authorize endpoint, redeemed with its PKCE verifier. */
async function signIn(scope: string) {
  const verifier = randomBytes(32).toString('base64url');
  const url = new URL(endpoints.authorization_endpoint);
  const params = { client_id: CLIENT_ID, redirect_uri: REDIRECT, response_type: 'code', scope, state: 's', login_hint: USERS[0]!.username, code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256' };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const code = new URL((await fetch(url.href)).headers.get('location') ?? '').searchParams.get('code') ?? '';
  return token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier, scope });
}

describe('access tokens are for one resource', () => {
  it('gives Graph scopes a token for Graph, however they are spelt, with the short names in scp', async () => {
    const signedIn = await signIn('openid profile offline_access User.Read https://graph.microsoft.com/Presence.ReadWrite');
    expect(signedIn.status).toBe(200);
    expect(claimsOf(signedIn.body.access_token)).toMatchObject({ aud: GRAPH, scp: 'User.Read Presence.ReadWrite' });
  });

  it('redeems the same refresh token for another consented resource: the token’s aud is that resource’s address', async () => {
    const signedIn = await signIn('openid profile offline_access User.Read');
    const other = await token({ grant_type: 'refresh_token', refresh_token: String(signedIn.body.refresh_token), scope: 'https://127.0.0.1:8444/user_impersonation openid profile offline_access' });
    expect(other.status).toBe(200);
    expect(claimsOf(other.body.access_token)).toMatchObject({ aud: 'https://127.0.0.1:8444', scp: 'user_impersonation', oid: USERS[0]!.oid });
    expect(identity.verifyToken(String(other.body.access_token))).toMatchObject({ aud: 'https://127.0.0.1:8444', scp: 'user_impersonation' });
  });

  it('refuses scopes of two resources in one request, as Entra does (AADSTS28000)', async () => {
    const signedIn = await signIn('openid profile offline_access User.Read');
    const both = await token({ grant_type: 'refresh_token', refresh_token: String(signedIn.body.refresh_token), scope: `User.Read https://127.0.0.1:8444/user_impersonation offline_access` });
    expect(both.status).toBe(400);
    expect(both.body).toMatchObject({ error: 'invalid_request', error_codes: [28000], error_description: expect.stringMatching(/^AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource\./) });
    // Refused before it was used: the refresh token still works for one resource.
    expect((await token({ grant_type: 'refresh_token', refresh_token: String(signedIn.body.refresh_token), scope: 'User.Read offline_access' })).status).toBe(200);
  });

  it('refuses a scope the app has no consent for with AADSTS65001 and suberror consent_required', async () => {
    const signedIn = await signIn('openid profile offline_access User.Read');
    const refused = await token({ grant_type: 'refresh_token', refresh_token: String(signedIn.body.refresh_token), scope: `${DATAVERSE}/user_impersonation offline_access` });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required', error_codes: [65001], error_description: expect.stringMatching(/^AADSTS65001: The user or administrator has not consented to use the application with ID '[0-9a-f-]{36}'/) });
    // Graph, which is consented, still comes on the same refresh token.
    expect((await token({ grant_type: 'refresh_token', refresh_token: String(signedIn.body.refresh_token), scope: 'User.Read offline_access' })).status).toBe(200);
    expect((await signIn('openid profile offline_access Calendars.ReadBasic')).body).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required' });
  });
});
