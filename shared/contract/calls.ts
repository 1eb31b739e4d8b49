import { z } from 'zod';
import { call, event } from './define';
import type { ScriptProblem } from '../call-scripts/check';
import type { LookupResult } from '../call-scripts/engine';
import type { CallScript } from '../call-scripts/schema';
import type { ServiceStandard } from '../service-standards/standards';
import type { CaseHistory } from '../domain/case-history';
import { contactSubmission, MOST_CONTACTS_PER_SAVE, type ContactSaveResult } from './contacts';
import type { ResidentAccess } from '../domain/resident-360';
import type { SearchHit } from '../domain/directory';
import type { OfficerNow, TeamContact, TeamView } from '../domain/team-measures';
import { teamContactsInput, teamViewInput, type TeamChoices } from './team';
import { isoMonth, qualityReviewInput, type QualityReview } from './quality';
import type { QualityForm } from '../quality/quality-form';
import type { DeepLink } from './deep-link';
import { caseSubmission, caseUpdate, MOST_CASES_PER_SUBMIT, type CaseSendResult, type CaseTextLengths, type CaseUpdateResult, type Reachability } from './cases';
import type { ContactHistorySlice, DirectorySlice, ResidentView } from './residents';
import type { LanguageTable } from '../languages/language-table';
import type { PhraseBook } from '../languages/phrases';
import type { InterpreterLine, MachineTranslation } from '../languages/interpreting';
import type { CallerCard, SessionInfo, TrainingSummary } from './session';
import type { TenantReadiness } from './tenant-readiness';
import { messageStatusInput, residentMessagesInput, sendMessageInput, type MessageSendResult, type MessageStatus, type MessageTemplates, type ResidentMessageRecord } from './messages';
import { attachmentInput, emailInput, finishEmailInput, sendMailInput, takeEmailInput, type AttachmentContent, type ForwardServices, type MailQueue, type MailSendResult, type OpenedEmail, type TakeEmailResult } from './mail';
import { callbackAttemptedInput, callbackDoneInput, promiseCallbackInput, type CallbackAnswer, type CallbackList, type CallbackPromiseResult } from './callbacks';
import { recordAgentStatesInput, reflectAgentStateInput, type TeamsPresenceResult } from './agent-state';
import {
  askExpertInput,
  bookFollowUpInput,
  escalateInput,
  setPresenceInput,
  type AccountStatus,
  type Appointment,
  type ChatReply,
  type ColleagueWithPresence,
  type Me,
  type MyPresence,
  type ServicePointDay,
  type ServiceTeam,
  type TeamsSendResult,
} from './microsoft365';

const noInput = z.strictObject({});
/** BCP-47 as the language table writes it: 'ti', 'syl', 'ckb', 'zh-Hant', 'bfi'. */
const languageCode = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'A language code like ‘ti’ or ‘zh-Hant’.');

/** The most offline reads of resident snapshots sent in one `audit.recordSnapshotReads`. */
export const MOST_SNAPSHOT_READS_PER_SEND = 200;

/**
 * A resident's record read from this computer's copy while the back office could not be
 * reached. The id is made on this computer, so sending it again records it once.
 */
export const snapshotRead = z.strictObject({
  id: z.uuid(),
  // Dataverse's contact id: a GUID, as the audit's row binds to it (any other text could never be recorded).
  residentId: z.guid(),
  staffId: z.string().min(1).max(64),
  reason: z.enum(['call', 'appointment', 'case-work', 'email']),
  at: z.iso.datetime(),
  source: z.literal('snapshot'),
});
export type SnapshotRead = z.output<typeof snapshotRead>;

/**
 * Every call the renderer can make, named `area.call` so the bridge exposes it as
 * `window.civicdesk.area.call(input)`. Add a call here, then a handler in main/core (the
 * type checker lists the missing handler), then use it from the renderer.
 */
