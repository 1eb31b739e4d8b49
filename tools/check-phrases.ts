/**
 * `npm run phrases:check`: every phrase pack in resources/phrases is checked against the
 * English source (en.json): known ids, every placeholder kept, known statuses, reviewed
 * phrases with a reviewer, no text changed in English since it was translated, and script and
 * direction as the language table says (when resources/languages.json exists). Failures fail
 * the run; warnings (drafts, untranslated phrases) are listed and pass.
 */
import path from 'node:path';
import { loadPhraseLibrary } from '../main/core/languages/phrase-library';

const resources = path.resolve(import.meta.dirname, '../resources');
const library = await loadPhraseLibrary(resources);

for (const problem of library.problems) {
  const file = problem.language === 'en' ? 'resources/phrases/en.json' : `resources/phrases/${problem.language}.json`;
  console.log(`${problem.severity === 'failure' ? 'FAIL' : 'warn'} ${file}${problem.phraseId ? ` ${problem.phraseId}` : ''}: ${problem.message}`);
}
if (!library.checkedAgainstTable) console.log('note resources/languages.json is not there yet: scripts and directions were not compared with the language table.');

const phrases = [...library.packs.values()].flatMap((pack) => pack.phrases);
const count = (statuses: string[]) => phrases.filter((phrase) => statuses.includes(phrase.status)).length;
const failures = library.problems.filter((problem) => problem.severity === 'failure').length;
const warnings = library.problems.length - failures;
console.log(
  `${library.packs.size} packs, ${phrases.length} phrases: ${failures} problem${failures === 1 ? '' : 's'}` +
    `${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}` +
    ` (${count(['machine'])} machine, ${count(['reviewed', 'approved'])} reviewed` +
    `${count(['translated']) ? `, ${count(['translated'])} translated` : ''}${count(['draft']) ? `, ${count(['draft'])} draft` : ''}${count(['withdrawn']) ? `, ${count(['withdrawn'])} withdrawn` : ''})`,
);
process.exitCode = failures > 0 || library.packs.size === 0 ? 1 : 0;
