/**
 * Generates resources/languages.json, the table of languages CivicDesk can name
 * (shared/languages/language-table.ts), from CLDR and the council's overlay.
 *
 *   npm run languages:build            writes the file
 *   npm run languages:build -- --check fails if the file on disk differs from what it would write
 *
 * Sources, all read from node_modules at build time (never Intl in the renderer: Chromium's
 * trimmed ICU names far fewer languages):
 * - cldr-localenames-full main/en/languages.json: every language CLDR names in English;
 * - cldr-localenames-full main/<code>/languages.json: the autonym, where CLDR has the locale;
 * - cldr-core supplemental/likelySubtags.json (and aliases.json for deprecated codes such as
 *   'tw' → 'ak'): each language's likely script and territory;
 * - cldr-core scriptMetadata.json: whether the script is right-to-left;
 * - cldr-core supplemental/territoryContainment.json: territory → UN M.49 region;
 * - resources/languages-overlay.json: the council's labels, aliases, verified autonyms and
 *   interpreting suppliers' names, and languages CLDR does not name (Sylheti, BSL, Dari, ...).
 *
 * The output depends only on those files: `builtOn` is the CLDR package's release date (from
 * the table below), not today, so a rebuild gives the same bytes. Every problem fails the
 * build loudly (non-zero exit, nothing written).
 */
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { LanguageEntry, LanguageTable, WorldRegion, WritingDirection } from '../shared/languages/language-table';

/**
 * When each cldr-core/cldr-localenames-full version was published on npm. `builtOn` comes from
 * here so the output never depends on the day it was built. Upgrading CLDR: add its date.
 */
const CLDR_RELEASE_DATES: Record<string, string> = {
  '48.2.0': '2026-03-25',
};

/** Codes CLDR names in English that are not languages; left out of the table. ('mis', "Uncoded languages", is not named in CLDR 48 but would be left out too.) */
export const NOT_LANGUAGES: Readonly<Record<string, string>> = {
  und: 'Unknown language',
  zxx: 'No linguistic content',
  mul: 'Multiple languages',
  mis: 'Uncoded languages',
};

/**
 * Languages CLDR names in English but gives no likely subtags for, even through an alias:
 * ancient and constructed languages. Script and territory from their ISO 639-3 records.
 */
const CLDR_GAPS: Readonly<Record<string, string>> = {
  crr: 'crr-Latn-US', // Carolina Algonquian
  elx: 'elx-Xsux-IR', // Elamite, written in cuneiform
  sux: 'sux-Xsux-IQ', // Sumerian, written in cuneiform
  tlh: 'tlh-Latn-001', // Klingon (constructed)
  zbl: 'zbl-Blis-001', // Blissymbols (constructed)
};

/** Scripts CLDR's scriptMetadata does not list, with their direction. Any other unknown script fails the build. */
const SCRIPTS_NOT_IN_METADATA: Readonly<Record<string, WritingDirection>> = {
  Zxxx: 'ltr', // unwritten: sign languages
  Latg: 'ltr', // Latin in Gaelic style (Middle Irish)
  Blis: 'ltr', // Blissymbols, written left to right
};

/**
 * Constructed languages (likely territory '001', the world) are placed where they were made:
 * the table has no "constructed" region.
 */
const CONSTRUCTED_LANGUAGE_REGIONS: Readonly<Record<string, WorldRegion>> = {
  avk: 'europe', // Kotava (France)
  eo: 'europe', // Esperanto (Poland)
  ia: 'europe', // Interlingua (IALA, drafted in the US and Europe; used mostly in Europe)
  io: 'europe', // Ido (France)
  jbo: 'americas', // Lojban (US)
  lfn: 'europe', // Lingua Franca Nova
  nov: 'europe', // Novial (Denmark)
  tlh: 'americas', // Klingon (US)
  tok: 'americas', // Toki Pona (Canada)
  vo: 'europe', // Volapük (Germany)
  zbl: 'americas', // Blissymbols (Blissymbolics Communication International, Canada)
};

