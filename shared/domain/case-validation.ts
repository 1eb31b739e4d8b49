import type { CaseDraft } from './case-draft';
import { SERVICE_OF_CATEGORY, type CaseCategory } from './case';

/**
 * What is wrong with a case draft before it can be sent, one problem per field, each saying
 * what to do about it in plain English. Checking never changes the draft: what staff typed
 * stays on screen to be corrected, not cleared.
 *
 * `code` and `values` let the renderer show the same words from its translation file
 * (renderer/i18n/en-GB.json, caseForm.errors); `message` is the same sentence in English for
 * anything without the renderer (logs, tests, main/core).
 */
export interface CaseProblem {
  field: keyof CaseDraft | 'attachments';
  code: CaseProblemCode;
  values: Record<string, number>;
  message: string;
}

export type CaseProblemCode =
  | 'service-missing'
  | 'category-missing'
  | 'category-not-in-service'
  | 'summary-missing'
  | 'summary-too-long'
  | 'description-missing'
  | 'description-too-long'
  | 'location-missing'
  | 'location-too-long'
  | 'postcode-format'
  | 'contact-missing'
  | 'resident-missing'
  | 'too-many-attachments';

/** The longest each text may be: the same limits as the contract with main (shared/contract/cases.ts). */
export const CASE_TEXT_LIMITS = { summary: 200, description: 10_000, location: 500 } as const;
export const MOST_ATTACHMENTS_PER_CASE = 20;

/**
 * Cases that are about a place: someone has to find it. Council tax, information requests,
 * complaints, councillor enquiries and community hub support are about the person, not a place.
 */
const CATEGORIES_NEEDING_A_PLACE: ReadonlySet<CaseCategory> = new Set(['missed-bin', 'bulky-waste', 'housing-repair', 'pest-control', 'noise-nuisance', 'parking']);

export const categoryNeedsPlace = (category: string): boolean => CATEGORIES_NEEDING_A_PLACE.has(category as CaseCategory);

export const isCaseCategory = (value: string): value is CaseCategory => Object.hasOwn(SERVICE_OF_CATEGORY, value);

/**
 * A UK postcode, in the shape Royal Mail uses (outward code, space optional, inward code),
 * plus GIR 0AA. Checks the shape only: whether the postcode exists is the address service's job.
 */
const UK_POSTCODE = /^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})$/;

export function isUkPostcode(text: string): boolean {
  return UK_POSTCODE.test(text.trim().toUpperCase().replace(/\s+/g, ' '));
}

/** The English sentence for each problem; renderer/i18n/en-GB.json holds the same (a test checks). */
export const CASE_PROBLEM_MESSAGES: Readonly<Record<CaseProblemCode, string>> = {
  'service-missing': 'Choose the service the case is for, like ‘waste and recycling’',
  'category-missing': 'Choose the type of case, like ‘Missed bin collection’',
  'category-not-in-service': 'Choose a type of case that belongs to the service you chose, or choose another service',
  'summary-missing': 'Enter a one-line summary of the case, like ‘Bin not collected at 12 Peckham Road’',
  'summary-too-long': 'Summary must be {{limit}} characters or fewer: shorten it by {{over}} and put the detail in the description',
  'description-missing': 'Enter a description of what happened, in the resident’s words',
  'description-too-long': 'Description must be {{limit}} characters or fewer: shorten it by {{over}}',
  'location-missing': 'Enter where it is (an address or a description of the place), or its postcode',
  'location-too-long': 'Where must be {{limit}} characters or fewer: shorten it by {{over}}',
  'postcode-format': 'Enter a full UK postcode, like ‘SE15 5EW’, or leave the postcode empty and describe the place under Where',
  'contact-missing': 'Choose how the resident wants to hear back about the case, or ‘No contact’',
  'resident-missing': 'Open the resident’s record from Search and raise the case from there, or tick ‘Anonymous report’',
  'too-many-attachments': 'A case can have at most {{limit}} photos and documents: remove {{over}}',
};

export function caseProblemMessage(code: CaseProblemCode, values: Record<string, number> = {}): string {
  return CASE_PROBLEM_MESSAGES[code].replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => String(values[name] ?? ''));
}

const problem = (field: CaseProblem['field'], code: CaseProblemCode, values: Record<string, number> = {}): CaseProblem => ({ field, code, values, message: caseProblemMessage(code, values) });

const tooLong = (field: 'summary' | 'description' | 'location', text: string, code: CaseProblemCode): CaseProblem[] =>
  text.length > CASE_TEXT_LIMITS[field] ? [problem(field, code, { limit: CASE_TEXT_LIMITS[field], over: text.length - CASE_TEXT_LIMITS[field] })] : [];

/**
 * Every problem with the draft, in the order the form shows its fields, so the error summary
 * reads top to bottom like the form. An empty list means it can be submitted.
 */
export function validateCaseDraft(draft: CaseDraft): CaseProblem[] {
  const problems: CaseProblem[] = [];
  const blank = (text: string) => text.trim() === '';

  if (blank(draft.service)) problems.push(problem('service', 'service-missing'));
  if (blank(draft.category)) problems.push(problem('category', 'category-missing'));
  else if (!isCaseCategory(draft.category) || (!blank(draft.service) && SERVICE_OF_CATEGORY[draft.category] !== draft.service)) problems.push(problem('category', 'category-not-in-service'));

  if (blank(draft.summary)) problems.push(problem('summary', 'summary-missing'));
  else problems.push(...tooLong('summary', draft.summary, 'summary-too-long'));

  if (blank(draft.description)) problems.push(problem('description', 'description-missing'));
  else problems.push(...tooLong('description', draft.description, 'description-too-long'));

  if (categoryNeedsPlace(draft.category) && blank(draft.location) && blank(draft.postcode)) problems.push(problem('location', 'location-missing'));
  problems.push(...tooLong('location', draft.location, 'location-too-long'));
  if (!blank(draft.postcode) && !isUkPostcode(draft.postcode)) problems.push(problem('postcode', 'postcode-format'));

  if (!draft.anonymous && draft.contactPreference === '') problems.push(problem('contactPreference', 'contact-missing'));
  if (!draft.anonymous && draft.residentId === null) problems.push(problem('anonymous', 'resident-missing'));

  if (draft.attachmentIds.length > MOST_ATTACHMENTS_PER_CASE) problems.push(problem('attachments', 'too-many-attachments', { limit: MOST_ATTACHMENTS_PER_CASE, over: draft.attachmentIds.length - MOST_ATTACHMENTS_PER_CASE }));
  return problems;
}
