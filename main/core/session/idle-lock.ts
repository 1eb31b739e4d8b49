import type { CallName } from '../../../shared/contract/calls';
import type { SessionLock } from '../../../shared/contract/session';
import type { StaffRole } from '../../../shared/domain/staff';

/** The deployment file's `idleLock`: minutes without a key or a pointer before the workstation locks. */
export interface IdleLockSetting {
  servicePointMinutes: number;
  otherMinutes: number;
}

/**
 * A service-point PC sits at a counter residents walk up to, so it locks sooner than a desk in
 * the contact centre or a smart-working laptop.
 */
export const DEFAULT_IDLE_LOCK: IdleLockSetting = { servicePointMinutes: 5, otherMinutes: 15 };

export function idleMinutesFor(role: StaffRole | null, setting: IdleLockSetting = DEFAULT_IDLE_LOCK): number {
  return role === 'service-point-officer' ? setting.servicePointMinutes : setting.otherMinutes;
}

/** Idle for the whole allowance (or longer: a timer that slept with the computer still counts). */
export function idleTimeIsUp(idleMilliseconds: number, allowedMilliseconds: number): boolean {
  return Number.isFinite(idleMilliseconds) && allowedMilliseconds > 0 && idleMilliseconds >= allowedMilliseconds;
}

/** Only the officer who locked the workstation resumes it; anyone else must switch officer. */
export function mayResume(lock: SessionLock | null, staffId: string | null): boolean {
  return lock !== null && staffId !== null && lock.staffId === staffId;
}

/**
 * What still works while the workstation is locked: finding out the session, resuming or
 * switching, and the background work that keeps the officer's drafts and calls safe (the
 * outboxes sending cases, contacts and Teams messages, the audit of reads already made). Nothing here returns a
 * resident's details. Every other call is refused, so a page behind the lock (or one reloaded
 * under it) cannot show a resident whatever the renderer does.
 */
const ALLOWED_WHILE_LOCKED: ReadonlySet<CallName> = new Set<CallName>([
  'session.get',
  'session.lock',
  'session.resume',
  'session.switchOfficer',
  'account.status',
  'residents.close',
  'cases.submit',
  'contacts.save',
  // Questions to experts and escalations waiting in the case's Teams outbox: a refusal would mark them failed.
  'teams.askExpert',
  'teams.escalate',
  'audit.recordSnapshotReads',
  // State changes already made (the officer's break, the call before the lock) still go to the team view.
  'agentState.record',
  'backOffice.reachability',
  'standards.get',
]);

export function allowedWhileLocked(name: CallName): boolean {
  return ALLOWED_WHILE_LOCKED.has(name);
}

export const LOCKED_MESSAGE = 'CivicDesk is locked. Resume as the officer who locked it, or switch officer.';
