import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const gcPauses = path.resolve(import.meta.dirname, '../../../main/core/gc-pauses.ts');

/**
 * A Node process that keeps making short-lived objects, with some kept beside an old heap (as
 * main's are beside the training back office's rows), and says how much of each young
 * collection ran on V8's helper threads.
 */
function helperTimes(keepShort: boolean): number[] {
  const script = `
    const { keepGcPausesShort } = await import(${JSON.stringify(gcPauses)});
    if (${keepShort}) keepGcPausesShort();
    console.log('making objects');
    const old = Array.from({ length: 1_000_000 }, (_, i) => ({ i, text: 'row ' + i }));
    let recent = [];
    for (let round = 0; round < 120; round += 1) {
      const made = Array.from({ length: 50_000 }, (_, i) => ({ round, i }));
      recent.push(made);
      if (recent.length > 3) recent.shift();
      old[round] = made[0];
    }`;
  const run = spawnSync(process.execPath, ['--trace-gc-nvp', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  // Only the collections after it is set: loading the script collects too.
  const after = run.stdout.slice(run.stdout.indexOf('making objects'));
  return [...after.matchAll(/gc=s .*?background\.scavenge\.parallel=([\d.]+)/g)].map((match) => Number(match[1]));
}

describe('main keeps its garbage collection pauses short', () => {
  it('collects young objects on its own thread, with no helper thread to wait for', () => {
    const times = helperTimes(true);
    expect(times.length).toBeGreaterThan(5);
    expect(times.every((each) => each === 0)).toBe(true);
  });

  it('without it, V8 shares young collections with helper threads on this machine (so the test above can fail)', () => {
    if (availableParallelism() < 2) return console.warn('one core: V8 uses no helper threads here, so there is nothing to compare');
    expect(helperTimes(false).some((each) => each > 0)).toBe(true);
  });
});
