/**
 * The table of languages CivicDesk can name: every language CLDR names, merged with the
 * council's own labels. Built in Node at build time (`npm run languages:build`, from the
 * cldr-localenames-full and cldr-core packages) into resources/languages.json, because
 * Chromium's trimmed ICU names far fewer languages than CLDR does.
 */
export type WritingDirection = 'ltr' | 'rtl';

/** Where the language is mostly spoken, for grouping the "point to your language" view. */
export type WorldRegion = 'africa' | 'americas' | 'asia' | 'europe' | 'middle-east' | 'oceania' | 'sign-languages';

export interface LanguageEntry {
  /** BCP-47: 'ti', 'syl' (Sylheti is not Bengali), 'bfi' (British Sign Language), 'ckb'. */
  code: string;
  /** The label staff and residents in the borough use: the council's overlay, else CLDR's English name. */
  englishName: string;
  /** CLDR's English name when it differs from the council's label ('Bangla' for Bengali), else null. */
  cldrEnglishName: string | null;
  /** The language's name in itself, or null where no verified one is known: the view says so. */
  autonym: string | null;
  autonymSource: 'cldr' | 'council' | null;
  /** ISO 15924 script the autonym and phrases are written in: 'Ethi', 'Arab', 'Latn'; 'Sgnw' never: sign languages have 'Zxxx'. */
  script: string;
  /** From the script (cldr-core scriptMetadata), never from Intl or a guess. */
  direction: WritingDirection;
  region: WorldRegion;
  /** Other names residents or suppliers use, for search: 'Bangla', 'Somali (Maxaa)'. */
  aliases: string[];
  /** Each interpreting supplier's own name for the language, by supplier id from configuration. */
  supplierNames: Record<string, string>;
}

export interface LanguageTable {
  /** The CLDR version the table was built from, and when. */
  builtFrom: { cldr: string; builtOn: string };
  languages: LanguageEntry[];
}