export const calls = {
  'session.get': call<SessionInfo>()(noInput),
  'session.actAsTrainingUser': call<SessionInfo>()(
    z.strictObject({ staffId: z.string().min(1).max(64) }),
  ),
  /** Locks the workstation for the officer using it (idle, Ctrl+Alt+L, the operating system's lock). */
  'session.lock': call<SessionInfo>()(z.strictObject({ reason: z.enum(['idle', 'shortcut', 'system']) })),
  /**
   * The officer who locked it comes back: in training they choose themselves (`staffId`); in
   * live mode they sign in to Microsoft 365 again and must be the same account.
   */
  'session.resume': call<SessionInfo>()(z.strictObject({ staffId: z.string().min(1).max(64).optional() })),
  /**
   * Another officer takes the locked computer: the first officer's session ends (their unsent
   * work stays queued under them). Training: the officer chosen; live: the first is signed out.
   */
  'session.switchOfficer': call<SessionInfo>()(z.strictObject({ staffId: z.string().min(1).max(64).optional() })),
  'training.summary': call<TrainingSummary>()(noInput),
  'standards.get': call<{ standards: ServiceStandard[]; holidays: string[]; holidaySource: 'feed' | 'cache' | 'shipped' }>()(noInput),
  'directory.changes': call<DirectorySlice>()(
    z.strictObject({ deltaToken: z.string().max(4096).nullable(), offset: z.number().int().min(0), read: z.uuid().optional() }),
  ),
  /**
   * Residents found by name in the council's system (Dataverse search), for while this
   * computer's copy of the directory is incomplete; at most `top`, best first.
   */
  'directory.searchOnline': call<{ hits: SearchHit[] }>()(z.strictObject({ text: z.string().min(1).max(200), top: z.number().int().min(1).max(50) })),
  'residents.open': call<ResidentView>()(
    z.strictObject({ residentId: z.string().min(1).max(64), reason: z.enum(['call', 'appointment', 'case-work', 'email']) }),
  ),
  /** The screen-pop: the one resident with the caller's number, opened for the call (read since it rang); null when none or several have it. */
  'residents.openCaller': call<{ view: ResidentView | null }>()(z.strictObject({ callerNumber: z.string().regex(/^\+?[0-9 ()-]{3,24}$/) })),
  'residents.checkIdentity': call<{ results: { question: string; matched: boolean }[]; view: ResidentView }>()(
    z.strictObject({
      accessId: z.string().min(1).max(64),
      answers: z.strictObject({
        name: z.string().max(200).optional(),
        dateOfBirth: z.string().max(40).optional(),
        addressLine1: z.string().max(200).optional(),
        postcode: z.string().max(12).optional(),
      }),
    }),
  ),
  'residents.overrideIdentity': call<ResidentView>()(
    z.strictObject({ accessId: z.string().min(1).max(64), reason: z.string().trim().min(10, 'Say why, in at least 10 characters.').max(500) }),
  ),
  /**
   * The contact has ended: main forgets these opens, so nothing of the resident can be asked
   * for again with them (the identity check passes for one contact only).
   */
  'residents.close': call<{ closed: number }>()(z.strictObject({ accessIds: z.array(z.string().min(1).max(64)).max(50) })),
  'residents.contactHistory': call<ContactHistorySlice>()(
    z.strictObject({
      accessId: z.string().min(1).max(64),
      cursor: z.string().max(4096).nullable(),
      channels: z.array(z.enum(['phone', 'email', 'face-to-face', 'web-form', 'web-chat', 'letter'])).max(6),
    }),
  ),
  /** One of the open resident's cases in full, with every contact and note about it (after the identity check). */
  'residents.caseHistory': call<CaseHistory>()(z.strictObject({ accessId: z.string().min(1).max(64), caseId: z.uuid() })),
  'audit.accesses': call<ResidentAccess[]>()(z.strictObject({ residentId: z.string().min(1).max(64) })),
  /**
   * Offline reads of resident snapshots, for the audit trail. Answers with the ids now in the
   * back office; the renderer keeps the others and sends them again later.
   */
  'audit.recordSnapshotReads': call<{ recorded: string[] }>()(z.strictObject({ reads: z.array(snapshotRead).min(1).max(MOST_SNAPSHOT_READS_PER_SEND) })),
  'links.openExternal': call<{ opened: true }>()(
    z.strictObject({ url: z.string().min(1).max(2048) }),
  ),
  /** Training: a synthetic resident calls in (the link waits like a softphone's), with the trainee's caller card. */
  'training.simulateCall': call<{ link: DeepLink; card: CallerCard }>()(noInput),
  /** The civicdesk:// links waiting for the workstation; each is answered once, to one taker. */
  'deepLink.take': call<DeepLink[]>()(noInput),
  'scripts.list': call<{ scripts: CallScript[]; problems: ScriptProblem[] }>()(noInput),
  /**
   * A call script's look-up. The bin day by postcode is public; the resident's own figures
   * (council tax balance, open cases) come from the record opened on this contact, so they
   * are the 360 view's figures, and only once its identity check has passed.
   */
  'scripts.lookup': call<LookupResult>()(
    z.strictObject({
      query: z.enum(['wasteCollectionDay', 'councilTaxBalance', 'openCasesForService']),
      accessId: z.string().min(1).max(64).nullable(),
      postcode: z.string().max(10).nullable(),
      service: z.string().max(64).nullable(),
    }),
  ),
  /** Sends cases from the outbox to the back office; each id answers once, whatever happened. */
  'cases.submit': call<CaseSendResult[]>()(z.strictObject({ cases: z.array(caseSubmission).min(1).max(MOST_CASES_PER_SUBMIT) })),
  'cases.update': call<CaseUpdateResult>()(caseUpdate),
  /** How much the council's case columns hold before the rest goes into a note (read once a run). */
  'cases.textLengths': call<CaseTextLengths>()(noInput),
  /** Records contacts from the outbox as activities in the back office; each id answers once. */
  'contacts.save': call<ContactSaveResult[]>()(z.strictObject({ contacts: z.array(contactSubmission).min(1).max(MOST_CONTACTS_PER_SAVE) })),
  'backOffice.reachability': call<Reachability>()(noInput),
  /** Team leaders only: the teams, queues and officers to choose from in the Team place. */
  'team.choices': call<TeamChoices>()(noInput),
  /** Team leaders only: the council's measures for a scope and period, with the period before beside them. */
  'team.view': call<TeamView>()(teamViewInput),
  /** Team leaders only: what each of a team's officers is doing now, and their Teams presence. */
  'team.officersNow': call<OfficerNow[]>()(z.strictObject({ team: z.string().trim().min(1).max(100) })),
  /** Team leaders only: the contacts behind a figure, most recent first. */
  'team.contacts': call<TeamContact[]>()(teamContactsInput),
  /** The council's quality form, for reviews and for officers reading theirs. */
  'quality.form': call<QualityForm>()(noInput),
  /** Team leaders only: up to five of an officer's contacts in a month not yet reviewed, picked at random. */
  'quality.sample': call<TeamContact[]>()(z.strictObject({ staffId: z.string().min(1).max(64), month: isoMonth })),
  /** Team leaders only: the review of a contact, if it has one. */
  'quality.forContact': call<{ review: QualityReview | null }>()(z.strictObject({ contactId: z.uuid() })),
  /** Team leaders only: saves a review, scored in main from the form. */
  'quality.save': call<QualityReview>()(qualityReviewInput),
  /** The signed-in officer's own reviews, newest first. */
  'quality.mine': call<QualityReview[]>()(noInput),
  /** The officer reviewed says they have read it. */
  'quality.acknowledge': call<QualityReview>()(z.strictObject({ id: z.uuid() })),
  'languages.table': call<LanguageTable>()(noInput),
  'languages.phrases': call<PhraseBook>()(z.strictObject({ language: languageCode })),
  'languages.interpreterLines': call<InterpreterLine[]>()(noInput),
  /** Sets the resident's preferred language on their record, with how the resident agreed to it. */
  'residents.setLanguage': call<ResidentView>()(
    z.strictObject({
      accessId: z.string().min(1).max(64),
      language: languageCode,
      interpreterNeeded: z.boolean(),
      consent: z.strictObject({ how: z.enum(['pointed-to-language', 'told-staff', 'interpreter-confirmed']), note: z.string().max(500) }),
    }),
  ),
  /**
   * Opens the customer-facing view (the resident's screen: "point to your language", phrases).
   * The desktop app opens its own window, on a second display when there is one, and answers
   * opened: true; the browser host cannot, answers opened: false, and the page opens it itself.
   */
  'customerView.open': call<{ opened: boolean }>()(noInput),
  /**
   * Machine translation of free text an officer wants to send or understand. Off unless
   * configured; refused for safeguarding, legal and payment matters; every use is logged.
   */
  'translation.translate': call<MachineTranslation>()(
    z.strictObject({
      text: z.string().trim().min(1).max(5000),
      from: languageCode.nullable(),
      to: languageCode,
      purpose: z.enum(['enquiry', 'case-notes', 'signposting', 'safeguarding', 'legal', 'payment']),
    }),
  ),
  /** The officer's Microsoft 365 sign-in: never a token, only who and how it is kept. */
  'account.status': call<AccountStatus>()(noInput),
  /**
   * Signs in with Microsoft Entra ID in the system browser (training: the local identity
   * stand-in). Resolves when sign-in has finished; a failure says what to do.
   */
  'account.signIn': call<AccountStatus>()(noInput),
  /** Signs out: forgets the sign-in on this computer. The renderer clears its resident copies too. */
  'account.signOut': call<AccountStatus>()(noInput),
  /**
   * The signed-in officer's data key (base64), which seals everything this computer keeps about
   * residents (renderer/storage/sealing.ts), and whether it outlives this run.
   */
  'storage.dataKey': call<{ key: string; kept: AccountStatus['kept'] }>()(noInput),
  /** Forgets the officer's data key (sign-out, "forget this computer"): every row sealed under it is unreadable at once. */
  'storage.forgetDataKey': call<{ forgotten: true }>()(noInput),
  'teams.me': call<Me>()(noInput),
  'teams.setMyPresence': call<MyPresence>()(setPresenceInput),
  'teams.searchPeople': call<ColleagueWithPresence[]>()(z.strictObject({ query: z.string().trim().min(2, 'Type at least 2 letters.').max(100) })),
  /** The council's service teams (from the deployment file; seeded in training). */
  'teams.serviceTeams': call<ServiceTeam[]>()(noInput),
  /** A team's members with their presence, in one getPresencesByUserId call. */
  'teams.teamPresence': call<ColleagueWithPresence[]>()(z.strictObject({ teamId: z.string().min(1).max(200) })),
  'teams.askExpert': call<TeamsSendResult>()(askExpertInput),
  'teams.escalate': call<TeamsSendResult>()(escalateInput),
  /** The chat about a case: what colleagues answered. */
  'teams.replies': call<ChatReply[]>()(z.strictObject({ chatId: z.string().min(1).max(200) })),
  /** Today's service-point appointments (Bookings) and the officer's own calendar. */
  'appointments.today': call<ServicePointDay>()(noInput),
  'appointments.checkIn': call<Appointment>()(z.strictObject({ appointmentId: z.string().min(1).max(200) })),
  /** Books a follow-up with the same resident; a video one gets a Teams meeting. */
  'appointments.bookFollowUp': call<Appointment>()(bookFollowUpInput),
  /** The council's contact mailbox as a queue: oldest first, with who has each in hand (Graph delta). */
  'mail.queue': call<MailQueue>()(noInput),
  /** Takes an email: marked "In hand" with the officer's name for every colleague; one taken first by a colleague says who. */
  'mail.take': call<TakeEmailResult>()(takeEmailInput),
  /** An email opened to be answered: its HTML as sent (the page sanitises it) and its files. */
  'mail.open': call<OpenedEmail>()(emailInput),
  /** One file from an email, to carry into a case or save. */
  'mail.attachment': call<AttachmentContent>()(attachmentInput),
  /** A reply or forward from the outbox, sent from the contact mailbox; exactly once by its outbox id. */
  'mail.send': call<MailSendResult>()(sendMailInput),
  /** Handled: filed out of every officer's queue. */
  'mail.finish': call<{ finished: true }>()(finishEmailInput),
  /** The services an email can be forwarded to (the deployment file's contactMailbox.forwardTo). */
  'mail.services': call<ForwardServices>()(noInput),
  /** The council's GOV.UK Notify templates for texts and emails to residents, as Notify holds them (no resident's details). */
  'messages.templates': call<MessageTemplates>()(noInput),
  /** A text or email from the outbox to GOV.UK Notify, recorded on the resident in the council's system; exactly once by its id. */
  'messages.send': call<MessageSendResult>()(sendMessageInput),
  /** Delivery status of messages sent, as Notify has it now. */
  'messages.status': call<MessageStatus[]>()(messageStatusInput),
  /** The texts and emails recorded on the open resident, from any computer, after the identity check. */
  'messages.forResident': call<ResidentMessageRecord[]>()(residentMessagesInput),
  /** A call back promised to a resident, from the outbox to the council's system as a scheduled outgoing phone call; exactly once by its id. */
  'callbacks.promise': call<CallbackPromiseResult>()(promiseCallbackInput),
  /** The officer's own call backs and the queue's, open or done in the last day, earliest first. */
  'callbacks.list': call<CallbackList>()(noInput),
  /** No answer: the attempt recorded on the resident, and the call back moved to a new window. */
  'callbacks.attempted': call<CallbackAnswer>()(callbackAttemptedInput),
  /** The call back made: completed (Made) in the council's system; repeating it answers the same. */
  'callbacks.done': call<CallbackAnswer>()(callbackDoneInput),
  /** Whether the tenant is set up for CivicDesk, check by check with the fix for each (an administrator's page). */
  'tenant.readiness': call<TenantReadiness>()(noInput),
  /** Shows the officer's state in Teams (their presence through Graph) when this computer is signed in to Microsoft 365. */
  'agentState.reflect': call<TeamsPresenceResult>()(reflectAgentStateInput),
  /** The officer's own state changes, for the team view. Answers with the ids now in the back office; the rest are sent again later. */
  'agentState.record': call<{ recorded: string[] }>()(recordAgentStatesInput),
} as const;

/** Everything the main process tells the renderer without being asked. */
export const events = {
  'session.changed': event<SessionInfo>(),
  /**
   * A civicdesk:// link is waiting: the renderer takes it with `deepLink.take`. The link is not
   * in the event, because a link that arrives before the window listens must not be lost.
   */
  'deepLink.waiting': event<{ count: number }>(),
  /** The back office's directory changed: the renderer fetches the changes for its index. */
  'directory.changed': event<{ deltaToken: string }>(),
  /** Signed in, signed out, or the sign-in ran out and could not be renewed. */
  'account.changed': event<AccountStatus>(),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type ParsedCallInput<N extends CallName> = z.output<Calls[N]['input']>;
export type CallResult<N extends CallName> = NonNullable<Calls[N]['result']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = NonNullable<Events[E]['payload']>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.hasOwn(calls, name);

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name);
