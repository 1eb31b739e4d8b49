import type { Transport } from '../../shared/contract/api-bridge';
import type { CallName } from '../../shared/contract/calls';
import { fail, type Outcome } from '../../shared/contract/outcome';

/**
 * Calls whose last good answer may stand in while the browser host's local service is out
 * of reach: who is signed in, the service standards, the call scripts, the officer's data
 * key, and the council's message templates. None holds a resident's details. With them a
 * tab reloaded while offline still opens its sealed storage, shows its cases and due dates,
 * and lets the officer keep capturing (and write texts, which wait). The key sits beside the loopback secret, which already opens main for this tab;
 * the desktop app never remembers it (its main process always answers).
 */
export const REMEMBERED_CALLS: readonly CallName[] = ['session.get', 'standards.get', 'scripts.list', 'storage.dataKey', 'messages.templates'];

/** sessionStorage, or a stand-in for it in tests. */
export interface KeptAnswers {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY_PREFIX = 'civicdesk.remembered.';

/**
 * Wraps the browser host's transport. Only the browser host needs it: in the desktop app the
 * main process is on the same computer and always answers. Kept in sessionStorage, so it lasts
 * for this tab only, like the loopback secret.
 */
export function rememberAnswers(transport: Transport, storage: KeptAnswers, wentOffline: OfflineSignal = () => () => undefined): Transport {
  return {
    subscribe: (listener) => transport.subscribe(listener),
    async invoke(name, input) {
      if (!REMEMBERED_CALLS.includes(name)) return transport.invoke(name, input);
      const outcome = await untilOffline(transport.invoke(name, input), wentOffline);
      const key = `${KEY_PREFIX}${name}`;
      if (outcome.ok) {
        // Written only when it has changed: the call scripts are large, and writing them again at
        // every reload took about 18 ms of the page's thread as it started.
        const text = JSON.stringify(outcome.value);
        if (storage.getItem(key) !== text) storage.setItem(key, text);
        return outcome;
      }
      const kept = outcome.error.code === 'not-connected' ? storage.getItem(key) : null;
      return kept === null ? outcome : { ok: true, value: JSON.parse(kept) as unknown };
    },
  };
}

/** Calls `then` when the browser says the network has gone; returns how to stop listening. */
export type OfflineSignal = (then: () => void) => () => void;

const WENT_OFFLINE = 'The network went before CivicDesk had its answer. Try again when it is back; nothing you typed has been lost.';

/**
 * The call's answer, or not-connected the moment the network goes while it is on its way: the
 * socket then holds the answer until the network returns, and the place that asked (the call
 * scripts, opened just as the network went) showed "Loading" until then. These calls only
 * read, so answering from what is remembered loses nothing.
 */
function untilOffline(call: Promise<Outcome<unknown>>, wentOffline: OfflineSignal): Promise<Outcome<unknown>> {
  return new Promise((resolve) => {
    const settle = (outcome: Outcome<unknown>) => {
      stop();
      resolve(outcome);
    };
    const stop = wentOffline(() => settle(fail('not-connected', WENT_OFFLINE)));
    void call.then(settle);
  });
}

/** Forgets a remembered answer (the officer's data key, when main forgets it at sign-out). */
export function forgetRemembered(name: CallName, storage: { removeItem(key: string): void }): void {
  storage.removeItem(`${KEY_PREFIX}${name}`);
}
