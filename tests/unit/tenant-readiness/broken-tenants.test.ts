import { describe, expect, test } from 'vitest';
import { GRAPH_SCOPES } from '../../../main/core/smart-working';
import { CHANNEL_READ_SCOPE } from '../../../main/core/tenant-readiness/teams-checks';
import { allPassed, type ReadinessCheck } from '../../../main/core/tenant-readiness/check';
import { reportText } from '../../../main/core/tenant-readiness/report-text';
import { runReadiness } from '../../../main/core/tenant-readiness/run-readiness';
import { startTrainingTenant, type TrainingTenantOptions } from '../../../main/core/tenant-readiness/training-tenant';

/** The readiness report for the training tenant, broken (or not) as the options say. */
async function report(options: TrainingTenantOptions = {}): Promise<ReadinessCheck[]> {
  const tenant = await startTrainingTenant(options);
  try {
    return await runReadiness(tenant.connection, GRAPH_SCOPES);
  } finally {
    await tenant.close();
  }
}

const byId = (checks: ReadinessCheck[], id: string): ReadinessCheck => {
  const found = checks.find((check) => check.id === id);
  if (!found) throw new Error(`No check ${id} in:\n${reportText(checks)}`);
  return found;
};

/** Everything but the named checks passed: a broken rule is reported, and only where it is broken. */
const onlyFailing = (checks: ReadinessCheck[], ids: string[]) => expect(checks.filter((check) => check.ok !== true).map((check) => check.id).sort()).toEqual([...ids].sort());

