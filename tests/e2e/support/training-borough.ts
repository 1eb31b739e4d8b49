import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResidentBundle, TrainingDataHeader } from '../../../main/core/training/types';

/**
 * The browser host generates the default training borough dated today; the tests make the
 * same one (same seed, size and day) with the project's own command line, to know whom to
 * look for. (Run as a separate process: Playwright's loader cannot import the JSON word lists.)
 */
export function trainingBorough(): { header: TrainingDataHeader; bundles: ResidentBundle[] } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'civicdesk-e2e-')), 'borough.ndjson');
  const today = new Date().toISOString().slice(0, 10);
  execFileSync(process.execPath, ['--import', 'tsx', 'main/core/training/cli.ts', '--out', file, '--as-of', today], { stdio: 'ignore' });
  const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { kind: string } & Record<string, unknown>);
  const header = lines.find((line) => line.kind === 'header') as unknown as TrainingDataHeader;
  const bundles = lines.filter((line) => line.kind === 'resident').map((line) => line.bundle as ResidentBundle);
  return { header, bundles };
}
