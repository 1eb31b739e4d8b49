import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from '../../../renderer/sync/when-idle';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('start-up work at the first idle moment', () => {
  it('waits for the browser to be idle, at most as long as it is given, and can be called off', () => {
    const asked: { run: () => void; timeout: number | undefined }[] = [];
    const cancelled: number[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void, options?: { timeout?: number }) => asked.push({ run, timeout: options?.timeout }));
    vi.stubGlobal('cancelIdleCallback', (handle: number) => cancelled.push(handle));
    const work = vi.fn();

    const cancel = whenIdle(work, 1_000);
    expect(work).not.toHaveBeenCalled();
    expect(asked.map((each) => each.timeout)).toEqual([1_000]);
    asked[0]?.run();
    expect(work).toHaveBeenCalledTimes(1);

    whenIdle(work);
    expect(asked[1]?.timeout).toBeUndefined();
    cancel();
    expect(cancelled).toEqual([1]);
  });

  it("tells the work how much of the idle moment is left, so small steps can take as many as fit", () => {
    let left = 12;
    const asked: ((deadline: { timeRemaining(): number }) => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: (deadline: { timeRemaining(): number }) => void) => asked.push(run));
    const steps: number[] = [];
    whenIdle((msLeft) => {
      while (msLeft() > 5) {
        steps.push(msLeft());
        left -= 3;
      }
    });
    asked[0]?.({ timeRemaining: () => left });
    expect(steps).toEqual([12, 9, 6]);
  });

  it('runs on the next turn where the page has no idle callbacks, with no idle time to spare, unless called off first', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const work = vi.fn();
    const kept = vi.fn((msLeft: () => number) => msLeft());
    whenIdle(kept, 1_000);
    whenIdle(work, 1_000)();
    expect(kept).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(kept).toHaveBeenCalledTimes(1);
    expect(kept.mock.results[0]?.value).toBe(0);
    expect(work).not.toHaveBeenCalled();
  });
});
