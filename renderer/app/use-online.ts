import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
};

/**
 * Whether the computer has a network at all. This only knows about the cable or Wi-Fi;
 * real reachability of the council's systems comes with the sync service.
 */
export const useOnline = (): boolean => useSyncExternalStore(subscribe, () => navigator.onLine);
