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

describe('a remembered call on its way when the network goes', () => {
  it('is answered at once from what is remembered, not when the network returns', async () => {
    const storage = memoryStorage();
    let answerLate: (outcome: Outcome<unknown>) => void = () => undefined;
    const answers: Outcome<unknown>[] = [succeed({ scripts: ['missed bin'] })];
    const transport: Transport = {
      // The first call is answered; the second is held, as the socket holds it while offline.
      invoke: () => (answers.length > 0 ? Promise.resolve(answers.shift() as Outcome<unknown>) : new Promise((resolve) => (answerLate = resolve))),
      subscribe: () => () => undefined,
    };
    const listeners = new Set<() => void>();
    const goOffline = () => listeners.forEach((listener) => listener());
    const remembered = rememberAnswers(transport, storage, (then) => {
      listeners.add(then);
      return () => listeners.delete(then);
    });
    await remembered.invoke('scripts.list', {});
    const onItsWay = remembered.invoke('scripts.list', {});
    goOffline();
    expect(await onItsWay).toEqual({ ok: true, value: { scripts: ['missed bin'] } });
    // Nothing is left listening for the network, and the late answer, when it comes, changes nothing kept.
    expect(listeners.size).toBe(0);
    answerLate(succeed({ scripts: ['later'] }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(storage.getItem('civicdesk.remembered.scripts.list')).toBe(JSON.stringify({ scripts: ['missed bin'] }));
  });

  it('leaves calls it does not remember to wait for their own answer', async () => {
    let answered = false;
    const transport: Transport = { invoke: () => new Promise(() => undefined), subscribe: () => () => undefined };
    const listeners = new Set<() => void>();
    const remembered = rememberAnswers(transport, memoryStorage(), (then) => {
      listeners.add(then);
      return () => listeners.delete(then);
    });
    void remembered.invoke('residents.open', { residentId: 'r1', reason: 'call' }).then(() => (answered = true));
    listeners.forEach((listener) => listener());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    expect(listeners.size).toBe(0);
  });
});
