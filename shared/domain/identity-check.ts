import type { Household, Resident } from './resident';
import { addressMatches } from './spoken-address';
import { spokenDates } from './spoken-date';

/** The DPA questions a caller can be asked before personal details are shown. */
export const IDENTITY_QUESTIONS = ['name', 'dateOfBirth', 'addressLine1', 'postcode'] as const;
export type IdentityQuestion = (typeof IDENTITY_QUESTIONS)[number];

export type IdentityAnswers = Partial<Record<IdentityQuestion, string>>;

/**
 * The council's rule for the identity check, from its deployment file: which answers must all
 * match, and of which at least one must. Before the check, search results show only what the
 * rule allows of each resident.
 */
export interface IdentityPolicy {
  required: IdentityQuestion[];
  /** At least one of these must match too; none needed when empty. */
  oneOf: IdentityQuestion[];
  /** What search results show before the check: the year of birth and the postcode district, or all of them. */
  results: { dateOfBirth: 'year' | 'full'; address: 'district' | 'full' };
}

/** Name and date of birth, and one of the first line of the address or the postcode. */
export const DEFAULT_IDENTITY_POLICY: IdentityPolicy = {
  required: ['name', 'dateOfBirth'],
  oneOf: ['addressLine1', 'postcode'],
  results: { dateOfBirth: 'year', address: 'district' },
};

/** The questions the policy asks, in the order a caller is asked them. */
export const questionsOf = (policy: Pick<IdentityPolicy, 'required' | 'oneOf'>): IdentityQuestion[] => IDENTITY_QUESTIONS.filter((question) => policy.required.includes(question) || policy.oneOf.includes(question));

/** Whether the matched answers meet the policy. */
export function policyMet(policy: Pick<IdentityPolicy, 'required' | 'oneOf'>, results: readonly { question: IdentityQuestion; matched: boolean }[]): boolean {
  const matched = new Set(results.filter((each) => each.matched).map((each) => each.question));
  return policy.required.every((question) => matched.has(question)) && (policy.oneOf.length === 0 || policy.oneOf.some((question) => matched.has(question)));
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // O'Leary, O’Leary and OLeary are the same name said aloud.
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'doctor', 'sir', 'dame', 'rev', 'prof', 'lord', 'lady']);

/**
 * The caller gave the record's given and family names, in either order ("Smith, Jane"), with
 * or without a title or a middle name; hyphens, accents and apostrophes do not count.
 */
function nameMatches(resident: Pick<Resident, 'givenName' | 'familyName'>, said: string): boolean {
  const words = fold(said)
    .split(' ')
    .filter((word) => word && !TITLES.has(word));
  const given = fold(resident.givenName).split(' ');
  const family = fold(resident.familyName).split(' ');
  const same = (part: string[], expected: string[]) => part.length === expected.length && part.every((word, index) => word === expected[index]);
  // Up to two middle names between them.
  const inOrder = (first: string[], second: string[]) =>
    words.length >= first.length + second.length && words.length <= first.length + second.length + 2 && same(words.slice(0, first.length), first) && same(words.slice(words.length - second.length), second);
  return inOrder(given, family) || inOrder(family, given);
}

const compactPostcode = (text: string) => text.replace(/\s+/g, '').toUpperCase();

/**
 * Compares what the caller said with the record, as people say things: any common form of a
 * date of birth, an address in any order or abbreviation, a name in either order. Each
 * question either matches or it does not. The record's values never leave the main process:
 * only "matched" or "not matched" does.
 */
export function checkIdentity(questions: readonly IdentityQuestion[], answers: IdentityAnswers, resident: Resident, household: Household | null): { question: IdentityQuestion; matched: boolean }[] {
  const matches: Record<IdentityQuestion, (said: string) => boolean> = {
    name: (said) => nameMatches(resident, said),
    dateOfBirth: (said) => spokenDates(said).includes(resident.dateOfBirth),
    addressLine1: (said) => household !== null && addressMatches(household.address, said),
    postcode: (said) => household !== null && compactPostcode(said) === compactPostcode(household.address.postcode),
  };
  return questions.map((question) => {
    const given = answers[question]?.trim() ?? '';
    return { question, matched: given !== '' && matches[question](given) };
  });
}
