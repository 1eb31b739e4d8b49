import { ANSWER_TARGET_SECONDS } from '../../../../shared/domain/interaction';
import type { ContactSaveResult, ContactSubmission } from '../../../../shared/contract/contacts';
import type { CaseService } from '../../../../shared/domain/case';
import { BackOfficeError, isBackOfficeError } from '../errors';
import { errorOf } from './case-batch';
import { isoDateInLondon } from '../../../../shared/service-standards/iso-date';
import type { ContactOutcome } from '../../../../shared/domain/contact';
import { CASE_SERVICE, CONTACT_OUTCOME, CONTACT_OUTCOME_KIND, CONTACT_STATE, FEEDBACK_RATING } from './choices';
import type { AdapterContext } from './context';
import type { TableNames } from './names';
import { isGuid } from './row';
import { sendChangeSet, type ChangeSetWrite } from './change-set';
import type { ContactLengths } from './column-lengths';
import { stableId } from './stable-id';
import { closeCallback } from './callbacks';
import { fitToColumn } from './text-overflow';

const TELL_IT = 'if it keeps happening, tell the IT service desk';

/** The activity table a contact is written to: a call is a phonecall, a visit the council's cd_facetoface, an email Dataverse's email. */
export function contactTable(channel: ContactSubmission['channel'], n: TableNames): { logicalName: string; entitySet: string } {
  if (channel === 'phone') return { logicalName: 'phonecall', entitySet: 'phonecalls' };
  if (channel === 'email') return { logicalName: 'email', entitySet: 'emails' };
  return { logicalName: n.custom('facetoface'), entitySet: n.custom('facetofaces') };
}

/** Every channel a contact comes by, each with its own activity table. */
export const CONTACT_CHANNELS = ['phone', 'face-to-face', 'email'] as const satisfies readonly ContactSubmission['channel'][];

/** Who recorded the contacts, as main knows them, and the council's true-resolution window. */
export interface RecordedBy {
  staffId: string;
  /** The officer's team when the contact was taken: the Team place counts it there for good. */
  team: string;
  trueResolutionDays: number;
}

/**
 * The outcome the 360 view's contact history shows, from the wrap-up code (the council's own
 * codes fall back on what the scripts came to).
 */
export function historyOutcome(contact: ContactSubmission): ContactOutcome {
  switch (contact.disposition) {
    case 'resolved-info':
    case 'resolved-transaction':
      return 'resolved-first-contact';
    case 'case-raised':
    case 'complaint':
      return 'case-raised';
    case 'signposted-online':
      return 'signposted-online';
    case 'transferred':
      return 'transferred';
    case 'emergency':
      return 'escalated';
    case 'compliment':
    case 'wrong-number':
    case 'call-dropped':
      return 'no-further-action';
  }
  if (contact.outcomes.includes('emergency')) return 'escalated';
  if (contact.caseIds.length > 0 || contact.caseReferences.length > 0) return 'case-raised';
  if (contact.resolvedAtFirstContact) return 'resolved-first-contact';
  return 'no-further-action';
}

const seconds = (from: string | null, to: string | null) => (from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : null);

