import type { AgentStateChange, TeamsPresenceResult } from '../../../shared/contract/agent-state';
import type { AgentState } from '../../../shared/domain/agent-state';
import type { StaffUser } from '../../../shared/domain/staff';
import { isBackOfficeError, type BackOfficeFailure } from '../back-office/errors';
import type { BackOffice } from '../back-office/port';
import { TEAMS_PRESENCE_FOR, type AppPresencePair } from '../graph/app-presence';
import { ownProblem, statusOf } from '../graph/graph-errors';
import { NotPossible } from '../ipc/router';

export interface AgentStateServiceDeps {
  backOffice: () => Promise<BackOffice | null>;
  user: () => StaffUser | null;
  /** CivicDesk's presence session in Teams, or null when this computer is not signed in to Microsoft 365. */
  setAppPresence: (pair: AppPresencePair) => Promise<'set' | null>;
  log: { warn(message: string, details?: Record<string, unknown>): void };
}

/** The back office cannot be reached or is busy: the changes wait on the workstation and go later. */
const WAIT: ReadonlySet<BackOfficeFailure> = new Set(['unreachable', 'unavailable', 'busy', 'sign-in', 'untrusted']);

/**
 * An officer's state beyond their screen: shown to colleagues as their Teams presence, and
 * recorded in the back office for the team view. The state itself lives on the workstation
 * (shared/domain/agent-state.ts), which keeps each change until this has recorded it.
 */
export function createAgentStateService(deps: AgentStateServiceDeps) {
  const officer = (): StaffUser => {
    const user = deps.user();
    if (!user) throw new NotPossible('Sign in to CivicDesk first.');
    return user;
  };

  return {
    /** Sets the officer's Teams presence for a state. Never throws for Graph: the state holds either way. */
    async reflect(state: AgentState): Promise<TeamsPresenceResult> {
      officer();
      const pair = TEAMS_PRESENCE_FOR[state];
      try {
        return (await deps.setAppPresence(pair)) === null ? { teams: 'not-signed-in' } : { teams: 'updated', ...pair };
      } catch (error) {
        const own = ownProblem(error);
        if (own) return { teams: 'not-updated', reason: own.message };
        const status = statusOf(error);
        deps.log.warn('teams presence not set', { status, kind: state });
        return {
          teams: 'not-updated',
          reason:
            status === 403
              ? 'Microsoft 365 did not let CivicDesk set your Teams presence. Ask your Microsoft 365 administrator to check CivicDesk has the Presence.ReadWrite permission.'
              : 'Teams could not be told just now, so colleagues may see your old status. CivicDesk tries again at your next change, and every few minutes.',
        };
      }
    },

    /**
     * Records the signed-in officer's own changes, in order, each once (create-only by its id).
     * Resolves to the ids main is done with: in the back office, or refused by it and logged,
     * so one bad row cannot hold up the rest. The others wait on the workstation.
     */
    async record(changes: readonly AgentStateChange[]): Promise<{ recorded: string[] }> {
      const staff = officer();
      if (changes.some((change) => change.staffId !== staff.id)) throw new NotPossible('Only the signed-in officer’s own states can be recorded.');
      const office = await deps.backOffice();
      if (!office?.recordAgentState) return { recorded: [] };
      const recorded: string[] = [];
      for (const change of [...changes].sort((a, b) => a.at.localeCompare(b.at))) {
        try {
          await office.recordAgentState({ id: change.id.toLowerCase(), staffId: staff.id, staffName: staff.displayName, team: staff.team, state: change.state, previous: change.previous, at: change.at, cause: change.cause });
          recorded.push(change.id);
        } catch (error) {
          const failure = isBackOfficeError(error) ? error.failure : null;
          if (failure === null || WAIT.has(failure)) break;
          deps.log.warn('agent state set aside', { agentStateId: change.id.toLowerCase(), failure, ...(isBackOfficeError(error) && error.code ? { code: error.code } : {}) });
          recorded.push(change.id);
        }
      }
      return { recorded };
    },
  };
}

export type AgentStateService = ReturnType<typeof createAgentStateService>;
