import { z } from 'zod';
import { DRILL_DOWNS, TEAM_PERIOD_KINDS } from '../domain/team-measures';

const name = z.string().trim().min(1).max(100);

/** Whom a Team place view is about: the whole contact centre, one team, one queue or one officer. */
export const teamScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('centre') }),
  z.strictObject({ kind: z.literal('team'), team: name }),
  z.strictObject({ kind: z.literal('queue'), queue: name }),
  z.strictObject({ kind: z.literal('officer'), staffId: z.string().min(1).max(64) }),
]);

/** A period by its kind and any day in it ('today' takes today, whatever day is sent). */
export const teamPeriod = z.strictObject({ kind: z.enum(TEAM_PERIOD_KINDS), day: z.iso.date() });

export const teamViewInput = z.strictObject({ scope: teamScope, period: teamPeriod });

export const teamContactsInput = z.strictObject({ scope: teamScope, period: teamPeriod, drillDown: z.enum(DRILL_DOWNS), service: z.string().min(1).max(64).nullable() });

/** Who a team leader can choose from: the teams, queues and officers that have recorded contacts lately. */
export interface TeamChoices {
  myTeam: string | null;
  teams: string[];
  queues: string[];
  officers: { staffId: string; name: string; team: string }[];
}

/** The most contacts a drill-down lists: the most recent first. */
export const MOST_CONTACTS_IN_DRILL_DOWN = 100;
