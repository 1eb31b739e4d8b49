import type { Callback, CallbackFor } from '../../../../shared/domain/callback';
import { BackOfficeError } from '../errors';
import { CALLBACK_FOR } from './choices';
import { readRow, readRows, type AdapterContext } from './context';
import { failureFrom } from './failures';
import { anyOf, query, quoted, recordId, select } from './odata';
import { choice, dateTime, formatted, isGuid, lookup, requiredText, text, UnreadableRow, type Row } from './row';

/**
 * Call backs as the council's system keeps them: each a phone call (Dataverse's `phonecall`)
 * scheduled ahead (scheduledstart, scheduledend), outgoing, regarding the resident, with
 * `cd_callbackfor` saying whose it is and `cd_callbackattempts` how often nobody answered
 * (docs/dataverse-tables.md, "Call backs"). Its id is made on the workstation, so every write
 * can be repeated: a second create is refused as a duplicate (412) and counts as done.
 */
export interface CallbackRecord {
  id: string;
  residentId: string;
  number: string;
  reason: string;
  from: string;
  to: string;
  forWhom: CallbackFor;
  /** The officer's staff id, as every contact CivicDesk records carries it. */
  capturedBy: string;
  interactionId: string | null;
}

const SUBJECT = 'Call back: ';
const ATTEMPT_SUBJECT = 'Call back attempt: no answer';
/** A phone call's statecode and statuscode: Open; Completed and Made. */
const OPEN = 0;
const COMPLETED = 1;
const MADE = 2;
/** Done call backs stay in the list for a day, so the officer sees what was done. */
const DONE_LISTED_MS = 24 * 60 * 60 * 1000;

const columns = (context: AdapterContext) => {
  const c = context.names.custom;
  return ['activityid', 'subject', 'phonenumber', 'scheduledstart', 'scheduledend', 'statecode', 'actualend', '_regardingobjectid_value', '_ownerid_value', c('callbackfor'), c('callbackattempts')];
};

function toCallback(row: Row, context: AdapterContext): Callback {
  const c = context.names.custom;
  const residentId = lookup(row, '_regardingobjectid_value');
  const from = dateTime(row, 'scheduledstart');
  const to = dateTime(row, 'scheduledend');
  const forWhom = choice(row, c('callbackfor'), CALLBACK_FOR);
  if (!residentId || !from || !to || !forWhom) throw new UnreadableRow('a call back without its resident, window or owner');
  const subject = requiredText(row, 'subject');
  const done = row.statecode === COMPLETED;
  return {
    id: requiredText(row, 'activityid').toLowerCase(),
    residentId,
    residentName: formatted(row, '_regardingobjectid_value') ?? 'A resident',
    number: text(row, 'phonenumber') ?? '',
    reason: subject.startsWith(SUBJECT) ? subject.slice(SUBJECT.length) : subject,
    from,
    to,
    forWhom,
    ownerName: formatted(row, '_ownerid_value'),
    status: done ? 'done' : 'open',
    attempts: typeof row[c('callbackattempts')] === 'number' ? (row[c('callbackattempts')] as number) : 0,
    doneAt: done ? dateTime(row, 'actualend') : null,
  };
}

const NOT_THERE = 'That call back is not in the council’s system. Look at the Callbacks place again.';

async function readCallback(context: AdapterContext, id: string): Promise<Callback> {
  const row = await context.client.readRow(`phonecalls(${recordId(id)})?$select=${select(columns(context))}`);
  if (!row) throw new BackOfficeError('not-found', { message: NOT_THERE, detail: 'no phonecall with that id' });
  // Another phone call (a call taken, an attempt) is not a call back, and is never changed as one.
  if (row[context.names.custom('callbackfor')] == null) throw new BackOfficeError('not-found', { message: NOT_THERE, detail: 'a phonecall that is not a call back' });
  return readRow('phonecalls', row, (each) => toCallback(each, context));
}

/** Makes a row, or finds it made by an earlier try whose answer was lost. */
async function createOnce(context: AdapterContext, entitySet: string, body: Record<string, unknown>): Promise<void> {
  try {
    await context.client.create(entitySet, body);
  } catch (error) {
    if (error instanceof BackOfficeError && error.status === 412) return;
    throw error;
  }
}

/** Promises a call back: an open phone call scheduled for the window, outgoing, regarding the resident. */
export async function promiseCallback(context: AdapterContext, promise: CallbackRecord): Promise<Callback> {
  if (!isGuid(promise.id)) throw new BackOfficeError('rejected', { detail: 'A call back needs a GUID made on this computer as its id.' });
  const c = context.names.custom;
  await createOnce(context, 'phonecalls', {
    activityid: recordId(promise.id),
    subject: `${SUBJECT}${promise.reason}`.slice(0, 200),
    phonenumber: promise.number,
    scheduledstart: promise.from,
    scheduledend: promise.to,
    directioncode: true,
    'regardingobjectid_contact_phonecall@odata.bind': `/contacts(${recordId(promise.residentId)})`,
    [c('callbackfor')]: CALLBACK_FOR.value(promise.forWhom),
    [c('callbackattempts')]: 0,
    [c('capturedby')]: promise.capturedBy,
  });
  return readCallback(context, promise.id);
}

