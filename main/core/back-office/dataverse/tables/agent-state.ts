import type { AgentState } from '../../../../../shared/domain/agent-state';
import { isoDateInLondon } from '../../../../../shared/service-standards/iso-date';
import { AGENT_STATE, AGENT_STATE_CAUSE } from '../choices';
import type { TableNames } from '../names';
import { choice, dateTime, requiredChoice, requiredText, type Row, UnreadableRow } from '../row';

/** One change of an officer's state, as CivicDesk records it: main's session says who and which team. */
export interface AgentStateRecord {
  /** Made on the workstation: the row's own id, so a resend is one row. */
  id: string;
  staffId: string;
  staffName: string;
  /** The officer's team (their Entra department), or '' before it is known. */
  team: string;
  state: AgentState;
  previous: AgentState | null;
  /** When the state began (ISO 8601). */
  at: string;
  cause: 'work' | 'chosen';
}

/** cd_agentstate: each officer's state changes, for the team view (docs/dataverse-tables.md). */
export const agentStateTable = (n: TableNames) => ({ entitySet: n.custom('agentstates') });

export function agentStateBody(change: AgentStateRecord, n: TableNames): Record<string, unknown> {
  const c = n.custom;
  return {
    [c('agentstateid')]: change.id.toLowerCase(),
    // The primary name column, what Dataverse's own views list.
    [c('name')]: `${change.staffName} ${change.state}`.slice(0, 100),
    [c('staffid')]: change.staffId,
    [c('team')]: change.team,
    [c('state')]: AGENT_STATE.value(change.state),
    [c('previousstate')]: change.previous === null ? null : AGENT_STATE.value(change.previous),
    [c('startedat')]: new Date(change.at).toISOString(),
    // The London day, so the team view asks for today's rows without time-zone sums.
    [c('stateday')]: isoDateInLondon(new Date(change.at)),
    [c('cause')]: AGENT_STATE_CAUSE.value(change.cause),
  };
}

export const agentStateColumns = (n: TableNames) => [n.custom('staffid'), n.custom('state'), n.custom('previousstate'), n.custom('startedat')];

export function toLatestState(row: Row, n: TableNames): { staffId: string; state: AgentState; previous: AgentState | null; since: string } {
  const since = dateTime(row, n.custom('startedat'));
  if (since === null) throw new UnreadableRow('startedat is empty');
  return { staffId: requiredText(row, n.custom('staffid')), state: requiredChoice(row, n.custom('state'), AGENT_STATE), previous: choice(row, n.custom('previousstate'), AGENT_STATE), since };
}
