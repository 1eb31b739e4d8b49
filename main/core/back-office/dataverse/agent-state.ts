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
  // Newest first: an officer's rows in their latest second are their state now. Dataverse keeps
  // times to the second, so a wrap-up saved and a break chosen a moment later can share one:
  // then the state now is the one no other row in that second went on from.
  const newest = new Map<string, ReturnType<typeof toLatestState>[]>();
  for (const each of readRows(context, entitySet, rows, (row) => toLatestState(row, n))) {
    const seen = newest.get(each.staffId);
    if (!seen) newest.set(each.staffId, [each]);
    else if (seen[0]?.since === each.since) seen.push(each);
  }
  const latest = new Map<string, { state: AgentState; since: string }>();
  for (const [staffId, same] of newest) {
    const last = same.find((each) => !same.some((other) => other !== each && other.previous === each.state)) ?? same[0];
    if (last) latest.set(staffId, { state: last.state, since: last.since });
  }
  return latest;
}
