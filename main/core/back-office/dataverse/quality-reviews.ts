import type { QualityReview } from '../../../../shared/contract/quality';
import { QUALITY_ANSWERS, type QualityAnswer } from '../../../../shared/quality/score';
import { BackOfficeError } from '../errors';
import type { AdapterContext } from './context';
import { contactTable } from './contact-recording';
import { failureFrom } from './failures';
import { date, dateTime, isGuid, text, type Row } from './row';

/**
 * Quality reviews in the council's cd_qualityreview table (docs/dataverse-tables.md). A
 * review's id is the contact's own, so a contact has one review and saving it again changes
 * that one. It carries the contact's officer, team, queue and day, so the Team place can add
 * reviews up on the server the same way as contacts.
 */

/** What a review needs to know of the contact it reviews: what the review carries of it, and whether it is over. */
export type ReviewedContact = Pick<QualityReview, 'id' | 'channel' | 'staffId' | 'team' | 'queue' | 'contactDay'> & { completed: boolean };

export async function readContactForReview(context: AdapterContext, id: string, channel: 'phone' | 'face-to-face'): Promise<ReviewedContact | null> {
  if (!isGuid(id)) return null;
  const c = context.names.custom;
  const { entitySet } = contactTable(channel, context.names);
  const row = await context.client.readRow(`${entitySet}(${id.toLowerCase()})?$select=activityid,statecode,${c('capturedby')},${c('team')},${c('queue')},${c('contactday')}`);
  if (!row) return null;
  const staffId = text(row, c('capturedby'));
  const contactDay = date(row, c('contactday'));
  if (!staffId || !contactDay) return null;
  return { id: id.toLowerCase(), channel, staffId, team: text(row, c('team')), queue: text(row, c('queue')), contactDay, completed: row.statecode === 1 };
}

const reviews = (context: AdapterContext) => context.names.custom('qualityreviews');

function columns(context: AdapterContext): string[] {
  const c = context.names.custom;
  return [c('qualityreviewid'), context.names.lookup('phonecallid'), c('staffid'), c('team'), c('queue'), c('contactday'), c('reviewedby'), c('reviewername'), c('reviewedat'), c('formversion'), c('score'), c('passed'), c('criticalfail'), c('answers'), c('comments'), c('acknowledgedat')];
}

function answersOf(value: string | null): Record<string, QualityAnswer> {
  if (!value) return {};
  try {
    const parsed = JSON.parse(value) as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, QualityAnswer] => (QUALITY_ANSWERS as readonly unknown[]).includes(entry[1])));
  } catch {
    return {};
  }
}

function toReview(context: AdapterContext, row: Row): QualityReview {
  const c = context.names.custom;
  const whole = (column: string) => (typeof row[column] === 'number' ? (row[column] as number) : 0);
  return {
    id: String(row[c('qualityreviewid')]).toLowerCase(),
    channel: row[context.names.lookup('phonecallid')] ? 'phone' : 'face-to-face',
    staffId: text(row, c('staffid')) ?? '',
    team: text(row, c('team')),
    queue: text(row, c('queue')),
    contactDay: date(row, c('contactday')) ?? '',
    reviewedBy: text(row, c('reviewedby')) ?? '',
    reviewerName: text(row, c('reviewername')) ?? '',
    reviewedAt: dateTime(row, c('reviewedat')) ?? '',
    formVersion: whole(c('formversion')),
    score: whole(c('score')),
    passed: row[c('passed')] === true,
    criticalFail: row[c('criticalfail')] === true,
    answers: answersOf(text(row, c('answers'))),
    comments: text(row, c('comments')) ?? '',
    acknowledgedAt: dateTime(row, c('acknowledgedat')),
  };
}

export async function readQualityReview(context: AdapterContext, id: string): Promise<QualityReview | null> {
  if (!isGuid(id)) return null;
  const row = await context.client.readRow(`${reviews(context)}(${id.toLowerCase()})?$select=${columns(context).join(',')}`);
  return row ? toReview(context, row) : null;
}

/**
 * Saves a review: made if the contact has none (If-None-Match: *), otherwise changed (If-Match:
 * *). A changed review is acknowledged afresh, since the officer acknowledged what it said before.
 */
