import type { Resident, Household } from './resident';

/** The DPA questions a caller answers before personal details are shown. */
export const IDENTITY_QUESTIONS = ['name', 'dateOfBirth', 'addressLine1', 'postcode'] as const;
export type IdentityQuestion = (typeof IDENTITY_QUESTIONS)[number];

export type IdentityAnswers = Partial<Record<IdentityQuestion, string>>;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // O'Leary, O’Leary and OLeary are the same name said aloud.
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Day-first dates as callers say them: 12/03/1985, 12-3-1985, 1985-03-12. */
function isoFromSpoken(text: string): string | null {
  const iso = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (iso) return `${iso[1]}-${iso[2]?.padStart(2, '0')}-${iso[3]?.padStart(2, '0')}`;
  const dayFirst = text.match(/^(\d{1,2})[/. -](\d{1,2})[/. -](\d{4})$/);
  return dayFirst ? `${dayFirst[3]}-${dayFirst[2]?.padStart(2, '0')}-${dayFirst[1]?.padStart(2, '0')}` : null;
}

/**
 * Compares what the caller said with the record, forgivingly (case, accents, spacing,
 * punctuation) but never partially: a question either matches or it does not. The record's
 * values never leave the main process: only "matched" or "not matched" does.
 */
export function checkIdentity(questions: readonly IdentityQuestion[], answers: IdentityAnswers, resident: Resident, household: Household | null): { question: IdentityQuestion; matched: boolean }[] {
  const expected: Record<IdentityQuestion, string | null> = {
    name: fold(`${resident.givenName} ${resident.familyName}`),
    dateOfBirth: resident.dateOfBirth,
    addressLine1: household ? fold(household.address.line1) : null,
    postcode: household ? household.address.postcode.replace(/\s+/g, '').toUpperCase() : null,
  };
  return questions.map((question) => {
    const given = answers[question]?.trim() ?? '';
    const want = expected[question];
    if (!given || want === null) return { question, matched: false };
    const normalised = question === 'dateOfBirth' ? isoFromSpoken(given) : question === 'postcode' ? given.replace(/\s+/g, '').toUpperCase() : fold(given);
    return { question, matched: normalised === want };
  });
}
