import { describe, expect, it } from 'vitest';
import type { Reachability } from '../../../shared/contract/cases';
import type { Outcome } from '../../../shared/contract/outcome';
import { createReachabilityMonitor } from '../../../renderer/sync/reachability';
import type { Timers } from '../../../renderer/sync/timers';

/** Timers that fire only when the test says, recording each delay asked for. */
function manualTimers() {
  let next = 1;
  const pending = new Map<number, { fn: () => void; ms: number }>();
  const timers: Timers = {
    setTimeout(fn, ms) {
      pending.set(next, { fn, ms });
      return next++;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  const fireScheduled = () => {
    // The check timer, not a timeout guarding an answer: the longest one waiting.
    const [handle, timer] = [...pending].sort((a, b) => b[1].ms - a[1].ms)[0]!;
    pending.delete(handle);
    timer.fn();
    return timer.ms;
  };
  return { timers, pending, fireScheduled };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const answer = (reachable: boolean): Outcome<Reachability> => ({ ok: true, value: { reachable, checkedAt: new Date().toISOString(), problem: reachable ? null : 'Dataverse did not answer.' } });

describe('reachability monitor', () => {
  it('asks the back office, every 30 s while reachable and every 5 s backing off to 30 s while not', async () => {
    const clock = manualTimers();
    let reachable = true;
    let asked = 0;
    const monitor = createReachabilityMonitor({ check: async () => (asked++, answer(reachable)), isOnline: () => true, events: null, timers: clock.timers, now: Date.now });
    monitor.start();
    await flush();
    expect(monitor.current().reachable).toBe(true);
    expect(asked).toBe(1);
    reachable = false;
    expect(clock.fireScheduled()).toBe(30_000);
    await flush();
    expect(monitor.current()).toMatchObject({ reachable: false, problem: 'Dataverse did not answer.' });
    const delays = [];
    for (let index = 0; index < 4; index += 1) {
      delays.push(clock.fireScheduled());
      await flush();
    }
    expect(delays).toEqual([5_000, 10_000, 20_000, 30_000]);
    monitor.stop();
  });

  it('believes the device when it says offline, without asking', async () => {
    const clock = manualTimers();
    let asked = 0;
    const monitor = createReachabilityMonitor({ check: async () => (asked++, answer(true)), isOnline: () => false, events: null, timers: clock.timers, now: Date.now });
    monitor.start();
    await flush();
    expect(monitor.current().reachable).toBe(false);
    expect(asked).toBe(0);
    monitor.stop();
  });

  it('does not trust "online" alone: it asks, and on the online event asks at once', async () => {
    const clock = manualTimers();
    const events = new EventTarget();
    let online = false;
    let asked = 0;
    const changes: (boolean | null)[] = [];
    const monitor = createReachabilityMonitor({ check: async () => (asked++, answer(false)), isOnline: () => online, events, timers: clock.timers, now: Date.now });
    monitor.subscribe((state) => changes.push(state.reachable));
    monitor.start();
    await flush();
    online = true;
    events.dispatchEvent(new Event('online'));
    await flush();
    expect(asked).toBe(1);
    expect(monitor.current()).toMatchObject({ reachable: false, problem: 'Dataverse did not answer.' });
    expect(changes).toEqual([false, false]);
    monitor.stop();
  });

  it('counts no answer within the time limit as unreachable', async () => {
    const monitor = createReachabilityMonitor({
      check: () => new Promise(() => {}),
      isOnline: () => true,
      events: null,
      timers: { setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms === 10 ? 10 : 1e9), clearTimeout: (handle) => globalThis.clearTimeout(handle as number) },
      now: Date.now,
      checkTimeoutMs: 10,
    });
    monitor.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(monitor.current()).toMatchObject({ reachable: false, problem: null });
    monitor.stop();
  });
});
