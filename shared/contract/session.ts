import type { IdentityPolicy } from '../domain/identity-check';
import type { RetentionRule } from '../domain/retention';
import type { StaffUser } from '../domain/staff';

/**
 * How this workstation is running.
 * - training: no tenant configured; synthetic data served by local stand-ins.
 * - live: a deployment file names the council's tenant and Dataverse.
 * - config-error: a deployment file exists but is wrong. We never fall back to training
 *   silently, because staff would then be working on pretend data without knowing it.
 */
export type AppMode = 'training' | 'live' | 'config-error';

export interface ConfigProblem {
  /** The field in the deployment file, for example `dataverseUrl`; empty for the whole file. */
  field: string;
  message: string;
}

export interface FeatureSwitches {
  machineTranslation: boolean;
  teams: boolean;
  bookings: boolean;
}

/**
 * The workstation is locked for the officer who was using it (idle, the operating system's
 * lock or sleep, or Ctrl+Alt+L). Every window covers itself and main refuses resident data
 * until that officer resumes or another officer switches in.
 */
export interface SessionLock {
  staffId: string;
  officerName: string;
  /** ISO time the lock began. */
  since: string;
  reason: LockReason;
}

export type LockReason = 'idle' | 'shortcut' | 'system';

export interface SessionInfo {
  mode: AppMode;
  appVersion: string;
  /** The member of staff using the workstation, or null until someone signs in. */
  user: StaffUser | null;
  /** Training mode only: the synthetic staff a trainee can act as (agent, officer, team leader). */
  trainingStaff: StaffUser[];
  features: FeatureSwitches;
  /** Where the deployment file was read from, when there is one. */
  configSource: string | null;
  configProblems: ConfigProblem[];
  /** Wrap-up (disposition) codes: the council's list, or CivicDesk's defaults. */
  dispositions: { code: string; label: string }[];
  /**
   * The largest file staff may attach to a case, in bytes (the deployment's
   * maxAttachmentMegabytes; 10 MB unless set). Main checks it again on every send.
   */
  maxAttachmentBytes: number;
  /** The council's identity-check rule, which also decides what search results show before it. */
  identityPolicy: IdentityPolicy;
  /** Each telephony queue's services: a call from the queue offers their call scripts first. */
  queueServices: Record<string, string[]>;
  /** Days within which a further contact about the same service means the first did not resolve it. */
  trueResolutionDays: number;
  /** How long this computer keeps copies (deployment `retention`); absent: the defaults. */
  retention?: RetentionRule;
  /** Set while the workstation is locked; absent or null when it is not. */
  lock?: SessionLock | null;
  /** Minutes without a key or a pointer before the workstation locks, for this officer's role (deployment `idleLock`). */
  idleLockMinutes?: number;
}

export interface TrainingSummary {
  seed: number;
  residents: number;
  households: number;
  cases: number;
  openCases: number;
  contacts: number;
  flags: number;
  staff: number;
}

/**
 * Training only: who a simulated caller is and what they will say, so a trainee can practise
 * the identity check and the scripts. Answers are in the forms people really use ("12th March
 * 85", "111c Hopton Mews"), because that is what the check has to understand.
 */
export interface CallerCard {
  callerNumber: string;
  /** Who is really calling. */
  name: string;
  /** What the caller answers to each identity question. */
  says: { name: string; dateOfBirth: string; addressLine1: string; postcode: string };
  /** Why they are calling, as they would put it. */
  reason: string;
  /** Words that find the call script for it. */
  scriptWords: string;
  /** Others in the training borough have this number too: the screen-pop cannot choose for you. */
  sharedNumber: boolean;
}
