import type { Colleague, ColleagueWithPresence, Presence, ServiceTeam } from '../../../shared/contract/microsoft365';
import { sendBatch } from './batch';
import { reading } from './graph-errors';
import { toColleague, USER_FIELDS, type GraphUser } from './me';
import { allPages, type Page } from './paging';
import { toPresence, type GraphPresence } from './presence';
import type { ServiceContext } from './service-context';

interface GraphMember {
  userId?: string | null;
  displayName?: string | null;
  email?: string | null;
}

/**
 * Searching colleagues uses the organisation's directory (GET /users with $search on
 * displayName) rather than /me/people: the directory finds anyone in the council, whereas
 * /me/people ranks only the people this officer already works with. $search on users needs
 * the ConsistencyLevel: eventual header.
 */
export async function searchPeople(context: ServiceContext, query: string): Promise<ColleagueWithPresence[]> {
  // Double quotes end Graph's $search phrase, and backslashes escape in it: take both out.
  const words = query.replace(/["\\]/g, ' ').trim();
  if (words.length === 0) return [];
  return reading(async () => {
    const client = context.client();
    const page = (await client
      .api('/users')
      .header('ConsistencyLevel', 'eventual')
      .search(`"displayName:${words}"`)
      .select(USER_FIELDS)
      .top(25)
      .get()) as Page<GraphUser>;
    const found = page.value.map(toColleague);
    return withPresence(context, found);
  });
}

/**
 * Everyone found, with their presence. Whom to ask matters more than whether they are free:
 * if Graph will not say, the people are still listed, as unknown.
 */
async function withPresence(context: ServiceContext, colleagues: Colleague[]): Promise<ColleagueWithPresence[]> {
  if (colleagues.length === 0) return [];
  let byId = new Map<string, Presence>();
  try {
    byId = await presencesOf(context, colleagues.map((each) => each.id));
  } catch (error) {
    context.log.warn('Presence for the people found could not be read.', { status: (error as { statusCode?: number }).statusCode ?? null });
  }
  return colleagues.map((colleague) => ({ ...colleague, presence: byId.get(colleague.id) ?? unknownPresence(colleague.id) }));
}

/** Presence for up to 650 people (Graph's limit) in one getPresencesByUserId, by user id. */
export async function presencesOf(context: ServiceContext, ids: string[]): Promise<Map<string, Presence>> {
  const presences = (await context.client().api('/communications/getPresencesByUserId').post({ ids: ids.slice(0, 650) })) as Page<GraphPresence>;
  return new Map(presences.value.map((presence) => [presence.id, toPresence(presence)]));
}

const unknownPresence = (userId: string): Presence => ({ userId, availability: 'PresenceUnknown', activity: 'PresenceUnknown' });

/** The services with a Teams team in the settings, named as Teams names them. */
export async function serviceTeams(context: ServiceContext): Promise<ServiceTeam[]> {
  const { expertTeams, escalationChannels } = context.settings;
  const services = [...new Set([...Object.keys(expertTeams), ...Object.keys(escalationChannels)])].sort((a, b) => a.localeCompare(b));
  const teamOf = (service: string) => expertTeams[service] ?? escalationChannels[service]?.teamId ?? '';
  const teamIds = [...new Set(services.map(teamOf))];
  return reading(async () => {
    const answers = await sendBatch(
      context,
      teamIds.map((teamId, index) => ({ id: String(index), method: 'GET' as const, url: `/teams/${encodeURIComponent(teamId)}?$select=id,displayName` })),
    );
    const names = new Map<string, string>();
    teamIds.forEach((teamId, index) => {
      const answer = answers.get(String(index));
      if (answer?.status === 200) names.set(teamId, (answer.body as { displayName: string }).displayName);
      else if (answer && (answer.status === 429 || answer.status >= 500)) throw Object.assign(new Error('busy'), { statusCode: answer.status });
    });
    return services.map((service) => ({
      service,
      teamId: teamOf(service),
      // A team Teams cannot find still shows, under the service's name, so the setting can be checked.
      name: names.get(teamOf(service)) ?? service,
      canEscalate: escalationChannels[service] !== undefined,
    }));
  });
}

/**
 * A team's members with their presence: the member list page by page, then one
 * getPresencesByUserId for everyone (Graph takes up to 650 ids). Team membership carries no job
 * title, and with User.ReadBasic.All (all CivicDesk asks for; see GRAPH_SCOPES) Graph gives
 * none for another person either, so none is read: the list says the tenant does not share it.
 */
export async function teamPresence(context: ServiceContext, teamId: string): Promise<ColleagueWithPresence[]> {
  return reading(async () => {
    const client = context.client();
    const first = (await client.api(`/teams/${encodeURIComponent(teamId)}/members`).get()) as Page<GraphMember>;
    const members = (await allPages(client, first)).filter((member): member is GraphMember & { userId: string } => Boolean(member.userId));
    if (members.length === 0) return [];
    const byId = await presencesOf(context, members.slice(0, 650).map((member) => member.userId));
    return members.map((member) => ({
      ...toColleague({ id: member.userId, displayName: member.displayName ?? null, mail: member.email ?? null }),
      presence: byId.get(member.userId) ?? unknownPresence(member.userId),
    }));
  });
}
