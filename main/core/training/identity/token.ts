import { oauthError, type OAuthError } from './oauth-errors';
import { clientAccepted, opaque, s256, type IdentityState, type IdentityUser } from './state';

export interface JsonAnswer {
  status: number;
  body: Record<string, unknown> | OAuthError;
}

/** Scopes about the sign-in itself, not the resource an access token is for. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

/** Microsoft Graph's application id, the audience Entra puts in Graph's access tokens. */
const GRAPH_AUDIENCE = '00000003-0000-0000-c000-000000000000';

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
      state.grants.push({ grantType: 'authorization_code', ok: true });
      return { status: 200, body: tokens(state, pending.user, clientId, requested(form.get('scope'), pending.scope), pending.nonce) };
    }
    case 'refresh_token': {
      const presented = form.get('refresh_token') ?? '';
      const kept = state.refreshTokens.get(presented);
      if (!kept || kept.clientId !== clientId) {
        return refuse(400, 'invalid_grant', 70008, 'The refresh token has expired or been revoked. The user must sign in again.', { suberror: 'bad_token' });
      }
      // Rotation: the old refresh token is spent as the new one is made.
      state.refreshTokens.delete(presented);
      state.grants.push({ grantType: 'refresh_token', ok: true });
      return { status: 200, body: tokens(state, kept.user, clientId, requested(form.get('scope'), kept.scope), null) };
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

function tokens(state: IdentityState, user: IdentityUser, clientId: string, scope: string, nonce: string | null): Record<string, unknown> {
  const iat = Math.floor(state.now().getTime() / 1000);
  const issuer = state.authority();
  // uti, as Entra's: a unique id, so two tokens made in the same second still differ.
  const person = { uti: opaque(16), oid: user.oid, tid: state.tenantId, sub: user.oid, name: user.name, preferred_username: user.username };
  const resourceScopes = scope.split(' ').filter((each) => !OIDC_SCOPES.has(each.toLowerCase()));
  const accessToken = state.key.sign({
    ...person,
    aud: GRAPH_AUDIENCE,
    iss: issuer,
    iat,
    nbf: iat,
    exp: iat + state.accessTokenSeconds,
    scp: resourceScopes.join(' '),
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
