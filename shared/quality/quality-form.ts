import { z } from 'zod';

/**
 * The council's contact quality form, as data (resources/quality/contact-quality.yaml). Team
 * leaders answer each criterion yes, no or not-applicable for a sampled call or visit; the
 * score is the share of the applicable weight answered yes (shared/quality/score.ts). Checked
 * by `npm run quality:check` and by the app when it loads the form.
 */

/** Limits on what a reviewer reads: a question fits on one line, guidance in a tooltip. */
export const QUESTION_MAX_LENGTH = 200;
export const GUIDANCE_MAX_LENGTH = 400;
const TITLE_MAX_LENGTH = 120;

/**
 * Messages a form's author can act on: "Required." for a field left out, rather than zod's
 * "expected string, received undefined", and every unknown field named, because objects are
 * checked strictly so that a misspelt field (notApplicableAlowed) is not silently ignored.
 */
const expected = (what: string) => ({
  error: (issue: { code?: string; keys?: string[]; input?: unknown }) => {
    if (issue.code === 'unrecognized_keys') return `Unknown field${issue.keys?.length === 1 ? '' : 's'} ${(issue.keys ?? []).map((key) => `"${key}"`).join(', ')}.`;
    return issue.input === undefined ? 'Required.' : `Must be ${what}.`;
  },
});

const id = z.string(expected('text')).regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'Use lower-case words joined by hyphens (kebab-case), starting with a letter.').max(64, 'Must be 64 characters or fewer.');
// Trimmed first, so text of nothing but spaces counts as empty.
const text = (max: number) => z.string(expected('text')).trim().min(1, 'Must not be empty.').max(max, `Must be ${max} characters or fewer.`);
const wholeNumber = z.number(expected('a number')).int('Must be a whole number.');
const flag = z.boolean(expected('true or false'));

export const qualityCriterionSchema = z.strictObject(
  {
    id,
    /** What the reviewer judges, in plain English. */
    question: text(QUESTION_MAX_LENGTH),
    /** What good looks like, in a sentence or two. */
    guidance: text(GUIDANCE_MAX_LENGTH),
    /** Its share of the score, against the other applicable criteria. */
    weight: wholeNumber.min(1, 'The weight must be a positive whole number.'),
    /** A "no" here fails the review whatever the score. */
    critical: flag,
    /** Whether the reviewer may answer not-applicable (the criterion then counts for nothing). */
    notApplicableAllowed: flag,
  },
  expected('a criterion (id, question, guidance, weight, critical and notApplicableAllowed)'),
);
export type QualityCriterion = z.output<typeof qualityCriterionSchema>;

export const qualitySectionSchema = z.strictObject(
  {
    id,
    title: text(TITLE_MAX_LENGTH),
    criteria: z.array(qualityCriterionSchema, expected('a list of criteria')).min(1, 'A section needs at least one criterion.'),
  },
  expected('a section (id, title and criteria)'),
);
export type QualitySection = z.output<typeof qualitySectionSchema>;

export const qualityFormSchema = z.strictObject(
  {
    id,
    /** Raised whenever a criterion changes: each review records the version it was scored against. */
    version: wholeNumber.min(1, 'The version must be a whole number of 1 or more.'),
    title: text(TITLE_MAX_LENGTH),
    /** The whole percent a review must reach to pass. */
    passMark: wholeNumber.min(1, 'The pass mark must be a whole percent from 1 to 100.').max(100, 'The pass mark must be a whole percent from 1 to 100.'),
    sections: z.array(qualitySectionSchema, expected('a list of sections')).min(1, 'The form needs at least one section.'),
  },
  expected('a form (id, version, title, passMark and sections)'),
);
export type QualityForm = z.output<typeof qualityFormSchema>;
export type QualityFormSource = z.input<typeof qualityFormSchema>;

/** Every criterion on the form, in the order a reviewer meets them. */
export const criteriaOf = (form: Pick<QualityForm, 'sections'>): QualityCriterion[] => form.sections.flatMap((section) => section.criteria);

/**
 * Everything `npm run quality:check` promises: the form matches the schema (which also sees
 * that there is at least one section and every section has a criterion), section ids and
 * criterion ids are each unique, and at least one criterion is critical. Any problem gives no
 * form, so a broken form is never used to score a review.
 */
export function checkQualityForm(form: unknown): { form: QualityForm | null; problems: string[] } {
  const parsed = qualityFormSchema.safeParse(form);
  if (!parsed.success) return { form: null, problems: parsed.error.issues.map((issue) => `${where(issue.path, form)}: ${issue.message}`) };

  const checked = parsed.data;
  const problems: string[] = [];
  const sections = new Set<string>();
  const criteria = new Set<string>();
  for (const section of checked.sections) {
    if (sections.has(section.id)) problems.push(`section "${section.id}": This section id is used twice.`);
    sections.add(section.id);
    for (const criterion of section.criteria) {
      // Answers are kept by criterion id alone, so ids must be unique across the whole form.
      if (criteria.has(criterion.id)) problems.push(`section "${section.id}", criterion "${criterion.id}": This criterion id is used twice; criterion ids must be unique across the whole form.`);
      criteria.add(criterion.id);
    }
  }
  if (!criteriaOf(checked).some((criterion) => criterion.critical)) problems.push('(whole form): No criterion is critical; the form needs at least one (for example, the identity check).');
  return problems.length > 0 ? { form: null, problems } : { form: checked, problems: [] };
}

/**
 * Where a schema problem is, in words a form's author can find in the YAML: sections and
 * criteria by their id where they have one, otherwise by their position counting from 1.
 */
function where(path: readonly PropertyKey[], source: unknown): string {
  const parts: string[] = [];
  let node: unknown = source;
  path.forEach((key, index) => {
    const next = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const list = path[index - 1];
    if (typeof key === 'number' && (list === 'sections' || list === 'criteria')) {
      const nodeId = typeof next === 'object' && next !== null && typeof (next as { id?: unknown }).id === 'string' ? (next as { id: string }).id : '';
      parts.pop();
      parts.push(`${list === 'sections' ? 'section' : 'criterion'} ${nodeId ? `"${nodeId}"` : key + 1}`);
    } else {
      parts.push(String(key));
    }
    node = next;
  });
  return parts.join(', ') || '(whole form)';
}
