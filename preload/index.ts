/**
 * Maps the contract onto `window.civicdesk` and nothing more: no raw ipcRenderer, and event
 * listeners never see Electron's event object. The main process checks the sender and
 * validates every input, so this file stays thin.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createApiBridge, type Transport } from '../shared/contract/api-bridge';
import { isEventName, type EventName } from '../shared/contract/calls';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../shared/contract/channels';
import type { Outcome } from '../shared/contract/outcome';

const listeners = new Set<(name: EventName, payload: unknown) => void>();
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (!isEventName(name)) return;
  for (const listener of listeners) listener(name, payload);
});

const ipcTransport: Transport = {
  invoke: (name, input) => ipcRenderer.invoke(CALL_CHANNEL, name, input) as Promise<Outcome<unknown>>,
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

contextBridge.exposeInMainWorld('civicdesk', createApiBridge(ipcTransport));
