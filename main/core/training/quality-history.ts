import type { QualityForm } from '../../../shared/quality/quality-form';
import { criteriaOf } from '../../../shared/quality/quality-form';
import { scoreReview, type QualityAnswer } from '../../../shared/quality/score';
import type { TableNames } from '../back-office/dataverse/names';
import { rowIdFor } from './dataverse/row-ids';
import type { StandInRow } from './dataverse/rows-people';
import { createRandom, deriveSeed } from './random';
import type { TeamHistoryContact } from './team-history';
import type { TrainingDataset } from './types';

/** A team leader samples this many of each officer's contacts a month (quality-service.ts asks the same)... */
const SAMPLED_A_MONTH = 5;
/** ...and has got through this many of the month still running, so a trainee has some left to review. */
const SAMPLED_SO_FAR = 2;
const DAY_MS = 86_400_000;
/** A review is written a day or two after the contact, and read by most officers the day after. */
const READ_SHARE = 0.75;
/** How often a criterion that allows it did not arise in the contact. */
const NOT_APPLICABLE = 0.12;
/** How often a reviewed contact missed something critical (identity, an emergency, a vulnerability). */
const CRITICAL_MISS = 0.015;

/**
 * The team leaders' quality reviews of the history's contacts, as CivicDesk saves them
 * (quality-reviews.ts: one per contact, its id the contact's), scored by the council's own
 * form so the Team place's "% meeting the quality standard" has believable figures: five of
 * each officer's completed contacts a month, spread over the month, two so far this month;
 * some officers more careful than others; most reviews read by the officer.
 */
export function qualityHistoryRows(dataset: TrainingDataset, names: TableNames, contacts: readonly TeamHistoryContact[], form: QualityForm, contactId: (number: number) => string): StandInRow[] {
  const c = names.custom;
  const today = Date.parse(dataset.generatedAt.slice(0, 10));
  const thisMonth = dataset.generatedAt.slice(0, 7);
  const staff = new Map(dataset.staff.map((each) => [each.id, each]));
  const reviewerOf = new Map(dataset.staff.filter((each) => each.role === 'team-leader').map((leader) => [leader.team, leader]));
  const criteria = criteriaOf(form);

  // Each officer's completed contacts by month, in the order answered; none from the last two
  // days, whose reviews would be written after today.
  const byOfficerMonth = new Map<string, TeamHistoryContact[]>();
  for (const contact of contacts) {
    if (contact.incompleteReason !== null || staff.get(contact.staffId)?.role === 'team-leader') continue;
    if (contact.answeredAt + 2 * DAY_MS > today) continue;
    const key = `${contact.staffId} ${contact.contactDay.slice(0, 7)}`;
    const list = byOfficerMonth.get(key);
    if (list) list.push(contact);
    else byOfficerMonth.set(key, [contact]);
  }

  const rows: StandInRow[] = [];
  for (const [key, list] of byOfficerMonth) {
    const [staffId = '', month = ''] = key.split(' ');
    const officer = staff.get(staffId);
    const reviewer = officer && reviewerOf.get(officer.team);
    if (!officer || !reviewer) continue;
    const care = 0.86 + createRandom(deriveSeed(dataset.seed, 'quality-history', staffId)).next() * 0.13;
    const wanted = Math.min(list.length, month === thisMonth ? SAMPLED_SO_FAR : SAMPLED_A_MONTH);
    for (let pick = 0; pick < wanted; pick += 1) {
      const contact = list[Math.floor(((pick + 0.5) * list.length) / wanted)];
      if (!contact) continue;
      const random = createRandom(deriveSeed(dataset.seed, 'quality-history', contact.number));
      const critical = random.next() < CRITICAL_MISS;
      const answers: Record<string, QualityAnswer> = {};
      for (const criterion of criteria) {
        if (criterion.notApplicableAllowed && random.next() < NOT_APPLICABLE) answers[criterion.id] = 'not-applicable';
        else if (criterion.critical) answers[criterion.id] = critical ? 'no' : 'yes';
        else answers[criterion.id] = random.next() < care ? 'yes' : 'no';
      }
      const score = scoreReview(form, answers);
      const reviewedAt = Math.min(contact.answeredAt + DAY_MS + Math.floor(random.next() * DAY_MS), today - 1000);
      const readAt = reviewedAt + DAY_MS;
      const id = contactId(contact.number);
      rows.push({
        [c('qualityreviewid')]: id,
        [c('name')]: `Quality review: ${contact.channel === 'phone' ? 'call' : 'visit'} on ${contact.contactDay}`,
        [names.lookup('phonecallid')]: contact.channel === 'phone' ? id : null,
        [names.lookup('facetofaceid')]: contact.channel === 'phone' ? null : id,
        [c('staffid')]: staffId,
        [c('team')]: contact.team,
        [c('queue')]: contact.queue,
        [c('contactday')]: contact.contactDay,
        [c('reviewedby')]: reviewer.id,
        [c('reviewername')]: reviewer.displayName,
        [c('reviewedat')]: dataverseInstant(reviewedAt),
        [c('formversion')]: form.version,
        [c('score')]: score.score,
        [c('passed')]: score.passed,
        [c('criticalfail')]: score.criticalFail,
        [c('answers')]: JSON.stringify(answers),
        [c('comments')]: score.passed ? '' : 'Talked through at our one-to-one.',
        [c('acknowledgedat')]: readAt < today && random.next() < READ_SHARE ? dataverseInstant(readAt) : null,
        createdon: dataverseInstant(reviewedAt),
        _ownerid_value: rowIdFor(staffId),
      });
    }
  }
  return rows;
}

/** As Dataverse writes an instant: to the second, with a Z. */
const dataverseInstant = (epochMs: number) => `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
