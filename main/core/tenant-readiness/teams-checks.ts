import { failed, notChecked, passed, type ReadinessCheck } from './check';
import { orFailed } from './dataverse-checks';
import { errorText, type ServiceAnswer, type SignedInOfficer, type TenantConnection } from './tenant';

type Get = (path: string) => Promise<ServiceAnswer>;

/** The most pages of a team's members read: a service team is far smaller than this. */
const MOST_PAGES = 50;

/** Whether the officer is among a team's members, reading every page (`@odata.nextLink`). */
async function isMember(get: Get, teamId: string, userId: string): Promise<ServiceAnswer & { member: boolean }> {
  let path: string | null = `teams/${encodeURIComponent(teamId)}/members`;
  for (let page = 0; path && page < MOST_PAGES; page += 1) {
    const answer = await get(path);
    if (answer.status !== 200) return { ...answer, member: false };
    const body = answer.body as { value?: { userId?: unknown }[]; '@odata.nextLink'?: unknown };
    if ((body.value ?? []).some((member) => member.userId === userId)) return { ...answer, member: true };
    const next = body['@odata.nextLink'];
    path = typeof next === 'string' ? next.replace(/^.*?\/v1\.0\//, '') : null;
  }
  return { status: 200, body: null, member: false };
}

/**
 * Reading a channel needs Graph's Channel.ReadBasic.All (its least-privileged delegated
 * permission), which CivicDesk itself never uses: only this check asks for it, so a council
 * that has not consented to it is told the channels could not be looked at, not that they are wrong.
 */
export const CHANNEL_READ_SCOPE = 'Channel.ReadBasic.All';

/** Each escalation channel exists and the officer is a member of its team (Graph lets only members post). */
async function escalationChecks(get: Get, readChannel: Get | null, service: string, place: { teamId: string; channelId: string }, officer: SignedInOfficer): Promise<ReadinessCheck[]> {
  const channelId = `teams-channel:${service}`;
  const channelTitle = `Escalation channel for ${service}`;
  const where = `teams.escalationChannels["${service}"] in civicdesk.config.json`;
  const channel = readChannel ? await readChannel(`teams/${encodeURIComponent(place.teamId)}/channels/${encodeURIComponent(place.channelId)}`) : null;
  const channelCheck = !channel
    ? notChecked(channelId, channelTitle, `Not checked: Entra ID gave the check no token for Microsoft Graph ${CHANNEL_READ_SCOPE}, which it needs to look at a channel.`, `Add the delegated permission Microsoft Graph ${CHANNEL_READ_SCOPE} to the app registration and grant admin consent (only the readiness check uses it), then run the check again.`)
    : channel.status === 200
      ? passed(channelId, channelTitle, `The channel ${place.channelId} exists in team ${place.teamId}.`)
      : failed(
          channelId,
          channelTitle,
          channel.status === 404 ? `There is no channel ${place.channelId} in team ${place.teamId}.` : `Microsoft Graph answered ${channel.status} for the channel ${place.channelId}: ${errorText(channel.body)}.`,
          `In Teams, open the channel, choose "Get link to channel" and copy its team id (groupId) and channel id (19:…@thread.tacv2) into ${where}.`,
        );
  const memberId = `teams-member:${service}`;
  const memberTitle = `The officer is a member of the ${service} escalation team`;
  const members = await isMember(get, place.teamId, officer.userId);
  const memberCheck = members.member
    ? passed(memberId, memberTitle, `${officer.name} is a member of team ${place.teamId}.`)
    : members.status === 200
      ? failed(memberId, memberTitle, `${officer.name} is not a member of team ${place.teamId}, so Teams would refuse their escalations.`, `Add the officers who escalate (best as a group: Teams admin centre → Teams → the team → Members) to team ${place.teamId}.`)
      : failed(memberId, memberTitle, `Microsoft Graph answered ${members.status} for the members of team ${place.teamId}: ${errorText(members.body)}.`, `Check the team id in ${where}.`);
  return [channelCheck, memberCheck];
}

/** Each expert team in the settings is a team Graph knows. */
async function expertTeamCheck(get: Get, service: string, teamId: string): Promise<ReadinessCheck> {
  const id = `teams-expert:${service}`;
  const title = `Expert team for ${service}`;
  const answer = await get(`teams/${encodeURIComponent(teamId)}/members`);
  if (answer.status === 200) return passed(id, title, `Team ${teamId} exists and its members can be listed.`);
  return failed(id, title, answer.status === 404 ? `There is no team ${teamId}.` : `Microsoft Graph answered ${answer.status} for team ${teamId}: ${errorText(answer.body)}.`, `Put the team's id (groupId in its Teams link) in teams.expertTeams["${service}"] in civicdesk.config.json.`);
}

/** The Bookings business the service points' appointments come from answers. */
async function bookingsCheck(get: Get, businessId: string | null): Promise<ReadinessCheck> {
  const id = 'bookings-business';
  const title = 'Microsoft Bookings business';
  if (!businessId) return passed(id, title, 'No Bookings business is configured, so the Appointments place is not used.');
  const answer = await get(`solutions/bookingBusinesses/${encodeURIComponent(businessId)}`);
  if (answer.status === 200) return passed(id, title, `The Bookings business ${businessId} answers.`);
  return failed(
    id,
    title,
    answer.status === 404 ? `There is no Bookings business ${businessId}.` : `Microsoft Graph answered ${answer.status} for the Bookings business ${businessId}: ${errorText(answer.body)}.`,
    'Put the business\'s id (its email address, ServicePoints@yourcouncil.gov.uk) in bookingsBusinessId in civicdesk.config.json, and make the service-point officers staff of that business in Bookings.',
  );
}

/** The Teams and Bookings checks, with one Graph token for the scopes CivicDesk asks for. */
export async function teamsChecks(connection: TenantConnection, token: string | null, officer: SignedInOfficer | null): Promise<ReadinessCheck[]> {
  const { escalationChannels, expertTeams, bookingsBusinessId } = connection.settings;
  if (!token || !officer) {
    const why = 'Not checked: there is no Microsoft Graph token (see signing in and the Graph permissions).';
    const fix = 'Fix signing in and the Graph permissions first.';
    return [
      ...Object.keys(escalationChannels).flatMap((service) => [notChecked(`teams-channel:${service}`, `Escalation channel for ${service}`, why, fix), notChecked(`teams-member:${service}`, `The officer is a member of the ${service} escalation team`, why, fix)]),
      ...Object.keys(expertTeams).map((service) => notChecked(`teams-expert:${service}`, `Expert team for ${service}`, why, fix)),
      notChecked('bookings-business', 'Microsoft Bookings business', why, fix),
    ];
  }
  const get: Get = (path) => connection.graph(path, token);
  const channelToken = Object.keys(escalationChannels).length > 0 ? await connection.accessToken([CHANNEL_READ_SCOPE]).catch(() => null) : null;
  const readChannel: Get | null = channelToken ? (path) => connection.graph(path, channelToken) : null;
  const checks: ReadinessCheck[] = [];
  for (const [service, place] of Object.entries(escalationChannels)) {
    try {
      checks.push(...(await escalationChecks(get, readChannel, service, place, officer)));
    } catch (error) {
      checks.push(failed(`teams-channel:${service}`, `Escalation channel for ${service}`, `The check could not be made: ${error instanceof Error ? error.message : String(error)}.`, 'Check this computer reaches Microsoft Graph and run the check again.'));
    }
  }
  for (const [service, teamId] of Object.entries(expertTeams)) checks.push(await orFailed(`teams-expert:${service}`, `Expert team for ${service}`, () => expertTeamCheck(get, service, teamId)));
  checks.push(await orFailed('bookings-business', 'Microsoft Bookings business', () => bookingsCheck(get, bookingsBusinessId)));
  return checks;
}
