import { LogLevel, PublicClientApplication, type AccountInfo } from '@azure/msal-node';
import type { StaffRole } from '../../../shared/domain/staff';
import { msalNetwork } from '../auth/msal-network';
import type { FetchLike } from '../back-office/https-fetch';
import type { ServiceAnswer, TenantConnection, TenantSettings } from './tenant';

export interface MsalConnectionOptions {
  settings: TenantSettings;
  /** Live: https://login.microsoftonline.com/<tenant id>; training: the identity stand-in's issuer. */
  authority: string;
  knownAuthorities: string[];
  protocolMode: 'AAD' | 'OIDC';
  /** The only certificate to trust for the authority (training); none means the usual public ones. */
  identityCa?: string;
  /** Opens the sign-in page: the system browser live, the training browser in training. */
  openBrowser(url: string): Promise<void>;
  /** 'https://graph.microsoft.com/v1.0/' live; the Graph stand-in's address in training. */
  graphBaseUrl: string;
  dataverseFetch: FetchLike;
  graphFetch: FetchLike;
  /** The CivicDesk role of whoever signed in: live, from their app roles; training, from the training staff. */
  roleOf(userId: string, appRoles: string[]): StaffRole;
}

export interface MsalConnection extends TenantConnection {
  close(): void;
}

/**
 * The readiness check's own sign-in: MSAL as a public client with PKCE, like CivicDesk's, but
 * kept apart from the officer's session (nothing is written to the keychain), and handing back
 * MSAL's errors as they came so a refusal can be traced to its scope. A refused scope here
 * never signs anyone out of CivicDesk.
 */
export function msalConnection(options: MsalConnectionOptions): MsalConnection {
  const network = msalNetwork({ ca: options.identityCa });
  const app = new PublicClientApplication({
    auth: { clientId: options.settings.clientId, authority: options.authority, knownAuthorities: options.knownAuthorities },
    system: { networkClient: network, protocolMode: options.protocolMode, loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined } },
  });
  let account: AccountInfo | null = null;

  const answer = async (fetch: FetchLike, url: string, token: string): Promise<ServiceAnswer> => {
    const response = await fetch(url, { method: 'GET', headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'odata-maxversion': '4.0', 'odata-version': '4.0' } });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = { error: { code: String(response.status), message: text.slice(0, 200) } };
    }
    return { status: response.status, body };
  };

  return {
    settings: options.settings,
    async signIn() {
      // Only the sign-in itself: each resource's scopes are asked for separately afterwards.
      const result = await app.acquireTokenInteractive({ scopes: [], openBrowser: options.openBrowser, prompt: 'select_account' });
      if (!result.account) throw new Error('The sign-in finished without an account.');
      account = result.account;
      const claims = result.account.idTokenClaims ?? {};
      const userId = typeof claims.oid === 'string' ? claims.oid : result.account.localAccountId;
      const appRoles = Array.isArray(claims.roles) ? claims.roles.filter((role): role is string => typeof role === 'string') : [];
      return { userId, name: result.account.name ?? result.account.username, role: options.roleOf(userId, appRoles) };
    },
    async accessToken(scopes) {
      if (!account) throw new Error('Nobody has signed in for the check.');
      return (await app.acquireTokenSilent({ account, scopes })).accessToken;
    },
    dataverse: (path, token) => answer(options.dataverseFetch, `${options.settings.dataverseUrl.replace(/\/+$/, '')}/api/data/v9.2/${path}`, token),
    graph: (path, token) => answer(options.graphFetch, `${options.graphBaseUrl.replace(/\/+$/, '')}/${path}`, token),
    close: () => network.close(),
  };
}
