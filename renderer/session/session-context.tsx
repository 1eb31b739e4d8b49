import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../shared/contract/session';

const SessionContext = createContext<SessionInfo | null>(null);

/** Who is signed in and how this workstation is set up, for any component that needs it. */
export const SessionProvider = SessionContext.Provider;

/** For parts also shown outside a session in tests: null when there is none. */
export const useSessionIfAny = (): SessionInfo | null => useContext(SessionContext);

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
