import { InteractionRequiredAuthError, LogLevel, PublicClientApplication, type AccountInfo, type AuthenticationResult } from '@azure/msal-node';
import type { AccountStatus } from '../../../shared/contract/microsoft365';
import { NotPossible } from '../ipc/router';
import { MSAL_TOKEN_CACHE_SECRET } from '../secrets/secret-names';
import type { SecretStore } from '../secrets/secret-store';
import { BrowserFailure, consentMessageFor, describeSignInFailure, SIGN_IN_AGAIN_MESSAGE } from './failures';
import { msalNetwork } from './msal-network';
import { SIGNED_IN_PAGE, SIGN_IN_STOPPED_PAGE } from './templates';
import { secretStoreCachePlugin } from './token-cache';

export interface AuthSettings {
  /** Live: https://login.microsoftonline.com/<tenant id>; training: the identity stand-in's issuer. */
  authority: string;
  clientId: string;
  /** host:port of authorities MSAL may trust without asking Microsoft (training's stand-in). */
  knownAuthorities: string[];
  protocolMode: 'AAD' | 'OIDC';
  /** What to ask for at sign-in, so one consent covers everything CivicDesk does. */
  scopes: string[];
  /** The only certificate to trust for the authority (training); none means the usual public ones. */
  ca?: string;
}

export interface AuthLog {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
}

export interface AuthServiceDeps {
  settings: AuthSettings;
  secrets: SecretStore;
  /** Opens the sign-in page: the shell's checked openExternal live, the training browser in training. */
  openBrowser(url: string): Promise<void>;
  /** Who is expected to sign in (pre-fills the user name), if known. */
  loginHint?: () => string | null;
  log: AuthLog;
  now?: () => Date;
  /** How long a sign-in waits for the browser (5 minutes; shorter in tests). */
  signInWaitMs?: number;
}

export interface AuthService {
  /** Who is signed in, as the renderer may see it: never a token. */
  status(): AccountStatus;
  /** The signed-in officer's app roles (the id token's `roles` claim): what CivicDesk lets them see. */
  appRoles(): string[];
  /** Settles once any sign-in kept from an earlier run has been looked for. */
  ready(): Promise<AccountStatus>;
  signIn(): Promise<AccountStatus>;
  signOut(): Promise<AccountStatus>;
  /** An access token for main's own calls (Graph, Dataverse). The only way a token leaves this module. */
  accessToken(scopes: string[]): Promise<string>;
  onChange(listener: (status: AccountStatus) => void): () => void;
  close(): Promise<void>;
}

/** Renew a token this close to its expiry rather than send one that may run out in flight. */
/** How long a sign-in waits for the browser before giving up. */
const SIGN_IN_WAIT_MS = 5 * 60_000;
const SIGN_IN_ABANDONED = 'The sign-in page was not finished within 5 minutes. Press "Sign in to Microsoft 365" to try again.';

const RENEW_BEFORE_MS = 5 * 60_000;

const SIGN_IN_FIRST = 'Sign in to Microsoft 365 first (the button is in the status bar).';

/**
 * The officer's Microsoft 365 sign-in: auth code with PKCE in the browser (MSAL's loopback
 * listener receives the answer), tokens in MSAL's cache kept in the secret store, and silent
 * renewal by refresh token. Tokens stay inside; the rest of main asks accessToken().
 */
