import { oauthError, type OAuthError } from './oauth-errors';
import { clientAccepted, opaque, s256, type IdentityState, type IdentityUser } from './state';

export interface JsonAnswer {
  status: number;
  body: Record<string, unknown> | OAuthError;
}

/** Scopes about the sign-in itself, not the resource an access token is for. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

/** Microsoft Graph's application id, the audience Entra puts in Graph's access tokens. */
export const GRAPH_AUDIENCE = '00000003-0000-0000-c000-000000000000';

const GRAPH_RESOURCES = new Set([GRAPH_AUDIENCE, 'https://graph.microsoft.com']);

/** One scope as Entra reads it: the resource it is for (its token's aud) and its short name (as scp carries it). */
export interface ResourceScope {
  resource: string;
  name: string;
}

/**
 * Which resource a scope belongs to, as Entra's v2 endpoint reads it: a bare name
 * ('User.Read') is Microsoft Graph's; 'https://host/name' or '<app id>/name' is that
 * resource's ('https://contoso.crm11.dynamics.com/user_impersonation' is Dataverse's, whose
 * tokens carry the organisation's address as aud). Graph's own address or id means Graph.
 */
export function resourceScope(scope: string): ResourceScope {
  const cut = scope.lastIndexOf('/');
  if (cut <= 0) return { resource: GRAPH_AUDIENCE, name: scope };
  const resource = scope.slice(0, cut).replace(/\/+$/, '');
  return { resource: GRAPH_RESOURCES.has(resource.toLowerCase()) ? GRAPH_AUDIENCE : resource, name: scope.slice(cut + 1) };
}

/** A scope's identity for consent: the same permission however it was spelt ('User.Read', 'https://graph.microsoft.com/user.read'). */
export const consentKey = (scope: string): string => {
  const { resource, name } = resourceScope(scope);
  return `${resource.toLowerCase()}/${name.toLowerCase()}`;
};

/**
 * The token endpoint: redeems a code (checking the PKCE verifier, client and redirect address,
 * once only) or a refresh token (which it replaces: each may be used once), and answers with
 * signed tokens as Entra does.
 */
export function token(state: IdentityState, form: URLSearchParams): JsonAnswer {
  const now = state.now();
  const refuse = (status: number, error: string, aadsts: number, text: string, extra: { suberror?: string } = {}): JsonAnswer => {
    state.grants.push({ grantType: form.get('grant_type') ?? '', ok: false });
    return { status, body: oauthError(error, aadsts, text, now, extra) };
  };
  const clientId = form.get('client_id');
  if (!clientAccepted(state, clientId)) return refuse(400, 'unauthorized_client', 700016, 'Application was not found in the directory.');

  switch (form.get('grant_type')) {
    case 'authorization_code': {
      const code = form.get('code') ?? '';
      const pending = state.codes.get(code);
      // Single use: a code is spent by any attempt to redeem it, right or wrong.
      state.codes.delete(code);
      if (!pending || pending.expiresAt < now.getTime()) return refuse(400, 'invalid_grant', 70008, 'The provided authorization code has expired, was already redeemed or was never issued.');
      if (pending.clientId !== clientId) return refuse(400, 'invalid_grant', 70000, 'The authorization code was issued to a different application.');
      if (pending.redirectUri !== form.get('redirect_uri')) return refuse(400, 'invalid_grant', 500112, 'The reply address does not match the one used to get the authorization code.');
      const verifier = form.get('code_verifier');
      if (!verifier) return refuse(400, 'invalid_request', 9002313, 'The code_verifier is missing: PKCE is required.');
      if (s256(verifier) !== pending.codeChallenge) return refuse(400, 'invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');
      const scope = requested(form.get('scope'), pending.scope);
      const refused = scopeRefusal(state, scope, clientId);
      if (refused) return refuse(400, refused.error, refused.aadsts, refused.text, refused.extra);
      state.grants.push({ grantType: 'authorization_code', ok: true });
      return { status: 200, body: tokens(state, pending.user, clientId, scope, pending.nonce) };
    }
    case 'refresh_token': {
      const presented = form.get('refresh_token') ?? '';
      const kept = state.refreshTokens.get(presented);
      if (!kept || kept.clientId !== clientId) {
        return refuse(400, 'invalid_grant', 70008, 'The refresh token has expired or been revoked. The user must sign in again.', { suberror: 'bad_token' });
      }
      // Refresh tokens are multi-resource: one from a Graph sign-in may be redeemed for Dataverse's scopes, if consented.
      const scope = requested(form.get('scope'), kept.scope);
      const refused = scopeRefusal(state, scope, clientId);
      // A refused scope leaves the refresh token as it was: Entra spends it only on success.
      if (refused) return refuse(400, refused.error, refused.aadsts, refused.text, refused.extra);
      // Rotation: the old refresh token is spent as the new one is made.
      state.refreshTokens.delete(presented);
      state.grants.push({ grantType: 'refresh_token', ok: true });
      return { status: 200, body: tokens(state, kept.user, clientId, scope, null) };
    }
    default:
      return refuse(400, 'unsupported_grant_type', 70003, 'The app asked for a grant type this sign-in does not support.');
  }
}

