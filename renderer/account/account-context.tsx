import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AccountStatus, Me, MyPresence } from '../../shared/contract/microsoft365';
import type { Outcome } from '../../shared/contract/outcome';
import { useBridge } from '../bridge/bridge-context';
import { useContactIfAny } from '../contact/contact-context';
import type { ApiBridge } from '../../shared/contract/api-bridge';
import { forgetOnSignOut } from '../storage/forget-officer';

/** The status bar's presence button, where the focus goes once the officer has signed in. */
export const MY_PRESENCE_ID = 'my-presence';
/** The status bar's sign-in button, where the focus goes after signing out. */
export const SIGN_IN_ID = 'status-sign-in';

/** How often the officer's own presence is asked for again while signed in. */
export const MY_PRESENCE_INTERVAL_MS = 60_000;

export type PresenceChoice = 'Available' | 'Busy' | 'DoNotDisturb' | 'BeRightBack' | 'Away' | 'Automatic';

interface AccountApi {
  /** null until main has answered. */
  status: AccountStatus | null;
  /** Name, photo and presence from Teams, once known. */
  me: Me | null;
  /** The sign-in call is running (the officer is finishing it in their browser). */
  signingIn: boolean;
  /** Why the last sign-in failed, in main's words. */
  problem: string | null;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  setPresence(availability: PresenceChoice, forMinutes: number): Promise<Outcome<MyPresence>>;
}

const AccountContext = createContext<AccountApi | null>(null);

/** Signing out must leave no resident's record on the computer; a failure to clear is not a reason to stay signed in. */
const forgetResidents = (bridge: ApiBridge) => forgetOnSignOut(bridge).catch(() => ({ kept: 0 }));

/** The officer's Microsoft 365 sign-in, for the status bar and the places that use Teams and Bookings. */
export function AccountProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const [status, setStatus] = useState<AccountStatus | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const wasSignedIn = useRef(false);
  // Signing out ends the contact on screen: nothing of the resident stays open.
  const clearContact = useContactIfAny()?.clear;
  const clearRef = useRef(clearContact);
  useEffect(() => {
    clearRef.current = clearContact;
  });

  const apply = useCallback((next: AccountStatus) => {
    // Signed out from elsewhere (or the sign-in ran out): clear the copies here too.
    if (wasSignedIn.current && !next.signedIn) {
      void forgetResidents(bridge);
      clearRef.current?.();
    }
    wasSignedIn.current = next.signedIn;
    if (!next.signedIn) setMe(null);
    setStatus(next);
  }, [bridge]);

  useEffect(() => {
    let live = true;
    void bridge.account.status({}).then((outcome) => {
      if (!live) return;
      // No answer is treated as signed out: nothing Microsoft 365 offers is shown.
      apply(outcome.ok ? outcome.value : { signedIn: false, signingIn: false, kept: 'keychain', keptReason: null, problem: null });
    });
    const stop = bridge.on('account.changed', apply);
    return () => {
      live = false;
      stop();
    };
  }, [bridge, apply]);

  const signedIn = status?.signedIn === true;
  useEffect(() => {
    if (!signedIn) return;
    let inFlight = false;
    const refresh = () => {
      if (inFlight) return;
      inFlight = true;
      void bridge.teams.me({}).then((outcome) => {
        inFlight = false;
        if (outcome.ok) setMe(outcome.value);
      });
    };
    refresh();
    const timer = setInterval(refresh, MY_PRESENCE_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [bridge, signedIn]);

  const api = useMemo<AccountApi>(
    () => ({
      status,
      me,
      signingIn,
      problem,
      async signIn() {
        setSigningIn(true);
        setProblem(null);
        const outcome = await bridge.account.signIn({});
        setSigningIn(false);
        if (!outcome.ok) setProblem(outcome.error.message);
        else {
          apply(outcome.value);
          if (!outcome.value.signedIn && outcome.value.problem) setProblem(outcome.value.problem);
        }
      },
      async signOut() {
        // Cleared first and whatever main answers: sign-out leaves no resident's record here.
        await forgetResidents(bridge);
        clearRef.current?.();
        wasSignedIn.current = false;
        const outcome = await bridge.account.signOut({});
        setMe(null);
        setStatus(outcome.ok ? outcome.value : { signedIn: false, signingIn: false, kept: status?.kept ?? 'keychain', keptReason: status?.keptReason ?? null, problem: null });
      },
      async setPresence(availability, forMinutes) {
        const outcome = await bridge.teams.setMyPresence({ availability, forMinutes });
        if (outcome.ok) setMe((current) => current && { ...current, presence: outcome.value });
        return outcome;
      },
    }),
    [apply, bridge, me, problem, signingIn, status],
  );
  return <AccountContext.Provider value={api}>{children}</AccountContext.Provider>;
}

const noAccount: AccountApi = {
  status: null,
  me: null,
  signingIn: false,
  problem: null,
  signIn: async () => undefined,
  signOut: async () => undefined,
  setPresence: async () => ({ ok: false, error: { code: 'not-connected', message: '' } }),
};

/** Outside a provider (a place rendered alone in a test) there is no account: signed out, quietly. */
export function useAccount(): AccountApi {
  return useContext(AccountContext) ?? noAccount;
}
