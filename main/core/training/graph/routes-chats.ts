import { badRequest, graphError, notFound } from './graph-errors';
import { pageOf } from './paging';
import { seededGuid } from './seed';
import { context, userById, type GraphWorld, type Route, type StoredChat, type StoredMessage } from './world';

const MESSAGES_PAGE = 20;
/** An OData string literal doubles its quotes: topic eq 'Mrs O''Brien'. */
const TOPIC_FILTER = /^topic eq '((?:[^']|'')*)'$/;
const BIND = /^https:\/\/graph\.microsoft\.com\/v1\.0\/users\('([^']+)'\)$/;

function chatJson(world: GraphWorld, chat: StoredChat) {
  return {
    '@odata.context': context(world, 'chats/$entity'),
    id: chat.id,
    topic: chat.topic,
    createdDateTime: chat.createdDateTime,
    lastUpdatedDateTime: chat.createdDateTime,
    chatType: chat.chatType,
    webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chat.id)}/0?tenantId=${world.seed.tenantId}`,
    tenantId: world.seed.tenantId,
  };
}

/** A chat member as Graph lists it (an aadUserConversationMember). */
function memberJson(world: GraphWorld, chat: StoredChat, userId: string) {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    id: Buffer.from(`${chat.id}#${userId}`).toString('base64'),
    roles: ['owner'],
    displayName: userById(world, userId)?.displayName ?? null,
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    userId,
    email: userById(world, userId)?.mail ?? null,
    tenantId: world.seed.tenantId,
  };
}

export function messageJson(world: GraphWorld, message: StoredMessage) {
  const from = message.fromUserId ? userById(world, message.fromUserId) : undefined;
  return {
    id: message.id,
    replyToId: null,
    etag: message.id,
    messageType: message.messageType,
    createdDateTime: message.createdDateTime,
    lastModifiedDateTime: message.createdDateTime,
    deletedDateTime: null,
    subject: message.subject,
    importance: 'normal',
    locale: 'en-gb',
    chatId: message.chatId,
    channelIdentity: message.channel ? { teamId: message.channel.teamId, channelId: message.channel.channelId } : null,
    from: message.fromUserId ? { application: null, device: null, user: { '@odata.type': '#microsoft.graph.teamworkUserIdentity', id: message.fromUserId, displayName: from?.displayName ?? null, userIdentityType: 'aadUser', tenantId: world.seed.tenantId } } : null,
    body: message.body,
    attachments: [],
    mentions: [],
    reactions: [],
  };
}

/** Stores a message; Graph's message ids are the time they were made, in milliseconds. */
export function storeMessage(world: GraphWorld, message: Omit<StoredMessage, 'id' | 'sequence' | 'createdDateTime'>): StoredMessage {
  const sequence = world.nextSequence();
  const stored: StoredMessage = { ...message, id: String(world.now().getTime() * 1000 + sequence), sequence, createdDateTime: world.now().toISOString() };
  world.messages.push(stored);
  return stored;
}

function readBody(body: unknown): { contentType: 'html' | 'text'; content: string } | null {
  const given = (body as { body?: { contentType?: string; content?: unknown } } | null)?.body;
  if (!given || typeof given.content !== 'string' || given.content.length === 0) return null;
  return { contentType: given.contentType === 'html' ? 'html' : 'text', content: given.content };
}

/** Newest first, as Graph lists a chat's or channel's messages. */
function newestFirst(messages: StoredMessage[]): StoredMessage[] {
  return [...messages].sort((a, b) => b.sequence - a.sequence);
}

