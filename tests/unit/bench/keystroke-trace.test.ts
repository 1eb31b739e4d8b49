import { describe, expect, it } from 'vitest';
import { describeKeystrokeWork, keystrokeWork, type TraceEvent } from '../../bench/keystroke-trace';

const PAGE = 7;
const MAIN = 1;
const RASTER = 2;
const thread = (tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', ts: 0, pid: PAGE, tid, args: { name } });
const slice = (name: string, ts: number, dur: number, tid = MAIN, pid = PAGE): TraceEvent => ({ name, ph: 'X', ts, dur, pid, tid });
const keystroke = (start: number, end: number): TraceEvent[] => [
  { name: 'keystroke', cat: 'blink.user_timing', ph: 'b', ts: start, pid: PAGE, tid: MAIN, id2: { local: '0x1' } },
  { name: 'keystroke', cat: 'blink.user_timing', ph: 'e', ts: end, pid: PAGE, tid: MAIN, id2: { local: '0x1' } },
];

describe('where a keystroke went, from a Chromium trace', () => {
  it('sums the main thread’s work in each keystroke by kind, counts nested work once, and leaves the rest as idle', () => {
    const events: TraceEvent[] = [
      thread(MAIN, 'CrRendererMain'),
      thread(RASTER, 'CompositorTileWorker1'),
      // A first-frame keystroke: 4 ms of script (a function call inside the event, counted once), 1 ms layout, 1 ms paint.
      ...keystroke(0, 16_000),
      slice('RunTask', 0, 4_500),
      slice('EventDispatch', 100, 4_000),
      slice('FunctionCall', 200, 3_000),
      slice('RunTask', 5_000, 2_000),
      slice('Layout', 5_000, 1_000),
      slice('Paint', 6_000, 1_000),
      // A second-frame keystroke: 12 ms of script, 6 ms of garbage collection, then waiting on the raster threads.
      ...keystroke(20_000, 52_000),
      slice('RunTask', 20_000, 18_500),
      slice('FunctionCall', 20_000, 12_000),
      slice('V8.GC_SCAVENGER', 32_000, 6_000),
      slice('RasterTask', 38_000, 10_000, RASTER),
      // Another page's work is not this page's.
      slice('FunctionCall', 40_000, 5_000, MAIN, 99),
    ];
    const [fast, slow] = keystrokeWork(events);
    // No thread times in this trace: how long the main thread was on a core is not known.
    expect(fast).toEqual({ ms: 16, work: { script: 4, style: 0, layout: 1, paint: 1, gc: 0, other: 0.5 }, idle: 9.5, raster: 0, onCore: null, otherThreads: 0 });
    expect(slow).toEqual({ ms: 32, work: { script: 12, style: 0, layout: 0, paint: 0, gc: 6, other: 0.5 }, idle: 13.5, raster: 10, onCore: null, otherThreads: 0 });
    const lines = describeKeystrokeWork([fast!, slow!], 17.5, ['s', 'sm']);
    expect(lines[0]).toBe('over 17.5 ms: 1 keystrokes, median 32.0 ms = script 12.0, style 0.0, layout 0.0, paint 0.0, gc 6.0, other 0.5, idle 13.5; raster threads 10.0; other threads 0.0');
    expect(lines[1]).toMatch(/^within 17.5 ms: 1 keystrokes, median 16.0 ms = script 4.0/);
    expect(lines[2]).toMatch(/^ {2}32.0 ms \(typed "sm" after "s"\): script 12.0/);
    expect(lines).toHaveLength(3);
  });

  it('says how long the main thread was on a core, and what the page’s other threads ran beside it', () => {
    const WORKER = 3;
    const POOL = 4;
    const timed = (name: string, ts: number, dur: number, tdur: number, tid = MAIN): TraceEvent => ({ ...slice(name, ts, dur, tid), tdur });
    const events: TraceEvent[] = [
      thread(MAIN, 'CrRendererMain'),
      thread(WORKER, 'DedicatedWorker thread'),
      thread(POOL, 'ThreadPoolForegroundWorker'),
      // 20 ms of script on the wall clock, 6 of them on a core; half of a second task, 4 of its 8 ms on a core, falls in the window.
      ...keystroke(0, 30_000),
      timed('RunTask', 0, 20_000, 6_000),
      slice('FunctionCall', 0, 20_000),
      timed('RunTask', 25_000, 10_000, 8_000),
      // Beside it: the worker collecting its garbage (a task runner's task inside another, counted once) and a pool thread compiling.
      timed('RunTask', 2_000, 12_000, 12_000, WORKER),
      timed('ThreadControllerImpl::RunTask', 2_000, 12_000, 12_000, WORKER),
      timed('ThreadPool_RunTask', 26_000, 8_000, 8_000, POOL),
    ];
    const [work] = keystrokeWork(events);
    expect(work).toMatchObject({ ms: 30, onCore: 10, otherThreads: 16 });
    expect(describeKeystrokeWork([work!], 17.5)[0]).toMatch(/idle 5\.0 \(on a core 10\.0\); raster threads 0\.0; other threads 16\.0$/);
  });

  it('says so when the trace has no main thread for the page that marked the keystrokes', () => {
    expect(() => keystrokeWork([...keystroke(0, 10)])).toThrow(/no main thread/);
  });
});
