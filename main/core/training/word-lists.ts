import casesJson from '../../../resources/training/cases.json';
import languagesJson from '../../../resources/training/languages.json';
import namesJson from '../../../resources/training/names.json';
import placesJson from '../../../resources/training/places.json';
import type { CaseCategory } from '../../../shared/domain/case';
import { CONTACT_OUTCOMES, type ContactOutcome } from '../../../shared/domain/contact';
import { weightedTable, type WeightedTable } from './random';

/**
 * The word lists, typed and normalised once. Names are stored in Unicode NFC so that
 * 'Zoë' typed on a keyboard and 'Zoë' from the file compare equal in search tests.
 */
export interface NameOrigin {
  id: string;
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
  /** Where the language genders surnames: 'Kowalski' -> 'Kowalska'. */
  feminine: ReadonlyMap<string, string>;
  /** Chance of a two-part surname ('García López'). */
  compoundRate: number;
}

export interface Language {
  code: string;
  name: string;
  weight: number;
  origins: readonly NameOrigin[];
  interpreterRate: number;
}

const nfc = (text: string): string => text.normalize('NFC');

export const ORIGINS: readonly NameOrigin[] = namesJson.origins.map((origin) => ({
  id: origin.id,
  female: origin.female.map(nfc),
  male: origin.male.map(nfc),
  family: origin.family.map(nfc),
  feminine: new Map(
    Object.entries(('familyNamesFeminine' in origin ? origin.familyNamesFeminine : {}) as Record<string, string>).map(
      ([from, to]) => [nfc(from), nfc(to)] as const,
    ),
  ),
  compoundRate: 'compoundRate' in origin ? Number(origin.compoundRate) : 0,
}));

const originById = new Map(ORIGINS.map((origin) => [origin.id, origin]));

function originNamed(id: string): NameOrigin {
  const origin = originById.get(id);
  if (!origin) throw new Error(`languages.json names an unknown name origin '${id}'.`);
  return origin;
}

export const LANGUAGES: readonly Language[] = languagesJson.languages.map((language) => ({
  code: language.code,
  name: language.name,
  weight: language.weight,
  origins: language.origins.map(originNamed),
  interpreterRate: language.interpreterRate,
}));

export const LANGUAGE_TABLE: WeightedTable<Language> = weightedTable(LANGUAGES.map((l) => [l, l.weight] as const));

const englishWeights = new Map(namesJson.origins.map((origin) => [origin.id, origin.englishWeight]));

/** Heritage of residents whose preferred language is English: London's full mix. */
export const ENGLISH_SPEAKER_ORIGINS: WeightedTable<NameOrigin> = weightedTable(
  ORIGINS.map((origin) => [origin, englishWeights.get(origin.id) ?? 0] as const),
);

function languageCoded(code: string): Language {
  const language = LANGUAGES.find((l) => l.code === code);
  if (!language) throw new Error(`languages.json has no '${code}' entry.`);
  return language;
}

export const ENGLISH: Language = languageCoded('en');

export interface DistrictPlaces {
  district: string;
  streets: readonly string[];
  estates: readonly { name: string; blocks: readonly string[] }[];
  parkingZones: readonly string[];
}

export const TOWN: string = placesJson.town;
export const DISTRICTS: readonly DistrictPlaces[] = placesJson.districts;

export interface CategoryWords {
  summaries: readonly string[];
  emergencySummaries: readonly string[];
  updates: readonly string[];
}

const categories: Record<string, { summaries: string[]; updates: string[]; emergencySummaries?: string[] }> =
  casesJson.categories;

export function wordsFor(category: CaseCategory): CategoryWords {
  const words = categories[category];
  if (!words) throw new Error(`cases.json has no words for the case category '${category}'.`);
  return { summaries: words.summaries, updates: words.updates, emergencySummaries: words.emergencySummaries ?? [] };
}

function isOutcome(value: string): value is ContactOutcome {
  return (CONTACT_OUTCOMES as readonly string[]).includes(value);
}

/** Enquiries answered without a case: the first-contact resolutions the KPIs count. */
export const ENQUIRIES: readonly { summary: string; outcome: ContactOutcome }[] = casesJson.enquiries.map((e) => {
  if (!isOutcome(e.outcome)) throw new Error(`cases.json uses an unknown contact outcome '${e.outcome}'.`);
  return { summary: e.summary, outcome: e.outcome };
});
