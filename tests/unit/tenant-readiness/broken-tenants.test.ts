import { describe, expect, test, vi } from 'vitest';
import { GRAPH_SCOPES } from '../../../main/core/smart-working';
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
    const before = listening();
    await expect(
      startTrainingTenant({
        dataverse: () => {
          throw new Error('the Dataverse stand-in would not start');
        },
      }),
    ).rejects.toThrow('the Dataverse stand-in would not start');
    // Node lets a closed server's handle go a moment after its close callback.
    await vi.waitFor(() => expect(listening()).toBe(before));
  });
});
