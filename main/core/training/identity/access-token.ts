import type { SigningKey } from './signing-key';

/** What a resource (Graph, Dataverse) reads from an access token the training identity signed. */
export interface AccessTokenClaims {
  /** The resource the token is for: Graph's app id, or the Dataverse organisation's address. */
  aud: string;
  /** The user's (or, for an app, its service principal's) Entra object id. */
  oid: string;
  tid: string;
  /** Delegated tokens: the resource's scopes, short names, space-separated. */
  scp?: string;
  /** Application tokens: the app roles granted to the app itself. */
  roles?: string[];
  /** 'app' on an application's own token, as Entra's optional idtyp claim says. */
  idtyp?: string;
  /** The application the token was issued to (v2's azp; v1's appid). */
  azp?: string;
  name?: string;
  preferred_username?: string;
}

/** Entra lets a resource accept a token up to five minutes before its nbf, for clocks that differ. */
const CLOCK_SKEW_SECONDS = 300;

/**
 * The claims of an access token signed by this key for this issuer and still in its time,
 * whether an officer's (scp) or an application's own (idtyp app, roles); else null. An id
 * token is signed by the same key but carries neither scp nor roles: it is not an access token.
 */
export function verifiedAccessToken(key: SigningKey, issuer: string, now: Date, token: string): AccessTokenClaims | null {
  const claims = key.verify(token);
  if (!claims || claims.iss !== issuer) return null;
  const seconds = now.getTime() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp <= seconds) return null;
  if (typeof claims.nbf === 'number' && claims.nbf > seconds + CLOCK_SKEW_SECONDS) return null;
  const { aud, oid, tid, scp, roles, idtyp, azp, appid, name, preferred_username } = claims;
  if (typeof aud !== 'string' || typeof oid !== 'string' || typeof tid !== 'string') return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const appRoles = Array.isArray(roles) ? roles.filter((each): each is string => typeof each === 'string') : undefined;
  const delegated = typeof scp === 'string';
  const application = idtyp === 'app' && appRoles !== undefined;
  if (!delegated && !application) return null;
  return {
    aud,
    oid,
    tid,
    ...(delegated ? { scp } : {}),
    ...(appRoles ? { roles: appRoles } : {}),
    ...(text(idtyp) ? { idtyp: text(idtyp) } : {}),
    ...(text(azp) ?? text(appid) ? { azp: text(azp) ?? text(appid) } : {}),
    ...(text(name) ? { name: text(name) } : {}),
    ...(text(preferred_username) ? { preferred_username: text(preferred_username) } : {}),
  };
}

/**
 * An application's own access token (client credentials), as Entra makes one for an app
 * registration with application permissions: no user, idtyp app, the app's roles. Training
 * has no client secrets, so only tests and tools mint these, with the identity's own key.
 */
export function signAppToken(key: SigningKey, issuer: string, now: Date, app: { appId: string; objectId: string; tenantId: string; resource: string; roles?: string[]; seconds?: number }): string {
  const iat = Math.floor(now.getTime() / 1000);
  return key.sign({
    aud: app.resource,
    iss: issuer,
    iat,
    nbf: iat,
    exp: iat + (app.seconds ?? 3600),
    oid: app.objectId,
    sub: app.objectId,
    tid: app.tenantId,
    idtyp: 'app',
    roles: app.roles ?? [],
    azp: app.appId,
    appid: app.appId,
    ver: '2.0',
  });
}
