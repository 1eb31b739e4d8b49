import { criteriaOf, type QualityForm } from './quality-form';

/** What a reviewer can answer for each criterion. */
export const QUALITY_ANSWERS = ['yes', 'no', 'not-applicable'] as const;
export type QualityAnswer = (typeof QUALITY_ANSWERS)[number];

/** A review's answers by criterion id; a criterion not yet answered is simply missing. */
export type QualityAnswers = Readonly<Record<string, QualityAnswer | undefined>>;

export interface ReviewScore {
  /**
   * The whole percent (half rounds up) of the applicable weight answered yes, counting only
   * criteria answered yes or no; 0 when nothing counts, never NaN.
   */
  score: number;
  /** Complete, no critical "no", something to score, and the score at or over the pass mark. */
  passed: boolean;
  /** Every criterion has an answer the form allows. */
  complete: boolean;
  criticalFail: boolean;
  /** Critical criteria answered "no", in form order. */
  criticalFailures: string[];
  /** Criteria with no answer (or with something other than yes, no or not-applicable). */
  unanswered: string[];
  /** Criteria answered not-applicable that do not allow it: they count as not yet answered. */
  notAllowed: string[];
  /** Every criterion answered not-applicable: there is nothing to score, so the review cannot pass. */
  allNotApplicable: boolean;
  /** Answers for ids the form does not have (a review made against another version of it). */
  unknownCriteria: string[];
}

const isAnswer = (value: unknown): value is QualityAnswer => (QUALITY_ANSWERS as readonly unknown[]).includes(value);

/**
 * Scores one review against the form. Not-applicable leaves a criterion's weight out of both
 * sides of the sum, so a contact is not marked down for what did not arise in it. A review
 * with any criterion unanswered, or answered not-applicable where that is not allowed, still
 * shows its running score but cannot pass. Pure: the same answers always give the same result.
 */
export function scoreReview(form: Pick<QualityForm, 'passMark' | 'sections'>, answers: QualityAnswers): ReviewScore {
  const criteria = criteriaOf(form);
  let achieved = 0;
  let applicable = 0;
  const criticalFailures: string[] = [];
  const unanswered: string[] = [];
  const notAllowed: string[] = [];
  for (const criterion of criteria) {
    // Own properties only: an id such as "constructor" must not find Object's own.
    const answer = Object.hasOwn(answers, criterion.id) ? answers[criterion.id] : undefined;
    if (!isAnswer(answer)) {
      unanswered.push(criterion.id);
    } else if (answer === 'not-applicable') {
      if (!criterion.notApplicableAllowed) notAllowed.push(criterion.id);
    } else {
      applicable += criterion.weight;
      if (answer === 'yes') achieved += criterion.weight;
      else if (criterion.critical) criticalFailures.push(criterion.id);
    }
  }
  const known = new Set(criteria.map((criterion) => criterion.id));
  const unknownCriteria = Object.keys(answers).filter((key) => !known.has(key));

  // Whole-number arithmetic, so a share of exactly x.5% always rounds up, never down by a
  // floating-point hair: round(100a/b) = floor((200a + b) / 2b).
  const score = applicable > 0 ? Math.floor((200 * achieved + applicable) / (2 * applicable)) : 0;
  const complete = unanswered.length === 0 && notAllowed.length === 0;
  const allNotApplicable = criteria.length > 0 && criteria.every((criterion) => Object.hasOwn(answers, criterion.id) && answers[criterion.id] === 'not-applicable');
  const criticalFail = criticalFailures.length > 0;
  const passed = complete && !criticalFail && applicable > 0 && score >= form.passMark;
  return { score, passed, complete, criticalFail, criticalFailures, unanswered, notAllowed, allNotApplicable, unknownCriteria };
}
