import { createContext, useContext, type ReactNode } from 'react';
import type { ApiBridge } from '../../shared/contract/api-bridge';

const BridgeContext = createContext<ApiBridge | null>(null);

/** Components ask for the bridge here, so tests can hand them a fake one. */
export function BridgeProvider({ bridge, children }: { bridge: ApiBridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useBridge(): ApiBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge must be used inside <BridgeProvider>');
  return bridge;
}
