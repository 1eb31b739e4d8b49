import { createHash } from 'node:crypto';
import type { LanguageTable } from '../../../shared/languages/language-table';
import { PHRASE_ORIGINS, PHRASE_STATUSES, REVIEWED_STATUSES, type PhrasePack, type PhraseSource, type PhraseTranslation } from '../../../shared/languages/phrases';

/**
 * Checks phrase packs against the English source, and brings them back in line after an edit
 * to the English.
 *
 * The rule for an English edit (`reconcile`): a translation whose sourceHash is not the hash
 * of today's English was made from older English. Reconcile puts it back to 'draft', records
 * the new hash and keeps the old text for the translator to start from; the date becomes the
 * day of the reset. Drafts are never shown to residents, and the check reports each one as a
 * warning ("needs translating again"), not a failure. A stale hash that has *not* been
 * reconciled is a failure: nobody has yet said the translation is out of date.
 */

export interface PhraseProblem {
  /** 'failure' stops `npm run phrases:check`; 'warning' is reported and counted but passes. */
  severity: 'failure' | 'warning';
  language: string;
  /** The phrase concerned, or null for the pack as a whole. */
  phraseId: string | null;
  /** What is wrong and what to do about it. */
  message: string;
}

/** SHA-256 (hex) of the English text exactly as written (UTF-8, no trimming). */
export function sourceHash(english: string): string {
  return createHash('sha256').update(english, 'utf8').digest('hex');
}

/** The `{name}` placeholders in a text, each once, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(text.match(/\{[A-Za-z][A-Za-z0-9_]*\}/g) ?? [])];
}

/** Checks the English source itself: unique ids, placeholders listed exactly as they appear. */
export function checkSource(source: PhraseSource): PhraseProblem[] {
  const problems: PhraseProblem[] = [];
  const seen = new Set<string>();
  const problem = (phraseId: string | null, message: string) => problems.push({ severity: 'failure', language: 'en', phraseId, message });
  if (source.phrases.length === 0) problem(null, 'The English source has no phrases.');
  for (const phrase of source.phrases) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(phrase.id)) problem(phrase.id, 'The id must be lower-case words joined by hyphens, like "reference-number".');
    if (seen.has(phrase.id)) problem(phrase.id, 'This id is used twice in en.json.');
    seen.add(phrase.id);
    if (phrase.english.trim() === '') problem(phrase.id, 'The English text is empty.');
    if (!['phone', 'face-to-face', 'both'].includes(phrase.use)) problem(phrase.id, `"use" must be phone, face-to-face or both, not "${phrase.use}".`);
    const found = placeholdersIn(phrase.english);
    if (found.length !== phrase.placeholders.length || found.some((each) => !phrase.placeholders.includes(each))) {
      problem(phrase.id, `"placeholders" must list exactly the placeholders in the English: ${found.length ? found.join(', ') : 'none'}.`);
    }
  }
  return problems;
}

/**
 * Everything wrong with one pack. The language table is optional: when
 * resources/languages.json is not there (or does not list the language) the script and
 * direction are not compared with it.
 */
