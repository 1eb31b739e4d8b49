import type { z } from 'zod';
import type { escalateInput, TeamsSendResult } from '../../../shared/contract/microsoft365';
import { buildCaseMessage } from './case-message';
import { statusOf } from './graph-errors';
import { allPages, type Page } from './paging';
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
      let refusedWith = 0;
      const noting = async <T>(work: () => Promise<T>): Promise<T> => {
        try {
          return await work();
        } catch (error) {
          refusedWith = statusOf(error);
          throw error;
        }
      };
      const result = await sendOnce.send({
        messageId: input.messageId,
        // Channel replies are not read through CivicDesk's chat list, so there is no chat to open.
        chatId: null,
        late: message.late,
        // Reading the channel first (ChannelMessage.Read.All) is what stops a resend after a lost
        // answer or a restart posting the escalation twice, so CivicDesk asks for that scope.
        recent: () => noting(async () => (await context.client().api(path).top(50).get()) as Page<GraphChatMessage>),
        post: () => noting(async () => (await context.client().api(path).post({ subject: message.subject, body: { contentType: 'html', content: message.html } })) as GraphChatMessage),
      });
      context.log.info('Case escalated in Teams', { caseId: input.case.caseId, service: input.service, status: result.status });
      if (result.status === 'failed' && refusedWith === 403) {
        const notMember = await notAMember(context, channel.teamId, input.case.service === input.service ? input.case.serviceName : input.service);
        if (notMember) return { status: 'failed', reason: notMember };
      }
      return result;
    },
  };
}

/**
 * Teams lets only a team's members post in its channels, and answers anyone else with a bare
 * 403 like a missing permission. So after a refusal CivicDesk looks at the team's members
 * (TeamMember.Read.All) and, when the officer is not one, says so and what to do; else null,
 * and the general refusal stands.
 */
async function notAMember(context: ServiceContext, teamId: string, serviceName: string): Promise<string | null> {
  try {
    const client = context.client();
    const first = (await client.api(`/teams/${encodeURIComponent(teamId)}/members`).get()) as Page<{ userId?: string | null }>;
    const members = await allPages(client, first);
    if (members.some((member) => member.userId === context.me().userId)) return null;
    // The team as Teams names it, so the officer can find it there; the service's name if Teams will not say.
    const team = (await client.api(`/teams/${encodeURIComponent(teamId)}`).select('displayName').get().catch(() => null)) as { displayName?: string } | null;
    return `You are not a member of the ${team?.displayName ?? serviceName} team in Teams, so CivicDesk cannot post there for you. Ask the team's owner to add you, or ask your team leader to escalate.`;
  } catch {
    return null;
  }
}
