import type { ApiBridge } from '../../shared/contract/api-bridge';
import { agentStateChange, MOST_AGENT_STATES_PER_SEND, type AgentStateChange } from '../../shared/contract/agent-state';
import { queuedRecordsSender, type SendRecords } from '../sync/queued-records';

export type SendAgentStates = SendRecords<AgentStateChange>;

export const bridgeAgentStates =
  (bridge: ApiBridge): SendAgentStates =>
  (changes) =>
    bridge.agentState.record({ changes });

/**
 * Sends this officer's state changes to the back office for the team view, the way offline
 * reads go to the audit trail (renderer/sync/queued-records.ts). Each change has its own id, so
 * a resend is one row there. Resolves to how many were recorded; never rejects.
 */
export const sendAgentStates = queuedRecordsSender<AgentStateChange>({
  waiting: (db, staffId) => db.agentStates.where('staffId').equals(staffId).sortBy('at'),
  sendable: (change) => agentStateChange.safeParse(change).success,
  most: MOST_AGENT_STATES_PER_SEND,
  remove: (db, ids) => db.agentStates.bulkDelete(ids),
});
