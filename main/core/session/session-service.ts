import type { LockReason, SessionInfo, SessionLock } from '../../../shared/contract/session';
import { DEFAULT_DISPOSITIONS } from '../../../shared/domain/interaction';
import type { StaffUser } from '../../../shared/domain/staff';
import { identityPolicy, maxAttachmentBytes, queueServices, retentionRule, trueResolutionDays, type LoadedConfig } from '../config/deployment-config';
import type { EventHub } from '../ipc/event-hub';
import { NotPossible } from '../ipc/router';
import { DEFAULT_IDLE_LOCK, idleMinutesFor, mayResume } from './idle-lock';

export interface SessionService {
  current(): SessionInfo;
  actAsTrainingUser(staffId: string): SessionInfo;
  /** Live mode: the officer who signed in with Microsoft Entra ID, or null after sign-out. */
  signedIn(user: StaffUser | null): void;
  /** Called whenever the person at the workstation changes (another officer, or nobody). */
  onUserChanged(listener: () => void): void;
  /** Locks the workstation for the officer using it; nobody signed in, nothing to lock. */
  lock(reason: LockReason): SessionInfo;
  /** The officer who locked it, proven (chosen in training, signed in again live), comes back. */
  resume(staffId: string | null): SessionInfo;
  /** Training: another officer takes the locked computer. */
  switchTrainingOfficer(staffId: string): SessionInfo;
  isLocked(): boolean;
}

/**
 * Who is using the workstation. In training mode a trainee picks one of the synthetic staff
 * (so they can see what an agent, an officer or a team leader sees). In live mode the user
 * comes from Microsoft Entra ID sign-in (main/core/smart-working.ts); until then nobody is signed in.
 */
export function createSessionService(deps: {
  config: LoadedConfig;
  appVersion: string;
  trainingStaff: readonly StaffUser[];
  events: EventHub;
  now?: () => Date;
}): SessionService {
  const { config, appVersion, events } = deps;
  const now = deps.now ?? (() => new Date());
  const idleLock = config.mode === 'live' ? config.config.idleLock : DEFAULT_IDLE_LOCK;
  let locked: SessionLock | null = null;
  const trainingStaff = config.mode === 'training' ? [...deps.trainingStaff] : [];
  let user: StaffUser | null = trainingStaff.find((staff) => staff.role === 'agent') ?? null;
  const listeners: (() => void)[] = [];
  const changeUser = (next: StaffUser | null) => {
    const changed = next?.id !== user?.id;
    user = next;
    // The lock belongs to the officer it was locked for: whoever comes next starts unlocked.
    if (changed) locked = null;
    if (changed) for (const listener of listeners) listener();
  };

  const current = (): SessionInfo => ({
    mode: config.mode,
    appVersion,
    user,
    trainingStaff,
    features: config.features,
    configSource: config.source,
    configProblems: config.mode === 'config-error' ? config.problems : [],
    dispositions: config.mode === 'live' && config.config.wrapUpCodes ? config.config.wrapUpCodes : DEFAULT_DISPOSITIONS.map((each) => ({ ...each })),
    maxAttachmentBytes: maxAttachmentBytes(config),
    identityPolicy: identityPolicy(config),
    queueServices: queueServices(config),
    trueResolutionDays: trueResolutionDays(config),
    retention: retentionRule(config),
    lock: locked,
    idleLockMinutes: idleMinutesFor(user?.role ?? null, idleLock),
  });
  const announce = () => {
    const info = current();
    events.emit('session.changed', info);
    return info;
  };
  const chooseTrainingStaff = (staffId: string) => {
    if (config.mode !== 'training') throw new NotPossible('You can only choose who to act as in training mode.');
    const chosen = trainingStaff.find((staff) => staff.id === staffId);
    if (!chosen) throw new NotPossible('That member of staff is not in the training data. Choose someone from the list.');
    return chosen;
  };

  return {
    current,
    actAsTrainingUser(staffId) {
      const chosen = chooseTrainingStaff(staffId);
      if (locked) throw new NotPossible('CivicDesk is locked. Resume, or choose Switch officer on the lock screen.');
      changeUser(chosen);
      return announce();
    },
    signedIn(next) {
      // Training mode's user is the trainee's choice; signing in to the stand-in does not change it.
      if (config.mode !== 'live') return;
      changeUser(next);
      events.emit('session.changed', current());
    },
    onUserChanged(listener) {
      listeners.push(listener);
    },
    lock(reason) {
      // Locked already: the first lock's time and reason stand (a second window's idle timer, sleep after Ctrl+Alt+L).
      if (!user || locked) return current();
      locked = { staffId: user.id, officerName: user.displayName, since: now().toISOString(), reason };
      return announce();
    },
    resume(staffId) {
      if (!locked) return current();
      if (!mayResume(locked, staffId)) throw new NotPossible(`Only ${locked.officerName} can resume. Anyone else: choose Switch officer.`);
      locked = null;
      return announce();
    },
    switchTrainingOfficer(staffId) {
      const chosen = chooseTrainingStaff(staffId);
      if (locked && chosen.id === locked.staffId) throw new NotPossible(`${chosen.displayName} locked CivicDesk: choose Resume instead.`);
      changeUser(chosen);
      locked = null;
      return announce();
    },
    isLocked: () => locked !== null,
  };
}
