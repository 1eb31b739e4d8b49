import type { CaseHistory } from '../../../shared/domain/case-history';
import type { ContactChannel, ContactRecord } from '../../../shared/domain/contact';
import type { SearchHit } from '../../../shared/domain/directory';
import type { Resident360, ResidentAccess } from '../../../shared/domain/resident-360';
import type { CaseSendResult, CaseSubmission, CaseTextLengths, CaseUpdate, CaseUpdateResult, Reachability } from '../../../shared/contract/cases';
import type { ContactSaveResult, ContactSubmission } from '../../../shared/contract/contacts';
import type { RecordedBy } from './dataverse/contact-recording';
import type { MessageRecord, RecordedMessage } from './dataverse/tables/resident-message';
import type { CallbackRecord } from './dataverse/callbacks';
import type { Callback } from '../../../shared/domain/callback';
import type { AgentStateRecord } from './dataverse/tables/agent-state';
import type { AgentState } from '../../../shared/domain/agent-state';
import type { AggregateCounter } from './dataverse/team-figures';
import type { ReviewedContact } from './dataverse/quality-reviews';
import type { QualityReview } from '../../../shared/contract/quality';
import type { ChannelShift, DayRange, DrillDown, TeamContact, TeamFigures, TeamScope } from '../../../shared/domain/team-measures';

export type { Resident360, ResidentAccess } from '../../../shared/domain/resident-360';

export type { DirectoryChanges, DirectoryPage, DirectoryReadOptions } from './directory-changes';
import type { DirectoryChanges, DirectoryReadOptions } from './directory-changes';

export interface ContactHistoryOptions {
  pageSize: number;
  /** From the previous page's nextCursor; null for the newest contacts. */
  cursor: string | null;
  /** Only these channels; all channels when absent or empty. A cursor keeps its first page's channels. */
  channels?: ContactChannel[];
}

export interface ContactHistoryPage {
  /** Newest first. */
  contacts: ContactRecord[];
  nextCursor: string | null;
  /** Names of the officers who handled these contacts, by staff id. */
  staffNames: Record<string, string>;
}

/** Who has a caller's number; when only one resident does, their 360 record is being read already. */
export interface CallerWithPhone {
  residentIds: string[];
  /** Null unless exactly one resident has the number. */
  record: Promise<Resident360 | null> | null;
}

/**
 * The council's system of record as CivicDesk uses it. The live adapter speaks the
 * Dataverse Web API; training mode runs the same adapter against a local stand-in. Every
 * failure is a BackOfficeError with words a member of staff can act on.
 */
export interface BackOffice {
  directory(deltaToken: string | null, options?: DirectoryReadOptions): Promise<DirectoryChanges>;
  /**
   * Residents found by name with the back office's own search (Dataverse search), best first,
   * for while this computer's copy of the directory is incomplete. Absent where a back office has none.
   */
  searchResidents?(text: string, top: number): Promise<SearchHit[]>;
  /** Null when the back office has no such resident. */
  resident360(residentId: string): Promise<Resident360 | null>;
  /** The active residents with this phone number, at most two (a screen-pop's caller), and the one's 360 record when only one has it. */
  callerWithPhone?(phone: string): Promise<CallerWithPhone>;
  contactHistory(residentId: string, options: ContactHistoryOptions): Promise<ContactHistoryPage>;
  /** One of the resident's cases in full, with every contact and note about it; null if it is not theirs. */
  caseHistory(residentId: string, caseId: string): Promise<CaseHistory | null>;
  /** The bin collection day for a postcode ('Tuesday'), or null where the council has no round there. */
  collectionDay(postcode: string): Promise<string | null>;
  /** Safe to repeat: the access's own id makes a resend a no-op. */
  recordAccess(access: ResidentAccess): Promise<void>;
  /** Newest first. */
  listAccesses(residentId: string): Promise<ResidentAccess[]>;
  /**
   * Sets the resident's preferred language and interpreter need, dated today, with a note on
   * their record saying how the resident agreed. Absent where a back office cannot write it.
   */
  setLanguage?(residentId: string, language: string, interpreterNeeded: boolean, consent: LanguageConsent): Promise<void>;
  /** A text or email sent to a resident through GOV.UK Notify. Safe to repeat: the message's own id makes a resend a no-op. */
  recordMessage?(message: MessageRecord): Promise<void>;
  /** The texts and emails recorded on a resident, newest first, from any computer. */
  residentMessages?(residentId: string): Promise<RecordedMessage[]>;
  /** A call back promised to a resident. Safe to repeat: its own id makes a resend a no-op. */
  promiseCallback?(promise: CallbackRecord): Promise<Callback>;
  /** The officer's own call backs and the queue's, open or done in the last day. */
  callbacks?(staffId: string): Promise<Callback[]>;
  /** No answer: the attempt recorded once by its id, and the call back moved to a new window. */
  callbackAttempted?(attempt: { callbackId: string; attemptId: string; nextFrom: string; nextTo: string; capturedBy: string }): Promise<Callback>;
  /** The call back made: completed (Made) now. Safe to repeat: one done already is answered as it is. */
  callbackDone?(callbackId: string): Promise<Callback>;
  /** An officer's state change, for the team view (cd_agentstate). Safe to repeat: its own id makes a resend a no-op. */
  recordAgentState?(change: AgentStateRecord): Promise<void>;
}

