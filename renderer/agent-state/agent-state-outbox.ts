import type { ApiBridge } from '../../shared/contract/api-bridge';
import { agentStateChange, MOST_AGENT_STATES_PER_SEND, type AgentStateChange } from '../../shared/contract/agent-state';
import type { CaseDatabase } from '../storage/case-database';

export type SendAgentStates = (changes: AgentStateChange[]) => Promise<{ ok: true; value: { recorded: string[] } } | { ok: false }>;

export const bridgeAgentStates =
  (bridge: ApiBridge): SendAgentStates =>
  (changes) =>
    bridge.agentState.record({ changes });

/** One send at a time in this page; a request during a send runs once more after it. */
let running: Promise<number> | null = null;
let again: { db: CaseDatabase; send: SendAgentStates; staffId: string } | null = null;

/**
 * Sends this officer's state changes to the back office for the team view, the way offline
 * reads go to the audit trail (renderer/sync/snapshot-reads.ts): oldest first, each row deleted
 * only after main answers that it is done with it, the rest kept for the next time the back
 * office answers. Each change has its own id, so a resend is one row there. Resolves to how
 * many were recorded; never rejects.
 */
export function sendAgentStates(db: CaseDatabase, send: SendAgentStates, staffId: string): Promise<number> {
  if (running) {
    again = { db, send, staffId };
    return running;
  }
  const run = (async () => {
    let recorded = 0;
    try {
      for (;;) {
        const batch = await db.agentStates.where('staffId').equals(staffId).sortBy('at');
        const changes = batch.filter((change) => agentStateChange.safeParse(change).success).slice(0, MOST_AGENT_STATES_PER_SEND);
        if (changes.length === 0) break;
        const outcome = await send(changes);
        if (!outcome.ok) break;
        const sent = outcome.value.recorded.filter((id) => changes.some((change) => change.id === id));
        if (sent.length > 0) await db.agentStates.bulkDelete(sent);
        recorded += sent.length;
        if (sent.length < changes.length) break;
      }
    } catch {
      // The database or the bridge failed: the rows are still there for next time.
    }
    return recorded;
  })();
  running = run.finally(() => {
    running = null;
    const next = again;
    again = null;
    if (next) void sendAgentStates(next.db, next.send, next.staffId);
  });
  return running;
}
