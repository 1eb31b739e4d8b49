import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../main/core/training/cli-args';
import { streamTrainingData, trainingDataHeader } from '../../../main/core/training/generator';

const CLI = fileURLToPath(new URL('../../../main/core/training/cli.ts', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'civicdesk-training-'));

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('training CLI flags', () => {
  it.each(['0', '320001', '12abc', '-5', '1.5', '1e3', ''])('refuses --residents %j with the rule', (value) => {
    const request = parseCliArgs(['--residents', value, '--out', 'x.ndjson']);
    expect(request).toEqual({
      kind: 'invalid',
      message: `--residents must be a whole number from 1 to 320000 (got "${value}").`,
    });
  });

  it('refuses a bad seed, a bad date and a missing --out, saying what to do', () => {
    expect(parseCliArgs(['--seed', 'abc', '--out', 'x'])).toMatchObject({ kind: 'invalid', message: expect.stringContaining('--seed must be a whole number from 0 to 4294967295') });
    expect(parseCliArgs(['--as-of', '2025-13-01', '--out', 'x'])).toMatchObject({ kind: 'invalid', message: expect.stringContaining('--as-of must be a date') });
    expect(parseCliArgs(['--residents', '10'])).toMatchObject({ kind: 'invalid', message: expect.stringContaining('--out is required') });
    expect(parseCliArgs(['--colour', 'blue'])).toMatchObject({ kind: 'invalid', message: expect.stringContaining('Usage:') });
  });

  it('accepts good flags and fills in the defaults', () => {
    expect(parseCliArgs(['--residents', '320000', '--seed', '20201', '--out', '/tmp/t.ndjson'])).toEqual({
      kind: 'run',
      out: '/tmp/t.ndjson',
      options: { seed: 20201, residents: 320_000 },
    });
    expect(parseCliArgs(['--out', 'a.ndjson', '--as-of', '2026-01-05'])).toEqual({
      kind: 'run',
      out: 'a.ndjson',
      options: { seed: 20201, residents: 2_000, asOf: '2026-01-05' },
    });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });
});

describe('training CLI run', () => {
  it('exits 2 with the rule on stderr for a bad flag, writing nothing', () => {
    const out = join(work, 'never.ndjson');
    const result = runCli(['--residents', '0', '--out', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--residents must be a whole number from 1 to 320000');
    expect(() => readFileSync(out)).toThrow();
  });

  it('writes a header line and one line per resident, matching the stream, and prints one summary line', () => {
    const out = join(work, 'small.ndjson');
    const result = runCli(['--residents', '25', '--seed', '9', '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^Wrote 25 residents, \d+ households, .* to .*small\.ndjson \(seed 9\)/);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(26);
    expect(JSON.parse(lines[0] ?? '')).toEqual({ kind: 'header', ...trainingDataHeader({ seed: 9, residents: 25 }) });
    const bundles = lines.slice(1).map((line) => JSON.parse(line) as { kind: string; bundle: unknown });
    expect(bundles.every((b) => b.kind === 'resident')).toBe(true);
    expect(bundles.map((b) => b.bundle)).toEqual([...streamTrainingData({ seed: 9, residents: 25 })]);
  });
});
