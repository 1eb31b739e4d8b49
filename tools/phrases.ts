/**
 * The translator's workflow, no developer needed:
 *
 *   npm run phrases:export -- --language ti --format csv --out tigrinya.csv    (or --format xliff)
 *   npm run phrases:import -- --file tigrinya.csv                              (format from the extension: .csv, .xlf, .xliff)
 *   npm run phrases:reconcile                                                  (after an edit to en.json)
 *
 * Import checks the merged pack with the same checks as `npm run phrases:check` and writes
 * nothing if any fails (a lost placeholder, say), naming each problem.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkPack, reconcile } from '../main/core/languages/phrase-check';
import { csvToImport, mergeImport, packToCsv, packToXliff, PhraseFileError, xliffToImport } from '../main/core/languages/phrase-files';
import { loadPhraseLibrary } from '../main/core/languages/phrase-library';
import type { PhrasePack } from '../shared/languages/phrases';

const resources = path.resolve(import.meta.dirname, '../resources');
const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({ args: rest, options: { language: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, file: { type: 'string' } } });
const today = new Date().toISOString().slice(0, 10);
const writePack = (file: string, pack: PhrasePack) => writeFile(file, `${JSON.stringify(pack, null, 2)}\n`, 'utf8');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const library = await loadPhraseLibrary(resources);

try {
  if (command === 'export') {
    const language = values.language ?? fail('Name the language: --language ti');
    const format = values.format ?? fail('Name the format: --format csv or --format xliff');
    const pack = library.packs.get(language) ?? fail(`There is no pack for "${language}" in resources/phrases. Packs: ${[...library.packs.keys()].join(', ')}.`);
    if (format !== 'csv' && format !== 'xliff') fail(`--format must be csv or xliff, not "${format}".`);
    const out = values.out ?? `phrases-${language}.${format === 'csv' ? 'csv' : 'xlf'}`;
    await writeFile(out, format === 'csv' ? packToCsv(library.source, pack) : packToXliff(library.source, pack), 'utf8');
    console.log(`Wrote ${pack.phrases.length} ${language} phrases to ${out} (${format === 'csv' ? 'CSV, UTF-8 with BOM' : 'XLIFF 2.0'}).`);
  } else if (command === 'import') {
    const file = values.file ?? fail('Name the file: --file tigrinya.csv');
    const extension = path.extname(file).toLowerCase();
    const text = await readFile(file, 'utf8');
    const imported = extension === '.csv' ? csvToImport(text) : extension === '.xlf' || extension === '.xliff' ? xliffToImport(text) : fail(`Cannot tell the format of ${file}: use .csv, .xlf or .xliff.`);
    const pack = library.packs.get(imported.language) ?? fail(`There is no pack for "${imported.language}" yet: ask a developer to add resources/phrases/${imported.language}.json with its script and direction.`);
    const merged = mergeImport(library.source, pack, imported);
    const problems = checkPack(library.source, merged.pack).filter((problem) => problem.severity === 'failure');
    if (problems.length) {
      for (const problem of problems) console.error(`FAIL ${file} ${problem.phraseId ?? ''}: ${problem.message}`);
      fail(`Nothing was imported: correct ${problems.length === 1 ? 'this' : `these ${problems.length} problems`} in ${file} and import it again.`);
    }
    for (const note of merged.notes) console.log(note);
    await writePack(library.files.get(imported.language) as string, merged.pack);
    console.log(`Imported ${imported.phrases.length} ${imported.language} phrases from ${file}.`);
  } else if (command === 'reconcile') {
    let total = 0;
    for (const [language, pack] of library.packs) {
      const { pack: reconciled, reset } = reconcile(library.source, pack, today);
      if (reset.length === 0) continue;
      total += reset.length;
      await writePack(library.files.get(language) as string, reconciled);
      console.log(`${language}: back to draft, the English changed: ${reset.join(', ')}`);
    }
    console.log(`${total} phrase${total === 1 ? '' : 's'} reset to draft.`);
  } else {
    fail('Use: phrases.ts export --language ti --format csv|xliff [--out file] | import --file file | reconcile');
  }
} catch (error) {
  if (error instanceof PhraseFileError) fail(`${values.file ?? ''}: ${error.message}`);
  throw error;
}
