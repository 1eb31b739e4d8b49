import { afterEach, describe, expect, it } from 'vitest';
import type { AuthService } from '../../../main/core/auth/auth-service';
import { NotPossible } from '../../../main/core/ipc/router';
import { createMemoryOnlySecretStore } from '../../../main/core/secrets/secret-store';
import { MSAL_TOKEN_CACHE_SECRET } from '../../../main/core/secrets/secret-names';
import type { IdentityStandIn } from '../../../main/core/training/identity/identity-stand-in';
import type { AccountStatus } from '../../../shared/contract/microsoft365';
import { trainingBrowser } from '../../../main/core/training/identity/training-browser';
import { createAuthService } from '../../../main/core/auth/auth-service';
import { encryptingStore, SCOPES, startStandIn, TENANT_ID, trainingAuth, USERS } from './fixture';

const REASON = 'This computer has no keychain CivicDesk can use, so your sign-in is kept only until you close CivicDesk.';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});
async function standIn(options: Parameters<typeof startStandIn>[0] = {}): Promise<IdentityStandIn> {
  const started = await startStandIn(options);
  cleanups.push(() => started.close());
  return started;
}
function track(auth: AuthService): AuthService {
  cleanups.push(() => auth.close());
  return auth;
}
const notPossible = (pattern: RegExp) => (error: unknown) => error instanceof NotPossible && pattern.test(error.message);

