import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ResidentView } from '../../shared/contract/residents';
import type { CallError } from '../../shared/contract/outcome';
import type { AccessReason } from '../../shared/domain/resident-360';
import { useBridge } from '../bridge/bridge-context';

interface OpenResident {
  view: ResidentView | null;
  opening: boolean;
  error: CallError | null;
  open(residentId: string, reason: AccessReason): Promise<boolean>;
  update(view: ResidentView): void;
  close(): void;
}

const ResidentContext = createContext<OpenResident | null>(null);

/** The resident on screen: opened from search or a screen-pop, shown in the Resident place. */
export function OpenResidentProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const [view, setView] = useState<ResidentView | null>(null);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const open = useCallback(
    async (residentId: string, reason: AccessReason) => {
      setOpening(true);
      const outcome = await bridge.residents.open({ residentId, reason });
      setOpening(false);
      setError(outcome.ok ? null : outcome.error);
      if (outcome.ok) setView(outcome.value);
      return outcome.ok;
    },
    [bridge],
  );
  const value = useMemo<OpenResident>(() => ({ view, opening, error, open, update: setView, close: () => setView(null) }), [view, opening, error, open]);
  return <ResidentContext.Provider value={value}>{children}</ResidentContext.Provider>;
}

export function useOpenResident(): OpenResident {
  const value = useContext(ResidentContext);
  if (!value) throw new Error('useOpenResident must be used inside <OpenResidentProvider>');
  return value;
}
