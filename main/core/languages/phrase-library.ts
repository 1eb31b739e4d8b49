import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LanguageTable } from '../../../shared/languages/language-table';
import { REVIEWED_STATUSES, type PhraseBook, type PhrasePack, type PhraseSource, type ShownPhrase } from '../../../shared/languages/phrases';
import { checkPack, checkSource, type PhraseProblem } from './phrase-check';

export interface PhraseLibrary {
  source: PhraseSource;
  /** By language code, as loaded (a pack with failures is kept, but its failing phrases are not shown). */
  packs: Map<string, PhrasePack>;
  /** Where each pack was read from, for messages. */
  files: Map<string, string>;
  problems: PhraseProblem[];
  /** Whether resources/languages.json was there to check scripts and directions against. */
  checkedAgainstTable: boolean;
  /** Script and direction by language code, from the language table when it is there. */
  writing?: Map<string, { script: string; direction: 'ltr' | 'rtl' }>;
}

/**
 * Reads resources/phrases/en.json and every <code>.json beside it, and checks each pack. Used
 * by the app on first use and by `npm run phrases:check`, so both apply the same checks. The
 * language table (resources/languages.json) is used when present and skipped when not.
 */
export async function loadPhraseLibrary(resourcesDir: string): Promise<PhraseLibrary> {
  const folder = path.join(resourcesDir, 'phrases');
  const source = JSON.parse(await readFile(path.join(folder, 'en.json'), 'utf8')) as PhraseSource;
  const table = await readLanguageTable(resourcesDir);
  const problems: PhraseProblem[] = [...checkSource(source)];
  const packs = new Map<string, PhrasePack>();
  const files = new Map<string, string>();
  const names = (await readdir(folder)).filter((file) => file.endsWith('.json') && file !== 'en.json').sort();
  for (const name of names) {
    const code = name.slice(0, -'.json'.length);
    let pack: PhrasePack;
    try {
      pack = JSON.parse(await readFile(path.join(folder, name), 'utf8')) as PhrasePack;
    } catch (error) {
      problems.push({ severity: 'failure', language: code, phraseId: null, message: `${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    if (pack.language !== code) {
      problems.push({ severity: 'failure', language: code, phraseId: null, message: `${name} says its language is "${String(pack.language)}": the file name must be the language code.` });
      continue;
    }
    if (!Array.isArray(pack.phrases)) {
      problems.push({ severity: 'failure', language: code, phraseId: null, message: `${name} has no "phrases" list.` });
      continue;
    }
    packs.set(code, pack);
    files.set(code, path.join(folder, name));
    problems.push(...checkPack(source, pack, table));
  }
  const writing = new Map((table?.languages ?? []).map((entry) => [entry.code, { script: entry.script, direction: entry.direction }]));
  return { source, packs, files, problems, checkedAgainstTable: table !== null, writing };
}

async function readLanguageTable(resourcesDir: string): Promise<LanguageTable | null> {
  try {
    return JSON.parse(await readFile(path.join(resourcesDir, 'languages.json'), 'utf8')) as LanguageTable;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * What a resident is shown in a language: each phrase with its English, in en.json's order.
 * Left out: withdrawn phrases, drafts (not yet translated from today's English), phrases
 * that fail the check (a lost placeholder, stale English), and, when the council's
 * showUnreviewedPhrases setting is off, everything not reviewed or approved.
 * A language with no pack gets an empty book, written as the language table says (script
 * 'Zyyy', undetermined, when the table does not know it): the agent then calls an interpreter.
 */
export function phraseBook(library: PhraseLibrary, language: string, showUnreviewed: boolean): PhraseBook {
  const pack = library.packs.get(language);
  if (!pack) return { language, script: library.writing?.get(language)?.script ?? 'Zyyy', direction: library.writing?.get(language)?.direction ?? 'ltr', phrases: [], showUnreviewed };
  const failing = new Set(library.problems.filter((each) => each.language === language && each.severity === 'failure').map((each) => each.phraseId));
  const translations = new Map(pack.phrases.map((phrase) => [phrase.id, phrase]));
  const phrases: ShownPhrase[] = [];
  if (!failing.has(null)) {
    for (const english of library.source.phrases) {
      const phrase = translations.get(english.id);
      if (!phrase || failing.has(phrase.id) || phrase.status === 'withdrawn' || phrase.status === 'draft') continue;
      const reviewed = REVIEWED_STATUSES.includes(phrase.status);
      if (!reviewed && !showUnreviewed) continue;
      phrases.push({ id: phrase.id, english: english.english, text: phrase.text, reviewed, status: phrase.status });
    }
  }
  return { language, script: pack.script, direction: pack.direction, phrases, showUnreviewed };
}
