import type { QualityReview, QualityReviewInput } from '../../../shared/contract/quality';
import { SAMPLE_PER_OFFICER } from '../../../shared/contract/quality';
import type { StaffUser } from '../../../shared/domain/staff';
import type { TeamContact } from '../../../shared/domain/team-measures';
import type { QualityForm } from '../../../shared/quality/quality-form';
import { scoreReview } from '../../../shared/quality/score';
import type { QualityBackOffice, TeamBackOffice } from '../back-office/port';
import { NotPossible } from '../ipc/router';

export interface QualityServiceDeps {
  office: () => Promise<(QualityBackOffice & TeamBackOffice) | null>;
  user: () => StaffUser | null;
  /** The council's form from resources/quality; null when it is missing or fails its checks. */
  form: () => Promise<QualityForm | null>;
  now: () => Date;
  /** Picks `count` of `items`; the tests pass one that does not shuffle. */
  pick?: <T>(items: readonly T[], count: number) => T[];
}

/** A fair random pick: Fisher–Yates over a copy. */
function randomPick<T>(items: readonly T[], count: number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy.slice(0, count);
}

/** The most recent contacts a month's sample is drawn from, for one officer. */
const SAMPLE_FROM = 200;

/**
 * Quality monitoring: team leaders score contacts against the council's form (scored here, from
 * the form, whatever the renderer says), and each officer reads and acknowledges their own.
 */
export function createQualityService(deps: QualityServiceDeps) {
  const pick = deps.pick ?? randomPick;
  const signedIn = (): StaffUser => {
    const user = deps.user();
    if (!user) throw new NotPossible('Sign in to see quality reviews.');
    return user;
  };
  const teamLeader = (): StaffUser => {
    const user = signedIn();
    if (user.role !== 'team-leader') throw new NotPossible('Only team leaders can review contacts.');
    return user;
  };
  const office = async () => {
    const found = await deps.office();
    if (!found) throw new NotPossible('Sign in to see quality reviews.');
    return found;
  };
  const form = async (): Promise<QualityForm> => {
    const found = await deps.form();
    if (!found) throw new NotPossible('The council’s quality form could not be read on this computer. Tell the IT service desk.');
    return found;
  };

  return {
    form,

    /** Up to five of an officer's completed contacts in a month that nobody has reviewed yet, picked at random. */
    async sample(staffId: string, month: string): Promise<TeamContact[]> {
      teamLeader();
      const back = await office();
      const [year = 0, monthNumber = 1] = month.split('-').map(Number);
      const from = `${month}-01`;
      const to = `${month}-${String(new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()).padStart(2, '0')}`;
      const [contacts, reviewed] = await Promise.all([back.teamContacts({ kind: 'officer', staffId }, { from, to }, 'all', null, SAMPLE_FROM), back.reviewedContactIds(staffId, from, to)]);
      return pick(
        contacts.filter((contact) => !reviewed.has(contact.id)),
        Math.max(0, SAMPLE_PER_OFFICER - reviewed.size),
      );
    },

    async forContact(contactId: string): Promise<QualityReview | null> {
      teamLeader();
      return (await office()).qualityReview(contactId);
    },

    async save(input: QualityReviewInput): Promise<QualityReview> {
      const reviewer = teamLeader();
      const [back, quality] = await Promise.all([office(), form()]);
      const contact = await back.contactForReview(input.contactId, input.channel);
      if (!contact) throw new NotPossible('That contact is not in the council’s system yet, so it cannot be reviewed. Try again once it has been recorded.');
      if (!contact.completed) throw new NotPossible('That contact is still going on: review it once it has been wrapped up.');
      if (contact.staffId === reviewer.id) throw new NotPossible('You cannot review your own contact: ask another team leader.');
      const score = scoreReview(quality, input.answers);
      if (!score.complete) throw new NotPossible(`Answer every question before saving: ${score.unanswered.length + score.notAllowed.length} still to answer.`);
      return back.saveQualityReview({
        id: contact.id,
        channel: contact.channel,
        staffId: contact.staffId,
        team: contact.team,
        queue: contact.queue,
        contactDay: contact.contactDay,
        reviewedBy: reviewer.id,
        reviewerName: reviewer.displayName,
        reviewedAt: deps.now().toISOString(),
        formVersion: quality.version,
        score: score.score,
        passed: score.passed,
        criticalFail: score.criticalFail,
        answers: Object.fromEntries(Object.entries(input.answers)),
        comments: input.comments.trim(),
      });
    },

    /** The signed-in officer's own reviews. */
    async mine(): Promise<QualityReview[]> {
      const user = signedIn();
      return (await office()).qualityReviewsOf(user.id);
    },

    /** Only the officer reviewed can acknowledge a review, and only their own. */
    async acknowledge(id: string): Promise<QualityReview> {
      const user = signedIn();
      const back = await office();
      const review = await back.qualityReview(id);
      if (!review || review.staffId !== user.id) throw new NotPossible('That review is not one of yours.');
      if (review.acknowledgedAt) return review;
      return back.acknowledgeQualityReview(id, deps.now().toISOString());
    },
  };
}

export type QualityService = ReturnType<typeof createQualityService>;
