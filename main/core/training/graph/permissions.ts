import { graphError, type GraphReply } from './graph-errors';

/**
 * Microsoft Graph's delegated permissions for each call the stand-in answers: the least
 * privileged first, then the higher ones Graph also accepts, as each call's "Permissions" table
 * in the v1.0 reference lists them (microsoft-graph-docs-contrib, api-reference/v1.0/api/<file>).
 * A token whose scp has none of them is refused, so the training tenant fails where a council's
 * tenant would when a scope is missing from CivicDesk's GRAPH_SCOPES or its consent.
 */
export interface RoutePermission {
  method: string;
  pattern: RegExp;
  scopes: readonly string[];
  /** Directory calls refuse with Authorization_RequestDenied; Teams, presence and Bookings with Forbidden; Exchange (mail) with ErrorAccessDenied. */
  refusal: 'directory' | 'forbidden' | 'mailbox';
  doc: string;
}

const USER_OTHERS = ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const BOOKINGS_READ = ['Bookings.Read.All', 'BookingsAppointment.ReadWrite.All', 'Bookings.ReadWrite.All', 'Bookings.Manage.All'];
/**
 * Another user's mailbox (the council's shared contact mailbox) takes the `.Shared` delegated
 * permissions, not Mail.Read or Mail.ReadWrite, which reach only the signed-in user's own
 * (concepts/outlook-share-messages-folders.md, concepts/outlook-send-mail-from-other-user.md).
 */
const MAIL_SHARED_READ = ['Mail.Read.Shared', 'Mail.ReadWrite.Shared'];
const MAIL_SHARED_WRITE = ['Mail.ReadWrite.Shared'];
const MAIL_SHARED_SEND = ['Mail.Send.Shared'];
const BOOKINGS_WRITE = ['BookingsAppointment.ReadWrite.All', 'Bookings.ReadWrite.All', 'Bookings.Manage.All'];

