import type { Client } from '@microsoft/microsoft-graph-client';
import type {
  Appointment,
  ChatReply,
  ChoosableAvailability,
  ColleagueWithPresence,
  Me,
  MyPresence,
  Presence,
  ServicePointDay,
  ServiceTeam,
  TeamsSendResult,
} from '../../../shared/contract/microsoft365';
import type { GraphClient } from './graph-client';
import { createBookingsArea, type BookFollowUpInput } from './bookings';
import { createChannelsArea, type EscalateInput } from './channels';
import { createChatsArea, type AskExpertInput } from './chats';
import { reading } from './graph-errors';
import { loadMe } from './me';
import { presencesOf, searchPeople, serviceTeams, teamPresence } from './people';
import { createPresenceArea } from './presence';
import { clearAppPresence, setAppPresence, type AppPresencePair } from './app-presence';
import { createSendOnce } from './sending';
import { createMailboxArea, type MailboxArea } from './mailbox';
import type { Microsoft365Log, Microsoft365Settings, ServiceContext } from './service-context';

export type { Microsoft365Settings, Microsoft365Log } from './service-context';

export interface Microsoft365ServiceOptions {
  /**
   * The Graph client: the SDK's Client, what createGraphClient returns, or a way to get the
   * current one (if it is remade when the officer signs in again).
   */
  client: Client | GraphClient | (() => Client);
  settings: Microsoft365Settings;
  /** The signed-in officer: `userId` is their Entra object id (oid). */
  me: () => { userId: string };
  now?: () => Date;
  /** How to wait before sending throttled requests again; tests pass one that records and returns at once. */
  sleep?: (ms: number) => Promise<void>;
  log: Microsoft365Log;
  /** The app registration's client id: the sessionId of CivicDesk's own presence session. */
  appId?: string;
  /** The officer's name as colleagues know it: the "In hand" mark on an email they take. */
  myName?: () => string;
}

export interface Microsoft365Service {
  me(): Promise<Me>;
  setMyPresence(input: { availability: ChoosableAvailability | 'Automatic'; forMinutes: number }): Promise<MyPresence>;
  /** CivicDesk's own presence session for the officer (the agent state), beneath any presence they chose themselves. */
  setAppPresence(pair: AppPresencePair): Promise<void>;
  clearAppPresence(): Promise<void>;
  searchPeople(query: string): Promise<ColleagueWithPresence[]>;
  serviceTeams(): Promise<ServiceTeam[]>;
  teamPresence(teamId: string): Promise<ColleagueWithPresence[]>;
  /** Presence for colleagues by Entra object id (up to 650). */
  presenceOf(userIds: string[]): Promise<Map<string, Presence>>;
  askExpert(input: AskExpertInput): Promise<TeamsSendResult>;
  escalate(input: EscalateInput): Promise<TeamsSendResult>;
  replies(chatId: string): Promise<ChatReply[]>;
  today(): Promise<ServicePointDay>;
  checkIn(appointmentId: string, byName: string): Promise<Appointment>;
  bookFollowUp(input: BookFollowUpInput): Promise<Appointment>;
  /** The council's contact mailbox as a queue (the Email place). */
  mailbox: MailboxArea;
}

/**
 * Microsoft 365 for the contract's 'teams.*' and 'appointments.*' calls, through Graph.
 * Reads that cannot reach Microsoft 365 throw NotPossible with what to do; sends answer
 * 'retry' or 'failed' so the outbox keeps the message.
 */
export function createMicrosoft365Service(options: Microsoft365ServiceOptions): Microsoft365Service {
  const { client } = options;
  const current: () => Client = typeof client === 'function' ? client : 'close' in client ? () => client.client : () => client;
  const context: ServiceContext = {
    client: current,
    settings: options.settings,
    me: options.me,
    now: options.now ?? (() => new Date()),
    wait: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    log: options.log,
  };
  const appIdOf = () => {
    if (!options.appId) throw new Error('CivicDesk’s client id is not known here, so it cannot set a presence of its own.');
    return options.appId;
  };
  const sendOnce = createSendOnce();
  const presence = createPresenceArea(context);
  const chats = createChatsArea(context, sendOnce);
  const channels = createChannelsArea(context, sendOnce);
  const bookings = createBookingsArea(context);
  const mailbox = createMailboxArea(context, () => options.settings.contactMailbox ?? null, options.myName ?? (() => 'a CivicDesk officer'));

  return {
    me: () => loadMe(context, (raw) => presence.myPresence(raw)),
    setMyPresence: (input) => presence.setMyPresence(input),
    setAppPresence: async (pair) => setAppPresence(context, appIdOf(), pair),
    clearAppPresence: async () => clearAppPresence(context, appIdOf()),
    searchPeople: (query) => searchPeople(context, query),
    serviceTeams: () => serviceTeams(context),
    teamPresence: (teamId) => teamPresence(context, teamId),
    presenceOf: (userIds) => (userIds.length === 0 ? Promise.resolve(new Map()) : reading(() => presencesOf(context, userIds))),
    askExpert: (input) => chats.askExpert(input),
    escalate: (input) => channels.escalate(input),
    replies: (chatId) => chats.replies(chatId),
    today: () => bookings.today(),
    checkIn: (appointmentId, byName) => bookings.checkIn(appointmentId, byName),
    bookFollowUp: (input) => bookings.bookFollowUp(input),
    mailbox,
  };
}
