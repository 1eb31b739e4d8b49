import { z } from 'zod';
import { AGENT_STATES } from '../domain/agent-state';

/** The most state changes sent in one `agentState.record`. */
export const MOST_AGENT_STATES_PER_SEND = 100;

const agentState = z.enum(AGENT_STATES);

/**
 * One change of an officer's state, made on the workstation and kept there until the back
 * office has it. The id is made on this computer, so sending it again records it once.
 */
export const agentStateChange = z.strictObject({
  id: z.uuid(),
  staffId: z.string().min(1).max(64),
  state: agentState,
  previous: agentState.nullable(),
  at: z.iso.datetime(),
  /** The work in hand made it, or the officer chose it. */
  cause: z.enum(['work', 'chosen']),
});
export type AgentStateChange = z.output<typeof agentStateChange>;

export const recordAgentStatesInput = z.strictObject({ changes: z.array(agentStateChange).min(1).max(MOST_AGENT_STATES_PER_SEND) });
export const reflectAgentStateInput = z.strictObject({ state: agentState });

/**
 * What Teams now shows for the officer: updated, not updated because this computer is not
 * signed in to Microsoft 365, or not updated for a reason said in plain English. The state
 * itself holds and is recorded either way.
 */
export type TeamsPresenceResult = { teams: 'updated'; availability: string; activity: string } | { teams: 'not-signed-in' } | { teams: 'not-updated'; reason: string };