/** Every column CivicDesk writes on a contact's activity, as it stands now. */
export function contactColumns(contact: ContactSubmission, recordedBy: Pick<RecordedBy, 'staffId' | 'team'>, n: TableNames): Record<string, unknown> {
  const c = n.custom;
  const { logicalName } = contactTable(contact.channel, n);
  const phone = contact.channel === 'phone';
  const email = contact.channel === 'email';
  const service = CASE_SERVICE.codes.includes(contact.service as CaseService) ? CASE_SERVICE.value(contact.service as CaseService) : null;
  const body: Record<string, unknown> = {
    // An email's row is named as the email was, so it reads beside the mail in Exchange.
    subject: (email ? `Email: ${contact.emailSubject ?? ''}` : `${phone ? 'Call' : 'Visit'}${contact.queue ? `: ${contact.queue}` : ''}${contact.disposition ? ` (${contact.disposition})` : ''}`).slice(0, 200),
    description: contact.notes,
    actualstart: contact.answeredAt,
    actualend: contact.endedAt,
    [c('contactstate')]: CONTACT_STATE.value(contact.state),
    [c('capturedby')]: recordedBy.staffId,
    [c('team')]: recordedBy.team || null,
    [c('contactday')]: isoDateInLondon(new Date(contact.answeredAt)),
    [c('queue')]: contact.queue,
    [c('service')]: service,
    [c('offeredat')]: contact.offeredAt,
    [c('waitseconds')]: contact.waitedSeconds,
    [c('answeredwithintarget')]: contact.waitedSeconds === null ? null : contact.waitedSeconds <= ANSWER_TARGET_SECONDS,
    [c('handleseconds')]: seconds(contact.answeredAt, contact.endedAt),
    [c('afterworkseconds')]: contact.afterCallWorkSeconds,
    [c('outcomes')]: contact.outcomes.length > 0 ? [...new Set(contact.outcomes)].map((kind) => CONTACT_OUTCOME_KIND.value(kind)).join(',') : null,
    [c('outcomesummary')]: contact.outcomeSummary,
    [c('disposition')]: contact.disposition,
    [c('resolvedatfirstcontact')]: contact.resolvedAtFirstContact,
    [c('couldbeonline')]: contact.couldHaveBeenOnline,
    [c('onlinerouteoffered')]: contact.onlineRouteOffered,
    [c('feedback')]: contact.feedback === null ? null : FEEDBACK_RATING.value(contact.feedback),
    [c('casereferences')]: contact.caseReferences.join(', ') || null,
    [c('interpreterlanguage')]: contact.interpreter?.language ?? null,
    [c('interpretersupplier')]: contact.interpreter?.supplierId ?? null,
    [c('interpreterid')]: contact.interpreter?.interpreterId ?? null,
    [c('interpreterminutes')]: contact.interpreter?.minutes ?? null,
    [c('incompletereason')]: contact.incompleteReason,
  };
  if (phone) {
    body.phonenumber = contact.callerNumber;
    // A call back is the council calling out.
    body.directioncode = Boolean(contact.callbackId);
  }
  if (email) {
    // An email the resident sent: incoming. The reply itself is in Exchange, sent from the contact mailbox.
    body.directioncode = false;
    // The message in the contact mailbox this record is of.
    body[c('graphmessageid')] = contact.emailId ?? null;
  }
  // Who it was about; a contact with nobody identified is regarding nothing ("not identified").
  if (contact.residentId) body[`regardingobjectid_contact_${logicalName}@odata.bind`] = `/contacts(${contact.residentId.toLowerCase()})`;
  const [firstCase] = contact.caseIds;
  if (firstCase) body[`${n.prefix}_CaseId@odata.bind`] = `/incidents(${firstCase.toLowerCase()})`;
  if (contact.state === 'completed') {
    body[c('outcome')] = CONTACT_OUTCOME.value(historyOutcome(contact));
    body.statecode = 1;
    // A call taken is Received (4), not Dataverse's default for completed calls, Made (2); a call back is Made.
    if (phone) body.statuscode = contact.callbackId ? 2 : 4;
    // An email answered is Received (4), one of email's completed status reasons (Completed, Sent, Received, Pending Send, Sending).
    if (email) body.statuscode = 4;
  }
  return body;
}

/** The notes that hold what did not fit in a contact's own columns; the column's text names its note. */
export const CONTACT_CONTINUED = { phone: 'Call notes, continued', 'face-to-face': 'Visit notes, continued', email: 'Email notes, continued', outcomeSummary: 'Outcome summary, continued' } as const;

/**
 * The contact's columns fitted to the tenant's lengths, and a note (annotation) on the activity
 * for each part that did not fit, so nothing the officer typed is refused or lost. Each note's
 * id comes from the contact's, so every send writes the same note rather than another.
 */
export function fitContact(contact: ContactSubmission, columns: Record<string, unknown>, lengths: ContactLengths, n: TableNames): { columns: Record<string, unknown>; notes: ChangeSetWrite[] } {
  const { logicalName, entitySet } = contactTable(contact.channel, n);
  const fitted = { ...columns };
  const notes: ChangeSetWrite[] = [];
  const parts = [
    ['description', lengths.notes, CONTACT_CONTINUED[contact.channel], 'notes-continued'],
    [n.custom('outcomesummary'), lengths.outcomeSummary, CONTACT_CONTINUED.outcomeSummary, 'outcome-summary-continued'],
  ] as const;
  for (const [column, maxLength, subject, name] of parts) {
    const text = fitted[column];
    if (typeof text !== 'string') continue;
    const { column: kept, rest } = fitToColumn(text, maxLength, subject);
    if (rest === null) continue;
    fitted[column] = kept;
    notes.push({
      path: `annotations(${stableId(`${contact.id.toLowerCase()}:${name}`)})`,
      // An upsert (no If-Match or If-None-Match): a resend, or the wrap-up after the call's
      // start, writes the same note again with the latest words, and never fails for finding it there.
      headers: {},
      body: { subject, notetext: rest, isdocument: false, [`objectid_${logicalName}@odata.bind`]: `/${entitySet}(${contact.id.toLowerCase()})` },
    });
  }
  return { columns: fitted, notes };
}

