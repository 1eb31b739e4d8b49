import { ANSWER_TARGET_SECONDS } from '../../../../shared/domain/interaction';
import type { ContactSaveResult, ContactSubmission } from '../../../../shared/contract/contacts';
import type { CaseService } from '../../../../shared/domain/case';
import { BackOfficeError, isBackOfficeError } from '../errors';
import { errorOf } from './case-batch';
import { CASE_SERVICE, CONTACT_OUTCOME_KIND, CONTACT_STATE, FEEDBACK_RATING } from './choices';
import type { AdapterContext } from './context';
import type { TableNames } from './names';
import { isGuid } from './row';

const TELL_IT = 'if it keeps happening, tell the IT service desk';

/** The activity table a contact is written to: a call is a phonecall, a visit the council's cd_facetoface. */
export function contactTable(channel: ContactSubmission['channel'], n: TableNames): { logicalName: string; entitySet: string } {
  return channel === 'phone' ? { logicalName: 'phonecall', entitySet: 'phonecalls' } : { logicalName: n.custom('facetoface'), entitySet: n.custom('facetofaces') };
}

const seconds = (from: string | null, to: string | null) => (from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : null);

/** Every column CivicDesk writes on a contact's activity, as it stands now. */
export function contactColumns(contact: ContactSubmission, capturedBy: string, n: TableNames): Record<string, unknown> {
  const c = n.custom;
  const { logicalName } = contactTable(contact.channel, n);
  const phone = contact.channel === 'phone';
  const service = CASE_SERVICE.codes.includes(contact.service as CaseService) ? CASE_SERVICE.value(contact.service as CaseService) : null;
  const body: Record<string, unknown> = {
    subject: `${phone ? 'Call' : 'Visit'}${contact.queue ? `: ${contact.queue}` : ''}${contact.disposition ? ` (${contact.disposition})` : ''}`.slice(0, 200),
    description: contact.notes,
    actualstart: contact.answeredAt,
    actualend: contact.endedAt,
    [c('contactstate')]: CONTACT_STATE.value(contact.state),
    [c('capturedby')]: capturedBy,
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
    body.directioncode = false;
  }
  // Who it was about; a contact with nobody identified is regarding nothing ("not identified").
  if (contact.residentId) body[`regardingobjectid_contact_${logicalName}@odata.bind`] = `/contacts(${contact.residentId.toLowerCase()})`;
  const [firstCase] = contact.caseIds;
  if (firstCase) body[`${n.prefix}_CaseId@odata.bind`] = `/incidents(${firstCase.toLowerCase()})`;
  if (contact.state === 'completed') body.statecode = 1;
  return body;
}

/**
 * Saves contacts as Dataverse activities, exactly once each: the activity's id is the
 * contact's own. An update of the row (If-Match: *) brings it up to date; a row not there yet
 * is made (If-None-Match: *, open), then brought up to date. A resend after a lost answer
 * finds the row and writes the same values again; nothing is ever made twice.
 */
export async function saveContacts(context: AdapterContext, contacts: readonly ContactSubmission[], capturedBy: string): Promise<ContactSaveResult[]> {
  return Promise.all(contacts.map((contact) => saveOne(context, contact, capturedBy)));
}

async function saveOne(context: AdapterContext, contact: ContactSubmission, capturedBy: string): Promise<ContactSaveResult> {
  const { id } = contact;
  if (!isGuid(id)) return { id, result: 'rejected', problem: 'The contact has no proper id, so it cannot be recorded.' };
  const { entitySet } = contactTable(contact.channel, context.names);
  const path = `${entitySet}(${id.toLowerCase()})`;
  const full = contactColumns(contact, capturedBy, context.names);
  const write = (headers: Record<string, string>, body: Record<string, unknown>) =>
    context.client.sendOnce('PATCH', path, { headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body), timeoutMs: 30_000 });
  try {
    let answer = await write({ 'If-Match': '*' }, full);
    if (answer.status === 404) {
      // Not there yet: made open (an activity is made open and then completed), then brought up to date.
      const { statecode: _completed, ...open } = full;
      const made = await write({ 'If-None-Match': '*' }, open);
      if (made.status !== 204 && made.status !== 201 && made.status !== 412) return failure(id, made.status, await made.text(), made.headers.get('retry-after'));
      await made.text();
      answer = full.statecode === undefined && made.status !== 412 ? made : await write({ 'If-Match': '*' }, full);
    }
    if (answer.status === 204 || answer.status === 200 || answer.status === 201) {
      await answer.text();
      return { id, result: 'saved' };
    }
    return failure(id, answer.status, await answer.text(), answer.headers.get('retry-after'));
  } catch (error) {
    return { id, result: 'retry', afterMs: 5_000, problem: (isBackOfficeError(error) ? error : new BackOfficeError('unreachable')).message };
  }
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
