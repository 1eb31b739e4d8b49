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
  preferred: Map<string, PreferredPresence>;
  /** Applications' presence sessions (setPresence), by user id then the app's session id. */
  sessions: Map<string, Map<string, PreferredPresence>>;
  nextSequence: () => number;
}

export function createWorld(seed: GraphSeed, origin: () => string, now: () => Date): GraphWorld {
  let sequence = 0;
  return {
    seed,
    origin,
    now,
    chats: new Map(),
    messages: [],
    appointments: seed.appointments.map((appointment) => structuredClone(appointment)),
    preferred: new Map(),
    sessions: new Map(),
    nextSequence: () => (sequence += 1),
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
