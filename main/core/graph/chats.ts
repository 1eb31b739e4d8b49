import type { ChatReply, TeamsSendResult } from '../../../shared/contract/microsoft365';
import type { z } from 'zod';
import type { askExpertInput } from '../../../shared/contract/microsoft365';
import { buildCaseMessage, caseName, htmlToText } from './case-message';
import { reading } from './graph-errors';
import { allPages, type Page } from './paging';
import { sendFailure, type createSendOnce, type GraphChatMessage } from './sending';
import { userBind, type ServiceContext } from './service-context';

export type AskExpertInput = z.output<typeof askExpertInput>;

interface ListedChat {
  id: string;
  chatType: string;
  members?: { userId?: string | null }[];
}

/** How many recent messages to look through for the marker: a resend comes soon after. */
const RECENT = 50;
/** Graph lists at most 50 chats to a page. */
const CHATS_PAGE = 50;

/**
 * Asking colleagues about a case in a Teams chat.
 * - One colleague: their 1:1 chat. POST /chats with the same two people gives back the chat
 *   they already have, so after a restart the same chat is used; its id is remembered meanwhile.
 * - Several: a group chat called "Case <reference>" for the same case and the same people.
 *   Before making one, CivicDesk looks among the officer's chats with that topic for one with
 *   exactly those members: after a restart the outbox may resend a question whose first
 *   attempt was stored, and a new chat would hide it from the marker check and post it twice.
 *   A chat someone made by hand with that topic and those people is the same conversation.
 */
export function createChatsArea(context: ServiceContext, sendOnce: ReturnType<typeof createSendOnce>) {
  // Chat ids already made or found, so a second question does not ask Graph for the chat again.
  const chatIds = new Map<string, string>();

  async function chatFor(input: AskExpertInput): Promise<string> {
    const me = context.me().userId;
    const people = [...new Set(input.colleagueIds.filter((id) => id !== me))].sort();
    const members = [me, ...people].map((userId) => ({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles: ['owner'],
      'user@odata.bind': userBind(userId),
    }));
    const oneOnOne = people.length <= 1;
    const key = `${me}|${oneOnOne ? '1:1' : input.case.caseId}|${people.join(',')}`;
    const known = chatIds.get(key);
    if (known) return known;
    if (oneOnOne) {
      const chat = (await context.client().api('/chats').post({ chatType: 'oneOnOne', members })) as { id: string };
      chatIds.set(key, chat.id);
      return chat.id;
    }
    const topic = `Case ${caseName(input.case, context.settings.summaryIncludes)}`;
    const id = (await findGroupChat(topic, [me, ...people])) ?? ((await context.client().api('/chats').post({ chatType: 'group', topic, members })) as { id: string }).id;
    chatIds.set(key, id);
    return id;
  }

  /** The officer's group chat with this topic and exactly these members, if there is one. */
  async function findGroupChat(topic: string, memberIds: string[]): Promise<string | null> {
    const client = context.client();
    // The Graph client puts query options into the address as they are, so the filter is encoded here.
    const filter = encodeURIComponent(`topic eq '${topic.replace(/'/g, "''")}'`);
    const first = (await client.api('/me/chats').filter(filter).expand('members').top(CHATS_PAGE).get()) as Page<ListedChat>;
    const wanted = [...memberIds].sort().join(',');
    const chats = await allPages(client, first, 4);
    const found = chats.find((chat) => chat.chatType === 'group' && (chat.members ?? []).map((member) => member.userId ?? '').sort().join(',') === wanted);
    return found?.id ?? null;
  }

  return {
    async askExpert(input: AskExpertInput): Promise<TeamsSendResult> {
      const message = buildCaseMessage({ ...input, includes: context.settings.summaryIncludes, now: context.now() });
      let chatId: string;
      try {
        chatId = await chatFor(input);
      } catch (error) {
        return sendFailure(error);
      }
      const path = `/chats/${encodeURIComponent(chatId)}/messages`;
      const result = await sendOnce.send({
        messageId: input.messageId,
        chatId,
        late: message.late,
        recent: async () => (await context.client().api(path).top(RECENT).get()) as Page<GraphChatMessage>,
        post: async () => (await context.client().api(path).post({ body: { contentType: 'html', content: message.html } })) as GraphChatMessage,
      });
      context.log.info('Teams question about a case', { caseId: input.case.caseId, status: result.status });
      return result;
    },

    /** A chat's messages oldest first, as plain text; Teams's own event notices are left out. */
    async replies(chatId: string): Promise<ChatReply[]> {
      return reading(async () => {
        const client = context.client();
        const first = (await client.api(`/chats/${encodeURIComponent(chatId)}/messages`).top(RECENT).get()) as Page<GraphChatMessage>;
        const messages = await allPages(client, first, 4);
        return messages
          .filter((message) => (message.messageType ?? 'message') === 'message')
          .map((message) => ({
            id: message.id,
            from: message.from?.user?.displayName ?? 'Someone',
            text: message.body.contentType === 'html' ? htmlToText(message.body.content) : message.body.content,
            sentAt: message.createdDateTime,
            fromCivicDesk: /CivicDesk message [0-9a-f-]{36}/i.test(message.body.content),
          }))
          // Graph lists newest first: turn it round, then order by time (a stable sort keeps ties in Graph's order).
          .reverse()
          .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
      });
    },
  };
}

