import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQualityForm } from '../../../main/core/quality/quality-form-file';
import { criteriaOf, type QualityCriterion, type QualityForm } from '../../../shared/quality/quality-form';
import { scoreReview, type QualityAnswers } from '../../../shared/quality/score';

const criterion = (id: string, weight: number, extra: Partial<QualityCriterion> = {}): QualityCriterion => ({
  id,
  question: `Did ${id}`,
  guidance: `Good ${id}.`,
  weight,
  critical: false,
  notApplicableAllowed: false,
  ...extra,
});

/**
 * Weights 2 + 1 + 5 + 2 = 10, pass mark 80. The identity check is critical but light, so a
 * review can score well over the pass mark and still fail on it.
 */
const FORM: QualityForm = {
  id: 'test-form',
  version: 1,
  title: 'Test form',
  passMark: 80,
  sections: [
    { id: 'opening', title: 'Opening', criteria: [criterion('greeting', 2), criterion('identity', 1, { critical: true, notApplicableAllowed: true }), criterion('answer', 5)] },
    { id: 'close', title: 'Close', criteria: [criterion('reference', 2, { notApplicableAllowed: true })] },
  ],
};

const allYes: QualityAnswers = { greeting: 'yes', identity: 'yes', answer: 'yes', reference: 'yes' };

/** Two criteria, "part" answered yes and "rest" no: the score is part / (part + rest). */
const split = (part: number, rest: number, passMark = 80) =>
  scoreReview({ passMark, sections: [{ id: 's', title: 'S', criteria: [criterion('part', part), criterion('rest', rest)] }] }, { part: 'yes', rest: 'no' });