/** The scopes asked for now, or those of the original sign-in. */
function requested(scope: string | null, original: string): string {
  const words = (scope ?? original).split(/\s+/).filter(Boolean);
  return [...new Set(words)].join(' ');
}

const resourceScopesOf = (scope: string) => scope.split(' ').filter((each) => each && !OIDC_SCOPES.has(each.toLowerCase()));

/**
 * Entra's refusals for what is asked for: one token is for one resource (AADSTS28000), and
 * each scope must have been consented to for this app (AADSTS65001, which MSAL surfaces as
 * InteractionRequiredAuthError with suberror consent_required).
 */
function scopeRefusal(state: IdentityState, scope: string, clientId: string): { error: string; aadsts: number; text: string; extra?: { suberror?: string } } | null {
  const asked = resourceScopesOf(scope);
  const resources = new Set(asked.map((each) => resourceScope(each).resource.toLowerCase()));
  if (resources.size > 1) {
    return { error: 'invalid_request', aadsts: 28000, text: `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.` };
  }
  if (state.consented && asked.some((each) => !state.consented?.has(consentKey(each)))) {
    return {
      error: 'invalid_grant',
      aadsts: 65001,
      text: `The user or administrator has not consented to use the application with ID '${clientId}' named 'CivicDesk'. Send an interactive authorization request for this user and resource.`,
      extra: { suberror: 'consent_required' },
    };
  }
  return null;
}

function tokens(state: IdentityState, user: IdentityUser, clientId: string, scope: string, nonce: string | null): Record<string, unknown> {
  const iat = Math.floor(state.now().getTime() / 1000);
  const issuer = state.authority();
  // uti, as Entra's: a unique id, so two tokens made in the same second still differ.
  const person = { uti: opaque(16), oid: user.oid, tid: state.tenantId, sub: user.oid, name: user.name, preferred_username: user.username };
  const resourceScopes = resourceScopesOf(scope).map(resourceScope);
  const accessToken = state.key.sign({
    ...person,
    // The resource's own: Graph's id for Graph, the organisation's address for Dataverse. No scope at all is a Graph sign-in.
    aud: resourceScopes[0]?.resource ?? GRAPH_AUDIENCE,
    iss: issuer,
    iat,
    nbf: iat,
    exp: iat + state.accessTokenSeconds,
    scp: resourceScopes.map((each) => each.name).join(' '),
    azp: clientId,
    ver: '2.0',
  });
  const idToken = state.key.sign({ ...person, aud: clientId, iss: issuer, iat, nbf: iat, exp: iat + 3600, ver: '2.0', ...(nonce ? { nonce } : {}) });
  const refreshToken = opaque(48);
  state.refreshTokens.set(refreshToken, { clientId, scope, user });
  state.issued.accessTokens.push(accessToken);
  state.issued.idTokens.push(idToken);
  state.issued.refreshTokens.push(refreshToken);
  return {
    token_type: 'Bearer',
    scope,
    expires_in: state.accessTokenSeconds,
    ext_expires_in: state.accessTokenSeconds,
    access_token: accessToken,
    refresh_token: refreshToken,
    id_token: idToken,
  };
}
