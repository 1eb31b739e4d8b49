import type { CallName } from '../../../shared/contract/calls';
import type { StaffUser } from '../../../shared/domain/staff';

/**
 * Who may make each call, checked in main for every call whatever carried it (docs/roles.md
 * is this table in words; tests/unit/contract/call-roles.test.ts drives every call as every
 * role against it). Services keep their own finer checks as well: what a role may see inside
 * an answer (staff-safety markers by role, nothing before the identity check) is decided
 * where the answer is made.
 *
 * - `anyone`: works before an officer signs in (starting up, signing in, the lock, reference data).
 * - `officer`: any officer signed in, whatever their role.
 * - `team-leader`: team leaders only.
 */
export type CallAccess = 'anyone' | 'officer' | 'team-leader';

export interface CallRule {
  who: CallAccess;
  /** Why, in a sentence, for the docs. */
  why: string;
}

const anyone = (why: string): CallRule => ({ who: 'anyone', why });
const officer = (why: string): CallRule => ({ who: 'officer', why });
const teamLeader = (why: string): CallRule => ({ who: 'team-leader', why });

const RESIDENT = 'A resident’s details, audited; staff-safety markers only for team leaders and service-point officers, nothing before the identity check.';

export const CALL_ROLES: Record<CallName, CallRule> = {
  'session.get': anyone('Who is signed in and how the workstation is set up: needed to start.'),
  'session.actAsTrainingUser': anyone('Training mode only: choosing who to act as.'),
  'session.lock': anyone('Anyone at the computer may lock it.'),
  'session.resume': anyone('Resuming asks for the locking officer again.'),
  'session.switchOfficer': anyone('Another officer taking the computer ends the first session.'),
  'training.summary': anyone('Training mode only: the size of the synthetic borough.'),
  'standards.get': anyone('The council’s published service standards and bank holidays.'),
  'directory.changes': officer('The resident directory, for search on this computer.'),
  'directory.searchOnline': officer('Residents found by name in the council’s system while this computer’s copy of the directory is incomplete.'),
  'residents.open': officer(RESIDENT),
  'residents.openCaller': officer(RESIDENT),
  'residents.checkIdentity': officer(RESIDENT),
  'residents.overrideIdentity': officer(RESIDENT),
  'residents.close': officer('Forgets the officer’s own opens.'),
  'residents.contactHistory': officer(RESIDENT),
  'residents.caseHistory': officer(RESIDENT),
  'audit.accesses': teamLeader('Who opened a resident’s record: the audit trail.'),
  'audit.recordSnapshotReads': officer('The officer’s own offline reads, for the audit trail.'),
  'links.openExternal': anyone('Opens a checked council or GOV.UK address.'),
  'training.simulateCall': officer('Training mode only: a synthetic caller for the officer.'),
  'deepLink.take': anyone('Screen-pops and links waiting for the workstation; they open nothing by themselves.'),
  'scripts.list': anyone('The council’s call scripts: no personal data.'),
  'scripts.lookup': officer('The bin day, or the open resident’s figures after the identity check.'),
  'cases.submit': officer('Cases the officer raised.'),
  'cases.update': officer('Changes to cases the officer raised.'),
  'cases.textLengths': officer('How long the council’s case columns are: no personal data.'),
  'contacts.save': officer('The officer’s own contacts.'),
  'backOffice.reachability': anyone('Whether the council’s system answers.'),
  'team.choices': teamLeader('The Team place: team figures.'),
  'team.view': teamLeader('The Team place: team figures.'),
  'team.officersNow': teamLeader('The Team place: who is on a call now.'),
  'team.contacts': teamLeader('The Team place: the contacts behind a figure.'),
  'quality.form': officer('The council’s quality form, to read a review.'),
  'quality.sample': teamLeader('Choosing an officer’s contacts to review.'),
  'quality.forContact': teamLeader('A review of an officer’s contact.'),
  'quality.save': teamLeader('Saving a review of an officer’s contact.'),
  'quality.mine': officer('The officer’s own reviews.'),
  'quality.acknowledge': officer('Saying the officer has read their own review.'),
  'languages.table': anyone('The language table: no personal data.'),
  'languages.phrases': anyone('Phrase packs: no personal data.'),
  'languages.interpreterLines': anyone('Interpreting suppliers’ lines: no personal data.'),
  'residents.setLanguage': officer('Records the resident’s preferred language on their record.'),
  'customerView.open': anyone('Opens the resident’s own screen, which shows only what the officer sends it.'),
  'translation.translate': officer('Machine translation of the officer’s own words.'),
  'account.status': anyone('Whether the officer is signed in to Microsoft 365.'),
  'account.signIn': anyone('Signing in.'),
  'account.signOut': anyone('Signing out.'),
  'storage.dataKey': officer('The officer’s own data key, for their sealed storage.'),
  'storage.forgetDataKey': officer('Forgets the officer’s own data key.'),
  'teams.me': officer('The officer’s own Microsoft 365 profile and presence.'),
  'teams.setMyPresence': officer('The officer’s own presence.'),
  'teams.searchPeople': officer('Colleagues in the council’s directory.'),
  'teams.serviceTeams': officer('The services’ Teams channels.'),
  'teams.teamPresence': officer('Colleagues’ presence.'),
  'teams.askExpert': officer('A question to an expert, sent as the officer.'),
  'teams.escalate': officer('An escalation to a service’s channel, sent as the officer.'),
  'teams.replies': officer('Replies to the officer’s own questions.'),
  'messages.templates': officer('The council’s Notify templates: no resident’s details.'),
  'messages.send': officer('A text or email to a resident through GOV.UK Notify, recorded as the officer.'),
  'messages.status': officer('Whether a text or email was delivered.'),
  'messages.forResident': officer('The texts and emails recorded on a resident opened for the contact, after the identity check.'),
  'callbacks.promise': officer('A call back promised to a resident, recorded as the officer.'),
  'callbacks.list': officer('The officer’s own call backs and the queue’s: residents’ names, numbers and reasons (not audited as opens, as a search is not; calling one back opens the record, audited).'),
  'callbacks.attempted': officer('An attempt with no answer, recorded as the officer, and the call back moved.'),
  'callbacks.done': officer('A call back the officer made, completed in the council’s system.'),
  'mail.queue': officer('The contact mailbox’s queue: senders, subjects and previews, read with the officer’s own Microsoft 365 access to the mailbox.'),
  'mail.take': officer('Marks an email in hand with the officer’s name.'),
  'mail.open': officer('An email in the contact mailbox, read with the officer’s own Microsoft 365 access.'),
  'mail.attachment': officer('A file from an email in the contact mailbox.'),
  'mail.send': officer('A reply or forward from the contact mailbox, sent as the officer (Exchange’s Send As or Send on Behalf decides).'),
  'mail.finish': officer('Files a handled email out of the queue.'),
  'mail.services': officer('The services an email can be forwarded to.'),
  'appointments.today': officer('The service point’s appointments.'),
  'appointments.checkIn': officer('Checking a resident in.'),
  'appointments.bookFollowUp': officer('Booking a resident’s follow-up.'),
  'agentState.reflect': officer('The officer’s own state shown as their Teams presence, set as them.'),
  'agentState.record': officer('The officer’s own state changes, recorded for the team view.'),
  'tenant.readiness': teamLeader('Whether the tenant is set up for CivicDesk: the app registration, permissions, tables and teams (an administrator signs in as a team leader to run it).'),
};

/** Whether a member of staff (or nobody) may make the call. */
export function mayCall(name: CallName, user: Pick<StaffUser, 'role'> | null): boolean {
  const { who } = CALL_ROLES[name];
  if (who === 'anyone') return true;
  if (!user) return false;
  return who === 'officer' || user.role === 'team-leader';
}

/** Why the call is refused to this member of staff (or to nobody signed in), or null when it is not. */
export function roleRefusal(name: CallName, user: Pick<StaffUser, 'role'> | null): string | null {
  if (mayCall(name, user)) return null;
  return user ? 'Only team leaders can do that. Ask your team leader if you need it.' : 'Sign in to CivicDesk first.';
}