/**
 * Saves contacts as Dataverse activities, exactly once each: the activity's id is the
 * contact's own. An update of the row (If-Match: *) brings it up to date; a row not there yet
 * is made (If-None-Match: *, open), then brought up to date. Dataverse refuses any change to
 * a completed activity, so a resend that finds its contact already completed (its answer was
 * lost) has nothing left to do. Nothing is ever made twice.
 */
export async function saveContacts(context: AdapterContext, contacts: readonly ContactSubmission[], recordedBy: RecordedBy): Promise<ContactSaveResult[]> {
  return Promise.all(contacts.map((contact) => saveOne(context, contact, recordedBy)));
}

async function saveOne(context: AdapterContext, contact: ContactSubmission, recordedBy: RecordedBy): Promise<ContactSaveResult> {
  const { id } = contact;
  if (!isGuid(id)) return { id, result: 'rejected', problem: 'The contact has no proper id, so it cannot be recorded.' };
  const { entitySet, logicalName } = contactTable(contact.channel, context.names);
  const path = `${entitySet}(${id.toLowerCase()})`;
  try {
    // The tenant's columns may be shorter than what the form takes: the rest goes into notes.
    const { columns: full, notes } = fitContact(contact, contactColumns(contact, recordedBy, context.names), await context.contactLengths(logicalName), context.names);
    // With notes, the activity and its notes go in one change set: both kept, or neither.
    const write = (where: string, headers: Record<string, string>, body: Record<string, unknown>) =>
      notes.length > 0
        ? sendChangeSet(context.client, [{ path: where, headers, body }, ...notes])
        : context.client.sendOnce('PATCH', where, { headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body), timeoutMs: 30_000 });
    let answer = await write(path, { 'If-Match': '*' }, full);
    if (answer.status === 404) {
      // Not there yet: made open (an activity is made open and then completed), then brought up to date.
      const { statecode: _completed, statuscode: _received, ...open } = full;
      const made = await write(path, { 'If-None-Match': '*' }, open);
      if (made.status !== 204 && made.status !== 201 && made.status !== 412) return failure(id, made.status, await made.text(), made.headers.get('retry-after'));
      await made.text();
      answer = full.statecode === undefined && made.status !== 412 ? made : await write(path, { 'If-Match': '*' }, full);
    }
    if (answer.status === 400 && (await isClosed(context, path))) {
      // Completed already, by an earlier send of this contact whose answer never came back.
      await answer.text();
    } else if (answer.status !== 204 && answer.status !== 200 && answer.status !== 201) return failure(id, answer.status, await answer.text(), answer.headers.get('retry-after'));
    else await answer.text();
    if (contact.state === 'completed') {
      const problem = await recordRepeats(context, contact, full, recordedBy.trueResolutionDays);
      if (problem) return problem;
      // A call back made: done once its call is recorded (a resend finds it done and leaves it).
      if (contact.callbackId) await closeCallback(context, contact.callbackId, contact.endedAt ?? context.now().toISOString());
    }
    return { id, result: 'saved' };
  } catch (error) {
    const failed = isBackOfficeError(error) ? error : new BackOfficeError('unreachable');
    // A refusal (no permission to read colleagues' contacts, a query turned down) comes back the
    // same every time: it waits for someone to act, as a refused write does, not for ever in the queue.
    if (failed.failure === 'permission' || failed.failure === 'rejected') return { id, result: 'rejected', problem: `${failed.message}${failed.code ? ` (${failed.code})` : ''}` };
    return { id, result: 'retry', afterMs: 5_000, problem: failed.message };
  }
}

/** Whether the activity at this path is completed or cancelled (statecode not Open). */
async function isClosed(context: AdapterContext, path: string): Promise<boolean> {
  const row = await context.client.readRow(`${path}?$select=statecode`).catch(() => null);
  return typeof row?.statecode === 'number' && row.statecode !== 0;
}

const DAY_MS = 86_400_000;

/** What the Team place needs to know of a contact that was followed by another. */
type Repeated = { id: string; channel: ContactSubmission['channel']; columns: Record<string, unknown> };

/**
 * True first-contact resolution: a contact is not truly resolved if the same resident
 * contacted the council again about the same service within the window. Completed
 * activities cannot be changed, so each contact found to have been followed gets a row of its
 * own in cd_repeatcontacts, its id the contact's, made only if not there (If-None-Match: *):
 * the earlier contacts this one follows, and this one if a later contact (recorded first, from
 * a PC that was offline) follows it. A resend makes nothing twice.
 */