describe('signing in to Microsoft 365 (training identity stand-in, real MSAL)', () => {
  it('signs in with auth code + PKCE through MSAL’s loopback and reports only who signed in', async () => {
    const identity = await standIn();
    const auth = track(trainingAuth(identity, createMemoryOnlySecretStore(REASON)));
    const seen: AccountStatus[] = [];
    auth.onChange((status) => seen.push(status));
    expect(auth.status()).toEqual({ signedIn: false, signingIn: false, kept: 'this-session-only', keptReason: REASON, problem: null });

    const status = await auth.signIn();
    const priya = USERS[0]!;
    expect(status).toEqual({ signedIn: true, signingIn: false, kept: 'this-session-only', keptReason: REASON, problem: null, userId: priya.oid, name: priya.name, username: priya.username });
    expect(seen.map((each) => [each.signedIn, each.signingIn])).toEqual([[false, true], [true, false]]);
    // The code was redeemed once, with its PKCE verifier, and nothing of it reaches the status.
    expect(identity.tokenRequests()).toEqual([{ grantType: 'authorization_code', ok: true }]);
    const everything = JSON.stringify([status, seen]);
    const issued = identity.issued();
    for (const secret of [...issued.accessTokens, ...issued.refreshTokens, ...issued.idTokens, ...issued.codes]) expect(everything).not.toContain(secret);

    // The token main uses is the stand-in's, for the signed-in officer, with the scopes asked for.
    const token = await auth.accessToken(SCOPES);
    expect(identity.verifyAccessToken(token)).toMatchObject({ oid: priya.oid, tid: TENANT_ID, preferred_username: priya.username, scp: 'User.Read Presence.ReadWrite' });
  });

  it('asks which account every time, so on a shared computer the next officer is not signed in as the last', async () => {
    const identity = await standIn();
    const opened: URL[] = [];
    const browser = trainingBrowser({ ca: identity.ca, loginHint: () => USERS[0]!.username });
    const auth = track(trainingAuth(identity, createMemoryOnlySecretStore(REASON), { openBrowser: (url) => (opened.push(new URL(url)), browser(url)) }));
    await auth.signIn();
    expect(opened).toHaveLength(1);
    expect(opened[0]!.searchParams.get('prompt')).toBe('select_account');
    expect(opened[0]!.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('renews a token about to run out with the refresh token, silently (MSAL’s own window)', async () => {
    // Two minutes is inside MSAL's five-minute renewal window, so every use renews.
    const identity = await standIn({ accessTokenSeconds: 120 });
    const auth = track(trainingAuth(identity, createMemoryOnlySecretStore(REASON)));
    await auth.signIn();
    const first = identity.issued().accessTokens.at(-1);
    const token = await auth.accessToken(SCOPES);
    expect(token).not.toBe(first);
    expect(identity.verifyAccessToken(token)?.oid).toBe(USERS[0]!.oid);
    expect(identity.tokenRequests().map((each) => each.grantType)).toEqual(['authorization_code', 'refresh_token']);
    // Rotation: the refresh token MSAL used is spent and the new one kept.
    expect(identity.issued().refreshTokens).toHaveLength(2);
  });

  it('uses the cached token while it is fresh, and renews by our clock five minutes before it runs out', async () => {
    let moved = 0;
    const now = () => new Date(Date.now() + moved);
    const identity = await standIn({ now });
    const auth = track(trainingAuth(identity, createMemoryOnlySecretStore(REASON), { now }));
    await auth.signIn();
    const cached = await auth.accessToken(SCOPES);
    expect(cached).toBe(identity.issued().accessTokens.at(-1));
    expect(identity.tokenRequests()).toHaveLength(1);

    moved = 56 * 60_000;
    const renewed = await auth.accessToken(SCOPES);
    expect(renewed).not.toBe(cached);
    expect(identity.tokenRequests().map((each) => each.grantType)).toEqual(['authorization_code', 'refresh_token']);
    expect(identity.verifyAccessToken(renewed)).not.toBeNull();
  });

  it('hands a fresh token out again without reading the token cache each time, and never to the next officer', async () => {
    const identity = await standIn();
    const memory = createMemoryOnlySecretStore(REASON);
    let cacheReads = 0;
    const secrets = { kept: memory.kept, keptReason: memory.keptReason, set: memory.set, delete: memory.delete, get: (name: string) => ((cacheReads += 1), memory.get(name)) };
    let hint = USERS[0]!.username;
    const auth = track(trainingAuth(identity, secrets, { openBrowser: trainingBrowser({ ca: identity.ca, loginHint: () => hint }) }));
    await auth.signIn();
    const first = await auth.accessToken(SCOPES);
    const readsThen = cacheReads;
    // A screen-pop's dozen requests each ask for a token: the same one, with no cache read.
    const again = await Promise.all(Array.from({ length: 12 }, () => auth.accessToken(SCOPES)));
    expect(new Set(again)).toEqual(new Set([first]));
    expect(cacheReads).toBe(readsThen);

    // Another officer at the computer gets their own token, never the last one's.
    await auth.signOut();
    hint = USERS[1]!.username;
    await auth.signIn();
    const theirs = await auth.accessToken(SCOPES);
    expect(theirs).not.toBe(first);
    expect(identity.verifyAccessToken(theirs)?.oid).toBe(USERS[1]!.oid);
  });

  it('says to sign in again, and shows signed out, when the refresh token no longer works', async () => {
    const identity = await standIn({ accessTokenSeconds: 120 });
    const secrets = createMemoryOnlySecretStore(REASON);
    const auth = track(trainingAuth(identity, secrets));
    await auth.signIn();
    const seen: AccountStatus[] = [];
    auth.onChange((status) => seen.push(status));
    identity.revokeRefreshTokens();

    await expect(auth.accessToken(SCOPES)).rejects.toSatisfy(notPossible(/^Sign in to Microsoft 365 again/));
    expect(auth.status()).toMatchObject({ signedIn: false, signingIn: false, problem: expect.stringMatching(/^Sign in to Microsoft 365 again/) });
    expect(seen.at(-1)).toEqual(auth.status());
    expect(identity.tokenRequests().at(-1)).toEqual({ grantType: 'refresh_token', ok: false });
    expect(await secrets.get(MSAL_TOKEN_CACHE_SECRET)).toBeNull();
  });

  it('signs out: forgets the account and its keychain entry, and then refuses tokens', async () => {
    const identity = await standIn();
    const disk = await encryptingStore();
    cleanups.push(() => disk.remove());
    const auth = track(trainingAuth(identity, disk.store));
    await auth.signIn();
    expect(await disk.store.get(MSAL_TOKEN_CACHE_SECRET)).not.toBeNull();
    const seen: AccountStatus[] = [];
    auth.onChange((status) => seen.push(status));

    const status = await auth.signOut();
    expect(status).toEqual({ signedIn: false, signingIn: false, kept: 'keychain', keptReason: null, problem: null });
    expect(seen).toEqual([status]);
    expect(await disk.store.get(MSAL_TOKEN_CACHE_SECRET)).toBeNull();
    expect(await disk.files()).toEqual([]);
    await expect(auth.accessToken(SCOPES)).rejects.toSatisfy(notPossible(/^Sign in to Microsoft 365/));
    // And nothing comes back on the next start.
    const next = track(trainingAuth(identity, disk.store, { openBrowser: () => Promise.reject(new Error('no browser in this test')) }));
    expect((await next.ready()).signedIn).toBe(false);
  });
});

describe('keeping the sign-in between runs', () => {
  it('keeps MSAL’s cache encrypted on disk, and a later run signs in silently from it', async () => {
    const identity = await standIn();
    const disk = await encryptingStore();
    cleanups.push(() => disk.remove());
    const first = track(trainingAuth(identity, disk.store));
    expect((await first.signIn()).kept).toBe('keychain');
    await first.accessToken(SCOPES);

    const files = await disk.files();
    expect(files).toHaveLength(1);
    const issued = identity.issued();
    const onDisk = files.map((each) => each.toString('latin1')).join('\n');
    for (const secret of [...issued.accessTokens, ...issued.refreshTokens, ...issued.idTokens]) {
      expect(onDisk).not.toContain(secret);
      expect(onDisk).not.toContain(secret.slice(0, 24));
    }
    expect(onDisk).not.toContain('RefreshToken');
    expect(onDisk).not.toContain(USERS[0]!.username);

    // A new run of CivicDesk: no browser may open, yet it is signed in and gets tokens.
    const opened: string[] = [];
    const second = track(trainingAuth(identity, disk.store, { openBrowser: (url) => (opened.push(url), Promise.reject(new Error('no browser'))) }));
    expect(await second.ready()).toMatchObject({ signedIn: true, kept: 'keychain', userId: USERS[0]!.oid, username: USERS[0]!.username });
    const token = await second.accessToken(SCOPES);
    expect(identity.verifyAccessToken(token)?.oid).toBe(USERS[0]!.oid);
    expect(opened).toEqual([]);
    expect(identity.tokenRequests().map((each) => each.grantType)).toEqual(['authorization_code']);
  });

  it('with no keychain, keeps the sign-in for this run only and says why', async () => {
    const identity = await standIn();
    const secrets = createMemoryOnlySecretStore(REASON);
    const auth = track(trainingAuth(identity, secrets));
    expect(await auth.signIn()).toMatchObject({ signedIn: true, kept: 'this-session-only', keptReason: REASON });
    // Within this run the cache is there (in memory) ...
    expect(await secrets.get(MSAL_TOKEN_CACHE_SECRET)).toContain('RefreshToken');
    // ... but the next run starts with a new, empty memory: signed out, and still says why.
    const nextRun = track(trainingAuth(identity, createMemoryOnlySecretStore(REASON)));
    expect(await nextRun.ready()).toEqual({ signedIn: false, signingIn: false, kept: 'this-session-only', keptReason: REASON, problem: null });
  });
});

describe('sign-in failures a person can meet', () => {
  it('cancelled: the officer declined on the sign-in page', async () => {
    const identity = await standIn();
    const auth = track(trainingAuth(identity, createMemoryOnlySecretStore(REASON)));
    identity.failNextAuthorize('access_denied');
    await expect(auth.signIn()).rejects.toSatisfy(notPossible(/^Sign-in to Microsoft 365 was cancelled/));
    expect(auth.status()).toMatchObject({ signedIn: false, signingIn: false, problem: expect.stringMatching(/was cancelled/) });
    expect(identity.tokenRequests()).toEqual([]);
    // Trying again works, and clears the problem.
    expect(await auth.signIn()).toMatchObject({ signedIn: true, problem: null });
  });

  it('consent needed: an administrator has not allowed CivicDesk yet', async () => {
    const identity = await standIn();
    const auth = track(trainingAuth(identity, createMemoryOnlySecretStore(REASON)));
    identity.failNextAuthorize('consent_required');
    await expect(auth.signIn()).rejects.toSatisfy(notPossible(/administrator needs to give consent.*IT service desk/));
    expect(auth.status().problem).toMatch(/consent/);
  });

  it('network: the sign-in service cannot be reached', async () => {
    const identity = await startStandIn();
    await identity.close();
    const opened: string[] = [];
    const auth = track(trainingAuth(identity, createMemoryOnlySecretStore(REASON), { openBrowser: (url) => (opened.push(url), Promise.resolve()) }));
    await expect(auth.signIn()).rejects.toSatisfy(notPossible(/could not reach the Microsoft 365 sign-in service.*network/));
    expect(auth.status()).toMatchObject({ signedIn: false, signingIn: false, problem: expect.stringMatching(/could not reach/) });
    expect(opened).toEqual([]);
  });

  it('no training colleague chosen: the training browser says what to do', async () => {
    const identity = await standIn();
    const auth = track(trainingAuth(identity, createMemoryOnlySecretStore(REASON), { loginHint: null }));
    await expect(auth.signIn()).rejects.toSatisfy(notPossible(/which training colleague you are/));
    expect(auth.status().signingIn).toBe(false);
  });

  it('a page that will not open is not blamed on Microsoft 365', async () => {
    const identity = await standIn();
    const auth = track(trainingAuth(identity, createMemoryOnlySecretStore(REASON), { openBrowser: () => Promise.reject(new Error('xdg-open failed')) }));
    await expect(auth.signIn()).rejects.toSatisfy(notPossible(/could not open the Microsoft 365 sign-in page/));
  });

  it('a network failure while renewing keeps the officer signed in, and says to check the network', async () => {
    const identity = await startStandIn({ accessTokenSeconds: 120 });
    const auth = track(trainingAuth(identity, createMemoryOnlySecretStore(REASON)));
    await auth.signIn();
    await identity.close();
    await expect(auth.accessToken(SCOPES)).rejects.toSatisfy(notPossible(/could not reach the Microsoft 365 sign-in service/));
    expect(auth.status()).toMatchObject({ signedIn: true, problem: null });
  });

  it('a sign-out during a sign-in wins: the late sign-in leaves nothing behind', async () => {
    const identity = await standIn();
    const disk = await encryptingStore();
    cleanups.push(() => disk.remove());
    const browser = trainingBrowser({ ca: identity.ca, loginHint: () => USERS[1]!.username });
    let auth: AuthService | null = null;
    auth = track(
      trainingAuth(identity, disk.store, {
        openBrowser: async (url) => {
          await auth?.signOut();
          await browser(url);
        },
      }),
    );
    expect(await auth.signIn()).toMatchObject({ signedIn: false });
    expect(auth.status().signedIn).toBe(false);
    const nextRun = track(trainingAuth(identity, disk.store));
    expect((await nextRun.ready()).signedIn).toBe(false);
  });

  it('refuses tokens before anyone has signed in', async () => {
    const identity = await standIn();
    const auth = track(trainingAuth(identity, createMemoryOnlySecretStore(REASON)));
    await expect(auth.accessToken(SCOPES)).rejects.toSatisfy(notPossible(/^Sign in to Microsoft 365 first/));
  });

  it('a sign-in page left unfinished stops waiting, says what to do, and a new attempt works', async () => {
    const identity = await standIn();
    const settings = { authority: identity.authority, clientId: '00000000-0000-4000-8000-00000000c1d0', knownAuthorities: [new URL(identity.authority).host], protocolMode: 'OIDC' as const, scopes: SCOPES, ca: identity.ca };
    let finish = false;
    const browser = trainingBrowser({ ca: identity.ca, loginHint: () => USERS[0]?.username ?? null });
    const opened: URL[] = [];
    // The first time the officer closes the tab (nothing happens); the second time they finish.
    const auth = track(createAuthService({ settings, secrets: createMemoryOnlySecretStore(REASON), openBrowser: (url) => (opened.push(new URL(url)), finish ? browser(url) : Promise.resolve()), log: { info: () => undefined, warn: () => undefined }, signInWaitMs: 200 }));
    await expect(auth.signIn()).rejects.toSatisfy(notPossible(/^The sign-in page was not finished within 5 minutes\. Press "Sign in to Microsoft 365" to try again\.$/));
    expect(auth.status()).toMatchObject({ signedIn: false, signingIn: false, problem: expect.stringMatching(/not finished/) });
    // MSAL's listener for the abandoned attempt has let its port go.
    const listener = opened[0]!.searchParams.get('redirect_uri')!;
    await expect.poll(() => fetch(listener).then(() => 'listening', () => 'closed'), { timeout: 5000 }).toBe('closed');
    finish = true;
    expect(await auth.signIn()).toMatchObject({ signedIn: true, username: USERS[0]?.username });
  });
});
