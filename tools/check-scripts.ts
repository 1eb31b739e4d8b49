/**
 * `npm run scripts:check`: every call script in resources/scripts parses, every step is
 * reachable, every path ends in an outcome, every variable is defined where it is used, and
 * every service standard and case category exists. The app applies the same checks at start.
 */
import path from 'node:path';
import { loadScriptLibrary } from '../main/core/call-scripts/script-library';
import { CASE_CATEGORIES } from '../shared/domain/case';
import { createStandardsRegistry } from '../shared/service-standards';

const folder = path.resolve(import.meta.dirname, '../resources/scripts');
const standards = new Set(createStandardsRegistry().all().map((standard) => standard.id));
const library = await loadScriptLibrary(folder, { standards, categories: new Set(CASE_CATEGORIES) });

for (const script of library.scripts) console.log(`ok   ${script.id} (version ${script.version}, ${script.steps.length} steps)`);
for (const problem of library.problems) console.log(`FAIL ${problem.script}${problem.step ? ` step ${problem.step}` : ''}: ${problem.message}`);
console.log(`${library.scripts.length} scripts passed, ${new Set(library.problems.map((problem) => problem.script)).size} failed`);
process.exitCode = library.problems.length > 0 || library.scripts.length === 0 ? 1 : 0;
