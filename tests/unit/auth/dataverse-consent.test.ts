import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthService } from '../../../main/core/auth/auth-service';
import { createDataverseBackOffice } from '../../../main/core/back-office/dataverse/dataverse-back-office';
import { BackOfficeError } from '../../../main/core/back-office/errors';
import { NotPossible } from '../../../main/core/ipc/router';
import { createMemoryOnlySecretStore } from '../../../main/core/secrets/secret-store';
import type { IdentityStandIn } from '../../../main/core/training/identity/identity-stand-in';
import { logged, SCOPES, startStandIn, trainingAuth } from './fixture';

/**
 * Live mode asks for Dataverse's token with `<environment>/user_impersonation`. A council that
 * has consented to Microsoft Graph but not yet to Dynamics CRM gets AADSTS65001 for it: the
 * officer is told what the administrator must grant, and stays signed in to Microsoft 365, whose
 * tokens still come. Real MSAL against the identity stand-in, configured as that council is.
 */
const DATAVERSE = 'https://127.0.0.1:9443/user_impersonation';
const GRAPH = '00000003-0000-0000-c000-000000000000';

let identity: IdentityStandIn;
let auth: AuthService;
const log = logged();

beforeAll(async () => {
  identity = await startStandIn({ consentedScopes: SCOPES });
  auth = trainingAuth(identity, createMemoryOnlySecretStore('test'), { log });
  await auth.signIn();
});
afterAll(async () => {
  await auth.close();
  await identity.close();
});

const audOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { aud: string }).aud;

describe('Dataverse not consented to', () => {
  it('explains what the administrator must grant, and never signs the officer out', async () => {
    const refused = await auth.accessToken([DATAVERSE]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(NotPossible);
    expect((refused as Error).message).toBe("Your council has not yet allowed CivicDesk to use Dynamics 365 for you: ask your Microsoft 365 administrator to grant consent for 'Dynamics CRM user_impersonation' (docs/microsoft-365.md).");
    expect(auth.status()).toMatchObject({ signedIn: true, problem: null });
    // The refusal was Entra's: a token request for it was made and turned down.
    expect(identity.tokenRequests().at(-1)).toEqual({ grantType: 'refresh_token', ok: false });
    expect(log.lines.join('\n')).toContain('a Microsoft 365 permission has not been consented to');
  });

  it('still gives Graph tokens afterwards, from the same sign-in', async () => {
    await expect(auth.accessToken([DATAVERSE])).rejects.toBeInstanceOf(NotPossible);
    const graph = await auth.accessToken(SCOPES);
    expect(audOf(graph)).toBe(GRAPH);
    expect(identity.verifyAccessToken(graph)).toMatchObject({ scp: SCOPES.join(' ') });
    expect(auth.status().signedIn).toBe(true);
  });

  it('reaches the officer through the Dataverse adapter in the same words, and nothing is sent to Dataverse', async () => {
    const sent: string[] = [];
    const office = createDataverseBackOffice({
      dataverseUrl: 'https://127.0.0.1:9443',
      getAccessToken: () => auth.accessToken([DATAVERSE]),
      fetch: (url) => {
        sent.push(String(url));
        return Promise.reject(new Error('nothing should be sent without a token'));
      },
    });
    const error = await office.listAccesses('00000000-0000-4000-8000-000000000001').then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(BackOfficeError);
    expect((error as BackOfficeError).message).toMatch(/^Your council has not yet allowed CivicDesk to use Dynamics 365 for you: ask your Microsoft 365 administrator to grant consent for 'Dynamics CRM user_impersonation'/);
    expect(sent).toEqual([]);
    expect(auth.status().signedIn).toBe(true);
  });
});