/**
 * Territory → world region, a judgement on top of UN M.49:
 * - 'middle-east' is UN Western Asia (145) less the South Caucasus and Cyprus, plus Iran
 *   (UN: Southern Asia), plus North Africa (015) for languages written in Arabic script
 *   (Arabic and its dialects; Berber languages in Latin or Tifinagh and Coptic stay 'africa').
 * - Armenia, Azerbaijan, Georgia and Cyprus are 'europe' (members of the Council of Europe;
 *   where their speakers in the borough are likeliest to look).
 * - Afghanistan stays 'asia' (UN Southern Asia), so Pashto and Dari are under Asia.
 * - Otherwise the UN continent: 002 africa, 019 americas, 142 asia, 150 europe, 009 oceania.
 */
const CONTINENTS: Readonly<Record<string, WorldRegion>> = { '002': 'africa', '019': 'americas', '142': 'asia', '150': 'europe', '009': 'oceania' };
const WESTERN_ASIA = '145';
const NORTHERN_AFRICA = '015';
const EUROPE_NOT_MIDDLE_EAST = new Set(['AM', 'AZ', 'GE', 'CY']);
const MIDDLE_EAST_OUTSIDE_WESTERN_ASIA = new Set(['IR']);

const WORLD_REGIONS = ['africa', 'americas', 'asia', 'europe', 'middle-east', 'oceania', 'sign-languages'] as const satisfies readonly WorldRegion[];

const overlayEntrySchema = z.strictObject({
  code: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/),
  /** The council's label; required when CLDR does not name the language. */
  englishName: z.string().min(1).optional(),
  aliases: z.array(z.string().min(1)).optional(),
  /** A council-verified autonym (autonymSource 'council'), or null to say none is verified. */
  autonym: z.string().min(1).nullable().optional(),
  /** Take the autonym from another CLDR locale: Dari's is not in CLDR's 'prs', Shahmukhi Punjabi's is in 'pa-Arab'. */
  cldrAutonym: z.strictObject({ locale: z.string().min(2), code: z.string().min(2) }).optional(),
  /** ISO 15924; only where CLDR's likely script is wrong for the borough or missing. */
  script: z.string().regex(/^[A-Z][a-z]{3}$/).optional(),
  /** Where the language is mostly spoken, when CLDR has no likely subtags for it. */
  territory: z.string().regex(/^(?:[A-Z]{2}|\d{3})$/).optional(),
  region: z.enum(WORLD_REGIONS).optional(),
  supplierNames: z.record(z.string(), z.string().min(1)).optional(),
  /** Why the entry is as it is; not copied into the table. */
  note: z.string().optional(),
});
const overlaySchema = z.strictObject({
  $comment: z.array(z.string()),
  suppliers: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.string().min(1)),
  languages: z.array(overlayEntrySchema),
});
export type LanguageOverlay = z.infer<typeof overlaySchema>;

