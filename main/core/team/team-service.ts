import type { Availability } from '../../../shared/contract/microsoft365';
import type { TeamChoices } from '../../../shared/contract/team';
import { MOST_CONTACTS_IN_DRILL_DOWN } from '../../../shared/contract/team';
import type { StaffUser } from '../../../shared/domain/staff';
import { periodsOf, trendWeeks, type DrillDown, type OfficerNow, type TeamContact, type TeamPeriodKind, type TeamScope, type TeamView } from '../../../shared/domain/team-measures';
import { addCalendarDays } from '../../../shared/service-standards/iso-date';
import type { TeamBackOffice } from '../back-office/port';
import { NotPossible } from '../ipc/router';

export interface TeamServiceDeps {
  /** The back office, or null while nobody is signed in (live mode). */
  teamOffice: () => Promise<TeamBackOffice | null>;
  user: () => StaffUser | null;
  /** Today in London. */
  today: () => string;
  now: () => Date;
  trueResolutionDays: number;
  /** Teams presence by staff id, or null when this computer is not signed in to Microsoft 365. */
  presenceOf: (staffIds: string[]) => Promise<Map<string, Availability> | null>;
}

/** Teams and officers seen in this many days are offered as choices. */
const CHOICES_DAYS = 56;
/** Choices change slowly: read again after this long. */
const CHOICES_KEPT_MS = 10 * 60_000;

/**
 * The Team place's figures: for team leaders only, refused here whatever the renderer shows.
 * Dataverse adds the figures up; this works out which periods to ask for and puts them together.
 */
export function createTeamService(deps: TeamServiceDeps) {
  const teamLeader = (): StaffUser => {
    const user = deps.user();
    if (!user) throw new NotPossible('Sign in to see the Team place.');
    if (user.role !== 'team-leader') throw new NotPossible('Only team leaders can see the Team place’s figures. Ask your team leader if you need them.');
    return user;
  };
  const office = async (): Promise<TeamBackOffice> => {
    const found = await deps.teamOffice();
    if (!found) throw new NotPossible('Sign in to see the Team place.');
    return found;
  };
  let choices: { at: number; value: Omit<TeamChoices, 'myTeam'> } | null = null;
  const recent = async () => {
    if (choices && deps.now().getTime() - choices.at < CHOICES_KEPT_MS) return choices.value;
    const today = deps.today();
    const found = await (await office()).recentTeams({ from: addCalendarDays(today, -CHOICES_DAYS), to: today });
    const value = {
      teams: [...new Set(found.officers.map((officer) => officer.team))].sort((a, b) => a.localeCompare(b)),
      queues: found.queues,
      officers: [...found.officers].sort((a, b) => a.name.localeCompare(b.name)),
    };
    choices = { at: deps.now().getTime(), value };
    return value;
  };
  const dayOf = (period: { kind: TeamPeriodKind; day: string }) => (period.kind === 'today' ? deps.today() : period.day);

  return {
    async choices(): Promise<TeamChoices> {
      const user = teamLeader();
      return { myTeam: user.team || null, ...(await recent()) };
    },

    async view(scope: TeamScope, period: { kind: TeamPeriodKind; day: string }): Promise<TeamView> {
      teamLeader();
      const back = await office();
      const day = dayOf(period);
      const { current, previous } = periodsOf(period.kind, day);
      const weeks = trendWeeks(day);
      const [now, before, shift] = await Promise.all([back.teamFigures(scope, current), back.teamFigures(scope, previous), back.channelShiftOver(scope, weeks)]);
      return {
        scope,
        kind: period.kind,
        current,
        previous,
        now: now.figures,
        before: before.figures,
        byService: [...now.byService].map(([service, figures]) => ({ service, ...figures })).sort((a, b) => b.contacts - a.contacts),
        weeks: weeks.map((week, index) => ({ ...week, ...(shift[index] ?? { contacts: 0, channelAnswered: 0, couldBeOnline: 0, onlineOffered: 0 }) })),
        trueResolutionDays: deps.trueResolutionDays,
        refreshedAt: deps.now().toISOString(),
      };
    },

    /** A team's officers now: on a call, with a visitor, wrapping up, or with no contact open; their latest recorded state; and their Teams presence. */
    async officersNow(team: string): Promise<OfficerNow[]> {
      teamLeader();
      const back = await office();
      const today = deps.today();
      const [known, todays, states] = await Promise.all([
        recent(),
        back.contactsToday({ kind: 'team', team }, today),
        // The state each officer last recorded; the figures still show without it.
        back.latestAgentStates ? back.latestAgentStates(team, today).catch(() => null) : Promise.resolve(null),
      ]);
      const members = known.officers.filter((officer) => officer.team === team);
      const presence = await deps.presenceOf(members.map((member) => member.staffId)).catch(() => null);
      return members.map((member): OfficerNow => {
        // The most recent open contact says what they are doing; an older one left open is a call not wrapped up.
        const open = todays.open.filter((each) => each.staffId === member.staffId).sort((a, b) => b.since.localeCompare(a.since))[0];
        const activity = !open ? 'no-open-contact' : open.state === 'wrap-up' ? 'wrapping-up' : open.channel === 'phone' ? 'on-a-call' : open.channel === 'email' ? 'handling-an-email' : 'with-a-visitor';
        return { staffId: member.staffId, name: member.name, activity, since: open?.since ?? null, presence: presence?.get(member.staffId) ?? null, contactsToday: todays.completed.get(member.staffId) ?? 0, ...(states ? { recordedState: states.get(member.staffId) ?? null } : {}) };
      });
    },

    /** The contacts behind a figure, most recent first. */
    async contacts(scope: TeamScope, period: { kind: TeamPeriodKind; day: string }, drillDown: DrillDown, service: string | null): Promise<TeamContact[]> {
      teamLeader();
      const { current } = periodsOf(period.kind, dayOf(period));
      return (await office()).teamContacts(scope, current, drillDown, service, MOST_CONTACTS_IN_DRILL_DOWN);
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