describe('scoring a quality review', () => {
  it('gives 100 and a pass when every criterion is met', () => {
    expect(scoreReview(FORM, allYes)).toEqual({
      score: 100,
      passed: true,
      complete: true,
      criticalFail: false,
      criticalFailures: [],
      unanswered: [],
      notAllowed: [],
      allNotApplicable: false,
      unknownCriteria: [],
    });
  });

  it('weights each criterion', () => {
    // Greeting (2) missed: 8 of 10 = 80%, exactly the pass mark, so it passes.
    expect(scoreReview(FORM, { ...allYes, greeting: 'no' })).toMatchObject({ score: 80, passed: true, criticalFail: false });
    // The answer (5) wrong: 5 of 10 = 50%.
    expect(scoreReview(FORM, { ...allYes, answer: 'no' })).toMatchObject({ score: 50, passed: false, criticalFail: false, complete: true });
    // Greeting (2) and reference (2) missed: 6 of 10 = 60%.
    expect(scoreReview(FORM, { ...allYes, greeting: 'no', reference: 'no' })).toMatchObject({ score: 60, passed: false });
  });

  it('fails a review with a critical "no", however high the score', () => {
    // Identity (1) missed: 9 of 10 = 90%, over the pass mark of 80, but the check is critical.
    expect(scoreReview(FORM, { ...allYes, identity: 'no' })).toMatchObject({ score: 90, passed: false, criticalFail: true, criticalFailures: ['identity'], complete: true });
  });

  it('leaves not-applicable criteria out of both sides of the sum', () => {
    // Reference (2) not applicable: 8 of 8 = 100%.
    expect(scoreReview(FORM, { ...allYes, reference: 'not-applicable' })).toMatchObject({ score: 100, passed: true, notAllowed: [] });
    // And greeting (2) missed: 6 of 8 = 75%, a fail. Counted as a "no" it would be 6 of 10 = 60%;
    // counted as a "yes", 8 of 10 = 80%, a pass.
    expect(scoreReview(FORM, { ...allYes, reference: 'not-applicable', greeting: 'no' })).toMatchObject({ score: 75, passed: false });
    // A critical criterion not applicable is no failure: greeting 2 + answer 5 + reference 2 = 9 of 9.
    expect(scoreReview(FORM, { ...allYes, identity: 'not-applicable' })).toMatchObject({ score: 100, passed: true, criticalFail: false });
  });

  it('reports not-applicable where the form does not allow it, and does not pass the review', () => {
    // The answer (5) cannot be not-applicable: it is left out, so 5 of 5 = 100%, but incomplete.
    expect(scoreReview(FORM, { ...allYes, answer: 'not-applicable' })).toMatchObject({ score: 100, passed: false, complete: false, notAllowed: ['answer'], unanswered: [] });
  });

  it('reports unanswered criteria, in form order, and does not pass the review', () => {
    // Only greeting (2) and identity (1) answered, both yes: a running 3 of 3 = 100%.
    expect(scoreReview(FORM, { identity: 'yes', greeting: 'yes' })).toMatchObject({ score: 100, passed: false, complete: false, unanswered: ['answer', 'reference'] });
    // Nothing answered at all: nothing to divide by, so 0 rather than NaN.
    expect(scoreReview(FORM, {})).toMatchObject({ score: 0, passed: false, unanswered: ['greeting', 'identity', 'answer', 'reference'], allNotApplicable: false });
  });

  it('treats an answer it does not recognise as no answer', () => {
    const answers = { ...allYes, reference: 'maybe' } as unknown as QualityAnswers;
    // Reference (2) left out: 8 of 8 = 100%, but incomplete.
    expect(scoreReview(FORM, answers)).toMatchObject({ score: 100, passed: false, unanswered: ['reference'] });
  });

  it('still reports a critical "no" on an unfinished review', () => {
    expect(scoreReview(FORM, { identity: 'no' })).toMatchObject({ score: 0, passed: false, criticalFail: true, criticalFailures: ['identity'], unanswered: ['greeting', 'answer', 'reference'] });
  });

  it('reports answers for criteria the form does not have, without counting them', () => {
    const result = scoreReview(FORM, { ...allYes, 'old-criterion': 'no' });
    expect(result).toMatchObject({ score: 100, passed: true, unknownCriteria: ['old-criterion'] });
  });

  it('does not take a criterion called "constructor" as answered', () => {
    const form: QualityForm = { ...FORM, sections: [{ id: 's', title: 'S', criteria: [criterion('constructor', 1, { critical: true })] }] };
    expect(scoreReview(form, {})).toMatchObject({ unanswered: ['constructor'], passed: false });
  });

  it('rounds to a whole percent, half up', () => {
    expect(split(1, 7).score).toBe(13); // 1/8 = 12.5%
    expect(split(7, 1).score).toBe(88); // 7/8 = 87.5%
    expect(split(1, 199).score).toBe(1); // 1/200 = 0.5%
    expect(split(1, 2).score).toBe(33); // 1/3 = 33.33%
    expect(split(2, 1).score).toBe(67); // 2/3 = 66.67%
  });

  it('compares the rounded score with the pass mark', () => {
    expect(split(159, 41)).toMatchObject({ score: 80, passed: true }); // 159/200 = 79.5%, rounds up to 80
    expect(split(1589, 411)).toMatchObject({ score: 79, passed: false }); // 1589/2000 = 79.45%, rounds down to 79
    expect(split(4, 1, 81)).toMatchObject({ score: 80, passed: false }); // 4/5 = 80%, under a pass mark of 81
  });

  it('flags a review where nothing applied, scores it 0 and does not pass it', () => {
    const lenient: QualityForm = { ...FORM, sections: FORM.sections.map((section) => ({ ...section, criteria: section.criteria.map((each) => ({ ...each, notApplicableAllowed: true })) })) };
    const allNotApplicable: QualityAnswers = { greeting: 'not-applicable', identity: 'not-applicable', answer: 'not-applicable', reference: 'not-applicable' };
    expect(scoreReview(lenient, allNotApplicable)).toMatchObject({ score: 0, passed: false, complete: true, allNotApplicable: true, notAllowed: [] });
    // On the stricter form the same answers are also not allowed for greeting and answer.
    expect(scoreReview(FORM, allNotApplicable)).toMatchObject({ score: 0, passed: false, complete: false, allNotApplicable: true, notAllowed: ['greeting', 'answer'] });
    // One criterion applying is enough to clear the flag.
    expect(scoreReview(lenient, { ...allNotApplicable, reference: 'yes' })).toMatchObject({ score: 100, passed: true, allNotApplicable: false });
  });
});

describe('scoring against the shipped form', () => {
  it('passes a review with every criterion met, and fails it on any one critical "no"', async () => {
    const { form } = await loadQualityForm(path.resolve(import.meta.dirname, '../../../resources'));
    if (!form) throw new Error('The shipped form did not load.');
    const yes: QualityAnswers = Object.fromEntries(criteriaOf(form).map((each) => [each.id, 'yes']));
    expect(scoreReview(form, yes)).toMatchObject({ score: 100, passed: true });
    const critical = criteriaOf(form).filter((each) => each.critical);
    expect(critical.length).toBeGreaterThan(0);
    for (const each of critical) expect(scoreReview(form, { ...yes, [each.id]: 'no' })).toMatchObject({ passed: false, criticalFailures: [each.id] });
  });
});
