import { describe, expect, it } from 'vitest';
import type { Transport } from '../../../shared/contract/api-bridge';
import { fail, succeed, type Outcome } from '../../../shared/contract/outcome';
import { rememberAnswers } from '../../../renderer/bridge/remembered-answers';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

function transportAnswering(answers: Outcome<unknown>[]): Transport {
  return { invoke: () => Promise.resolve(answers.shift() ?? fail('not-connected', 'gone')), subscribe: () => () => undefined };
}

describe('remembered answers in the browser host', () => {
  it('answers session.get from the last good answer when the local service cannot be reached', async () => {
    const transport = rememberAnswers(transportAnswering([succeed({ mode: 'training', user: { id: 's1' } }), fail('not-connected', 'gone')]), memoryStorage());
    await transport.invoke('session.get', {});
    expect(await transport.invoke('session.get', {})).toEqual({ ok: true, value: { mode: 'training', user: { id: 's1' } } });
  });

  it('never stands in for a resident read, or for a refusal that is not about being offline', async () => {
    const storage = memoryStorage();
    const transport = rememberAnswers(
      transportAnswering([succeed({ resident: 'x' }), fail('not-connected', 'gone'), succeed({ mode: 'training' }), fail('not-possible', 'Sign in again')]),
      storage,
    );
    await transport.invoke('residents.open', { residentId: 'r1', reason: 'call' });
    expect((await transport.invoke('residents.open', { residentId: 'r1', reason: 'call' })).ok).toBe(false);
    await transport.invoke('session.get', {});
    expect(await transport.invoke('session.get', {})).toEqual(fail('not-possible', 'Sign in again'));
  });

  it('keeps the latest good answer, and writes it only when it has changed', async () => {
    const storage = memoryStorage();
    const writes: string[] = [];
    const counted = { getItem: storage.getItem, setItem: (key: string, value: string) => (writes.push(value), storage.setItem(key, value)) };
    const transport = rememberAnswers(
      transportAnswering([succeed({ scripts: ['bins'] }), succeed({ scripts: ['bins'] }), succeed({ scripts: ['bins', 'parking'] }), fail('not-connected', 'gone')]),
      counted,
    );
    for (let call = 0; call < 3; call += 1) await transport.invoke('scripts.list', {});
    expect(writes).toEqual(['{"scripts":["bins"]}', '{"scripts":["bins","parking"]}']);
    expect(await transport.invoke('scripts.list', {})).toEqual({ ok: true, value: { scripts: ['bins', 'parking'] } });
  });

  it('passes the failure on when there is nothing remembered', async () => {
    const transport = rememberAnswers(transportAnswering([fail('not-connected', 'gone')]), memoryStorage());
    expect(await transport.invoke('standards.get', {})).toEqual(fail('not-connected', 'gone'));
  });
});