export const ROUTE_PERMISSIONS: readonly RoutePermission[] = [
  { method: 'GET', pattern: /^\/me$/, scopes: ['User.Read', 'User.ReadWrite', ...USER_OTHERS], refusal: 'directory', doc: 'user-get.md' },
  { method: 'GET', pattern: /^\/me\/photo\/\$value$/, scopes: ['ProfilePhoto.Read.All', 'User.Read', 'User.ReadWrite', ...USER_OTHERS], refusal: 'directory', doc: 'profilephoto-get.md' },
  { method: 'GET', pattern: /^\/me\/presence$/, scopes: ['Presence.Read', 'Presence.Read.All', 'Presence.ReadWrite'], refusal: 'forbidden', doc: 'presence-get.md' },
  { method: 'POST', pattern: /^\/me\/presence\/(setUserPreferredPresence|clearUserPreferredPresence)$/, scopes: ['Presence.ReadWrite'], refusal: 'forbidden', doc: 'presence-setuserpreferredpresence.md, presence-clearuserpreferredpresence.md' },
  // Delegated Presence.ReadWrite since setPresence and clearPresence took delegated tokens (their v1.0 pages' Permissions tables).
  { method: 'POST', pattern: /^\/(me|users\/[^/]+)\/presence\/(setPresence|clearPresence)$/, scopes: ['Presence.ReadWrite'], refusal: 'forbidden', doc: 'presence-setpresence.md, presence-clearpresence.md' },
  { method: 'POST', pattern: /^\/communications\/getPresencesByUserId$/, scopes: ['Presence.Read.All', 'Presence.ReadWrite.All'], refusal: 'forbidden', doc: 'cloudcommunications-getpresencesbyuserid.md' },
  { method: 'GET', pattern: /^\/users$/, scopes: USER_OTHERS, refusal: 'directory', doc: 'user-list.md' },
  // Graph lists User.Read for GET /users/{id}, but User.Read reaches only the signed-in user:
  // another person's profile needs User.ReadBasic.All at least (permissions reference).
  { method: 'GET', pattern: /^\/users\/[^/]+$/, scopes: USER_OTHERS, refusal: 'directory', doc: 'user-get.md' },
  { method: 'GET', pattern: /^\/teams\/[^/]+$/, scopes: ['Team.ReadBasic.All', 'TeamSettings.Read.All', 'TeamSettings.ReadWrite.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'], refusal: 'forbidden', doc: 'team-get.md' },
  { method: 'GET', pattern: /^\/teams\/[^/]+\/members$/, scopes: ['TeamMember.Read.All', 'TeamMember.ReadWrite.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'], refusal: 'forbidden', doc: 'team-list-members.md' },
  { method: 'GET', pattern: /^\/teams\/[^/]+\/channels\/[^/]+$/, scopes: ['Channel.ReadBasic.All', 'ChannelSettings.Read.All', 'ChannelSettings.ReadWrite.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'], refusal: 'forbidden', doc: 'channel-get.md' },
  { method: 'GET', pattern: /^\/teams\/[^/]+\/channels\/[^/]+\/messages$/, scopes: ['ChannelMessage.Read.All', 'ChannelMessage.ReadWrite', 'Group.Read.All', 'Group.ReadWrite.All'], refusal: 'forbidden', doc: 'channel-list-messages.md' },
  { method: 'POST', pattern: /^\/teams\/[^/]+\/channels\/[^/]+\/messages$/, scopes: ['ChannelMessage.Send', 'Group.ReadWrite.All'], refusal: 'forbidden', doc: 'chatmessage-post.md' },
  { method: 'POST', pattern: /^\/chats$/, scopes: ['Chat.Create', 'Chat.ReadWrite'], refusal: 'forbidden', doc: 'chat-post.md' },
  { method: 'GET', pattern: /^\/me\/chats$/, scopes: ['Chat.ReadBasic', 'Chat.Read', 'Chat.ReadWrite'], refusal: 'forbidden', doc: 'chat-list.md' },
  { method: 'GET', pattern: /^\/chats\/[^/]+\/messages$/, scopes: ['Chat.Read', 'Chat.ReadWrite'], refusal: 'forbidden', doc: 'chat-list-messages.md' },
  { method: 'POST', pattern: /^\/chats\/[^/]+\/messages$/, scopes: ['ChatMessage.Send', 'Chat.ReadWrite', 'Group.ReadWrite.All'], refusal: 'forbidden', doc: 'chatmessage-post.md' },
  { method: 'GET', pattern: /^\/solutions\/bookingBusinesses\/[^/]+$/, scopes: BOOKINGS_READ, refusal: 'forbidden', doc: 'bookingbusiness-get.md' },
  { method: 'GET', pattern: /^\/solutions\/bookingBusinesses\/[^/]+\/(calendarView|staffMembers|appointments\/[^/]+)$/, scopes: BOOKINGS_READ, refusal: 'forbidden', doc: 'bookingbusiness-list-calendarview.md, bookingbusiness-list-staffmembers.md, bookingappointment-get.md' },
  { method: 'PATCH', pattern: /^\/solutions\/bookingBusinesses\/[^/]+\/appointments\/[^/]+$/, scopes: BOOKINGS_WRITE, refusal: 'forbidden', doc: 'bookingappointment-update.md' },
  { method: 'POST', pattern: /^\/solutions\/bookingBusinesses\/[^/]+\/appointments$/, scopes: BOOKINGS_WRITE, refusal: 'forbidden', doc: 'bookingbusiness-post-appointments.md' },
  { method: 'GET', pattern: /^\/me\/calendarView$/, scopes: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'], refusal: 'forbidden', doc: 'user-list-calendarview.md' },
  { method: 'POST', pattern: /^\/me\/onlineMeetings$/, scopes: ['OnlineMeetings.ReadWrite'], refusal: 'forbidden', doc: 'application-post-onlinemeetings.md' },
  { method: 'GET', pattern: /^\/users\/[^/]+\/mailFolders\/[^/]+\/messages(\/delta)?$/, scopes: MAIL_SHARED_READ, refusal: 'mailbox', doc: 'user-list-messages.md, message-delta.md, concepts/outlook-share-messages-folders.md' },
  { method: 'GET', pattern: /^\/users\/[^/]+\/messages\/[^/]+(\/attachments(\/[^/]+)?)?$/, scopes: MAIL_SHARED_READ, refusal: 'mailbox', doc: 'message-get.md, message-list-attachments.md, attachment-get.md, concepts/outlook-share-messages-folders.md' },
  { method: 'PATCH', pattern: /^\/users\/[^/]+\/messages\/[^/]+$/, scopes: MAIL_SHARED_WRITE, refusal: 'mailbox', doc: 'message-update.md, concepts/outlook-share-messages-folders.md' },
  { method: 'POST', pattern: /^\/users\/[^/]+\/messages\/[^/]+\/(move|createReply|createForward)$/, scopes: MAIL_SHARED_WRITE, refusal: 'mailbox', doc: 'message-move.md, message-createreply.md, message-createforward.md' },
  { method: 'POST', pattern: /^\/users\/[^/]+\/messages\/[^/]+\/send$/, scopes: MAIL_SHARED_SEND, refusal: 'mailbox', doc: 'message-send.md, concepts/outlook-send-mail-from-other-user.md' },
];

/** The scopes Graph would accept for a call, or null when the stand-in does not answer it. */
export function scopesFor(method: string, path: string): RoutePermission | null {
  return ROUTE_PERMISSIONS.find((route) => route.method === method && route.pattern.test(path)) ?? null;
}

/**
 * Graph's refusal when the token's scp has none of a call's permissions (checked on every
 * request, each one inside a $batch too), or null when it may go ahead. Calls the stand-in does
 * not list are left to the routes, which answer them as Graph answers an unknown segment.
 */
export function refuseWithoutScope(method: string, path: string, scp: string, now: Date): GraphReply | null {
  const route = scopesFor(method, path);
  if (!route) return null;
  const granted = new Set(scp.split(' ').filter(Boolean).map((scope) => scope.toLowerCase()));
  if (route.scopes.some((scope) => granted.has(scope.toLowerCase()))) return null;
  if (route.refusal === 'mailbox') return accessDenied(now);
  return route.refusal === 'directory'
    ? graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.', now)
    : graphError(403, 'Forbidden', `Missing scope permissions on the request. API requires one of '${route.scopes.join(', ')}'. Scopes on the request '${scp}'`, now);
}

/**
 * Exchange's refusal, the same for a token without the scope and for a user without Full Access
 * (or Send As) on the mailbox: it does not say which.
 */
export const accessDenied = (now: Date) => graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.', now);

/** Whether the signed-in user's token was issued for Graph (its app id or its address). */
export const GRAPH_AUDIENCES: readonly string[] = ['00000003-0000-0000-c000-000000000000', 'https://graph.microsoft.com'];
