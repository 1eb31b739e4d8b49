import { callNames, type CallInput, type CallName, type CallResult, type EventName, type EventPayload } from './calls';
import type { Outcome } from './outcome';

type AreaOf<N> = N extends `${infer Area}.${string}` ? Area : never;

/** `window.civicdesk`: the renderer's only way to reach the main process. */
export type ApiBridge = {
  [Area in AreaOf<CallName>]: {
    [N in CallName as N extends `${Area}.${infer Method}` ? Method : never]: (
      input: CallInput<N>,
    ) => Promise<Outcome<CallResult<N>>>;
  };
} & {
  /** Listen for an event from the main process; returns the function that stops listening. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/**
 * The last hop, which differs by host: Electron IPC in the desktop app, a loopback WebSocket
 * in the browser host. Everything above it is the same code.
 */
export interface Transport {
  invoke(name: CallName, input: unknown): Promise<Outcome<unknown>>;
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}

export function createApiBridge(transport: Transport): ApiBridge {
  const areas: Record<string, Record<string, (input: unknown) => Promise<Outcome<unknown>>>> = {};
  for (const name of callNames) {
    const [area, method] = name.split('.') as [string, string];
    areas[area] ??= {};
    areas[area][method] = (input: unknown) => transport.invoke(name, input);
  }
  const on = (name: EventName, listener: (payload: unknown) => void) =>
    transport.subscribe((eventName, payload) => {
      if (eventName === name) listener(payload);
    });
  return { ...areas, on } as unknown as ApiBridge;
}
