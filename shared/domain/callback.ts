import { londonDate } from '../london-time';

/**
 * A call back promised to a resident: a scheduled outgoing phone call in Dataverse, for the
 * officer who promised it or for anyone in the contact centre (the queue).
 */
export type CallbackFor = 'me' | 'queue';

export interface Callback {
  /** Dataverse's activityid, chosen by CivicDesk, so a resend never makes a second. */
  id: string;
  /** Dataverse's contact id. */
  residentId: string;
  residentName: string;
  number: string;
  /** What it is about (the subject without its "Call back: " start). */
  reason: string;
  /** The window promised: scheduledstart and scheduledend. */
  from: string;
  to: string;
  forWhom: CallbackFor;
  /** The officer who promised it. */
  ownerName: string | null;
  status: 'open' | 'done';
  /** Attempts with no answer so far. */
  attempts: number;
  doneAt: string | null;
}

export type CallbackGroup = 'overdue' | 'due-now' | 'later-today' | 'later' | 'done';

/** Where a call back stands at a moment: the Callbacks place lists them by this. */
export function callbackGroup(callback: Pick<Callback, 'status' | 'from' | 'to'>, now: Date): CallbackGroup {
  if (callback.status === 'done') return 'done';
  const at = now.getTime();
  if (Date.parse(callback.to) < at) return 'overdue';
  if (Date.parse(callback.from) <= at) return 'due-now';
  return londonDate(new Date(callback.from)) === londonDate(now) ? 'later-today' : 'later';
}

/** Dataverse's subject is 200 characters; "Call back: " takes 11 of them. */
export const CALLBACK_REASON_MAX = 150;
const WINDOW_MOST_MS = 4 * 60 * 60 * 1000;
const AHEAD_MOST_MS = 30 * 24 * 60 * 60 * 1000;
const PAST_LEAST_MS = 5 * 60 * 1000;

/**
 * A UK phone number (landline or mobile, spaces and +44 allowed) as its 11 national digits, or
 * null. "+44 (0)20 …" and "+44 020 …", as people write them, are taken too: after +44 a UK
 * number never starts with 0, so that 0 is the one dialled at home.
 */
export function ukPhoneNumber(text: string): string | null {
  const digits = text
    .replace(/[\s.-]/g, '')
    .replace(/^(?:\+44|0044)(?:\(0\)|0)?/, '0')
    .replace(/[()]/g, '');
  return /^0[1-37]\d{9}$/.test(digits) ? digits : null;
}

/** What is wrong with a call back as promised, in words saying what to do; empty when nothing is. */
export function callbackProblems(input: { number: string; reason: string; from: string; to: string }, now: Date): { field: 'number' | 'reason' | 'from' | 'to'; message: string }[] {
  const problems: { field: 'number' | 'reason' | 'from' | 'to'; message: string }[] = [];
  if (ukPhoneNumber(input.number) === null) problems.push({ field: 'number', message: 'Enter a UK phone number to call, like 020 7946 0000 or 07700 900123.' });
  const reason = input.reason.trim();
  if (reason.length === 0) problems.push({ field: 'reason', message: 'Say what the call back is about.' });
  else if (reason.length > CALLBACK_REASON_MAX) problems.push({ field: 'reason', message: `Say what it is about in ${CALLBACK_REASON_MAX} characters or fewer.` });
  const from = Date.parse(input.from);
  const to = Date.parse(input.to);
  if (Number.isNaN(from)) problems.push({ field: 'from', message: 'Choose when the call back can start.' });
  else if (from < now.getTime() - PAST_LEAST_MS) problems.push({ field: 'from', message: 'That time has passed. Choose a time from now on.' });
  else if (from > now.getTime() + AHEAD_MOST_MS) problems.push({ field: 'from', message: 'Choose a time within the next 30 days.' });
  if (Number.isNaN(to)) problems.push({ field: 'to', message: 'Choose when the call back must be made by.' });
  else if (!Number.isNaN(from) && to <= from) problems.push({ field: 'to', message: 'The end of the window must be after its start.' });
  else if (!Number.isNaN(from) && to - from > WINDOW_MOST_MS) problems.push({ field: 'to', message: 'Make the window 4 hours or shorter, so the resident knows when to expect the call.' });
  return problems;
}
