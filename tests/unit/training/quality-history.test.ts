import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableNames } from '../../../main/core/back-office/dataverse/names';
import { loadQualityForm } from '../../../main/core/quality/quality-form-file';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { createTrainingBackOffice } from '../../../main/core/training/dataverse/training-back-office';
import { generateTrainingData } from '../../../main/core/training/generator';
import { teamHistoryContacts, teamHistoryRows } from '../../../main/core/training/team-history';
import { scoreReview } from '../../../shared/quality/score';

/** The team leaders' reviews in the training history, so "% meeting the quality standard" has figures. */
const names = tableNames();
const { form } = await loadQualityForm(path.resolve(import.meta.dirname, '../../../resources'));
if (!form) throw new Error('the shipped quality form does not load');
const dataset = generateTrainingData({ seed: 20201, residents: 60, asOf: '2025-04-10' });
const contacts = teamHistoryContacts(dataset, { contacts: 12_000 });
const reviews = teamHistoryRows(dataset, names, { contacts: 12_000, qualityForm: form }).get('cd_qualityreviews') ?? [];
const contactById = new Map(contacts.map((contact) => [`00000010-0000-4000-8000-${String(contact.number).padStart(12, '0')}`, contact]));
const staff = new Map(dataset.staff.map((each) => [each.id, each]));

describe('the training history’s quality reviews', () => {
  it('comes only with the form', () => {
    expect(teamHistoryRows(dataset, names, { contacts: 1_000 }).has('cd_qualityreviews')).toBe(false);
    expect(reviews.length).toBeGreaterThan(100);
  });

  it('reviews five of each officer’s completed contacts a month, two so far this month, and none of a team leader’s', () => {
    const perOfficerMonth = new Map<string, number>();
    for (const review of reviews) {
      const contact = contactById.get(String(review.cd_qualityreviewid));
      expect(contact, 'a review is of a history contact, with its id').toBeDefined();
      if (!contact) continue;
      expect(contact.incompleteReason).toBeNull();
      expect(staff.get(contact.staffId)?.role).not.toBe('team-leader');
      expect(review).toMatchObject({ cd_staffid: contact.staffId, cd_team: contact.team, cd_queue: contact.queue, cd_contactday: contact.contactDay, _ownerid_value: rowIdFor(contact.staffId) });
      expect(contact.channel === 'phone' ? review._cd_phonecallid_value : review._cd_facetofaceid_value).toBe(review.cd_qualityreviewid);
      const key = `${contact.staffId} ${contact.contactDay.slice(0, 7)}`;
      perOfficerMonth.set(key, (perOfficerMonth.get(key) ?? 0) + 1);
    }
    for (const [key, count] of perOfficerMonth) expect(count, key).toBe(key.endsWith('2025-04') ? 2 : 5);
  });

  it('is reviewed by the officer’s own team leader after the contact and before today, and mostly read', () => {
    for (const review of reviews) {
      const officer = staff.get(String(review.cd_staffid));
      const reviewer = staff.get(String(review.cd_reviewedby));
      expect(reviewer).toMatchObject({ role: 'team-leader', team: officer?.team, displayName: review.cd_reviewername });
      const reviewedAt = Date.parse(String(review.cd_reviewedat));
      expect(reviewedAt).toBeGreaterThan(Date.parse(String(review.cd_contactday)));
      expect(reviewedAt).toBeLessThan(Date.parse('2025-04-10'));
      if (review.cd_acknowledgedat !== null) expect(Date.parse(String(review.cd_acknowledgedat))).toBeGreaterThan(reviewedAt);
    }
    const read = reviews.filter((review) => review.cd_acknowledgedat !== null).length / reviews.length;
    expect(read).toBeGreaterThan(0.5);
    expect(read).toBeLessThan(0.95);
  });

  it('is scored by the form: most meet the standard, some do not, a few for a critical miss', () => {
    for (const review of reviews) {
      const score = scoreReview(form, JSON.parse(String(review.cd_answers)) as Record<string, 'yes'>);
      expect(score.complete).toBe(true);
      expect(review).toMatchObject({ cd_score: score.score, cd_passed: score.passed, cd_criticalfail: score.criticalFail, cd_formversion: form.version });
    }
    const passed = reviews.filter((review) => review.cd_passed === true).length / reviews.length;
    expect(passed).toBeGreaterThan(0.6);
    expect(passed).toBeLessThan(0.98);
    expect(reviews.some((review) => review.cd_criticalfail === true)).toBe(true);
  });

  it('reads back through the adapter as a review like any other', async () => {
    // As a team leader, signed in to the training identity through MSAL as training does it.
    const leader = dataset.staff.find((member) => member.role === 'team-leader')?.id ?? null;
    const office = await createTrainingBackOffice(dataset, { teamHistory: { contacts: 2_000, qualityForm: form }, caller: () => leader });
    try {
      const [row] = office.standIn.rows('cd_qualityreviews');
      if (!row) throw new Error('no reviews in the stand-in');
      const review = await office.backOffice.qualityReview(String(row.cd_qualityreviewid));
      expect(review).toMatchObject({ id: row.cd_qualityreviewid, staffId: row.cd_staffid, score: row.cd_score, passed: row.cd_passed });
    } finally {
      await office.close();
    }
  });
});
