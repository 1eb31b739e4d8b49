import type { InterpreterSession } from '../languages/interpreting';
import type { IsoDateTime } from './dates';

/** GovMetric-style rating the resident gives when offered feedback. */
export type FeedbackRating = 'good' | 'average' | 'poor';

/** What the contact came to, as the council reports it. Councils can replace the list. */
export const DEFAULT_DISPOSITIONS = [
  { code: 'resolved-info', label: 'Resolved: information or advice given' },
  { code: 'resolved-transaction', label: 'Resolved: request completed on the call' },
  { code: 'case-raised', label: 'Case raised for a service' },
  { code: 'signposted-online', label: 'Shown how to do it online' },
  { code: 'transferred', label: 'Warm transfer to another team' },
  { code: 'emergency', label: 'Emergency escalated' },
  { code: 'complaint', label: 'Complaint recorded' },
  { code: 'compliment', label: 'Compliment passed on' },
  { code: 'call-dropped', label: 'Call dropped or caller hung up' },
  { code: 'wrong-number', label: 'Wrong number or not a council matter' },
] as const;

export interface WrapUp {
  disposition: string;
  resolvedAtFirstContact: boolean;
  couldHaveBeenOnline: boolean;
  onlineRouteOffered: boolean;
  /** null when feedback was not offered or the resident declined. */
  feedback: FeedbackRating | null;
  feedbackOffered: boolean;
  notes: string;
  /** Set when wrap-up was saved without every answer, with the agent's reason. */
  incompleteReason: string | null;
  savedAt: IsoDateTime;
  /** After-call work: seconds from the end of the call to saving the wrap-up. */
  afterCallWorkSeconds: number;
}

/** A script run's end, kept on the contact so wrap-up can suggest a disposition. */
export interface ScriptOutcomeRecord {
  /** One run of a script; going back past its outcome removes the record. */
  runId: string;
  scriptId: string;
  scriptVersion: number;
  kind: 'resolved' | 'create-case' | 'signpost' | 'transfer' | 'emergency';
  summary: string;
  caseDraftId: string | null;
  /** The online route the script offered, if any; wrap-up starts from it. */
  onlineRoute: string | null;
  /** The script's service: what the contact was about (absent on outcomes recorded before it was kept). */
  service?: string;
  at: IsoDateTime;
}

/** One contact with a resident: a call (from a screen-pop), a face-to-face visit, or an email from the contact mailbox. */
export interface Interaction {
  id: string;
  channel: 'phone' | 'face-to-face' | 'email';
  /**
   * An email contact: the message's id in the contact mailbox (Graph), its sender, its subject,
   * and when the mailbox received it (what the email waited from, as a call waits in the queue).
   * Absent on calls and visits.
   */
  emailId?: string;
  emailFrom?: string;
  emailSubject?: string;
  emailReceivedAt?: IsoDateTime;
  callerNumber: string | null;
  /** Set on a call back the officer makes (an outgoing call): the call back it keeps. */
  callbackId?: string | null;
  queue: string | null;
  /** Seconds in the queue before an agent answered, from the softphone. */
  waitedSeconds: number | null;
  answeredAt: IsoDateTime;
  endedAt: IsoDateTime | null;
  staffId: string | null;
  /** Who the contact is about; null until a resident is opened for it. */
  residentId: string | null;
  /**
   * Everyone opened during the contact, in order: a call about a household member records
   * them both. Absent on contacts saved before it was kept.
   */
  residentIds?: string[];
  outcomes: ScriptOutcomeRecord[];
  wrapUp: WrapUp | null;
  status: 'in-progress' | 'wrap-up' | 'done';
  /** Interpreted conversations during the contact, oldest first (absent on older contacts). */
  interpreterSessions?: InterpreterSession[];
  /** A wrap-up being filled in, kept as it is typed so a reload loses nothing. */
  wrapUpDraft?: WrapUpDraft;
  /** How far the council's system has this contact, once it has it. */
  recorded?: { state: 'in-progress' | 'wrap-up' | 'completed'; at: IsoDateTime };
}

/** The wrap-up as the agent fills it in: null means "not answered yet". */
export interface WrapUpDraft {
  disposition: string;
  resolvedAtFirstContact: boolean | null;
  couldHaveBeenOnline: boolean | null;
  onlineRouteOffered: boolean | null;
  feedbackOffered: boolean | null;
  feedback: FeedbackRating | null;
  notes: string;
  incompleteReason: string;
}

/** The council's answer-time target: calls answered within 180 seconds. */
export const ANSWER_TARGET_SECONDS = 180;

export const answeredWithinTarget = (interaction: Pick<Interaction, 'waitedSeconds'>): boolean | null =>
  interaction.waitedSeconds === null ? null : interaction.waitedSeconds <= ANSWER_TARGET_SECONDS;
