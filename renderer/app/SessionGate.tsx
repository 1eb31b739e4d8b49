import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountProvider } from '../account/account-context';
import { AgentStateProvider } from '../agent-state/agent-state-context';
import { useBridge } from '../bridge/bridge-context';
import { ContactProvider } from '../contact/contact-context';
import { ResidentSearchProvider } from '../residents/use-resident-search';
import { SyncProvider } from '../sync/sync-context';
import { ConfigProblems } from './ConfigProblems';
import { LockScreen } from '../lock/LockScreen';
import { useCustomerScreenLock } from '../lock/use-customer-screen-lock';
import { useIdleLock } from '../lock/use-idle-lock';
import { DeepLinksProvider } from '../navigation/deep-links';
import { NavigationProvider } from '../navigation/navigation-context';
import { followSession, type SessionFollower } from '../session/follow-session';
import { SessionProvider } from '../session/session-context';
import { OfficerStorageGate } from './OfficerStorageGate';
import { CannotStart, StartingUp } from './StartingUp';
import { Workstation } from './Workstation';

/**
 * Shows the right screen for how this workstation is running, as main says (`follower`,
 * asked by renderer/main.tsx before the first paint; drawn alone, as in tests, it asks itself).
 */
export function SessionGate({ follower, ...props }: { follower?: SessionFollower; highContrast: boolean; onToggleContrast: () => void }) {
  const bridge = useBridge();
  const { t } = useTranslation();
  const own = useMemo(() => (follower ? null : followSession(bridge)), [bridge, follower]);
  useEffect(() => () => own?.stop(), [own]);
  const following = (follower ?? own) as SessionFollower;
  const { session, error } = useSyncExternalStore(following.listen, following.known);
  // Locked while the workstation was open: it stays as it was, hidden, for the officer to come
  // back to. Locked before it ever opened (a page reloaded under the lock): nothing is drawn
  // behind the lock, so nothing asks main for a resident until someone resumes.
  const [opened, setOpened] = useState(false);
  if (session && !session.lock && !opened) setOpened(true);

  // The idle lock (renderer/lock/): main holds it, so every window and a reloaded page agree.
  const lock = session?.lock ?? null;
  useIdleLock(session);
  useCustomerScreenLock(lock !== null);

  if (error) return <CannotStart title={t('errors.title')} message={error.message} />;
  if (!session) return <StartingUp />;
  if (session.mode === 'config-error') return <ConfigProblems session={session} />;
  const lockScreen = lock && <LockScreen session={session} lock={lock} />;
  if (!opened) return <SessionProvider value={session}>{lockScreen}</SessionProvider>;
  return (
    <SessionProvider value={session}>
      {lockScreen}
      <OfficerStorageGate staffId={session.user?.id ?? null} locked={Boolean(session.lock)} retention={session.retention}>
        <DeepLinksProvider>
          <NavigationProvider>
            <SyncProvider staffId={session.user?.id ?? null}>
              <ContactProvider staffId={session.user?.id ?? null}>
                <ResidentSearchProvider>
                  <AccountProvider>
                    <AgentStateProvider staffId={session.user?.id ?? null}>
                      <Workstation session={session} {...props} />
                    </AgentStateProvider>
                  </AccountProvider>
                </ResidentSearchProvider>
              </ContactProvider>
            </SyncProvider>
          </NavigationProvider>
        </DeepLinksProvider>
      </OfficerStorageGate>
    </SessionProvider>
  );
}
