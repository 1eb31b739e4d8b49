import type { InterpreterLine } from '../../../shared/languages/interpreting';
import type { LoadedConfig } from '../config/deployment-config';

/**
 * Training mode's interpreting lines: a made-up supplier, a number in Ofcom's drama range
 * (020 7946 0xxx, never a real line) and a made-up access code. Sign languages use the video line.
 */
export const TRAINING_INTERPRETER_LINES: readonly InterpreterLine[] = [
  {
    supplierId: 'languageline',
    supplierName: 'Borough Language Line (training)',
    phone: '020 7946 0472',
    accessCode: 'TRAIN-4821',
    department: 'Customer Contact Centre',
    kind: 'telephone',
  },
  {
    supplierId: 'languageline',
    supplierName: 'Borough Language Line BSL video (training)',
    phone: '020 7946 0473',
    accessCode: 'TRAIN-4821-BSL',
    department: 'Customer Contact Centre',
    kind: 'video',
  },
];

/** The interpreting lines this workstation offers: the deployment file's, or training's. */
export function interpreterLines(config: LoadedConfig): InterpreterLine[] {
  if (config.mode === 'training') return TRAINING_INTERPRETER_LINES.map((line) => ({ ...line }));
  if (config.mode === 'live') return config.config.interpreterLines.map((line) => ({ ...line }));
  return [];
}
