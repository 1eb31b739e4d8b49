import type { AccountStatus, Availability } from '../../shared/contract/microsoft365';
import type { StaffRole, StaffUser } from '../../shared/domain/staff';
import { createAuthService, type AuthService } from './auth/auth-service';
import type { LoadedConfig } from './config/deployment-config';
import { createGraphClient } from './graph/graph-client';
import { createMicrosoft365Service, type Microsoft365Service } from './graph/microsoft365-service';
import type { EventHub } from './ipc/event-hub';
import type { AppPresencePair } from './graph/app-presence';
import { NotPossible, type Handlers } from './ipc/router';
import { createMemoryOnlySecretStore, type SecretStore } from './secrets/secret-store';
import type { SessionService } from './session/session-service';
import type { TrainingDataset } from './training/generator';
import type { TrainingMicrosoft365 } from './training/microsoft365';
import type { IdentityStandIn } from './training/identity/identity-stand-in';

/**
 * What CivicDesk asks Microsoft Graph for, each the least-privileged delegated permission of the
 * calls it makes (docs/microsoft-365.md says what each is for and which need admin consent; the
 * training Graph stand-in refuses a call whose permission is missing, as Graph does).
 * Colleagues' job titles come with User.ReadBasic.All only when the tenant lets them, and are
 * otherwise shown as not shared: User.Read.All would read every profile in the directory for
 * one line on the team list, and needs admin consent.
 */
export const GRAPH_SCOPES = [
  'User.Read',
  'User.ReadBasic.All',
  'Presence.ReadWrite',
  'Presence.Read.All',
  'Chat.Create',
  'Chat.Read',
  'ChatMessage.Send',
  'ChannelMessage.Send',
  'ChannelMessage.Read.All',
  'Team.ReadBasic.All',
  'TeamMember.Read.All',
  'OnlineMeetings.ReadWrite',
  'Calendars.ReadBasic',
  'BookingsAppointment.ReadWrite.All',
  'Mail.ReadWrite.Shared',
  'Mail.Send.Shared',
];

type SmartWorkingCall = Extract<keyof Handlers, `account.${string}` | `teams.${string}` | `appointments.${string}` | `mail.${string}`>;

export interface SmartWorking {
  handlers: Pick<Handlers, SmartWorkingCall>;
  /** An access token for main's own calls (Dataverse in live mode); never for the renderer. */
  accessToken(scopes: string[]): Promise<string>;
  /**
   * Teams presence for officers by staff id, or null when this computer is not signed in to
   * Microsoft 365 (nothing is started or asked for it).
   */
  presenceOfStaff(staffIds: readonly string[]): Promise<Map<string, Availability> | null>;
  /**
   * CivicDesk's own Teams presence session for the officer (their agent state), or null when
   * this computer is not signed in to Microsoft 365 (nothing is started or asked for it).
   */
  setAppPresence(pair: AppPresencePair): Promise<'set' | null>;
  /** Signs out if a sign-in has been made; nothing to do before Microsoft 365 was first used. */
  signOutIfSignedIn(): Promise<void>;
  /** Training mode's stand-ins, for tests to look inside (null in live mode or before first use). */
  trainingStandIns(): Promise<TrainingMicrosoft365 | null>;
  close(): Promise<void>;
}

export interface SmartWorkingOptions {
  config: LoadedConfig;
  training: TrainingDataset | null;
  session: SessionService;
  events: EventHub;
  log: { info(message: string, details?: Record<string, unknown>): void; warn(message: string, details?: Record<string, unknown>): void };
  now: () => Date;
  /** The operating system's keychain; without one the sign-in is kept for this run only. */
  secrets?: SecretStore;
  /** Opens Microsoft's sign-in page in the system browser, checked against the authority (desktop shell only). */
  openSignInPage?: (url: string, authority: string) => Promise<void>;
  /** Training: the run's identity stand-in, started with the training back office, so one identity serves the run. */
  trainingIdentity?: () => Promise<IdentityStandIn | null>;
}

const TRAINING_NOT_KEPT = 'In training, the sign-in service starts afresh each time CivicDesk opens.';
const NO_KEYCHAIN = 'This computer has no keychain CivicDesk can use, so your sign-in is kept only until you close CivicDesk.';

interface Connected {
  auth: AuthService;
  m365: Microsoft365Service;
  training: TrainingMicrosoft365 | null;
}

/**
 * Smart working: the officer's own Microsoft 365 sign-in and what it opens (Teams presence and
 * chat, escalation, the service-point day). Live mode signs in with Microsoft Entra ID in the
 * system browser; training mode runs the same MSAL and Graph client code against local
 * stand-ins (main/core/training/microsoft365.ts), started at first use.
 */