async function recordRepeats(context: AdapterContext, contact: ContactSubmission, own: Record<string, unknown>, days: number): Promise<ContactSaveResult | null> {
  const c = context.names.custom;
  const { earlier, later } = await repeatContacts(context, contact, days);
  const ownDay = own[c('contactday')];
  const followed: [Repeated, unknown][] = earlier.map((each) => [each, ownDay]);
  if (later) followed.push([{ id: contact.id.toLowerCase(), channel: contact.channel, columns: own }, later]);
  for (const [repeated, againOn] of followed) {
    const body = {
      [c('name')]: `${CONTACT_WORD[repeated.channel]} on ${String(repeated.columns[c('contactday')])}, contacted again on ${String(againOn)}`,
      [c('channel')]: repeated.channel,
      [c('contactday')]: repeated.columns[c('contactday')] ?? null,
      [c('capturedby')]: repeated.columns[c('capturedby')] ?? null,
      [c('team')]: repeated.columns[c('team')] ?? null,
      [c('queue')]: repeated.columns[c('queue')] ?? null,
      [c('service')]: repeated.columns[c('service')] ?? null,
      [c('resolvedatfirstcontact')]: repeated.columns[c('resolvedatfirstcontact')] ?? null,
      [c('contactedagainon')]: againOn,
    };
    const made = await context.client.sendOnce('PATCH', `${c('repeatcontacts')}(${repeated.id})`, { headers: { 'Content-Type': 'application/json; charset=utf-8', 'If-None-Match': '*' }, body: JSON.stringify(body), timeoutMs: 30_000 });
    // 412: recorded already, by this contact's earlier send or by the other contact.
    if (made.status !== 204 && made.status !== 201 && made.status !== 412) return failure(contact.id, made.status, await made.text(), made.headers.get('retry-after'));
    await made.text();
  }
  return null;
}

/** A contact in a word, as a repeat contact's name says it. */
const CONTACT_WORD = { phone: 'Call', 'face-to-face': 'Visit', email: 'Email' } as const;

/**
 * Completed contacts from the same resident about the same service within the true
 * resolution window either side of this one, on any channel: the earlier ones, with what
 * the Team place counts them by, and the day of the first later one (null if none).
 * Nothing for a contact about nobody or no service.
 */
async function repeatContacts(context: AdapterContext, contact: ContactSubmission, days: number): Promise<{ earlier: Repeated[]; later: string | null }> {
  const service = contact.service && CASE_SERVICE.codes.includes(contact.service as CaseService) ? CASE_SERVICE.value(contact.service as CaseService) : null;
  if (!contact.residentId || service === null) return { earlier: [], later: null };
  const c = context.names.custom;
  const at = Date.parse(contact.answeredAt);
  const from = new Date(at - days * DAY_MS).toISOString();
  const to = new Date(at + days * DAY_MS).toISOString();
  const filter = [
    `_regardingobjectid_value eq ${contact.residentId.toLowerCase()}`,
    `${c('service')} eq ${service}`,
    `actualstart ge ${from}`,
    `actualstart le ${to}`,
    `activityid ne ${contact.id.toLowerCase()}`,
    'statecode eq 1',
  ].join(' and ');
  const columns = ['activityid', 'actualstart', c('contactday'), c('capturedby'), c('team'), c('queue'), c('service'), c('resolvedatfirstcontact')];
  const earlier: Repeated[] = [];
  let later: string | null = null;
  for (const channel of CONTACT_CHANNELS) {
    const { entitySet } = contactTable(channel, context.names);
    const { rows } = await context.client.readAll(`${entitySet}?$select=${columns.join(',')}&$filter=${encodeURIComponent(filter)}`);
    for (const row of rows) {
      const when = Date.parse(String(row.actualstart));
      if (when < at) earlier.push({ id: String(row.activityid).toLowerCase(), channel, columns: row });
      else {
        const day = typeof row[c('contactday')] === 'string' ? (row[c('contactday')] as string) : isoDateInLondon(new Date(when));
        if (later === null || day < later) later = day;
      }
    }
  }
  return { earlier, later };
}

function failure(id: string, status: number, body: string, retryAfter: string | null): ContactSaveResult {
  if (status === 429) {
    const wait = Number(retryAfter);
    return { id, result: 'retry', afterMs: Number.isFinite(wait) ? Math.ceil(wait * 1000) : 5_000, problem: new BackOfficeError('busy').message };
  }
  if (status >= 500) return { id, result: 'retry', afterMs: 5_000, problem: new BackOfficeError('unavailable').message };
  if (status === 401) return { id, result: 'retry', afterMs: 5_000, problem: new BackOfficeError('sign-in').message };
  const { code, message } = errorOf(body);
  return { id, result: 'rejected', problem: `The council’s system turned down the record of this contact${message ? `: “${message}”` : ''}${code ? ` (${code})` : ''}; ${TELL_IT}.` };
}
