import { describe, expect, it } from 'vitest';
import { createApiBridge } from '../../../shared/contract/api-bridge';
import type { EventName } from '../../../shared/contract/calls';
import type { Outcome } from '../../../shared/contract/outcome';
import type { SessionInfo } from '../../../shared/contract/session';
import { followSession } from '../../../renderer/session/follow-session';
import { session } from '../support/fake-bridge';

/** Main, whose answer to session.get the test gives when it chooses, and whose events it sends. */
function slowMain() {
  const asked: string[] = [];
  let answer: (outcome: Outcome<unknown>) => void = () => undefined;
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const bridge = createApiBridge({
    invoke(name) {
      asked.push(name);
      return new Promise((resolve) => (answer = resolve));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  const tell = (next: SessionInfo) => {
    for (const listener of listeners) listener('session.changed', next);
  };
  return { bridge, asked, answer: (outcome: Outcome<unknown>) => answer(outcome), tell, listening: () => listeners.size };
}

const locked: SessionInfo = { ...session, lock: { staffId: 'staff-1', officerName: 'Amara Okafor', since: '2026-12-06T09:00:00.000Z', reason: 'idle' } };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('following who is signed in from the page’s first moment', () => {
  it('asks main at once, and shows its answer to whoever listens', async () => {
    const main = slowMain();
    const follower = followSession(main.bridge);
    expect(main.asked).toEqual(['session.get']);
    expect(follower.known()).toEqual({ session: null, error: null });
    let heard = 0;
    follower.listen(() => heard++);
    main.answer({ ok: true, value: session });
    await tick();
    expect(follower.known().session).toEqual(session);
    expect(heard).toBe(1);
  });

  it('misses no change made between the question and the page drawing: a lock then is followed', async () => {
    const main = slowMain();
    const follower = followSession(main.bridge);
    main.answer({ ok: true, value: session });
    await tick();
    // Nothing listens yet (the first frame is still being drawn) when main locks the workstation.
    main.tell(locked);
    expect(follower.known().session?.lock).toEqual(locked.lock);
  });

  it('keeps a session a change already gave when main’s answer is a refusal', async () => {
    const main = slowMain();
    const follower = followSession(main.bridge);
    main.tell(session);
    main.answer({ ok: false, error: { code: 'not-connected', message: 'CivicDesk cannot reach its own service.' } });
    await tick();
    expect(follower.known()).toEqual({ session, error: null });
  });

  it('says why when main cannot say who is signed in', async () => {
    const main = slowMain();
    const follower = followSession(main.bridge);
    const error = { code: 'not-connected', message: 'CivicDesk cannot reach its own service.' } as const;
    main.answer({ ok: false, error });
    await tick();
    expect(follower.known()).toEqual({ session: null, error });
  });

  it('stops following when told, and hears nothing after', async () => {
    const main = slowMain();
    const follower = followSession(main.bridge);
    let heard = 0;
    follower.listen(() => heard++);
    follower.stop();
    expect(main.listening()).toBe(0);
    main.answer({ ok: true, value: session });
    await tick();
    expect(follower.known().session).toBeNull();
    expect(heard).toBe(0);
  });

  it('gives the same object until something changes, as React asks', () => {
    const follower = followSession(slowMain().bridge);
    expect(follower.known()).toBe(follower.known());
  });
});
