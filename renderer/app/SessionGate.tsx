import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../shared/contract/outcome';
import type { SessionInfo } from '../../shared/contract/session';
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
import { SessionProvider } from '../session/session-context';
import { OfficerStorageGate } from './OfficerStorageGate';
import { CannotStart, StartingUp } from './StartingUp';
import { Workstation } from './Workstation';

/** Asks the main process how this workstation is running, then shows the right screen. */
export function SessionGate(props: { highContrast: boolean; onToggleContrast: () => void }) {
  const bridge = useBridge();
  const { t } = useTranslation();
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  // Locked while the workstation was open: it stays as it was, hidden, for the officer to come
  // back to. Locked before it ever opened (a page reloaded under the lock): nothing is drawn
  // behind the lock, so nothing asks main for a resident until someone resumes.
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    let live = true;
    const take = (next: SessionInfo) => {
      setSession(next);
      if (!next.lock) setOpened(true);
    };
    void bridge.session.get({}).then((outcome) => {
      if (!live) return;
      if (outcome.ok) take(outcome.value);
      else setError(outcome.error);
    });
    const stop = bridge.on('session.changed', take);
    return () => {
      live = false;
      stop();
    };
  }, [bridge]);

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
