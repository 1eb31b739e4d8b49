import type { TeamsSendResult } from '../../../shared/contract/microsoft365';
import { describeFailure, ownProblem, statusOf } from './graph-errors';
import { messageMarker } from './case-message';
import type { Page } from './paging';

export interface GraphChatMessage {
  id: string;
  createdDateTime: string;
  messageType?: string;
  from?: { user?: { id: string; displayName: string | null } | null } | null;
  body: { contentType: string; content: string };
}

/**
 * Sending each outbox message once. A message's id is made when it is written, so:
 * - a message already sent in this session is answered from memory, not posted again;
 * - any other is first looked for in the chat or channel's recent messages by its marker line
 *   (an earlier attempt may have ended with no clear answer, a dropped connection or a 500,
 *   after Teams stored it; or CivicDesk may have restarted since), and posted only if absent.
 */
export function createSendOnce() {
  const sent = new Map<string, Extract<TeamsSendResult, { status: 'sent' }>>();

  return {
    async send(options: {
      messageId: string;
      chatId: string | null;
      late: boolean;
      recent: () => Promise<Page<GraphChatMessage>>;
      post: () => Promise<GraphChatMessage>;
    }): Promise<TeamsSendResult> {
      const done = sent.get(options.messageId);
      if (done) return done;
      try {
        // Always look first: the outbox may be resending after a crash or restart, when this
        // memory is gone. One read per message a person wrote is a small price for never posting twice.
        const marker = messageMarker(options.messageId);
        const found = (await options.recent()).value.find((message) => message.body.content.includes(marker));
        if (found) return remember(options.messageId, { status: 'sent', chatId: options.chatId, sentAt: found.createdDateTime, late: options.late });
      } catch (error) {
        return failure(error, false);
      }
      try {
        const posted = await options.post();
        return remember(options.messageId, { status: 'sent', chatId: options.chatId, sentAt: posted.createdDateTime, late: options.late });
      } catch (error) {
        return failure(error, true).answer;
      }
    },
  };

  function remember(messageId: string, result: Extract<TeamsSendResult, { status: 'sent' }>): TeamsSendResult {
    sent.set(messageId, result);
    return result;
  }

  function failure(error: unknown, writing: true): { answer: TeamsSendResult; unknown: boolean };
  function failure(error: unknown, writing: false): TeamsSendResult;
  function failure(error: unknown, writing: boolean): TeamsSendResult | { answer: TeamsSendResult; unknown: boolean } {
    const own = ownProblem(error);
    // Nothing left this computer (no sign-in): keep it in the outbox and say why.
    if (own) return writing ? { answer: { status: 'retry', reason: own.message }, unknown: false } : { status: 'retry', reason: own.message };
    const described = describeFailure(statusOf(error));
    const answer: TeamsSendResult = { status: described.kind, reason: described.reason };
    return writing ? { answer, unknown: described.outcomeUnknown } : answer;
  }
}

/** A failure before the post itself (making the chat): nothing of the message was stored. */
export function sendFailure(error: unknown): TeamsSendResult {
  const own = ownProblem(error);
  if (own) return { status: 'retry', reason: own.message };
  const described = describeFailure(statusOf(error));
  return { status: described.kind, reason: described.reason };
}
