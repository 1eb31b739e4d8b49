import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdSends, sendsAllowed } from '../../../renderer/sync/screen-pop-quiet';

/** The outbox waits while a call's record opens on screen, and never for long. */
describe('holding the outbox for a screen-pop', () => {
  afterEach(() => vi.useRealTimers());

  const settled = async (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    return done;
  };

  it('lets sending go at once when nothing is held', async () => {
    expect(await settled(sendsAllowed())).toBe(true);
  });

  it('waits until every hold is released, and a release twice counts once', async () => {
    const first = holdSends();
    const second = holdSends();
    const allowed = sendsAllowed();
    first();
    first();
    expect(await settled(allowed)).toBe(false);
    second();
    expect(await settled(allowed)).toBe(true);
  });

  it('ends a hold nobody releases after two seconds', async () => {
    vi.useFakeTimers();
    holdSends();
    const allowed = sendsAllowed();
    vi.advanceTimersByTime(1_999);
    expect(await settled(allowed)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await settled(allowed)).toBe(true);
  });
});
