/**
 * Looking languages up in the language table: by code, by what someone types, and grouped by
 * world region for the "point to your language" view. Pure, no Intl.DisplayNames: the table
 * (resources/languages.json) already holds every name.
 */
import type { LanguageEntry, LanguageTable, WorldRegion } from './language-table';

/** The order regions are shown in; sign languages last, as their own group. */
export const WORLD_REGION_ORDER: readonly WorldRegion[] = ['africa', 'americas', 'asia', 'europe', 'middle-east', 'oceania', 'sign-languages'];

const codeIndexes = new WeakMap<LanguageTable, Map<string, LanguageEntry>>();
/** Each entry's names, normalised once per table: search runs on every keystroke. */
interface IndexedName {
  name: string;
  words: string[];
}
const nameIndexes = new WeakMap<LanguageTable, IndexedName[][]>();

/**
 * The entry for a BCP-47 tag, ignoring case and '_' for '-': 'ti', 'SYL', 'en-GB' → 'en',
 * 'zh-Hant-HK' → 'zh-Hant' if the table has it, else 'zh'. Null when nothing matches.
 */
export function languageByCode(table: LanguageTable, code: string): LanguageEntry | null {
  let byCode = codeIndexes.get(table);
  if (!byCode) {
    byCode = new Map(table.languages.map((entry) => [entry.code.toLowerCase(), entry]));
    codeIndexes.set(table, byCode);
  }
  const subtags = code.trim().replace(/_/g, '-').toLowerCase().split('-').filter(Boolean);
  for (let length = subtags.length; length > 0; length -= 1) {
    const entry = byCode.get(subtags.slice(0, length).join('-'));
    if (entry) return entry;
  }
  return null;
}

/** Letters that do not decompose into a base letter and an accent. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ŋ: 'n', ɛ: 'e', ɔ: 'o' };

/**
 * Case- and accent-insensitive form for matching: 'Yorùbá' → 'yoruba', 'Kurdish (Sorani)' →
 * 'kurdish sorani'. Only Latin/Greek/Cyrillic combining accents are dropped; the marks other
 * scripts need (Thaana's vowels, Devanagari's signs) are kept.
 */
export function normaliseLanguageName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[łøđðþßæœıŋɛɔ]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
    .replace(/[ʼʻ’'`]/g, '')
    .replace(/[\s(),.;:/\\\-–—_"“”]+/g, ' ')
    .trim();
}

const englishOrder = new Intl.Collator('en');

/** Lower is better: the whole name, the name's start, a word's start, anywhere. */
const Rank = { Exact: 0, NameStart: 1, WordStart: 2, Anywhere: 3 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

function searchableNames(table: LanguageTable): IndexedName[][] {
  let names = nameIndexes.get(table);
  if (!names) {
    names = table.languages.map((entry) =>
      [entry.englishName, entry.cldrEnglishName, entry.autonym, ...entry.aliases, ...Object.values(entry.supplierNames)]
        .filter((name): name is string => !!name)
        .map((raw) => {
          const name = normaliseLanguageName(raw);
          return { name, words: name.split(' ') };
        }),
    );
    nameIndexes.set(table, names);
  }
  return names;
}

function rankName({ name, words }: IndexedName, query: string, queryWords: readonly string[]): Rank | null {
  if (name === query) return Rank.Exact;
  if (name.startsWith(query)) return Rank.NameStart;
  if (queryWords.every((queryWord) => words.some((word) => word.startsWith(queryWord)))) return Rank.WordStart;
  if (name.includes(query)) return Rank.Anywhere;
  return null;
}

/**
 * Languages whose English label, CLDR name, autonym, aliases or a supplier's name match what
 * was typed, ignoring case and accents: 'bangla', 'ትግርኛ', 'sorani', 'yoruba' for Yorùbá.
 * Whole-name and prefix matches of words come first, then matches inside a word; ties by
 * English label. An empty query gives every language, by English label.
 */
export function searchLanguages(table: LanguageTable, query: string): LanguageEntry[] {
  const wanted = normaliseLanguageName(query);
  const byLabel = (a: LanguageEntry, b: LanguageEntry) => englishOrder.compare(a.englishName, b.englishName) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  if (!wanted) return [...table.languages].sort(byLabel);
  const queryWords = wanted.split(' ');
  const names = searchableNames(table);
  const found: { entry: LanguageEntry; rank: Rank }[] = [];
  table.languages.forEach((entry, index) => {
    let best: Rank | null = null;
    for (const name of names[index] ?? []) {
      const rank = rankName(name, wanted, queryWords);
      if (rank !== null && (best === null || rank < best)) best = rank;
      if (best === Rank.Exact) break;
    }
    if (best !== null) found.push({ entry, rank: best });
  });
  return found.sort((a, b) => a.rank - b.rank || byLabel(a.entry, b.entry)).map((each) => each.entry);
}

export interface RegionGroup {
  region: WorldRegion;
  languages: LanguageEntry[];
}

/** Entries grouped by world region, in WORLD_REGION_ORDER, keeping their order within a group; empty regions are left out. */
export function groupByRegion(entries: readonly LanguageEntry[]): RegionGroup[] {
  const groups = new Map<WorldRegion, LanguageEntry[]>(WORLD_REGION_ORDER.map((region) => [region, []]));
  for (const entry of entries) groups.get(entry.region)?.push(entry);
  return WORLD_REGION_ORDER.flatMap((region) => {
    const languages = groups.get(region) ?? [];
    return languages.length > 0 ? [{ region, languages }] : [];
  });
}
