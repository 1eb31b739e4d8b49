import type { Outcome } from './outcome';

/** The only two Electron IPC channels: every call goes through one, every event the other. */
export const CALL_CHANNEL = 'civicdesk:call';
export const EVENT_CHANNEL = 'civicdesk:event';

/** Messages on the loopback WebSocket (browser host only). */
export type LoopbackRequest = { id: number; call: string; input: unknown };
export type LoopbackMessage =
  | { kind: 'reply'; id: number | null; outcome: Outcome<unknown> }
  | { kind: 'event'; name: string; payload: unknown };

/** Path of the loopback host's WebSocket, and the query parameter that carries the secret. */
export const LOOPBACK_BRIDGE_PATH = '/bridge';
export const LOOPBACK_SECRET_PARAM = 'secret';