/** How the resident agreed to the language recorded for them, and who recorded it when. */
export interface LanguageConsent {
  how: 'pointed-to-language' | 'told-staff' | 'interpreter-confirmed';
  note: string;
  /** The day it was recorded (cd_preferencesrecordedon). */
  recordedOn: string;
  staffName: string;
}

/** Who captured the cases being sent: from main's session, never from the renderer. */
export interface CapturedBy {
  staffId: string | null;
}

/**
 * Recording contacts (calls and visits) as activities in the back office, each exactly once:
 * its id is the contact's own. Every contact in gets exactly one result out.
 */
export interface ContactBackOffice {
  saveContacts(contacts: readonly ContactSubmission[], recordedBy: RecordedBy): Promise<ContactSaveResult[]>;
}

/**
 * The Team place's figures, added up by the back office, and the contacts behind them. The
 * counter, when given, tallies the aggregate queries made and the group rows they brought.
 */
export interface TeamBackOffice {
  teamFigures(scope: TeamScope, range: DayRange, counter?: AggregateCounter): Promise<{ figures: TeamFigures; byService: Map<string, ChannelShift> }>;
  channelShiftOver(scope: TeamScope, ranges: readonly DayRange[], counter?: AggregateCounter): Promise<ChannelShift[]>;
  recentTeams(range: DayRange): Promise<{ officers: { staffId: string; name: string; team: string }[]; queues: string[] }>;
  contactsToday(scope: TeamScope, today: string): Promise<{ open: { staffId: string; channel: 'phone' | 'face-to-face' | 'email'; state: 'in-progress' | 'wrap-up'; since: string }[]; completed: Map<string, number>; rows: number }>;
  teamContacts(scope: TeamScope, range: DayRange, drillDown: DrillDown, service: string | null, top: number): Promise<TeamContact[]>;
  /** Each officer's latest recorded state today in a team (cd_agentstate), by staff id; absent where a back office has none. */
  latestAgentStates?(team: string, today: string): Promise<Map<string, { state: AgentState; since: string }>>;
}

/** Quality reviews of contacts (cd_qualityreview). */
export interface QualityBackOffice {
  contactForReview(id: string, channel: 'phone' | 'face-to-face'): Promise<ReviewedContact | null>;
  qualityReview(id: string): Promise<QualityReview | null>;
  saveQualityReview(review: Omit<QualityReview, 'acknowledgedAt'>): Promise<QualityReview>;
  qualityReviewsOf(staffId: string): Promise<QualityReview[]>;
  reviewedContactIds(staffId: string, from: string, to: string): Promise<Set<string>>;
  acknowledgeQualityReview(id: string, at: string): Promise<QualityReview>;
}

/**
 * Sending cases to the back office. Kept apart from BackOffice so the reading side and its
 * test doubles do not have to know about it. Nothing here throws for a case: every case in
 * gets exactly one result out, whatever happened on the way.
 */
export interface CaseBackOffice {
  /** Safe to repeat: a case's own id makes a resend find the earlier send ('already-there'). */
  submitCases(cases: readonly CaseSubmission[], capturedBy: CapturedBy): Promise<CaseSendResult[]>;
  /** With If-Match: a change made against an old version comes back as a conflict. */
  updateCase(update: CaseUpdate): Promise<CaseUpdateResult>;
  /** A real request with a short timeout, not the operating system's guess. */
  reachability(): Promise<Reachability>;
  /** How much the case's text columns hold, read from the tenant once (Dataverse's defaults if it cannot be asked). */
  caseTextLengths(): Promise<CaseTextLengths>;
}

/** Everything CivicDesk asks of the council's system. */
export type CouncilBackOffice = BackOffice & CaseBackOffice & ContactBackOffice & TeamBackOffice & QualityBackOffice;