export function checkPack(source: PhraseSource, pack: PhrasePack, table?: LanguageTable | null): PhraseProblem[] {
  const problems: PhraseProblem[] = [];
  const failure = (phraseId: string | null, message: string) => problems.push({ severity: 'failure', language: pack.language, phraseId, message });
  const warning = (phraseId: string | null, message: string) => problems.push({ severity: 'warning', language: pack.language, phraseId, message });

  if (pack.direction !== 'ltr' && pack.direction !== 'rtl') failure(null, `"direction" must be ltr or rtl, not "${String(pack.direction)}".`);
  if (!/^[A-Z][a-z]{3}$/.test(pack.script)) failure(null, `"script" must be an ISO 15924 code like Latn, Arab or Ethi, not "${pack.script}".`);
  if (table) {
    const entry = table.languages.find((each) => each.code === pack.language);
    if (!entry) warning(null, `The language table (resources/languages.json) has no "${pack.language}": check the code, or add the language to the table.`);
    else {
      if (entry.script !== pack.script) failure(null, `The language table writes ${pack.language} in ${entry.script}, the pack says ${pack.script}: make them agree.`);
      if (entry.direction !== pack.direction) failure(null, `The language table says ${pack.language} is ${entry.direction}, the pack says ${pack.direction}: make them agree.`);
    }
  }

  const english = new Map(source.phrases.map((phrase) => [phrase.id, phrase]));
  const seen = new Set<string>();
  for (const phrase of pack.phrases) {
    const id = phrase.id;
    if (seen.has(id)) failure(id, 'This phrase is in the pack twice: keep one.');
    seen.add(id);
    const original = english.get(id);
    if (!original) {
      failure(id, 'No phrase in en.json has this id: it was renamed or removed there. Remove it from the pack, or rename it to match.');
      continue;
    }
    if (!PHRASE_STATUSES.includes(phrase.status)) {
      failure(id, `Unknown status "${String(phrase.status)}": use one of ${PHRASE_STATUSES.join(', ')}.`);
      continue;
    }
    if (!PHRASE_ORIGINS.includes(phrase.origin)) failure(id, `Unknown origin "${String(phrase.origin)}": use one of ${PHRASE_ORIGINS.join(', ')}.`);
    if (phrase.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(phrase.date)) failure(id, `The date must be YYYY-MM-DD, not "${phrase.date}".`);
    if (phrase.status === 'withdrawn') continue; // never shown: its text and hash no longer matter
    if (phrase.text.trim() === '') {
      failure(id, 'The translation is empty: translate it, or set the status to withdrawn.');
      continue;
    }
    if (REVIEWED_STATUSES.includes(phrase.status) && !phrase.reviewer?.trim()) {
      failure(id, `Marked ${phrase.status} but no reviewer is named: name the qualified translator who checked it, or set the status back to translated.`);
    }
    const found = placeholdersIn(phrase.text);
    const missing = original.placeholders.filter((each) => !found.includes(each));
    const extra = found.filter((each) => !original.placeholders.includes(each));
    if (missing.length) failure(id, `The translation has lost ${missing.join(', ')}: put it back exactly as written (it is filled in by CivicDesk, not translated).`);
    if (extra.length) failure(id, `The translation has ${extra.join(', ')}, which the English does not: remove it, or correct its spelling to one of ${original.placeholders.join(', ') || '(none)'}.`);
    if (phrase.sourceHash !== sourceHash(original.english)) {
      failure(id, 'The English has changed since this was translated: run `npm run phrases:reconcile`, then have it translated again.');
    } else if (phrase.status === 'draft') {
      warning(id, 'Draft: needs translating (again) and is not shown to residents until it is.');
    }
  }
  for (const phrase of source.phrases) {
    if (!seen.has(phrase.id)) warning(phrase.id, 'Not translated yet: not shown in this language.');
  }
  return problems;
}

/**
 * Brings a pack in line with the English after an edit: every translation whose English
 * changed goes back to 'draft' with the new hash (its old text kept to start from). Withdrawn
 * phrases and current ones are left as they are. Returns a new pack and the ids it reset.
 */
export function reconcile(source: PhraseSource, pack: PhrasePack, today: string): { pack: PhrasePack; reset: string[] } {
  const hashes = new Map(source.phrases.map((phrase) => [phrase.id, sourceHash(phrase.english)]));
  const reset: string[] = [];
  const phrases = pack.phrases.map((phrase): PhraseTranslation => {
    const hash = hashes.get(phrase.id);
    if (hash === undefined || hash === phrase.sourceHash || phrase.status === 'withdrawn') return phrase;
    reset.push(phrase.id);
    return { ...phrase, status: 'draft', reviewer: null, date: today, sourceHash: hash };
  });
  return { pack: { ...pack, phrases }, reset };
}