/** Everything the build reads from CLDR, already out of its files, so the build itself is pure. */
export interface CldrSources {
  version: string;
  englishNames: Record<string, string>;
  /** Locale → its own languages.json names, for each locale the build may take an autonym from. */
  localeNames: Record<string, Record<string, string>>;
  likelySubtags: Record<string, string>;
  /** Deprecated or overlong code → its replacement ('tw' → 'ak', 'sh' → 'sr-Latn'). */
  languageAliases: Record<string, string>;
  /** Script → right-to-left? from scriptMetadata. */
  scriptRtl: Record<string, boolean>;
  territoryContainment: Record<string, { _contains: string[]; _grouping?: string }>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const OVERLAY_FILE = path.resolve(here, '../resources/languages-overlay.json');
export const TABLE_FILE = path.resolve(here, '../resources/languages.json');

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function localeLanguages(localeDir: string, locale: string): Record<string, string> | null {
  const file = path.join(localeDir, locale, 'languages.json');
  if (!existsSync(file)) return null;
  const json = readJson(file) as { main: Record<string, { localeDisplayNames: { languages: Record<string, string> } }> };
  return json.main[locale]?.localeDisplayNames.languages ?? null;
}

/** Reads the CLDR files the build needs from the installed cldr-core and cldr-localenames-full. */
export function loadCldrSources(overlay: LanguageOverlay): CldrSources {
  const require = createRequire(import.meta.url);
  const coreDir = path.dirname(require.resolve('cldr-core/package.json'));
  const namesDir = path.dirname(require.resolve('cldr-localenames-full/package.json'));
  const coreVersion = (readJson(path.join(coreDir, 'package.json')) as { version: string }).version;
  const namesVersion = (readJson(path.join(namesDir, 'package.json')) as { version: string }).version;
  if (coreVersion !== namesVersion) throw new Error(`cldr-core ${coreVersion} and cldr-localenames-full ${namesVersion} must be the same version`);

  const localeDir = path.join(namesDir, 'main');
  const englishNames = localeLanguages(localeDir, 'en');
  if (!englishNames) throw new Error('cldr-localenames-full has no main/en/languages.json');
  const wanted = new Set([...Object.keys(englishNames).filter((code) => !code.includes('-')), ...overlay.languages.map((entry) => entry.code)]);
  for (const entry of overlay.languages) if (entry.cldrAutonym) wanted.add(entry.cldrAutonym.locale);
  const localeNames: Record<string, Record<string, string>> = {};
  for (const locale of [...wanted].sort()) {
    const names = localeLanguages(localeDir, locale);
    if (names) localeNames[locale] = names;
  }

  const likely = readJson(path.join(coreDir, 'supplemental/likelySubtags.json')) as { supplemental: { likelySubtags: Record<string, string> } };
  const aliases = readJson(path.join(coreDir, 'supplemental/aliases.json')) as {
    supplemental: { metadata: { alias: { languageAlias: Record<string, { _replacement: string }> } } };
  };
  const scripts = readJson(path.join(coreDir, 'scriptMetadata.json')) as { scriptMetadata: Record<string, { rtl?: string }> };
  const containment = readJson(path.join(coreDir, 'supplemental/territoryContainment.json')) as {
    supplemental: { territoryContainment: CldrSources['territoryContainment'] };
  };
  return {
    version: coreVersion,
    englishNames,
    localeNames,
    likelySubtags: likely.supplemental.likelySubtags,
    languageAliases: Object.fromEntries(Object.entries(aliases.supplemental.metadata.alias.languageAlias).map(([code, alias]) => [code, alias._replacement])),
    scriptRtl: Object.fromEntries(Object.entries(scripts.scriptMetadata).map(([script, meta]) => [script, meta.rtl === 'YES'])),
    territoryContainment: containment.supplemental.territoryContainment,
  };
}

export function readOverlay(file = OVERLAY_FILE): LanguageOverlay {
  const parsed = overlaySchema.safeParse(readJson(file));
  if (!parsed.success) throw new Error(`${path.basename(file)} is not a valid overlay:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

interface Subtags {
  script: string;
  territory: string;
}

function splitSubtags(tag: string): { language: string; script?: string; territory?: string } {
  const [language = '', ...rest] = tag.split('-');
  return { language, script: rest.find((part) => /^[A-Z][a-z]{3}$/.test(part)), territory: rest.find((part) => /^(?:[A-Z]{2}|\d{3})$/.test(part)) };
}

/** Likely script and territory: CLDR's own, else through the code's alias ('tw' → 'ak'), else the gaps table. */
function likelySubtags(code: string, cldr: CldrSources): Subtags | null {
  const direct = cldr.likelySubtags[code] ?? CLDR_GAPS[code];
  const fromTag = (tag: string | undefined): Subtags | null => {
    if (!tag) return null;
    const parts = splitSubtags(tag);
    return parts.script && parts.territory ? { script: parts.script, territory: parts.territory } : null;
  };
  if (direct) return fromTag(direct);
  const alias = cldr.languageAliases[code];
  if (!alias) return null;
  const replacement = splitSubtags(alias);
  const base = fromTag(cldr.likelySubtags[alias] ?? cldr.likelySubtags[replacement.language]);
  if (!base) return null;
  return { script: replacement.script ?? base.script, territory: replacement.territory ?? base.territory };
}

/** Territory → its chain of containing UN M.49 regions, nearest first ('EG' → ['015', '002', '001']). */
function containers(cldr: CldrSources): (territory: string) => string[] {
  const parent = new Map<string, string>();
  for (const [region, value] of Object.entries(cldr.territoryContainment)) {
    if (region.includes('-') || value._grouping === 'true' || !/^\d{3}$|^QO$/.test(region)) continue;
    for (const child of value._contains) parent.set(child, region);
  }
  return (territory) => {
    const chain: string[] = [];
    for (let at = parent.get(territory); at !== undefined && chain.length < 8; at = parent.get(at)) chain.push(at);
    return chain;
  };
}

function regionOf(territory: string, script: string, chainOf: (territory: string) => string[]): WorldRegion | null {
  const chain = chainOf(territory);
  if (EUROPE_NOT_MIDDLE_EAST.has(territory)) return 'europe';
  if (MIDDLE_EAST_OUTSIDE_WESTERN_ASIA.has(territory) || chain.includes(WESTERN_ASIA)) return 'middle-east';
  if (chain.includes(NORTHERN_AFRICA) && script === 'Arab') return 'middle-east';
  for (const region of chain) {
    const continent = CONTINENTS[region];
    if (continent) return continent;
  }
  return null;
}

function isSignLanguage(englishName: string, script: string | undefined): boolean {
  return script === 'Sgnw' || /\bSign Language\b/i.test(englishName);
}

/**
 * Builds the table. Pure: the same sources and overlay always give the same table. Problems
 * are collected, not thrown, so one run reports all of them.
 */
export function buildLanguageTable(cldr: CldrSources, overlay: LanguageOverlay): { table: LanguageTable; problems: string[] } {
  const problems: string[] = [];
  const builtOn = CLDR_RELEASE_DATES[cldr.version];
  if (!builtOn) problems.push(`CLDR ${cldr.version} has no release date in CLDR_RELEASE_DATES (tools/build-languages.ts): add the date it was published`);
  const chainOf = containers(cldr);
  const overlays = new Map<string, LanguageOverlay['languages'][number]>();
  for (const entry of overlay.languages) {
    if (overlays.has(entry.code)) problems.push(`overlay: ${entry.code} is listed twice`);
    overlays.set(entry.code, entry);
    for (const supplier of Object.keys(entry.supplierNames ?? {})) {
      if (!(supplier in overlay.suppliers)) problems.push(`overlay: ${entry.code} names supplier "${supplier}", which is not in "suppliers"`);
    }
    if (NOT_LANGUAGES[entry.code]) problems.push(`overlay: ${entry.code} is not a language (${NOT_LANGUAGES[entry.code]})`);
  }

  const cldrCodes = Object.keys(cldr.englishNames).filter((code) => !code.includes('-') && !NOT_LANGUAGES[code]);
  const codes = [...new Set([...cldrCodes, ...overlays.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const languages: LanguageEntry[] = [];
  for (const code of codes) {
    const council = overlays.get(code);
    const cldrName = cldr.englishNames[code] ?? null;
    const englishName = council?.englishName ?? cldrName;
    if (!englishName) {
      problems.push(`${code}: CLDR does not name it in English, so the overlay must give an englishName`);
      continue;
    }

    const likely = likelySubtags(code, cldr);
    const signLanguage = isSignLanguage(englishName, likely?.script) || council?.region === 'sign-languages';
    const script = council?.script ?? (signLanguage ? 'Zxxx' : likely?.script);
    const territory = council?.territory ?? likely?.territory;
    if (!script) {
      problems.push(`${code} (${englishName}): no likely script in CLDR; give one in the overlay`);
      continue;
    }
    if (signLanguage && script !== 'Zxxx') problems.push(`${code} (${englishName}): a sign language is written 'Zxxx', not '${script}'`);
    const rtl = cldr.scriptRtl[script];
    const direction: WritingDirection | undefined = rtl === undefined ? SCRIPTS_NOT_IN_METADATA[script] : rtl ? 'rtl' : 'ltr';
    if (!direction) {
      problems.push(`${code} (${englishName}): script '${script}' is not in CLDR's scriptMetadata; its direction is unknown`);
      continue;
    }

    let region: WorldRegion | null = council?.region ?? (signLanguage ? 'sign-languages' : null);
    if (!region && territory === '001') region = CONSTRUCTED_LANGUAGE_REGIONS[code] ?? null;
    if (!region && territory) region = regionOf(territory, script, chainOf);
    if (!region) {
      problems.push(`${code} (${englishName}): no world region for territory '${territory ?? 'none'}'; give one in the overlay`);
      continue;
    }

    let autonym: string | null = null;
    let autonymSource: LanguageEntry['autonymSource'] = null;
    if (council?.autonym !== undefined) {
      autonym = council.autonym;
      autonymSource = autonym === null ? null : 'council';
    } else if (council?.cldrAutonym) {
      const { locale, code: nameCode } = council.cldrAutonym;
      autonym = cldr.localeNames[locale]?.[nameCode] ?? null;
      if (!autonym) problems.push(`${code}: overlay takes its autonym from CLDR locale ${locale}, which does not name '${nameCode}'`);
      autonymSource = autonym ? 'cldr' : null;
    } else {
      autonym = cldr.localeNames[code]?.[code] ?? null;
      autonymSource = autonym ? 'cldr' : null;
    }

    // CLDR's own alternative English names ('Pushto', 'Kurdish, Sorani') help search too. An
    // alias may repeat cldrEnglishName ('Bangla'): the overlay says residents use it.
    const cldrAlternatives = Object.keys(cldr.englishNames)
      .filter((key) => key.startsWith(`${code}-alt-`))
      .sort()
      .map((key) => cldr.englishNames[key] as string);
    const cldrEnglishName = cldrName !== null && cldrName !== englishName ? cldrName : null;
    const aliases = [...new Set([...(council?.aliases ?? []), ...cldrAlternatives])].filter((alias) => alias !== englishName);
    const supplierNames = Object.fromEntries(Object.entries(council?.supplierNames ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

    languages.push({ code, englishName, cldrEnglishName, autonym, autonymSource, script, direction, region, aliases, supplierNames });
  }

  const names = new Map<string, string>();
  for (const entry of languages) {
    const other = names.get(entry.englishName.toLowerCase());
    if (other) problems.push(`${entry.code} and ${other} are both called "${entry.englishName}": give one a council label`);
    names.set(entry.englishName.toLowerCase(), entry.code);
  }
  return { table: { builtFrom: { cldr: cldr.version, builtOn: builtOn ?? '' }, languages }, problems };
}

/** The file's exact text: one language a line, so a change to one language is a one-line diff. */
export function serialiseLanguageTable(table: LanguageTable): string {
  const lines = table.languages.map((entry) => `    ${JSON.stringify(entry)}`);
  return `{\n  "builtFrom": ${JSON.stringify(table.builtFrom)},\n  "languages": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** Reads the overlay and CLDR and builds the file's text; throws with every problem found. */
export function buildLanguageFile(overlayFile = OVERLAY_FILE): { text: string; table: LanguageTable } {
  const overlay = readOverlay(overlayFile);
  const { table, problems } = buildLanguageTable(loadCldrSources(overlay), overlay);
  if (problems.length > 0) throw new Error(`languages: ${problems.length} problem(s); nothing written:\n  ${problems.join('\n  ')}`);
  return { text: serialiseLanguageTable(table), table };
}

function main(): void {
  let built: { text: string; table: LanguageTable };
  try {
    built = buildLanguageFile();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const relative = path.relative(process.cwd(), TABLE_FILE);
  if (process.argv.includes('--check')) {
    const onDisk = existsSync(TABLE_FILE) ? readFileSync(TABLE_FILE, 'utf8') : '';
    if (onDisk !== built.text) {
      console.error(`languages: ${relative} is out of date; run npm run languages:build`);
      process.exit(1);
    }
    console.log(`languages: ${relative} is up to date`);
    return;
  }
  writeFileSync(TABLE_FILE, built.text);
  const { languages } = built.table;
  const autonyms = languages.filter((entry) => entry.autonym !== null).length;
  const rtl = languages.filter((entry) => entry.direction === 'rtl').length;
  console.log(`languages: wrote ${relative} (CLDR ${built.table.builtFrom.cldr}: ${languages.length} languages, ${autonyms} with an autonym, ${rtl} right-to-left)`);
}

// Run only as `tsx tools/build-languages.ts`; tests import the functions above.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
