/**
 * `BENCH_LOAD=1`: a benchmark runs beside one busy core, as an agent's PC runs beside Teams,
 * a softphone and a browser. Every metric then ends in `.loaded`, and each run ends with the
 * machine's load average, so quiet and loaded figures are never confused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';

export const loaded = process.env.BENCH_LOAD === '1';

/** The metric's name as printed: with `.loaded` after it under BENCH_LOAD=1. */
export const metricName = (name: string): string => (loaded ? `${name}.loaded` : name);

/** One JSON line per figure, `{"metric":"search.engine.p95_ms","value":1.8}`. */
export function report(metric: string, value: number, decimals = 2): void {
  const scale = 10 ** decimals;
  console.log(JSON.stringify({ metric: metricName(metric), value: Math.round(value * scale) / scale }));
}

let hog: ChildProcess | null = null;
const killHog = () => {
  hog?.kill('SIGKILL');
  hog = null;
};

/**
 * Starts the busy core when BENCH_LOAD=1 (a child process spinning until it is stopped).
 * Stopped by finishLoad, and by this process's exit whatever the way out, so a benchmark that
 * fails to start leaves no spinning process behind.
 */
export function startLoad(): void {
  if (!loaded || hog) return;
  hog = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  process.once('exit', killHog);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (killHog(), process.exit(130)));
}

/** Prints the one-minute load average the run saw (quiet or loaded), then stops the busy core. */
export function finishLoad(): void {
  report('machine.loadavg_1m', os.loadavg()[0] ?? 0);
  killHog();
}