/** The officer's own open call backs and the queue's, and those done in the last day, earliest first. */
export async function listCallbacks(context: AdapterContext, staffId: string): Promise<Callback[]> {
  const c = context.names.custom;
  const since = new Date(context.now().getTime() - DONE_LISTED_MS).toISOString();
  const whose = anyOf([`${c('capturedby')} eq ${quoted(staffId)}`, `${c('callbackfor')} eq ${CALLBACK_FOR.value('queue')}`]);
  const when = anyOf([`statecode eq ${OPEN}`, `(statecode eq ${COMPLETED} and actualend ge ${since})`]);
  // Every page, following @odata.nextLink: a busy queue is listed whole.
  const { rows } = await context.client.readAll(query('phonecalls', { $select: select(columns(context)), $filter: `${c('callbackfor')} ne null and ${whose} and ${when}`, $orderby: 'scheduledstart asc,activityid asc' }), { pageSize: context.pageSize });
  return readRows(context, 'phonecalls', rows, (row) => toCallback(row, context));
}

async function patch(context: AdapterContext, id: string, body: Record<string, unknown>): Promise<void> {
  const response = await context.client.sendOnce('PATCH', `phonecalls(${recordId(id)})`, { headers: { 'Content-Type': 'application/json; charset=utf-8', 'If-Match': '*' }, body: JSON.stringify(body), timeoutMs: 30_000 });
  if (response.status === 204 || response.status === 200) {
    await response.text();
    return;
  }
  throw await failureFrom(response);
}

/**
 * No answer: the attempt is its own completed outgoing phone call (made once, by its id), and
 * the call back moves to the new window with one more attempt counted. A resend after the
 * attempt was made counts it once: the count is the attempts Dataverse holds for it.
 */
export async function callbackAttempted(context: AdapterContext, attempt: { callbackId: string; attemptId: string; nextFrom: string; nextTo: string; capturedBy: string }): Promise<Callback> {
  const c = context.names.custom;
  const callback = await readCallback(context, attempt.callbackId);
  if (callback.status === 'done') throw new BackOfficeError('rejected', { message: 'That call back has been done already.', detail: 'attempt on a completed call back' });
  const now = context.now().toISOString();
  await createOnce(context, 'phonecalls', {
    activityid: recordId(attempt.attemptId),
    subject: ATTEMPT_SUBJECT,
    phonenumber: callback.number,
    directioncode: true,
    actualstart: now,
    actualend: now,
    // Completed as it is made: an outgoing call, Made, that nobody answered.
    statecode: COMPLETED,
    statuscode: MADE,
    'regardingobjectid_contact_phonecall@odata.bind': `/contacts(${recordId(callback.residentId)})`,
    [c('callbackof')]: recordId(callback.id),
    [c('capturedby')]: attempt.capturedBy,
  });
  const attempts = await countAttempts(context, callback.id);
  await patch(context, callback.id, { scheduledstart: attempt.nextFrom, scheduledend: attempt.nextTo, [c('callbackattempts')]: attempts });
  return readCallback(context, callback.id);
}

async function countAttempts(context: AdapterContext, callbackId: string): Promise<number> {
  const { rows } = await context.client.readAll(query('phonecalls', { $select: 'activityid', $filter: `${context.names.custom('callbackof')} eq ${quoted(recordId(callbackId))}` }), { pageSize: context.pageSize });
  return rows.length;
}

/**
 * The call back made: completed, Made, at the time the call that kept it ended. Repeating it
 * changes nothing: Dataverse refuses changes to a completed activity, and a call back found
 * completed already is done.
 */
export async function closeCallback(context: AdapterContext, callbackId: string, endedAt: string): Promise<void> {
  const row = await context.client.readRow(`phonecalls(${recordId(callbackId)})?$select=statecode`);
  if (!row || row.statecode !== OPEN) return;
  await patch(context, callbackId, { actualend: endedAt, statecode: COMPLETED, statuscode: MADE });
}

/**
 * The call back made, told on its own (`callbacks.done`): completed, Made, now. Only a call
 * back is closed this way (a phone call with `cd_callbackfor`), never another call; one found
 * done already answers as it is, so a resend after a lost answer changes nothing.
 */
export async function callbackDone(context: AdapterContext, callbackId: string): Promise<Callback> {
  const callback = await readCallback(context, callbackId);
  if (callback.status === 'done') return callback;
  await patch(context, callback.id, { actualend: context.now().toISOString(), statecode: COMPLETED, statuscode: MADE });
  return readCallback(context, callback.id);
}