export function chatRoutes(world: GraphWorld): Route[] {
  const now = () => world.now();
  const chatFor = (id: string, me: string) => {
    const chat = world.chats.get(id);
    if (!chat) return notFound(now(), `Chat '${id}'`);
    if (!chat.memberIds.includes(me)) return graphError(403, 'Forbidden', 'The caller is not a member of this chat.', now());
    return chat;
  };
  const channelFor = (teamId: string, channelId: string, me: string) => {
    const team = world.seed.teams.find((candidate) => candidate.id === teamId);
    if (!team || team.channelId !== channelId) return notFound(now(), `Channel '${channelId}'`);
    // Teams lets only the team's members read or post in its channels; membership is the seed's.
    return team.memberIds.includes(me) ? team : graphError(403, 'Forbidden', 'The caller is not a member of the team.', now());
  };

  return [
    [
      // A channel's description (GET /teams/{id}/channels/{id}): the readiness check looks one up.
      'GET',
      /^\/teams\/([^/]+)\/channels\/([^/]+)$/,
      (_request, teamId, channelId) => {
        const team = world.seed.teams.find((candidate) => candidate.id === teamId);
        if (!team || team.channelId !== channelId) return notFound(now(), `Channel '${channelId}'`);
        return {
          status: 200,
          body: {
            '@odata.context': context(world, `teams('${teamId}')/channels/$entity`),
            id: channelId,
            createdDateTime: '2024-04-02T09:00:00Z',
            displayName: 'Escalations',
            description: `Cases escalated to ${team.displayName}`,
            membershipType: 'standard',
            email: null,
            webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(channelId)}/Escalations?groupId=${teamId}&tenantId=${world.seed.tenantId}`,
            tenantId: world.seed.tenantId,
          },
        };
      },
    ],
    [
      'POST',
      /^\/chats$/,
      (request) => {
        const body = (request.body ?? {}) as { chatType?: string; topic?: string; members?: { 'user@odata.bind'?: string }[] };
        const memberIds = [...new Set((body.members ?? []).map((member) => BIND.exec(member['user@odata.bind'] ?? '')?.[1] ?? ''))];
        if (memberIds.some((id) => !userById(world, id))) return notFound(now(), 'One of the members');
        if (!memberIds.includes(request.me)) return badRequest(now(), 'The caller must be one of the members of the chat.');
        if (body.chatType === 'oneOnOne') {
          if (memberIds.length !== 2) return badRequest(now(), 'A oneOnOne chat has exactly two members.');
          const sorted = [...memberIds].sort();
          const id = `19:${sorted.join('_')}@unq.gbl.spaces`;
          // The same two people always have the same 1:1 chat: Graph gives back the one they have.
          const existing = world.chats.get(id);
          if (existing) return { status: 201, body: chatJson(world, existing) };
          const chat: StoredChat = { id, chatType: 'oneOnOne', topic: null, memberIds: sorted, createdDateTime: now().toISOString() };
          world.chats.set(id, chat);
          return { status: 201, body: chatJson(world, chat) };
        }
        if (body.chatType === 'group') {
          if (memberIds.length < 3) return badRequest(now(), 'A group chat has at least three members.');
          const id = `19:${seededGuid(world.chats.size, 'chat', ...memberIds, now().getTime()).replace(/-/g, '')}@thread.v2`;
          const chat: StoredChat = { id, chatType: 'group', topic: body.topic ?? null, memberIds, createdDateTime: now().toISOString() };
          world.chats.set(id, chat);
          storeMessage(world, { chatId: id, channel: null, messageType: 'systemEventMessage', fromUserId: null, subject: null, body: { contentType: 'html', content: '<systemEventMessage/>' } });
          return { status: 201, body: chatJson(world, chat) };
        }
        return badRequest(now(), 'chatType must be oneOnOne or group.');
      },
    ],
    [
      // The chats the signed-in user is in, as Graph lists them (GET /me/chats), newest first.
      'GET',
      /^\/me\/chats$/,
      // Of Graph's query options it takes the two CivicDesk uses: `$filter=topic eq '…'` and `$expand=members`.
      (request) => {
        const filter = request.query.get('$filter');
        const topic = filter === null ? null : TOPIC_FILTER.exec(filter);
        if (filter !== null && !topic) return badRequest(now(), `This training stand-in filters chats only by topic eq '…', not: ${filter}`);
        const wanted = topic ? topic[1]!.replace(/''/g, "'") : null;
        const withMembers = request.query.get('$expand') === 'members';
        const mine = [...world.chats.values()]
          .filter((chat) => chat.memberIds.includes(request.me) && (wanted === null || chat.topic === wanted))
          .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
        const listed = mine.map((chat) => (withMembers ? { ...chatJson(world, chat), members: chat.memberIds.map((userId) => memberJson(world, chat, userId)) } : chatJson(world, chat)));
        return { status: 200, body: pageOf(listed, { origin: world.origin(), path: request.path, query: request.query, pageSize: MESSAGES_PAGE, context: 'chats' }) };
      },
    ],
    [
      'GET',
      /^\/chats\/([^/]+)\/messages$/,
      (request, id) => {
        const chat = chatFor(id, request.me);
        if ('status' in chat) return chat;
        const list = newestFirst(world.messages.filter((message) => message.chatId === chat.id)).map((message) => messageJson(world, message));
        return { status: 200, body: pageOf(list, { origin: world.origin(), path: request.path, query: request.query, pageSize: MESSAGES_PAGE, context: `chats('${chat.id}')/messages` }) };
      },
    ],
    [
      'POST',
      /^\/chats\/([^/]+)\/messages$/,
      (request, id) => {
        const chat = chatFor(id, request.me);
        if ('status' in chat) return chat;
        const body = readBody(request.body);
        if (!body) return badRequest(now(), 'A message needs a body with content.');
        const stored = storeMessage(world, { chatId: chat.id, channel: null, messageType: 'message', fromUserId: request.me, subject: null, body });
        return { status: 201, body: { '@odata.context': context(world, `chats('${chat.id}')/messages/$entity`), ...messageJson(world, stored) } };
      },
    ],
    [
      'GET',
      /^\/teams\/([^/]+)\/channels\/([^/]+)\/messages$/,
      (request, teamId, channelId) => {
        const team = channelFor(teamId, channelId, request.me);
        if ('status' in team) return team;
        const list = newestFirst(world.messages.filter((message) => message.channel?.teamId === teamId && message.channel.channelId === channelId)).map((message) =>
          messageJson(world, message),
        );
        return { status: 200, body: pageOf(list, { origin: world.origin(), path: request.path, query: request.query, pageSize: MESSAGES_PAGE, context: `teams('${teamId}')/channels('${channelId}')/messages` }) };
      },
    ],
    [
      'POST',
      /^\/teams\/([^/]+)\/channels\/([^/]+)\/messages$/,
      (request, teamId, channelId) => {
        const team = channelFor(teamId, channelId, request.me);
        if ('status' in team) return team;
        const body = readBody(request.body);
        if (!body) return badRequest(now(), 'A message needs a body with content.');
        const subject = (request.body as { subject?: unknown }).subject;
        const stored = storeMessage(world, {
          chatId: null,
          channel: { teamId, channelId },
          messageType: 'message',
          fromUserId: request.me,
          subject: typeof subject === 'string' ? subject : null,
          body,
        });
        return { status: 201, body: { '@odata.context': context(world, `teams('${teamId}')/channels('${channelId}')/messages/$entity`), ...messageJson(world, stored) } };
      },
    ],
  ];
}
