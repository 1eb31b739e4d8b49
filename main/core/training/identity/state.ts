import { createHash, randomBytes } from 'node:crypto';
import type { SigningKey } from './signing-key';

export interface IdentityUser {
  /** The Entra object id: the `oid` claim. */
  oid: string;
  name: string;
  /** The sign-in name (user principal name): the `preferred_username` claim and the login_hint. */
  username: string;
}

export interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  nonce: string | null;
  user: IdentityUser;
  expiresAt: number;
}

export interface KeptRefreshToken {
  clientId: string;
  scope: string;
  user: IdentityUser;
}

export type AuthorizeFailure = 'access_denied' | 'consent_required';

export interface Issued {
  accessTokens: string[];
  refreshTokens: string[];
  idTokens: string[];
  codes: string[];
}

/** Everything the stand-in knows between requests. */
export interface IdentityState {
  tenantId: string;
  authority: () => string;
  users: readonly IdentityUser[];
  /** Client ids the stand-in accepts; empty means any (each code and refresh token stays bound to its own). */
  clientIds: readonly string[];
  accessTokenSeconds: number;
  now: () => Date;
  key: SigningKey;
  codes: Map<string, PendingCode>;
  refreshTokens: Map<string, KeptRefreshToken>;
  issued: Issued;
  grants: { grantType: string; ok: boolean }[];
  nextAuthorizeFailure: AuthorizeFailure | null;
  /** Scopes consented to for the app (consentKey form); null: whatever is asked for is consented. */
  consented: ReadonlySet<string> | null;
}

/** An unguessable value for codes and refresh tokens. */
export const opaque = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** PKCE's S256: the challenge is base64url(SHA-256(verifier)). */
export const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** Redirects go back to this computer only: http on localhost or 127.0.0.1, any port, as a desktop app's loopback. */
export function isLoopbackRedirect(value: string | null): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]') && !url.username && !url.password && !url.hash;
  } catch {
    return false;
  }
}

export function clientAccepted(state: IdentityState, clientId: string | null): clientId is string {
  if (!clientId) return false;
  return state.clientIds.length === 0 ? /^[0-9a-f-]{36}$/i.test(clientId) : state.clientIds.includes(clientId);
}
