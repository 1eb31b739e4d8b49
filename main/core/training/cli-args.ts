import { parseArgs } from 'node:util';
import { AS_OF_RULE, DEFAULT_RESIDENTS, DEFAULT_SEED, RESIDENTS_RULE, SEED_RULE, isValidAsOf, isValidResidents, isValidSeed } from './options';
import type { TrainingOptions } from './options';

/**
 * The command line's flags, checked before any work starts, with messages that say what
 * to type instead. Kept apart from cli.ts so tests can call it without starting a run.
 */
export const USAGE = [
  'Usage: tsx main/core/training/cli.ts --out FILE [--residents N] [--seed N] [--as-of YYYY-MM-DD]',
  `  --out        where to write the NDJSON file (required)`,
  `  --residents  how many residents, 1 to 320000 (default ${DEFAULT_RESIDENTS})`,
  `  --seed       any whole number 0 to 4294967295; the same seed writes the same file (default ${DEFAULT_SEED})`,
  '  --as-of      the day the data is as of (default: a day fixed by the seed)',
].join('\n');

export type CliRequest =
  | { kind: 'run'; out: string; options: Required<Pick<TrainingOptions, 'seed' | 'residents'>> & TrainingOptions }
  | { kind: 'help' }
  | { kind: 'invalid'; message: string };

const VALUE_FLAGS = new Set(['--residents', '--seed', '--out', '--as-of']);

/**
 * '--residents -5' would otherwise be refused as an ambiguous option; joining each flag to
 * its value lets the range check give its own, clearer message.
 */
function joinFlagValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const value = argv[i + 1];
    if (VALUE_FLAGS.has(arg) && value !== undefined) {
      joined.push(`${arg}=${value}`);
      i += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

function wholeNumber(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

export function parseCliArgs(argv: readonly string[]): CliRequest {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinFlagValues(argv),
      strict: true,
      allowPositionals: false,
      options: {
        residents: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        'as-of': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'invalid', message: `${reason}\n${USAGE}` };
  }
  if (values.help) return { kind: 'help' };
  const residents = values.residents === undefined ? DEFAULT_RESIDENTS : wholeNumber(values.residents);
  if (!isValidResidents(residents)) return { kind: 'invalid', message: `--residents ${RESIDENTS_RULE} (got "${values.residents}").` };
  const seed = values.seed === undefined ? DEFAULT_SEED : wholeNumber(values.seed);
  if (!isValidSeed(seed)) return { kind: 'invalid', message: `--seed ${SEED_RULE} (got "${values.seed}").` };
  const asOf = values['as-of'];
  if (asOf !== undefined && !isValidAsOf(asOf)) return { kind: 'invalid', message: `--as-of ${AS_OF_RULE} (got "${asOf}").` };
  if (!values.out) return { kind: 'invalid', message: `--out is required: name the file to write, for example --out /tmp/training.ndjson.` };
  return { kind: 'run', out: values.out, options: { seed, residents, ...(asOf ? { asOf } : {}) } };
}