describe('the readiness check against the training tenant', () => {
  test('as shipped, every check passes', async () => {
    const checks = await report();
    expect(allPassed(checks), reportText(checks)).toBe(true);
    expect(reportText(checks)).toContain(`All ${checks.length} checks passed`);
  });

  test('a client id that is not registered in the tenant: sign-in fails naming the client id and the tenant, and nothing after it is claimed to pass', async () => {
    const clientId = '11111111-2222-4333-8444-555555555555';
    const checks = await report({ settings: (settings) => ({ ...settings, clientId }) });
    const signIn = byId(checks, 'sign-in');
    expect(signIn.ok).toBe(false);
    expect(signIn.detail).toMatch(new RegExp(`client id ${clientId} is not registered in tenant [0-9a-f-]{36}`));
    expect(signIn.fix).toContain('App registrations');
    expect(checks.filter((check) => check.id !== 'sign-in').every((check) => check.ok === 'unknown')).toBe(true);
  });

  test('the officer is not a member of an escalation team: that team is named, with how to add them', async () => {
    let leaderTeam = '';
    const checks = await report({
      seed: (seed) => {
        const waste = seed.teams.find((team) => team.service === 'waste');
        if (!waste) throw new Error('no waste team in the seed');
        leaderTeam = waste.id;
        const leaders = new Set(seed.users.filter((user) => user.jobTitle === 'Contact centre team leader').map((user) => user.id));
        return { ...seed, teams: seed.teams.map((team) => (team === waste ? { ...team, memberIds: team.memberIds.filter((id) => !leaders.has(id)) } : team)) };
      },
    });
    const member = byId(checks, 'teams-member:waste');
    expect(member.ok).toBe(false);
    expect(member.detail).toContain(`is not a member of team ${leaderTeam}`);
    expect(member.fix).toContain('Members');
    onlyFailing(checks, ['teams-member:waste']);
  });

  test('a start that fails part-way closes what it had started', async () => {
    const listening = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length;
    // The tests before this one closed their tenants: close() resolves only once the ports are let go.
    const before = listening();
    expect(before).toBe(0);
    await expect(
      startTrainingTenant({
        // After the Dataverse stand-in has started.
        identity: () => {
          throw new Error('the sign-in stand-in would not start');
        },
      }),
    ).rejects.toThrow('the sign-in stand-in would not start');
    expect(listening()).toBe(before);
  });

  /** Everything the app registration asks for, consented, except the scopes named. */
  const consentedAllBut = (...left: string[]): TrainingTenantOptions['identity'] => (options, { dataverseUrl }) => ({
    ...options,
    consentedScopes: [...GRAPH_SCOPES, CHANNEL_READ_SCOPE, `${dataverseUrl}/user_impersonation`].filter((scope) => !left.some((each) => scope.endsWith(each))),
  });

  test('a Graph permission without admin consent: that permission is named, with how to grant consent', async () => {
    const checks = await report({ identity: consentedAllBut('Presence.Read.All') });
    const consent = byId(checks, 'consent:Presence.Read.All');
    expect(consent).toMatchObject({ ok: false, detail: expect.stringContaining('admin consent has not been given (AADSTS65001)') });
    expect(consent.fix).toContain('Microsoft Graph Presence.Read.All');
    expect(consent.fix).toContain('Grant admin consent');
    // Teams and Bookings are looked at with a token for every Graph permission CivicDesk asks for, so they cannot be checked.
    expect(checks.filter((check) => check.ok === false).map((check) => check.id)).toEqual(['consent:Presence.Read.All']);
    expect(byId(checks, 'bookings-business').ok).toBe('unknown');
    expect(byId(checks, 'dataverse-privileges').ok).toBe(true);
  });

  test('Dataverse user_impersonation without admin consent: named, and the Dataverse checks are not claimed to pass', async () => {
    const checks = await report({ identity: consentedAllBut('/user_impersonation') });
    const consent = byId(checks, 'consent:dataverse:user_impersonation');
    expect(consent).toMatchObject({ ok: false, detail: expect.stringContaining('admin consent has not been given') });
    expect(consent.fix).toContain('Dynamics CRM user_impersonation');
    expect(checks.filter((check) => check.id.startsWith('dataverse')).every((check) => check.ok === 'unknown')).toBe(true);
    expect(byId(checks, 'bookings-business').ok).toBe(true);
  });

  test('a table missing: the table is named, with how to make it', async () => {
    const checks = await report({ dataverse: (options) => ({ ...options, tables: (tables) => tables.filter((table) => table.logicalName !== 'cd_repeatcontact') }) });
    expect(byId(checks, 'dataverse-table:cd_repeatcontact')).toMatchObject({ ok: false, detail: 'The table cd_repeatcontact does not exist in this environment.', fix: expect.stringContaining('New table') });
    onlyFailing(checks, ['dataverse-table:cd_repeatcontact']);
  });

  test('a column missing and a column too short: each named with the length CivicDesk writes', async () => {
    const checks = await report({
      dataverse: (options) => ({
        ...options,
        tables: (tables) =>
          tables.map((table) => {
            if (table.logicalName === 'incident') return { ...table, columns: { ...table.columns, cd_location: { type: 'text', maxLength: 100 } } };
            if (table.logicalName !== 'phonecall') return table;
            const { cd_casereferences: _gone, ...columns } = table.columns;
            return { ...table, columns };
          }),
      }),
    });
    expect(byId(checks, 'dataverse-table:incident')).toMatchObject({ ok: false, detail: 'Too short: cd_location holds 100 characters, CivicDesk writes up to 500.', fix: expect.stringContaining('Maximum character count') });
    expect(byId(checks, 'dataverse-table:phonecall')).toMatchObject({ ok: false, detail: 'Missing: cd_casereferences (text, at least 440).', fix: expect.stringContaining('Add the missing columns') });
    onlyFailing(checks, ['dataverse-table:incident', 'dataverse-table:phonecall']);
  });

  test('the officer’s security role missing a privilege: the privilege is named by Dataverse’s name for it', async () => {
    const checks = await report({ dataverse: (options) => ({ ...options, roles: (roles) => ({ ...roles, 'team-leader': { ...roles['team-leader'], contact: ['read', 'write'] } }) }) });
    expect(byId(checks, 'dataverse-privileges')).toMatchObject({ ok: false, detail: 'The officer is missing the privilege: prvAppendTocontact.', fix: expect.stringContaining('Security roles') });
    onlyFailing(checks, ['dataverse-privileges']);
  });

  test('an escalation channel that does not exist: the channel and its setting are named', async () => {
    const channelId = '19:00000000000000000000000000000000@thread.tacv2';
    const checks = await report({ settings: (settings) => ({ ...settings, escalationChannels: { ...settings.escalationChannels, waste: { teamId: settings.escalationChannels.waste?.teamId ?? '', channelId } } }) });
    const channel = byId(checks, 'teams-channel:waste');
    expect(channel).toMatchObject({ ok: false, detail: expect.stringContaining(`There is no channel ${channelId} in team`) });
    expect(channel.fix).toContain('teams.escalationChannels["waste"]');
    onlyFailing(checks, ['teams-channel:waste']);
  });

  test('an anonymous contact that does not exist: the setting and the id are named, with how to make one', async () => {
    const anonymousContactId = '0badc0de-0000-4000-8000-00000000a017';
    const checks = await report({ settings: (settings) => ({ ...settings, anonymousContactId }) });
    expect(byId(checks, 'dataverse-anonymous-contact')).toMatchObject({ ok: false, detail: `The contact anonymousContactId names (${anonymousContactId}) does not exist in Dataverse.`, fix: expect.stringContaining('"Anonymous reporter (council record)"') });
    expect(byId(checks, 'dataverse-anonymous-contact').fix).toContain('anonymousContactId in civicdesk.config.json');
    onlyFailing(checks, ['dataverse-anonymous-contact']);
  });

  test('a Bookings business id that is wrong: the id is named, with where to put the right one', async () => {
    const checks = await report({ settings: (settings) => ({ ...settings, bookingsBusinessId: 'NoSuchBusiness@example.org' }) });
    expect(byId(checks, 'bookings-business')).toMatchObject({ ok: false, detail: 'There is no Bookings business NoSuchBusiness@example.org.', fix: expect.stringContaining('bookingsBusinessId') });
    onlyFailing(checks, ['bookings-business']);
  });
});
