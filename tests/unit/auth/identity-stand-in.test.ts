import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsFetch, type FetchLike } from '../../../main/core/back-office/https-fetch';
import type { IdentityStandIn } from '../../../main/core/training/identity/identity-stand-in';
import { readForm } from '../../../main/core/training/identity/training-browser';
import { CLIENT_ID, startStandIn, TENANT_ID, USERS } from './fixture';

let identity: IdentityStandIn;
let fetch: FetchLike & { close(): void };
let endpoints: { authorization_endpoint: string; token_endpoint: string; jwks_uri: string; issuer: string; end_session_endpoint: string };
let clock = 0;

beforeAll(async () => {
  identity = await startStandIn({ now: () => new Date(Date.now() + clock) });
  fetch = httpsFetch(identity.ca);
  endpoints = JSON.parse(await (await fetch(`${identity.authority}/.well-known/openid-configuration`)).text()) as typeof endpoints;
});
afterAll(async () => {
  fetch.close();
  await identity.close();
});

const REDIRECT = 'http://localhost:51234';
const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};
function authorizeUrl(params: Record<string, string | null>): string {
  const url = new URL(endpoints.authorization_endpoint);
  const all: Record<string, string | null> = { client_id: CLIENT_ID, redirect_uri: REDIRECT, response_type: 'code', scope: 'openid profile offline_access User.Read', state: 'state-1', login_hint: USERS[0]!.username, ...params };
  for (const [name, value] of Object.entries(all)) if (value !== null) url.searchParams.set(name, value);
  return url.href;
}
async function codeFor(challenge: string, extra: Record<string, string | null> = {}): Promise<string> {
  const response = await fetch(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256', ...extra }));
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  expect(location.origin).toBe(REDIRECT);
  expect(location.searchParams.get('state')).toBe('state-1');
  return location.searchParams.get('code') ?? '';
}
async function redeem(fields: Record<string, string>) {
  const response = await fetch(endpoints.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: CLIENT_ID, ...fields }).toString() });
  return { status: response.status, body: JSON.parse(await response.text()) as Record<string, unknown> };
}
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

