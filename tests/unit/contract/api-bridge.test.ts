import { describe, expect, it } from 'vitest';
import { createApiBridge, type Transport } from '../../../shared/contract/api-bridge';
import { callNames } from '../../../shared/contract/calls';
import type { EventName } from '../../../shared/contract/calls';

describe('the API bridge', () => {
  it('exposes every call in the contract as area.call and sends it through the transport', async () => {
    const sent: [string, unknown][] = [];
    const transport: Transport = {
      invoke: async (name, input) => {
        sent.push([name, input]);
        return { ok: true, value: name };
      },
      subscribe: () => () => undefined,
    };
    const bridge = createApiBridge(transport) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    for (const name of callNames) {
      const [area, method] = name.split('.') as [string, string];
      expect(await bridge[area]?.[method]?.({ n: name })).toEqual({ ok: true, value: name });
    }
    expect(sent.map(([name]) => name)).toEqual(callNames);
  });

  it('delivers only the named event to a listener, and stops when unsubscribed', () => {
    let emit: (name: EventName, payload: unknown) => void = () => undefined;
    const transport: Transport = {
      invoke: async () => ({ ok: true, value: null }),
      subscribe: (listener) => {
        emit = listener;
        return () => {
          emit = () => undefined;
        };
      },
    };
    const bridge = createApiBridge(transport);
    const heard: unknown[] = [];
    const stop = bridge.on('directory.changed', (change) => heard.push(change));
    emit('session.changed', 'not for me');
    emit('directory.changed', { deltaToken: 'delta-1' });
    stop();
    emit('directory.changed', { deltaToken: 'delta-2' });
    expect(heard).toEqual([{ deltaToken: 'delta-1' }]);
  });
});
