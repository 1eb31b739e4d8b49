import type { IsoDate } from '../domain/dates';
import type { WritingDirection } from './language-table';

/**
 * Phrase packs: short prompts for phone and face-to-face encounters, one pack per language
 * in resources/phrases/<code>.json, with the English source in resources/phrases/en.json.
 * Each translation carries its review status and a hash of the English it was made from, so
 * an edit to the English puts the translation back to 'draft' until it is checked again.
 */
export type PhraseStatus = 'draft' | 'machine' | 'translated' | 'reviewed' | 'approved' | 'withdrawn';

/** Checked by a qualified translator: shown to residents without the "not checked" notice. */
export const REVIEWED_STATUSES: readonly PhraseStatus[] = ['reviewed', 'approved'];

export const PHRASE_STATUSES: readonly PhraseStatus[] = ['draft', 'machine', 'translated', 'reviewed', 'approved', 'withdrawn'];

export const PHRASE_ORIGINS: readonly PhraseTranslation['origin'][] = ['translator', 'machine', 'community', 'council-staff'];

export interface SourcePhrase {
  /** Stable id: 'getting-interpreter', 'reference-number'. */
  id: string;
  english: string;
  /** Where the prompt is used. */
  use: 'phone' | 'face-to-face' | 'both';
  /** Placeholders in the English, like '{reference}' and '{days}': every translation keeps them all. */
  placeholders: string[];
}

/** The English source, resources/phrases/en.json. */
export interface PhraseSource {
  phrases: SourcePhrase[];
}

export interface PhraseTranslation {
  id: string;
  text: string;
  status: PhraseStatus;
  /** How the text was made: by a translator, by machine translation, or by someone else to be checked. */
  origin: 'translator' | 'machine' | 'community' | 'council-staff';
  translator: string | null;
  reviewer: string | null;
  /** When the status last changed. */
  date: IsoDate | null;
  /** SHA-256 (hex) of the English source this translates; a different hash means the English changed since. */
  sourceHash: string;
}

export interface PhrasePack {
  /** BCP-47, matching the language table. */
  language: string;
  script: string;
  direction: WritingDirection;
  /** Anything a translator or reviewer should know about the pack (Sylheti written in Bengali script, say). */
  note?: string;
  phrases: PhraseTranslation[];
}

/** One phrase as shown to a resident: the text with `lang` and `dir` set, and whether it has been checked. */
export interface ShownPhrase {
  id: string;
  english: string;
  text: string;
  reviewed: boolean;
  status: PhraseStatus;
}

/** What the customer-facing view gets for a language. */
export interface PhraseBook {
  language: string;
  script: string;
  direction: WritingDirection;
  /** Only what the council's setting allows: unreviewed phrases are left out when it says so. */
  phrases: ShownPhrase[];
  showUnreviewed: boolean;
}
