import type { GraphBookingAppointment } from '../../graph/bookings';
import { hashString } from '../random';
import type { GraphReply } from './graph-errors';
import type { GraphSeed } from './seed';

/** A request as the routes see it: after the token check, with the caller's oid as `me`. */
export interface RouteRequest {
  method: string;
  /** The path after /v1.0, as sent (still percent-encoded). */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: unknown;
  me: string;
  /** The token's delegated scopes, space-separated: each request is checked against them. */
  scp: string;
  /** The client id the token was issued to, where the verifier says. */
  appId?: string;
}

export type Route = readonly [method: string, pattern: RegExp, handle: (request: RouteRequest, ...parts: string[]) => GraphReply];

export interface StoredChat {
  id: string;
  chatType: 'oneOnOne' | 'group';
  topic: string | null;
  memberIds: string[];
  createdDateTime: string;
}

export interface StoredMessage {
  id: string;
  /** A chat id, or "teamId/channelId" for a channel post. */
  chatId: string | null;
  channel: { teamId: string; channelId: string } | null;
  sequence: number;
  createdDateTime: string;
  messageType: 'message' | 'systemEventMessage';
  fromUserId: string | null;
  subject: string | null;
  body: { contentType: 'html' | 'text'; content: string };
}

/** The contact mailbox's folders, by their well-known names. */
export const MAIL_FOLDERS = ['inbox', 'drafts', 'sentitems', 'archive', 'deleteditems'] as const;
export type MailFolder = (typeof MAIL_FOLDERS)[number];

export interface MailAddress {
  name: string | null;
  address: string;
}

export interface StoredAttachment {
  id: string;
  name: string;
  contentType: string;
  bytes: Buffer;
  isInline: boolean;
  contentId: string | null;
  lastModifiedDateTime: string;
}

/** A message in the contact mailbox, as Exchange holds it. */
export interface StoredMail {
  id: string;
  folder: MailFolder;
  /** A new one on every change, as Exchange's: an If-Match with an older one is refused. */
  changeKey: string;
  /** The world's mail version when it last changed: what a delta token counts from. */
  version: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  receivedDateTime: string;
  sentDateTime: string | null;
  internetMessageId: string;
  conversationId: string;
  subject: string;
  html: string;
  from: MailAddress;
  sender: MailAddress;
  toRecipients: MailAddress[];
  ccRecipients: MailAddress[];
  replyTo: MailAddress[];
  categories: string[];
  isRead: boolean;
  isDraft: boolean;
  attachments: StoredAttachment[];
  singleValueExtendedProperties: { id: string; value: string }[];
  /** The message a reply answers, or a forward passes on (its id when made). */
  repliesTo: string | null;
  forwards: string | null;
}

/** A message that left a folder (moved, sent or deleted): a delta tells clients it is gone. */
export interface RemovedMail {
  id: string;
  folder: MailFolder;
  version: number;
}

/**
 * Where a delta round stands: a page (skip token) of the changes after `since` (everything when
 * null) up to version `upTo`, from `offset`; or the end of a round (delta token), from which the
 * next round counts.
 */
export interface MailSyncState {
  kind: 'page' | 'delta';
  folder: MailFolder;
  since: number | null;
  upTo: number;
  offset: number;
  select: string | null;
}

export interface PreferredPresence {
  availability: string;
  activity: string;
  until: Date;
}

/** Everything the stand-in holds: the seed plus what clients have done since it started. */
export interface GraphWorld {
  seed: GraphSeed;
  origin: () => string;
  now: () => Date;
  chats: Map<string, StoredChat>;
  messages: StoredMessage[];
  appointments: GraphBookingAppointment[];
  /** The London days `appointments` holds a day of Bookings for (see routes-bookings). */
  appointmentDays: Set<string>;
  preferred: Map<string, PreferredPresence>;
  /** Applications' presence sessions (setPresence), by user id then the app's session id. */
  sessions: Map<string, Map<string, PreferredPresence>>;
  nextSequence: () => number;
  mail: StoredMail[];
  removedMail: RemovedMail[];
  /** The delta and skip tokens the stand-in has handed out: any other is a sync state it never made. */
  mailSyncStates: Map<string, MailSyncState>;
  /** Every change to the mailbox takes the next version. */
  nextMailVersion: () => number;
  mailVersion: () => number;
}

export function createWorld(seed: GraphSeed, origin: () => string, now: () => Date): GraphWorld {
  let sequence = 0;
  let mailVersion = 0;
  return {
    seed,
    origin,
    now,
    chats: new Map(),
    messages: [],
    appointments: seed.appointments.map((appointment) => structuredClone(appointment)),
    appointmentDays: new Set([seed.today]),
    preferred: new Map(),
    sessions: new Map(),
    nextSequence: () => (sequence += 1),
    mail: [],
    removedMail: [],
    mailSyncStates: new Map(),
    nextMailVersion: () => (mailVersion += 1),
    mailVersion: () => mailVersion,
  };
}

/**
 * The day of a colleague who has not chosen a presence: a deterministic round of calls,
 * meetings and breaks that moves on every five minutes of the stand-in's clock, each person
 * at their own point in it, so a team's dots change while a trainee watches.
 */
const ROUND: readonly (readonly [string, string])[] = [
  ['Available', 'Available'],
  ['Busy', 'InACall'],
  ['Available', 'Available'],
  ['Busy', 'InAMeeting'],
  ['Away', 'Away'],
  ['Available', 'Available'],
  ['DoNotDisturb', 'Presenting'],
  ['BeRightBack', 'BeRightBack'],
  ['AvailableIdle', 'Available'],
  ['Offline', 'OffWork'],
];
const STEP_MS = 5 * 60_000;

export function presenceOf(world: GraphWorld, userId: string): { id: string; availability: string; activity: string } {
  const preferred = world.preferred.get(userId);
  const now = world.now();
  if (preferred && preferred.until > now) return { id: userId, availability: preferred.availability, activity: preferred.activity };
  if (preferred) world.preferred.delete(userId);
  const session = appSessionOf(world, userId, now);
  if (session) return { id: userId, ...session };
  if (!world.seed.users.some((user) => user.id === userId)) return { id: userId, availability: 'PresenceUnknown', activity: 'PresenceUnknown' };
  const step = Math.floor(now.getTime() / STEP_MS) + hashString(userId);
  const [availability, activity] = ROUND[step % ROUND.length] ?? ['Available', 'Available'];
  return { id: userId, availability, activity };
}

/**
 * The presence an application's sessions give a user, aggregated as Graph documents it for
 * session states (DoNotDisturb > Busy > Available > Away); a preferred presence is above them.
 */
const SESSION_ORDER = ['DoNotDisturb', 'Busy', 'Available', 'Away'];
function appSessionOf(world: GraphWorld, userId: string, now: Date): { availability: string; activity: string } | null {
  const sessions = world.sessions.get(userId);
  if (!sessions) return null;
  for (const [id, session] of sessions) if (session.until <= now) sessions.delete(id);
  const live = [...sessions.values()].sort((a, b) => SESSION_ORDER.indexOf(a.availability) - SESSION_ORDER.indexOf(b.availability))[0];
  return live ? { availability: live.availability, activity: live.activity } : null;
}

export function userById(world: GraphWorld, id: string) {
  return world.seed.users.find((user) => user.id === id);
}

export function context(world: GraphWorld, fragment: string): string {
  return `${world.origin()}/v1.0/$metadata#${fragment}`;
}
