import { signAppToken, verifiedAccessToken, type AccessTokenClaims } from '../../../main/core/training/identity/access-token';
import { makeSigningKey, type Claims } from '../../../main/core/training/identity/signing-key';
import { TRAINING_TENANT_ID } from '../../../main/core/training/graph/seed';
import { INTEGRATION_APP_ID, INTEGRATION_APP_OBJECT_ID } from '../../../main/core/training/dataverse/security-roles';
import { staffObjectId } from '../../../main/core/training/dataverse/rows-people';
import type { TrainingDataset } from '../../../main/core/training/generator';

export interface EntraTokens {
  /** What the Dataverse stand-in checks tokens with: this key, this issuer, the time now. */
  verifyAccessToken(token: string): AccessTokenClaims | null;
  /** The integration app's own token for a resource: the application user with System Administrator. */
  app(resource: string): string;
  /** A training officer's delegated token for a resource (user_impersonation unless other claims say), as MSAL would get it. */
  officer(resource: string, dataset: TrainingDataset, staffId: string, claims?: Claims): string;
  /** Any claims, signed with the key: for tokens that are wrong in one way. */
  sign(claims: Claims): string;
  issuer: string;
}

/**
 * The training identity's tokens without its server: a key of its own and Entra's claims, for
 * tests of the Dataverse stand-in that do not sign anyone in. Tokens from another EntraTokens
 * (another key) do not verify here, as a real tenant's would not.
 */
export function entraTokens(now: () => Date = () => new Date()): EntraTokens {
  const key = makeSigningKey();
  const issuer = `https://login.microsoftonline.com/${TRAINING_TENANT_ID}/v2.0`;
  const times = () => {
    const iat = Math.floor(now().getTime() / 1000);
    return { iat, nbf: iat, exp: iat + 3600 };
  };
  return {
    issuer,
    verifyAccessToken: (token) => verifiedAccessToken(key, issuer, now(), token),
    app: (resource) => signAppToken(key, issuer, now(), { appId: INTEGRATION_APP_ID, objectId: INTEGRATION_APP_OBJECT_ID, tenantId: TRAINING_TENANT_ID, resource, roles: [] }),
    officer(resource, dataset, staffId, claims = {}) {
      const member = dataset.staff.find((each) => each.id === staffId);
      return key.sign({
        aud: resource,
        iss: issuer,
        ...times(),
        oid: staffObjectId(dataset, staffId),
        tid: TRAINING_TENANT_ID,
        scp: 'user_impersonation',
        name: member?.displayName ?? staffId,
        preferred_username: member?.email ?? `${staffId}@example.org`,
        azp: '00000000-0000-4000-8000-00000000c1d0',
        ver: '2.0',
        ...claims,
      });
    },
    sign: (claims) => key.sign(claims),
  };
}
