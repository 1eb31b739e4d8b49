import { BackOfficeError } from '../errors';
import type { AgentState } from '../../../../shared/domain/agent-state';
import { readRows, type AdapterContext } from './context';
import { query, quoted, select } from './odata';
import { isGuid } from './row';
import { agentStateBody, agentStateColumns, agentStateTable, toLatestState, type AgentStateRecord } from './tables/agent-state';

/**
 * Records one state change, create-only: the row's id is the change's own, so a resend after a
 * lost reply is refused by Dataverse (412, a row with this id exists) and counts as done.
 */
export async function recordAgentState(context: AdapterContext, change: AgentStateRecord): Promise<void> {
  if (!isGuid(change.id)) throw new BackOfficeError('rejected', { detail: 'A state change needs a GUID made on this computer as its id.' });
  try {
    await context.client.create(agentStateTable(context.names).entitySet, agentStateBody(change, context.names));
  } catch (error) {
    if (error instanceof BackOfficeError && error.status === 412) return;
    throw error;
  }
}

/** Each officer's latest recorded state today in a team, by staff id. */
export async function latestAgentStates(context: AdapterContext, team: string, today: string): Promise<Map<string, { state: AgentState; since: string }>> {
  const n = context.names;
  const { entitySet } = agentStateTable(n);
  const { rows } = await context.client.readAll(
    query(entitySet, {
      $select: select(agentStateColumns(n)),
      $filter: `${n.custom('stateday')} eq ${today} and ${n.custom('team')} eq ${quoted(team)}`,
      $orderby: `${n.custom('startedat')} desc`,
    }),
    { pageSize: context.pageSize },
  );
  const latest = new Map<string, { state: AgentState; since: string }>();
  // Newest first: the first row seen for an officer is their state now.
  for (const each of readRows(context, entitySet, rows, (row) => toLatestState(row, n))) {
    if (!latest.has(each.staffId)) latest.set(each.staffId, { state: each.state, since: each.since });
  }
  return latest;
}
