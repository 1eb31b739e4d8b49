import type { SessionInfo } from '../../../shared/contract/session';
import { DEFAULT_DISPOSITIONS } from '../../../shared/domain/interaction';
import type { StaffUser } from '../../../shared/domain/staff';
import { identityPolicy, maxAttachmentBytes, queueServices, trueResolutionDays, type LoadedConfig } from '../config/deployment-config';
import type { EventHub } from '../ipc/event-hub';
import { NotPossible } from '../ipc/router';

export interface SessionService {
  current(): SessionInfo;
  actAsTrainingUser(staffId: string): SessionInfo;
  /** Live mode: the officer who signed in with Microsoft Entra ID, or null after sign-out. */
  signedIn(user: StaffUser | null): void;
  /** Called whenever the person at the workstation changes (another officer, or nobody). */
  onUserChanged(listener: () => void): void;
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
}): SessionService {
  const { config, appVersion, events } = deps;
  const trainingStaff = config.mode === 'training' ? [...deps.trainingStaff] : [];
  let user: StaffUser | null = trainingStaff.find((staff) => staff.role === 'agent') ?? null;
  const listeners: (() => void)[] = [];
  const changeUser = (next: StaffUser | null) => {
    const changed = next?.id !== user?.id;
    user = next;
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
  });

  return {
    current,
    actAsTrainingUser(staffId) {
      if (config.mode !== 'training') throw new NotPossible('You can only choose who to act as in training mode.');
      const chosen = trainingStaff.find((staff) => staff.id === staffId);
      if (!chosen) throw new NotPossible('That member of staff is not in the training data. Choose someone from the list.');
      changeUser(chosen);
      const info = current();
      events.emit('session.changed', info);
      return info;
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
  };
}
