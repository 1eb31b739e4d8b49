import { z } from 'zod';
import { QUALITY_ANSWERS, type QualityAnswer } from '../quality/score';

/** The most criteria a review answers: far more than any form has. */
const MOST_CRITERIA = 100;

/**
 * A team leader's review of one contact against the council's quality form. The score is
 * worked out in main from the form, never taken from the renderer.
 */
export const qualityReviewInput = z.strictObject({
  contactId: z.uuid(),
  channel: z.enum(['phone', 'face-to-face']),
  answers: z.record(z.string().regex(/^[a-z0-9-]{1,64}$/), z.enum(QUALITY_ANSWERS)).refine((answers) => Object.keys(answers).length <= MOST_CRITERIA, 'Too many answers.'),
  comments: z.string().max(2000),
});
export type QualityReviewInput = z.output<typeof qualityReviewInput>;

/** A month as 'YYYY-MM'. */
export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month like 2026-11.');

/** A saved review, as the team leader and the officer reviewed both see it. */
export interface QualityReview {
  /** The same id as the contact it reviews: a contact has one review. */
  id: string;
  channel: 'phone' | 'face-to-face';
  staffId: string;
  team: string | null;
  queue: string | null;
  contactDay: string;
  reviewedBy: string;
  reviewerName: string;
  reviewedAt: string;
  formVersion: number;
  score: number;
  passed: boolean;
  criticalFail: boolean;
  answers: Record<string, QualityAnswer>;
  comments: string;
  acknowledgedAt: string | null;
}

/** How many contacts a month's sample offers for each officer. */
export const SAMPLE_PER_OFFICER = 5;