export function createSmartWorking(options: SmartWorkingOptions): SmartWorking {
  const { config, session, events, log, now } = options;
  // Training's identity stand-in starts afresh each run, so a training sign-in is never worth keeping.
  const secrets = config.mode === 'live' ? (options.secrets ?? createMemoryOnlySecretStore(NO_KEYCHAIN)) : createMemoryOnlySecretStore(TRAINING_NOT_KEPT);
  let connecting: Promise<Connected> | null = null;

  const connect = (): Promise<Connected> =>
    (connecting ??= (async () => {
      if (config.mode === 'training' && options.training) {
        // Loaded only here: a live start never loads the stand-ins' token issuer or their certificates.
        const { startTrainingMicrosoft365 } = await import('./training/microsoft365');
        const training = await startTrainingMicrosoft365(options.training, { now, identity: (await options.trainingIdentity?.()) ?? undefined });
        const auth = createAuthService({
          settings: { authority: training.identity.authority, clientId: training.clientId, knownAuthorities: [new URL(training.identity.authority).host], protocolMode: 'OIDC', scopes: GRAPH_SCOPES, ca: training.identity.ca },
          secrets,
          openBrowser: training.browser(() => training.usernameForStaff(session.current().user?.id ?? null)),
          log,
          now,
        });
        return { auth, training, m365: microsoft365For(auth, training.graph.url, training.graph.ca, training.settings, training.clientId) };
      }
      if (config.mode !== 'live') throw new NotPossible('CivicDesk is not set up for Microsoft 365: fix the settings file first.');
      const live = config.config;
      const authority = `https://login.microsoftonline.com/${live.tenantId}`;
      const openSignInPage = options.openSignInPage;
      const auth = createAuthService({
        settings: { authority, clientId: live.clientId, knownAuthorities: [], protocolMode: 'AAD', scopes: GRAPH_SCOPES },
        secrets,
        openBrowser: async (url) => {
          if (!openSignInPage) throw new NotPossible('This browser version of CivicDesk cannot sign in to Microsoft 365. Use the desktop app.');
          await openSignInPage(url, authority);
        },
        log,
        now,
      });
      const settings = {
        expertTeams: live.teams.expertTeams,
        escalationChannels: live.teams.escalationChannels,
        summaryIncludes: live.teams.summaryIncludes,
        bookingsBusinessId: live.bookingsBusinessId ?? null,
        bookingsResidentQuestionId: live.bookingsResidentQuestionId ?? null,
        contactMailbox: live.contactMailbox ?? null,
      };
      return { auth, training: null, m365: microsoft365For(auth, 'https://graph.microsoft.com/', undefined, settings, live.clientId) };
    })().catch((error: unknown) => {
      // A start that failed (a port taken, say) is tried again next time rather than remembered.
      connecting = null;
      throw error;
    }));

  function microsoft365For(auth: AuthService, baseUrl: string, ca: string | undefined, settings: Parameters<typeof createMicrosoft365Service>[0]['settings'], appId: string): Microsoft365Service {
    const client = createGraphClient({ baseUrl, ca, accessToken: () => auth.accessToken(GRAPH_SCOPES) });
    return createMicrosoft365Service({ client, settings, me: () => ({ userId: signedInId(auth) }), now, log, appId, myName: officerName });
  }

  function signedInId(auth: AuthService): string {
    const status = auth.status();
    if (!status.signedIn) throw new NotPossible('Sign in to Microsoft 365 first (the button is in the status bar).');
    return status.userId;
  }

  // Signing out ends CivicDesk's presence session at once, rather than leaving the officer's last
  // state in Teams until it expires. None set (404), or Graph not answering: sign out all the same.
  const endAppPresence = async (ready: Connected) => {
    if (ready.auth.status().signedIn) await ready.m365.clearAppPresence().catch(() => undefined);
  };

  const watched = new WeakSet<AuthService>();
  const connected = async (): Promise<Connected> => {
    const ready = await connect();
    // A sign-in kept in the keychain is looked up first, so the status never says "signed out" by mistake.
    await ready.auth.ready();
    if (!watched.has(ready.auth)) {
      watched.add(ready.auth);
      const tellSession = (status: AccountStatus) => {
        if (!status.signedIn) return session.signedIn(null);
        const user = liveUser(status, ready.auth.appRoles());
        session.signedIn(user);
        // The officer's team is their department in the council's directory: contacts are counted there.
        if (config.mode === 'live') {
          void ready.m365
            .me()
            .then((me) => {
              if (me.profile.department && session.current().user?.id === user.id) session.signedIn({ ...user, team: me.profile.department });
            })
            .catch(() => log.warn('The officer’s department could not be read from the directory; their contacts are recorded without a team until it can.'));
        }
      };
      ready.auth.onChange((status) => {
        tellSession(status);
        events.emit('account.changed', status);
      });
      // A sign-in kept from the last run makes the officer the session's user at once.
      const kept = ready.auth.status();
      if (kept.signedIn) tellSession(kept);
    }
    return ready;
  };
  const signedInM365 = async (): Promise<Microsoft365Service> => {
    const ready = await connected();
    signedInId(ready.auth);
    return ready.m365;
  };
  const whenSignedIn = async (): Promise<Microsoft365Service | null> => {
    const ready = await connected();
    return ready.auth.status().signedIn ? ready.m365 : null;
  };
  const waitForSignIn = { status: 'retry', reason: 'Sign in to Microsoft 365 to send it: it waits on this computer until then.' } as const;
  const officerName = () => session.current().user?.displayName ?? 'a CivicDesk officer';

  const notSetUp: AccountStatus = { signedIn: false, signingIn: false, kept: secrets.kept, keptReason: secrets.keptReason, problem: null };

  return {
    handlers: {
      // Asked as the workstation opens: training answers "signed out" without starting its
      // stand-ins (two https servers and a signing key) until someone signs in; nothing is kept to restore.
      'account.status': async () => (config.mode === 'config-error' || (config.mode === 'training' && !connecting) ? notSetUp : (await connected()).auth.status()),
      'account.signIn': async () => (await connected()).auth.signIn(),
      'account.signOut': async () => {
        const ready = await connected();
        await endAppPresence(ready);
        return ready.auth.signOut();
      },
      'teams.me': async () => (await signedInM365()).me(),
      'teams.setMyPresence': async (input) => (await signedInM365()).setMyPresence(input),
      'teams.searchPeople': async ({ query }) => (await signedInM365()).searchPeople(query),
      'teams.serviceTeams': async () => (await signedInM365()).serviceTeams(),
      'teams.teamPresence': async ({ teamId }) => (await signedInM365()).teamPresence(teamId),
      // A message in the outbox waits, rather than fails, while nobody is signed in: it goes after sign-in.
      'teams.askExpert': async (input) => (await whenSignedIn())?.askExpert(input) ?? waitForSignIn,
      'teams.escalate': async (input) => (await whenSignedIn())?.escalate(input) ?? waitForSignIn,
      'teams.replies': async ({ chatId }) => (await signedInM365()).replies(chatId),
      'appointments.today': async () => (await signedInM365()).today(),
      'appointments.checkIn': async ({ appointmentId }) => (await signedInM365()).checkIn(appointmentId, officerName()),
      'appointments.bookFollowUp': async (input) => (await signedInM365()).bookFollowUp(input),
      'mail.queue': async () => (await signedInM365()).mailbox.queue(),
      'mail.take': async ({ emailId }) => (await signedInM365()).mailbox.take(emailId),
      'mail.open': async ({ emailId }) => (await signedInM365()).mailbox.open(emailId),
      'mail.attachment': async ({ emailId, attachmentId }) => (await signedInM365()).mailbox.attachment(emailId, attachmentId),
      // A reply waits in the outbox, rather than fails, while nobody is signed in: it goes after sign-in.
      'mail.send': async (input) => (await whenSignedIn())?.mailbox.send(input) ?? waitForSignIn,
      'mail.finish': async ({ emailId }) => {
        await (await signedInM365()).mailbox.finish(emailId);
        return { finished: true } as const;
      },
      'mail.services': async () => ({ services: (await signedInM365()).mailbox.services() }),
    },
    async presenceOfStaff(staffIds) {
      if (!connecting) return null;
      const ready = await connecting.catch(() => null);
      if (!ready?.auth.status().signedIn) return null;
      // Live staff ids are Entra object ids; training's are mapped to their stand-in accounts.
      const userIdOf = (staffId: string) => (ready.training ? ready.training.userIdForStaff(staffId) : staffId);
      const pairs = staffIds.flatMap((staffId) => {
        const userId = userIdOf(staffId);
        return userId ? [[staffId, userId] as const] : [];
      });
      const presences = await ready.m365.presenceOf(pairs.map(([, userId]) => userId));
      return new Map(pairs.map(([staffId, userId]) => [staffId, presences.get(userId)?.availability ?? 'PresenceUnknown']));
    },
    async setAppPresence(pair) {
      if (!connecting) return null;
      const ready = await connecting.catch(() => null);
      if (!ready?.auth.status().signedIn) return null;
      await ready.m365.setAppPresence(pair);
      return 'set';
    },
    async signOutIfSignedIn() {
      if (!connecting) return;
      const ready = await connecting.catch(() => null);
      if (ready?.auth.status().signedIn) {
        await endAppPresence(ready);
        await ready.auth.signOut();
      }
    },
    accessToken: async (scopes) => (await connected()).auth.accessToken(scopes),
    trainingStandIns: async () => (config.mode === 'training' && options.training ? (await connected()).training : null),
    async close() {
      if (!connecting) return;
      const ready = await connecting.catch(() => null);
      await ready?.auth.close();
      await ready?.training?.close();
    },
  };
}

/** Live mode's officer, from their Entra sign-in: the oid is the id the audit trail records. */
function liveUser(status: Extract<AccountStatus, { signedIn: true }>, appRoles: string[]): StaffUser {
  return { id: status.userId, displayName: status.name, email: status.username, role: staffRoleFor(appRoles), team: '' };
}

/**
 * What an officer may see comes from the app roles an administrator gives them in Entra ID
 * (docs/microsoft-365.md). Anyone without one is an agent, the role that sees least.
 */
export function staffRoleFor(appRoles: readonly string[]): StaffRole {
  if (appRoles.includes('CivicDesk.TeamLeader')) return 'team-leader';
  if (appRoles.includes('CivicDesk.ServicePointOfficer')) return 'service-point-officer';
  return 'agent';
}
