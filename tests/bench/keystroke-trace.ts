/**
 * Where a keystroke's time goes, from a Chromium trace (`BENCH_TRACE=file npm run bench:search`).
 * The benchmark marks each keystroke in the page (performance.measure, named `keystroke`, from
 * the input event to the frame after its results); this reads the page's main thread inside
 * each mark and sums its work by kind, so a keystroke that took a second frame shows whether
 * script, style, layout, paint or garbage collection pushed it there, or whether the thread was
 * idle, waiting for the next frame. Beside a busy core, the work can take longer than the CPU it
 * used: how long the thread was on a core, and what the page's other threads ran meanwhile, say
 * whether a second frame came from the keystroke's own work or from waiting for a core.
 */

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread time: how long of `dur` the thread was on a core. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string };
  args?: Record<string, unknown>;
}

export const KINDS = ['script', 'style', 'layout', 'paint', 'gc', 'other'] as const;
export type Kind = (typeof KINDS)[number];

/** The trace events' names, by kind (Chromium's devtools.timeline names). */
const KIND_OF: Record<string, Kind> = {
  EventDispatch: 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  RunMicrotasks: 'script',
  EvaluateScript: 'script',
  'v8.callFunction': 'script',
  'V8.Execute': 'script',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  UpdateLayerTree: 'paint',
  CompositeLayers: 'paint',
  Commit: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'V8.GC_MARK_COMPACTOR': 'gc',
  'BlinkGC.AtomicPhase': 'gc',
};

const kindOf = (name: string): Kind | undefined => KIND_OF[name] ?? (name.startsWith('V8.GC') ? 'gc' : undefined);

/** A task the main thread ran: everything in it not named above is "other". */
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
/** A task on one of the page's other threads (a worker's, or the thread pool's). */
const OTHER_THREAD_TASKS = new Set([...TASKS, 'ThreadPool_RunTask']);

export interface KeystrokeWork {
  ms: number;
  /** Main-thread work in the keystroke's window, by kind, in ms; idle is the rest. */
  work: Record<Kind, number>;
  idle: number;
  /** Rasterising on the page's raster threads in the same window (off the main thread, which waits for it to draw the next frame). */
  raster: number;
  /**
   * How long of the window the main thread's tasks were on a core (their thread time), or null
   * if the trace has none. Well under the work above, the thread was ready but waiting for a
   * core: beside a busy core, a keystroke that missed the first frame had spent 18.7 ms in its
   * input event, 6.1 ms of it on a core.
   */
  onCore: number | null;
  /** Tasks on the page's other threads in the window (raster, V8's compiling and collecting helpers, the search worker): what the main thread shares the cores with. */
  otherThreads: number;
}

const overlap = (from: number, to: number, start: number, end: number) => Math.max(0, Math.min(to, end) - Math.max(from, start));