export async function saveQualityReview(context: AdapterContext, review: Omit<QualityReview, 'acknowledgedAt'>): Promise<QualityReview> {
  const c = context.names.custom;
  const path = `${reviews(context)}(${review.id.toLowerCase()})`;
  const contact = contactTable(review.channel, context.names);
  const body: Record<string, unknown> = {
    [c('name')]: `Quality review: ${review.channel === 'phone' ? 'call' : 'visit'} on ${review.contactDay}`,
    [c('staffid')]: review.staffId,
    [c('team')]: review.team,
    [c('queue')]: review.queue,
    [c('contactday')]: review.contactDay,
    [c('reviewedby')]: review.reviewedBy,
    [c('reviewername')]: review.reviewerName,
    [c('reviewedat')]: review.reviewedAt,
    [c('formversion')]: review.formVersion,
    [c('score')]: review.score,
    [c('passed')]: review.passed,
    [c('criticalfail')]: review.criticalFail,
    [c('answers')]: JSON.stringify(review.answers),
    [c('comments')]: review.comments,
    [c('acknowledgedat')]: null,
    [`${context.names.prefix}_${review.channel === 'phone' ? 'PhoneCallId' : 'FaceToFaceId'}@odata.bind`]: `/${contact.entitySet}(${review.id.toLowerCase()})`,
  };
  // Dataverse would make the reviewer the owner; the review is given to the officer reviewed
  // (the contact's owner), so their own read finds it. The reviewer needs Assign for this.
  const officer = await context.client.readRow(`${contact.entitySet}(${review.id.toLowerCase()})?$select=_ownerid_value`);
  const owner = officer ? text(officer, '_ownerid_value') : null;
  if (owner) body['ownerid@odata.bind'] = `/systemusers(${owner.toLowerCase()})`;
  const write = (headers: Record<string, string>) => context.client.sendOnce('PATCH', path, { headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body), timeoutMs: 30_000 });
  let answer = await write({ 'If-None-Match': '*' });
  if (answer.status === 412) {
    await answer.text();
    answer = await write({ 'If-Match': '*' });
  }
  if (answer.status !== 204 && answer.status !== 201 && answer.status !== 200) throw await failureFrom(answer);
  await answer.text();
  const saved = await readQualityReview(context, review.id);
  if (!saved) throw new BackOfficeError('unreadable', { detail: 'A saved quality review could not be read back.' });
  return saved;
}

/** An officer's own reviews, newest first. */
export async function qualityReviewsOf(context: AdapterContext, staffId: string, top = 50): Promise<QualityReview[]> {
  const c = context.names.custom;
  const filter = `${c('staffid')} eq '${staffId.replaceAll("'", "''")}'`;
  const { rows } = await context.client.readAll(`${reviews(context)}?$select=${columns(context).join(',')}&$filter=${encodeURIComponent(filter)}&$orderby=${c('reviewedat')} desc&$top=${top}`);
  return rows.map((row) => toReview(context, row));
}

/** The ids of the contacts already reviewed for an officer in a range of days. */
export async function reviewedContactIds(context: AdapterContext, staffId: string, from: string, to: string): Promise<Set<string>> {
  const c = context.names.custom;
  const filter = `${c('staffid')} eq '${staffId.replaceAll("'", "''")}' and ${c('contactday')} ge ${from} and ${c('contactday')} le ${to}`;
  const { rows } = await context.client.readAll(`${reviews(context)}?$select=${c('qualityreviewid')}&$filter=${encodeURIComponent(filter)}`);
  return new Set(rows.map((row) => String(row[c('qualityreviewid')]).toLowerCase()));
}

/** The officer's acknowledgement that they have read the review. */
export async function acknowledgeQualityReview(context: AdapterContext, id: string, at: string): Promise<QualityReview> {
  const c = context.names.custom;
  const answer = await context.client.sendOnce('PATCH', `${reviews(context)}(${id.toLowerCase()})`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'If-Match': '*' },
    body: JSON.stringify({ [c('acknowledgedat')]: at }),
    timeoutMs: 30_000,
  });
  if (answer.status !== 204 && answer.status !== 200) throw await failureFrom(answer);
  await answer.text();
  const saved = await readQualityReview(context, id);
  if (!saved) throw new BackOfficeError('not-found');
  return saved;
}
