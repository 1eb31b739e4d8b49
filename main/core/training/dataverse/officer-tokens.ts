import { createAuthService, type AuthLog, type AuthService } from '../../auth/auth-service';
import { createMemoryOnlySecretStore } from '../../secrets/secret-store';
import type { IdentityStandIn } from '../identity/identity-stand-in';
import { TRAINING_CLIENT_ID } from '../identity/training-identity';
import { trainingBrowser } from '../identity/training-browser';

export interface OfficerTokens {
  /** The officer's Dataverse access token, from MSAL: signed in once (no action asked of the trainee), then silently renewed. */
  token(staffId: string): Promise<string>;
  close(): Promise<void>;
}

const NOT_KEPT = 'In training, the sign-in service starts afresh each time CivicDesk opens.';

/**
 * Training mode's Dataverse tokens, got exactly as live gets them: MSAL (the app's own
 * createAuthService) against the training identity, for `<environment>/user_impersonation`, as
 * the officer the trainee acts as. Each officer has their own MSAL account, so switching whom
 * you act as signs in as the new officer, and switching back uses the token cache
 * (acquireTokenSilent). The training "browser" signs in with the officer's login hint, so the
 * trainee is asked nothing; their Microsoft 365 sign-in in the status bar stays separate.
 */
export function officerTokens(deps: { identity: IdentityStandIn; scope: string; usernameFor(staffId: string): string | null; log: AuthLog; now?: () => Date }): OfficerTokens {
  const { identity } = deps;
  const accounts = new Map<string, { auth: AuthService; signedIn: Promise<unknown> | null }>();

  const accountFor = (staffId: string) => {
    let kept = accounts.get(staffId);
    if (!kept) {
      const username = deps.usernameFor(staffId);
      const auth = createAuthService({
        settings: { authority: identity.authority, clientId: TRAINING_CLIENT_ID, knownAuthorities: [new URL(identity.authority).host], protocolMode: 'OIDC', scopes: [deps.scope], ca: identity.ca },
        secrets: createMemoryOnlySecretStore(NOT_KEPT),
        openBrowser: trainingBrowser({ ca: identity.ca, loginHint: () => username }),
        log: deps.log,
        now: deps.now,
      });
      kept = { auth, signedIn: null };
      accounts.set(staffId, kept);
    }
    return kept;
  };

  return {
    async token(staffId) {
      const account = accountFor(staffId);
      if (!account.auth.status().signedIn) {
        // One sign-in at a time per officer: calls made together wait for the same one.
        account.signedIn ??= account.auth.signIn().finally(() => {
          account.signedIn = null;
        });
        await account.signedIn;
      }
      return account.auth.accessToken([deps.scope]);
    },
    async close() {
      await Promise.all([...accounts.values()].map((each) => each.auth.close()));
      accounts.clear();
    },
  };
}
