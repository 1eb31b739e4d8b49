import type { z } from 'zod';
import type { escalateInput, TeamsSendResult } from '../../../shared/contract/microsoft365';
import { buildCaseMessage } from './case-message';
import type { Page } from './paging';
import type { createSendOnce, GraphChatMessage } from './sending';
import type { ServiceContext } from './service-context';

export type EscalateInput = z.output<typeof escalateInput>;

/** Escalating a case: a post in the service's escalation channel, with the case as its subject. */
export function createChannelsArea(context: ServiceContext, sendOnce: ReturnType<typeof createSendOnce>) {
  return {
    async escalate(input: EscalateInput): Promise<TeamsSendResult> {
      const channel = context.settings.escalationChannels[input.service];
      if (!channel) {
        return {
          status: 'failed',
          reason: `Escalation to ${input.case.service === input.service ? input.case.serviceName : input.service} is not set up: ask your Microsoft 365 administrator to add its channel to CivicDesk's settings.`,
        };
      }
      const message = buildCaseMessage({ ...input, includes: context.settings.summaryIncludes, now: context.now() });
      const path = `/teams/${encodeURIComponent(channel.teamId)}/channels/${encodeURIComponent(channel.channelId)}/messages`;
      const result = await sendOnce.send({
        messageId: input.messageId,
        // Channel replies are not read through CivicDesk's chat list, so there is no chat to open.
        chatId: null,
        late: message.late,
        recent: async () => (await context.client().api(path).top(50).get()) as Page<GraphChatMessage>,
        post: async () =>
          (await context.client().api(path).post({ subject: message.subject, body: { contentType: 'html', content: message.html } })) as GraphChatMessage,
      });
      context.log.info('Case escalated in Teams', { caseId: input.case.caseId, service: input.service, status: result.status });
      return result;
    },
  };
}
