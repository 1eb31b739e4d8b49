import { callNames } from '../../../shared/contract/calls';
import { NotPossible, type Handlers } from '../ipc/router';
import { allowedWhileLocked, LOCKED_MESSAGE } from './idle-lock';

/**
 * Every handler, with those not allowed while locked refusing then (main/core/session/idle-lock.ts).
 * Checked here in main, whatever the renderer thinks: a page behind the lock never gets a resident.
 */
export function guardWhileLocked(handlers: Handlers, isLocked: () => boolean): Handlers {
  const guarded: Record<string, unknown> = {};
  for (const name of callNames) {
    const handler = handlers[name] as (input: unknown, context: unknown) => unknown;
    guarded[name] = allowedWhileLocked(name)
      ? handler
      : (input: unknown, context: unknown) => {
          if (isLocked()) throw new NotPossible(LOCKED_MESSAGE);
          return handler(input, context);
        };
  }
  return guarded as Handlers;
}
