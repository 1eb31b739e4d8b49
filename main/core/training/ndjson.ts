import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { addToSummary, emptySummary, streamTrainingData, trainingDataHeader } from './generator';
import type { TrainingOptions } from './options';
import type { TrainingDataSummary } from './types';

/**
 * Training data as NDJSON: a first line `{"kind":"header",...}` with the seed,
 * generatedAt and staff, then one `{"kind":"resident","bundle":{...}}` line per resident.
 * Lines are gathered into chunks and the stream's back-pressure is honoured, so memory
 * stays flat however many residents are written.
 */
const CHUNK_LINES = 512;

export async function writeTrainingNdjson(out: Writable, options?: TrainingOptions): Promise<TrainingDataSummary> {
  const header = trainingDataHeader(options);
  const summary = emptySummary(header.staff.length);
  let lines: string[] = [JSON.stringify({ kind: 'header', ...header })];
  const flush = async (): Promise<void> => {
    // One join per chunk: far cheaper than growing a single string line by line.
    const text = `${lines.join('\n')}\n`;
    lines = [];
    if (!out.write(text)) await once(out, 'drain');
  };
  for (const bundle of streamTrainingData(options)) {
    addToSummary(summary, bundle);
    lines.push(JSON.stringify({ kind: 'resident', bundle }));
    if (lines.length >= CHUNK_LINES) await flush();
  }
  await flush();
  return summary;
}