export function createAuthService(deps: AuthServiceDeps): AuthService {
  const { settings, secrets, log } = deps;
  const now = deps.now ?? (() => new Date());
  const network = msalNetwork({ ca: settings.ca });
  const app = new PublicClientApplication({
    auth: { clientId: settings.clientId, authority: settings.authority, knownAuthorities: settings.knownAuthorities },
    cache: { cachePlugin: secretStoreCachePlugin(secrets) },
    system: {
      networkClient: network,
      protocolMode: settings.protocolMode,
      // Errors only, and never personal data: MSAL's own messages can name the account.
      loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: (_level, message) => log.warn('MSAL reported a problem', { message }) },
    },
  });

  let account: AccountInfo | null = null;
  let signingIn = false;
  let problem: string | null = null;
  // Each sign-in attempt's number: a later attempt (or a sign-out) makes an earlier one's result moot.
  let attempt = 0;
  const listeners = new Set<(status: AccountStatus) => void>();
  // Read through a function: after an await the account may have changed under us.
  const signedIn = (): AccountInfo | null => account;

  const status = (): AccountStatus => {
    const kept = { kept: secrets.kept, keptReason: secrets.keptReason };
    if (!account) return { signedIn: false, signingIn, ...kept, problem };
    const claims = account.idTokenClaims ?? {};
    const oid = typeof claims.oid === 'string' ? claims.oid : account.localAccountId;
    return { signedIn: true, signingIn: false, ...kept, problem: null, userId: oid, name: account.name ?? account.username, username: account.username };
  };
  const notify = () => {
    const current = status();
    for (const listener of listeners) listener(current);
  };

  // A sign-in kept from an earlier run (keychain only) needs no browser.
  const restored = (async () => {
    try {
      const accounts = await app.getTokenCache().getAllAccounts();
      if (accounts[0] && !account) {
        account = accounts[0];
        log.info('Microsoft 365 sign-in restored from the keychain');
        notify();
      }
    } catch (error) {
      log.warn('could not read the kept Microsoft 365 sign-in', { reason: describeSignInFailure(error).kind });
    }
    return status();
  })();

  // The last token for each set of scopes, handed out again while it has more than
  // RENEW_BEFORE_MS to run. Every Dataverse and Graph request asks for a token, and MSAL's
  // silent answer reads the whole token cache back from the secret store and parses it each
  // time: a file read and a decryption live, and about 1-2 ms of main's thread at every request
  // of a screen-pop. Held in this process only, as MSAL's own cache is; never for another account.
  const handedOut = new Map<string, { account: AccountInfo; token: string; expiresAt: number }>();

  // Forget the account everywhere: MSAL's cache, then the keychain entry itself.
  const forget = async () => {
    handedOut.clear();
    const cache = app.getTokenCache();
    for (const each of await cache.getAllAccounts()) await cache.removeAccount(each);
    await secrets.delete(MSAL_TOKEN_CACHE_SECRET);
    account = null;
  };

  const silent = async (current: AccountInfo, scopes: string[]): Promise<AuthenticationResult> => {
    const result = await app.acquireTokenSilent({ account: current, scopes });
    // MSAL renews within its own window by its own clock; this also renews by ours. A token
    // that has just come from the provider is as fresh as it gets, however short-lived.
    if (result.fromCache && result.expiresOn && result.expiresOn.getTime() - now().getTime() <= RENEW_BEFORE_MS) {
      return app.acquireTokenSilent({ account: current, scopes, forceRefresh: true });
    }
    return result;
  };

  return {
    status,
    appRoles: () => {
      const roles = account?.idTokenClaims?.roles;
      return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
    },
    ready: () => restored,
    async signIn() {
      await restored;
      if (account) return status();
      attempt += 1;
      const mine = attempt;
      signingIn = true;
      problem = null;
      notify();
      const hint = deps.loginHint?.() ?? null;
      let opened: string | null = null;
      try {
        const interactive = app.acquireTokenInteractive({
          scopes: settings.scopes,
          // Marked, so a page that would not open is not mistaken for a refusal by the provider.
          openBrowser: (url) => {
            opened = url;
            return deps.openBrowser(url).catch((error: unknown) => Promise.reject(new BrowserFailure(error)));
          },
          // Service points share computers: the browser may still be signed in to Microsoft as the
          // last officer, and without this the next one would be signed in as them unasked.
          prompt: 'select_account',
          successTemplate: SIGNED_IN_PAGE,
          errorTemplate: SIGN_IN_STOPPED_PAGE,
          ...(hint ? { loginHint: hint } : {}),
        });
        // A browser tab closed without finishing never answers MSAL's loopback listener: stop
        // waiting, so the button comes back (a new attempt opens a listener of its own), and
        // answer the listener as a cancelled sign-in, so MSAL lets its port go.
        let giveUp: NodeJS.Timeout | undefined;
        const abandoned = new Promise<never>((_resolve, reject) => {
          giveUp = setTimeout(() => {
            reject(new NotPossible(SIGN_IN_ABANDONED));
            if (opened) void answerAsCancelled(opened);
          }, deps.signInWaitMs ?? SIGN_IN_WAIT_MS);
        });
        const result = await Promise.race([interactive, abandoned]).finally(() => clearTimeout(giveUp));
        if (mine !== attempt) {
          // Overtaken by a sign-out (or a newer sign-in): do not leave this account in the cache behind its back.
          if (result.account && result.account.homeAccountId !== signedIn()?.homeAccountId) await app.getTokenCache().removeAccount(result.account);
          return status();
        }
        account = result.account;
        signingIn = false;
        log.info('signed in to Microsoft 365');
        notify();
        return status();
      } catch (error) {
        // Our own "not finished in time" already says what to do; MSAL's errors are put into words.
        const failure = error instanceof NotPossible && error.message === SIGN_IN_ABANDONED ? { kind: 'unfinished', message: error.message } : describeSignInFailure(error);
        if (mine === attempt) {
          signingIn = false;
          problem = failure.message;
          log.warn('Microsoft 365 sign-in did not finish', { reason: failure.kind });
          notify();
        }
        throw new NotPossible(failure.message);
      }
    },
    async signOut() {
      await restored;
      attempt += 1;
      await forget();
      signingIn = false;
      problem = null;
      log.info('signed out of Microsoft 365');
      notify();
      return status();
    },
    async accessToken(scopes) {
      await restored;
      const current = account;
      if (!current) throw new NotPossible(SIGN_IN_FIRST);
      const scopesKey = scopes.join(' ');
      const kept = handedOut.get(scopesKey);
      if (kept && kept.account === current && kept.expiresAt - now().getTime() > RENEW_BEFORE_MS) return kept.token;
      try {
        const result = await silent(current, scopes);
        // Kept only if nobody signed out or in meanwhile.
        if (account === current && result.expiresOn) handedOut.set(scopesKey, { account: current, token: result.accessToken, expiresAt: result.expiresOn.getTime() });
        return result.accessToken;
      } catch (error) {
        handedOut.delete(scopesKey);
        const failure = describeSignInFailure(error);
        // Consent missing for this resource (Dataverse, say) is the council's to grant: the
        // sign-in itself is good and every other resource's tokens still come, so nobody is signed out.
        if (failure.kind === 'consent') {
          log.warn('a Microsoft 365 permission has not been consented to', { scopes: scopes.join(' ') });
          throw new NotPossible(consentMessageFor(scopes));
        }
        // A network blip, a wrong clock or something unexpected: still signed in, but this call cannot be made now.
        const spent = error instanceof InteractionRequiredAuthError || failure.kind === 'sign-in-again';
        if (!spent || failure.kind === 'network' || failure.kind === 'clock') throw new NotPossible(failure.message);
        // The refresh token is spent or revoked: only signing in again helps, so say so everywhere.
        log.warn('Microsoft 365 sign-in needs renewing', { reason: failure.kind });
        if (account === current) {
          await forget().catch(() => undefined);
          problem = SIGN_IN_AGAIN_MESSAGE;
          notify();
        }
        throw new NotPossible(SIGN_IN_AGAIN_MESSAGE);
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      attempt += 1;
      listeners.clear();
      network.close();
      return Promise.resolve();
    },
  };
}

/**
 * Ends MSAL's wait on its loopback listener as the provider would end a cancelled sign-in: an
 * `access_denied` form post with the request's own state. Only ever to this computer.
 */
async function answerAsCancelled(authorizeUrl: string): Promise<void> {
  const asked = new URL(authorizeUrl).searchParams;
  const redirect = asked.get('redirect_uri');
  const state = asked.get('state');
  if (!redirect || !state || !['localhost', '127.0.0.1'].includes(new URL(redirect).hostname)) return;
  try {
    await fetch(redirect, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ error: 'access_denied', error_description: 'CivicDesk stopped waiting for this sign-in.', state }).toString(),
      signal: AbortSignal.timeout(5000),
    });
  } catch {
    // Nothing listening any more: that was the point.
  }
}
