import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeLoopbackCertificate } from '../dataverse/certificate';
import { signAppToken, verifiedAccessToken, type AccessTokenClaims } from './access-token';
import { authorize } from './authorize';
import { signedOutPage } from './pages';
import { makeSigningKey } from './signing-key';
import type { AuthorizeFailure, IdentityState, IdentityUser, Issued } from './state';
import { consentKey, token } from './token';
import { readBody } from '../request-body';

export type { AuthorizeFailure, IdentityUser, Issued } from './state';
export type { AccessTokenClaims } from './access-token';

export interface IdentityStandInOptions {
  tenantId: string;
  users: IdentityUser[];
  /** The only app registrations accepted; left out, any client id is (each code stays bound to its own). */
  clientIds?: string[];
  /** How long access tokens last; Entra's are about an hour. */
  accessTokenSeconds?: number;
  now?: () => Date;
  /**
   * The delegated permissions an administrator has consented to for the app ('User.Read',
   * 'https://127.0.0.1:PORT/user_impersonation'); one asked for beyond these is refused at the
   * token endpoint as Entra refuses it (AADSTS65001). Left out, everything asked for is consented.
   */
  consentedScopes?: string[];
}

export interface VerifiedAccessToken {
  /** The resource the token is for: Graph's app id for Graph scopes, the organisation's address for Dataverse. */
  aud: string;
  oid: string;
  tid: string;
  scp: string;
  name: string;
  preferred_username: string;
}

export interface IdentityStandIn {
  /** https://127.0.0.1:PORT/<tenantId>/v2.0: the authority to configure, and exactly the tokens' issuer. */
  authority: string;
  /** The stand-in's certificate (PEM): the only thing a client should trust for it. */
  ca: string;
  /** The access token's claims when this stand-in signed it, for its issuer, and it has not run out; else null. */
  verifyAccessToken(accessToken: string): VerifiedAccessToken | null;
  /** As verifyAccessToken, for an officer's token or an application's own (idtyp app): what a resource such as Dataverse checks. */
  verifyToken(accessToken: string): AccessTokenClaims | null;
  /**
   * An application's own token for a resource, signed with this identity's key, as Entra's client
   * credentials grant makes one: for tests and tools that act as an application user (say, a
   * Dataverse System Administrator), never for an officer.
   */
  mintAppTokenForTests(app: { appId: string; objectId: string; resource: string; roles?: string[] }): string;
  /** Every code and token handed out so far, for tests that prove none crosses the contract. */
  issued(): Issued;
  /** Each request to the token endpoint so far: its grant type and whether it was honoured. */
  tokenRequests(): { grantType: string; ok: boolean }[];
  /** The next authorize request answers with this error instead of a code. */
  failNextAuthorize(error: AuthorizeFailure): void;
  /** Every refresh token stops working, as when an administrator revokes sign-in sessions. */
  revokeRefreshTokens(): void;
  close(): Promise<void>;
}

const LARGEST_BODY = 64 * 1024;

/**
 * Training's Microsoft Entra ID: an OpenID Connect provider on https://127.0.0.1 with a
 * certificate and signing key made at each start, and the training staff as its users. The app
 * signs in to it through MSAL exactly as live (auth code + PKCE, refresh tokens); only the
 * accounts are made up.
 */
export async function startIdentityStandIn(options: IdentityStandInOptions): Promise<IdentityStandIn> {
  const now = options.now ?? (() => new Date());
  let authorityUrl = '';
  const state: IdentityState = {
    tenantId: options.tenantId,
    authority: () => authorityUrl,
    users: options.users,
    clientIds: options.clientIds ?? [],
    accessTokenSeconds: options.accessTokenSeconds ?? 3600,
    now,
    key: makeSigningKey(),
    codes: new Map(),
    refreshTokens: new Map(),
    issued: { accessTokens: [], refreshTokens: [], idTokens: [], codes: [] },
    grants: [],
    nextAuthorizeFailure: null,
    consented: options.consentedScopes ? new Set(options.consentedScopes.map(consentKey)) : null,
  };
  const tenantPath = `/${encodeURIComponent(options.tenantId)}`;
  const paths = {
    discovery: `${tenantPath}/v2.0/.well-known/openid-configuration`,
    authorize: `${tenantPath}/oauth2/v2.0/authorize`,
    token: `${tenantPath}/oauth2/v2.0/token`,
    logout: `${tenantPath}/oauth2/v2.0/logout`,
    keys: `${tenantPath}/discovery/v2.0/keys`,
  };

  const certificate = await makeLoopbackCertificate(now());
  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    const url = new URL(request.url ?? '/', authorityUrl);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    const origin = new URL(authorityUrl).origin;
    if (request.method === 'GET' && url.pathname === paths.discovery) {
      json(200, {
        issuer: authorityUrl,
        authorization_endpoint: origin + paths.authorize,
        token_endpoint: origin + paths.token,
        end_session_endpoint: origin + paths.logout,
        jwks_uri: origin + paths.keys,
        response_types_supported: ['code'],
        response_modes_supported: ['query', 'form_post'],
        grant_types_supported: ['authorization_code', 'refresh_token'],
        code_challenge_methods_supported: ['S256'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['none'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'preferred_username', 'oid', 'tid', 'nonce'],
      });
      return;
    }
    if (request.method === 'GET' && url.pathname === paths.keys) {
      json(200, state.key.jwks());
      return;
    }
    if (request.method === 'GET' && url.pathname === paths.authorize) {
      const answer = authorize(state, url);
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
      return;
    }
    if (request.method === 'GET' && url.pathname === paths.logout) {
      // Signing out ends nothing more here: the stand-in keeps no browser session to end.
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(signedOutPage());
      return;
    }
    if (request.method === 'POST' && url.pathname === paths.token) {
      readForm(request, (form) => {
        if (!form) {
          json(400, { error: 'invalid_request', error_description: 'The token request must be a form of at most 64 KB.' });
          return;
        }
        const answer = token(state, form);
        json(answer.status, answer.body);
      });
      return;
    }
    json(404, { error: 'not_found', error_description: 'The training sign-in has nothing at this address.' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  authorityUrl = `https://127.0.0.1:${String(port)}${tenantPath}/v2.0`;

  return {
    authority: authorityUrl,
    ca: certificate.cert,
    verifyAccessToken(accessToken) {
      const claims = verifiedAccessToken(state.key, authorityUrl, now(), accessToken);
      if (!claims || claims.scp === undefined || claims.name === undefined || claims.preferred_username === undefined) return null;
      const { aud, oid, tid, scp, name, preferred_username } = claims;
      return { aud, oid, tid, scp, name, preferred_username };
    },
    verifyToken: (accessToken) => verifiedAccessToken(state.key, authorityUrl, now(), accessToken),
    mintAppTokenForTests: (app) => signAppToken(state.key, authorityUrl, now(), { ...app, tenantId: options.tenantId }),
    issued: () => ({
      accessTokens: [...state.issued.accessTokens],
      refreshTokens: [...state.issued.refreshTokens],
      idTokens: [...state.issued.idTokens],
      codes: [...state.issued.codes],
    }),
    tokenRequests: () => state.grants.map((each) => ({ ...each })),
    failNextAuthorize(error) {
      state.nextAuthorizeFailure = error;
    },
    revokeRefreshTokens() {
      state.refreshTokens.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readForm(request: IncomingMessage, done: (form: URLSearchParams | null) => void): void {
  readBody(request, LARGEST_BODY, (text) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim();
    done(type === 'application/x-www-form-urlencoded' ? new URLSearchParams(text) : null);
  });
}