/** Each `keystroke` mark's window on the page's main thread, with its work by kind. */
export function keystrokeWork(events: readonly TraceEvent[]): KeystrokeWork[] {
  const marks = events.filter((event) => event.name === 'keystroke' && (event.cat ?? '').includes('blink.user_timing'));
  if (marks.length === 0) return [];
  const pid = marks[0]!.pid;
  const main = events.find((event) => event.ph === 'M' && event.name === 'thread_name' && event.pid === pid && event.args?.name === 'CrRendererMain');
  if (!main) throw new Error('the trace has no main thread for the page that marked the keystrokes');
  // The marks are async begin/end pairs, matched by id.
  const windows: { start: number; end: number }[] = [];
  const begun = new Map<string, number>();
  for (const mark of marks) {
    const id = mark.id ?? mark.id2?.local ?? '';
    if (mark.ph === 'b') begun.set(id, mark.ts);
    else if (mark.ph === 'e' && begun.has(id)) {
      windows.push({ start: begun.get(id)!, end: mark.ts });
      begun.delete(id);
    }
  }
  // The main thread's complete events, outermost first at each start, so nested ones are not counted twice.
  const slices = events.filter((event) => event.pid === pid && event.tid === main.tid && event.ph === 'X' && event.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const rasters = events.filter((event) => event.pid === pid && event.tid !== main.tid && event.ph === 'X' && event.name === 'RasterTask' && event.dur !== undefined);
  // The other threads' outermost tasks, each counted once (a task runner's task nests in another's).
  const othersUntil = new Map<number, number>();
  const others = events
    .filter((event) => event.pid === pid && event.tid !== main.tid && event.ph === 'X' && event.dur !== undefined && OTHER_THREAD_TASKS.has(event.name))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
    .filter((task) => {
      if (task.ts < (othersUntil.get(task.tid) ?? -Infinity)) return false;
      othersUntil.set(task.tid, task.ts + task.dur!);
      return true;
    });
  const timed = slices.some((slice) => slice.tdur !== undefined);

  return windows
    .sort((a, b) => a.start - b.start)
    .map(({ start, end }) => {
      const work = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
      let countedUntil = -Infinity;
      let taskUntil = -Infinity;
      let taskBusy = 0;
      let inTasks = 0;
      let onCore = 0;
      for (const slice of slices) {
        const sliceEnd = slice.ts + slice.dur!;
        if (sliceEnd <= start || slice.ts >= end) continue;
        if (TASKS.has(slice.name) && slice.ts >= taskUntil) {
          taskUntil = sliceEnd;
          const inWindow = overlap(start, end, slice.ts, sliceEnd);
          inTasks += inWindow;
          // A task's thread time, in proportion to its part in the window.
          if (slice.dur! > 0) onCore += ((slice.tdur ?? 0) * inWindow) / slice.dur!;
          continue;
        }
        const kind = kindOf(slice.name);
        if (!kind || slice.ts < countedUntil) continue;
        countedUntil = sliceEnd;
        const took = overlap(start, end, slice.ts, sliceEnd);
        work[kind] += took;
        taskBusy += took;
      }
      work.other = Math.max(0, inTasks - taskBusy);
      const busy = KINDS.reduce((sum, kind) => sum + work[kind], 0);
      const ms = (end - start) / 1000;
      for (const kind of KINDS) work[kind] /= 1000;
      const raster = rasters.reduce((sum, task) => sum + overlap(start, end, task.ts, task.ts + task.dur!), 0) / 1000;
      const otherThreads = others.reduce((sum, task) => sum + overlap(start, end, task.ts, task.ts + task.dur!), 0) / 1000;
      return { ms, work, idle: Math.max(0, ms - busy / 1000), raster, onCore: timed ? onCore / 1000 : null, otherThreads };
    });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)]!;
};

/** The main thread's time on a core (median), when the trace has thread times. */
const onCore = (values: readonly (number | null)[]) => (values.some((value) => value === null) ? '' : ` (on a core ${median(values as number[]).toFixed(1)})`);

/** Lines for a person: keystrokes over the first frame against those within it, by kind of work (medians), then each one over, slowest first, with the text it made and the text before it (which rows it replaced). */
export function describeKeystrokeWork(all: readonly KeystrokeWork[], firstFrameMs: number, texts: readonly string[] = []): string[] {
  const describe = (label: string, group: readonly KeystrokeWork[]) =>
    `${label}: ${group.length} keystrokes, median ${median(group.map((each) => each.ms)).toFixed(1)} ms = ` +
    KINDS.map((kind) => `${kind} ${median(group.map((each) => each.work[kind])).toFixed(1)}`).join(', ') +
    `, idle ${median(group.map((each) => each.idle)).toFixed(1)}${onCore(group.map((each) => each.onCore))}; raster threads ${median(group.map((each) => each.raster)).toFixed(1)}; other threads ${median(group.map((each) => each.otherThreads)).toFixed(1)}`;
  const over = all.map((each, n) => ({ ...each, text: texts[n], before: texts[n - 1] })).filter((each) => each.ms > firstFrameMs).sort((a, b) => b.ms - a.ms);
  return [
    describe(`over ${firstFrameMs} ms`, over),
    describe(`within ${firstFrameMs} ms`, all.filter((each) => each.ms <= firstFrameMs)),
    ...over.map(
      (each) =>
        `  ${each.ms.toFixed(1)} ms${each.text === undefined ? '' : ` (typed "${each.text}"${each.before === undefined ? '' : ` after "${each.before}"`})`}: ` +
        KINDS.map((kind) => `${kind} ${each.work[kind].toFixed(1)}`).join(', ') +
        `, idle ${each.idle.toFixed(1)}${onCore([each.onCore])}; raster threads ${each.raster.toFixed(1)}; other threads ${each.otherThreads.toFixed(1)}`,
    ),
  ];
}
