import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { checkScript, type CheckRules, type ScriptProblem } from '../../../shared/call-scripts/check';
import type { CallScript } from '../../../shared/call-scripts/schema';

export interface ScriptLibrary {
  scripts: CallScript[];
  /** Files that failed the checks: left out, so agents are never handed a broken script. */
  problems: ScriptProblem[];
}

/**
 * Reads every script in a folder (YAML or JSON). Used by the app at start-up and by
 * `npm run scripts:check`, so both apply exactly the same checks.
 */
export async function loadScriptLibrary(folder: string, rules: CheckRules): Promise<ScriptLibrary> {
  const files = (await readdir(folder)).filter((file) => /\.(ya?ml|json)$/.test(file)).sort();
  const scripts: CallScript[] = [];
  const problems: ScriptProblem[] = [];
  for (const file of files) {
    const name = path.basename(file).replace(/\.(ya?ml|json)$/, '');
    let source: unknown;
    try {
      source = parse(await readFile(path.join(folder, file), 'utf8'));
    } catch (error) {
      problems.push({ script: name, message: `The file could not be read as YAML: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    const checked = checkScript(name, source, rules);
    if (!checked.ok) {
      problems.push(...checked.problems);
      continue;
    }
    if (checked.script.id !== name) {
      problems.push({ script: name, message: `The file name must match the script id "${checked.script.id}".` });
      continue;
    }
    scripts.push(checked.script);
  }
  return { scripts, problems };
}
