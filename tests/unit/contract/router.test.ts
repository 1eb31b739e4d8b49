import { describe, expect, it } from 'vitest';
import { NotPossible } from '../../../main/core/ipc/router';
import { fakeCore, trainingSession } from '../support/fake-core';

const context = { transport: 'loopback' as const };

describe('the router', () => {
  it('refuses a call name of any type with an Outcome, even an object whose toString is not a function or throws', async () => {
    const { router } = fakeCore();
    const hostile = { toString: () => { throw new Error('hostile'); } };
    const names: unknown[] = [{ toString: 1 }, { valueOf: 1, toString: null }, hostile, Object.create(null), Symbol('session.get'), ['session.get'], null, undefined, 42, 10n, true, () => 'session.get', 'constructor', '__proto__', 'toString', 'x'.repeat(100_000)];
    for (const name of names) {
      const outcome = await router.dispatch(name, {}, context);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
      if (!outcome.ok) expect(outcome.error.message.length).toBeLessThan(300);
    }
  });

  it('runs a known call with valid input and returns its result', async () => {
    const { router } = fakeCore();
    expect(await router.dispatch('session.get', {}, context)).toEqual({ ok: true, value: trainingSession });
  });

  it('refuses a bad payload with the field that is wrong, without calling the handler', async () => {
    let called = false;
    const { router } = fakeCore({
      'session.actAsTrainingUser': () => {
        called = true;
        return trainingSession;
      },
    });
    const outcome = await router.dispatch('session.actAsTrainingUser', { staffId: 42 }, context);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('invalid-input');
    expect(outcome.error.fields?.map((field) => field.path)).toEqual(['staffId']);
    expect(called).toBe(false);
  });

  it('refuses unexpected extra fields, so nothing unchecked reaches a handler', async () => {
    const { router } = fakeCore();
    const outcome = await router.dispatch('session.get', { sneaky: true }, context);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses an unknown call, including names inherited from Object.prototype', async () => {
    const { router } = fakeCore();
    for (const name of ['residents.delete', 'constructor', '__proto__', 42, null]) {
      expect(await router.dispatch(name, {}, context)).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    }
  });

  it('turns a failing handler into a plain-English error, logs it, and keeps working', async () => {
    const { router, errors } = fakeCore({
      'training.summary': () => {
        throw new Error('database on fire');
      },
    });
    const outcome = await router.dispatch('training.summary', {}, context);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'handler-failed' } });
    if (!outcome.ok) expect(outcome.error.message).not.toContain('database on fire');
    expect(errors).toHaveLength(1);
    expect(String(errors[0]?.details.error)).toContain('database on fire');
    expect(await router.dispatch('session.get', {}, context)).toMatchObject({ ok: true });
  });

  it('passes on the message of a refusal a person can act on', async () => {
    const { router } = fakeCore({
      'session.actAsTrainingUser': () => {
        throw new NotPossible('Choose someone from the list.');
      },
    });
    expect(await router.dispatch('session.actAsTrainingUser', { staffId: 'x' }, context)).toEqual({
      ok: false,
      error: { code: 'not-possible', message: 'Choose someone from the list.' },
    });
  });
});
