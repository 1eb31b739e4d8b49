import type { EventName, EventPayload } from '../../../shared/contract/calls';

export type EventListener = (name: EventName, payload: unknown) => void;

/**
 * Events from main/core to every connected renderer. Each transport subscribes once and
 * forwards to its windows or sockets; core services only ever call `emit`.
 */
export interface EventHub {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
