import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseCliArgs, USAGE } from './cli-args';
import { writeTrainingNdjson } from './ndjson';

/**
 * Writes synthetic training data to an NDJSON file and prints one summary line:
 *   tsx main/core/training/cli.ts --residents 320000 --seed 20201 --out /tmp/training.ndjson
 * Exit codes: 0 written, 1 could not write, 2 the flags were wrong.
 */
async function main(argv: readonly string[]): Promise<number> {
  const request = parseCliArgs(argv);
  if (request.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (request.kind === 'invalid') {
    process.stderr.write(`${request.message}\n`);
    return 2;
  }
  const started = performance.now();
  const out = createWriteStream(request.out);
  try {
    const summary = await writeTrainingNdjson(out, request.options);
    out.end();
    await finished(out);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const counts = Object.entries(summary)
      .map(([name, count]) => `${count} ${name}`)
      .join(', ');
    process.stdout.write(`Wrote ${counts} to ${request.out} (seed ${request.options.seed}) in ${seconds} s.\n`);
    return 0;
  } catch (error) {
    out.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Could not write training data to ${request.out}: ${reason}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