describe('the identity stand-in (training’s OpenID Connect provider)', () => {
  it('publishes its configuration with the issuer exactly the authority, on 127.0.0.1', async () => {
    expect(identity.authority).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:\\d+/${TENANT_ID}/v2\\.0$`));
    expect(endpoints.issuer).toBe(identity.authority);
    for (const each of [endpoints.authorization_endpoint, endpoints.token_endpoint, endpoints.jwks_uri, endpoints.end_session_endpoint]) expect(new URL(each).origin).toBe(new URL(identity.authority).origin);
    const jwks = JSON.parse(await (await fetch(endpoints.jwks_uri)).text()) as { keys: { kty: string; alg: string; kid: string }[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', kid: expect.any(String) })]);
    expect((await fetch(endpoints.end_session_endpoint)).status).toBe(200);
  });

  it('refuses a wrong PKCE verifier, spends the code, and honours the right verifier on a fresh code', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(challenge);
    const wrong = await redeem({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: 'invalid_grant', error_codes: [501481], error_description: expect.stringMatching(/^AADSTS501481: The Code_Verifier does not match/) });
    // Single use: the code is gone even for the right verifier now.
    expect((await redeem({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier })).body).toMatchObject({ error: 'invalid_grant' });

    const fresh = pkce();
    const good = await redeem({ grant_type: 'authorization_code', code: await codeFor(fresh.challenge, { nonce: 'nonce-1' }), redirect_uri: REDIRECT, code_verifier: fresh.verifier });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid profile offline_access User.Read', refresh_token: expect.any(String) });
    const access = claimsOf(String(good.body.access_token));
    expect(access).toMatchObject({ iss: identity.authority, tid: TENANT_ID, oid: USERS[0]!.oid, preferred_username: USERS[0]!.username, name: USERS[0]!.name, scp: 'User.Read' });
    expect(Number(access.exp) - Number(access.iat)).toBe(3600);
    expect(claimsOf(String(good.body.id_token))).toMatchObject({ aud: CLIENT_ID, nonce: 'nonce-1', sub: USERS[0]!.oid, oid: USERS[0]!.oid, tid: TENANT_ID });
    expect(identity.verifyAccessToken(String(good.body.access_token))).toEqual({ aud: '00000003-0000-0000-c000-000000000000', oid: USERS[0]!.oid, tid: TENANT_ID, scp: 'User.Read', name: USERS[0]!.name, preferred_username: USERS[0]!.username });
  });

  it('refuses a missing verifier and a changed redirect address at the token endpoint', async () => {
    const one = pkce();
    expect((await redeem({ grant_type: 'authorization_code', code: await codeFor(one.challenge), redirect_uri: REDIRECT })).body).toMatchObject({ error: 'invalid_request' });
    const two = pkce();
    expect((await redeem({ grant_type: 'authorization_code', code: await codeFor(two.challenge), redirect_uri: 'http://localhost:9999', code_verifier: two.verifier })).body).toMatchObject({ error: 'invalid_grant', error_codes: [500112] });
  });

  it('rotates refresh tokens: each works once', async () => {
    const { verifier, challenge } = pkce();
    const signedIn = await redeem({ grant_type: 'authorization_code', code: await codeFor(challenge), redirect_uri: REDIRECT, code_verifier: verifier });
    const first = String(signedIn.body.refresh_token);
    const renewed = await redeem({ grant_type: 'refresh_token', refresh_token: first, scope: 'User.Read offline_access' });
    expect(renewed.status).toBe(200);
    expect(renewed.body.refresh_token).not.toBe(first);
    const again = await redeem({ grant_type: 'refresh_token', refresh_token: first });
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant', suberror: 'bad_token', error_codes: [70008] } });
  });

  it('asks for PKCE with S256 and a known app, and only ever returns to this computer', async () => {
    const noPkce = await fetch(authorizeUrl({}));
    expect(new URL(noPkce.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    const plain = await fetch(authorizeUrl({ code_challenge: 'abc', code_challenge_method: 'plain' }));
    expect(new URL(plain.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    // Not sent on anywhere: shown as a page instead.
    for (const redirect of ['https://attacker.example/callback', 'http://10.0.0.5:1234', 'ftp://localhost/']) {
      const answer = await fetch(authorizeUrl({ redirect_uri: redirect, code_challenge: 'abc', code_challenge_method: 'S256' }));
      expect(answer.status).toBe(400);
      expect(answer.headers.get('location')).toBeNull();
    }
    expect((await fetch(authorizeUrl({ client_id: '99999999-0000-4000-8000-000000000000', code_challenge: 'abc', code_challenge_method: 'S256' }))).status).toBe(400);
    expect((await redeem({ grant_type: 'password', username: 'x', password: 'y' })).body).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('lists the training accounts to choose from when no one is named', async () => {
    const { challenge } = pkce();
    const page = await fetch(authorizeUrl({ login_hint: null, code_challenge: challenge, code_challenge_method: 'S256' }));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Choose a training account</h1>');
    const links = [...html.matchAll(/<a href="([^"]+)">/g)].map((match) => new URL(match[1]!.replaceAll('&#38;', '&'), identity.authority).searchParams.get('login_hint'));
    expect(links).toEqual(USERS.map((user) => user.username));
  });

  it('answers form_post with a self-submitting form carrying the code and state', async () => {
    const { challenge } = pkce();
    const page = await fetch(authorizeUrl({ response_mode: 'form_post', state: 'a&b"c', code_challenge: challenge, code_challenge_method: 'S256' }));
    expect(page.status).toBe(200);
    const form = readForm(await page.text());
    expect(form).toEqual({ action: REDIRECT, fields: { code: expect.any(String), state: 'a&b"c' } });
    expect(identity.issued().codes).toContain(form?.fields.code);
  });

  it('answers the next sign-in with the error a test asks for, then carries on', async () => {
    const { challenge } = pkce();
    identity.failNextAuthorize('consent_required');
    const refused = new URL((await fetch(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }))).headers.get('location') ?? '');
    expect(refused.searchParams.get('error')).toBe('consent_required');
    expect(refused.searchParams.get('error_description')).toMatch(/^AADSTS65001:/);
    expect(await codeFor(challenge)).not.toBe('');
  });

  it('verifies only its own unexpired access tokens', async () => {
    const { verifier, challenge } = pkce();
    const tokens = (await redeem({ grant_type: 'authorization_code', code: await codeFor(challenge), redirect_uri: REDIRECT, code_verifier: verifier })).body;
    const access = String(tokens.access_token);
    expect(identity.verifyAccessToken(access)).not.toBeNull();
    expect(identity.verifyAccessToken(String(tokens.id_token))).toBeNull();
    const [head, body, signature] = access.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claimsOf(access), oid: USERS[1]!.oid })).toString('base64url');
    expect(identity.verifyAccessToken(`${head}.${forged}.${signature}`)).toBeNull();
    expect(identity.verifyAccessToken(`${head}.${body}.`)).toBeNull();
    expect(identity.verifyAccessToken('not a token')).toBeNull();
    const other = await startStandIn();
    try {
      expect(other.verifyAccessToken(access)).toBeNull();
    } finally {
      await other.close();
    }
    clock = 61 * 60_000;
    try {
      expect(identity.verifyAccessToken(access)).toBeNull();
    } finally {
      clock = 0;
    }
  });
});
