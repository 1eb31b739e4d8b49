import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AgentStateChange } from '../../../shared/contract/agent-state';
import type { StaffUser } from '../../../shared/domain/staff';
import { emptyFigures } from '../../../shared/domain/team-measures';
import { isoDateInLondon } from '../../../shared/service-standards/iso-date';
import { createAgentStateService } from '../../../main/core/agent-state/agent-state-service';
import { BackOfficeError } from '../../../main/core/back-office/errors';
import type { BackOffice, TeamBackOffice } from '../../../main/core/back-office/port';
import { createTeamService } from '../../../main/core/team/team-service';
import { dataset, startHarness, type Harness } from '../back-office/fixture';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterEach(() => harness.standIn.faults.clear());
afterAll(() => harness.close());

const agent = dataset.staff.find((each) => each.role === 'agent')!;
const leader = dataset.staff.find((each) => each.role === 'team-leader' && each.team === agent.team) ?? dataset.staff.find((each) => each.role === 'team-leader')!;

const asOfficer = (staff: StaffUser) => harness.backOffice({ getAccessToken: async () => harness.officerToken(staff.id) });

function serviceFor(user: StaffUser | null, office: () => Promise<BackOffice | null> = async () => asOfficer(agent)) {
  const warnings: string[] = [];
  const service = createAgentStateService({ backOffice: office, user: () => user, setAppPresence: async () => null, log: { warn: (message) => warnings.push(message) } });
  return { service, warnings };
}

function change(overrides: Partial<AgentStateChange> = {}): AgentStateChange {
  return { id: randomUUID(), staffId: agent.id, state: 'on-a-break', previous: 'available', at: '2026-12-04T10:42:00.000Z', cause: 'chosen', ...overrides };
}

const rowsOf = (id: string) => harness.standIn.rows('cd_agentstates').filter((row) => row.cd_agentstateid === id.toLowerCase());

describe('recording an officer’s state changes for the team view (cd_agentstate)', () => {
  it('records each change once, as the signed-in officer, with their team', async () => {
    const { service } = serviceFor(agent);
    const first = change({ state: 'available', previous: null, at: '2026-12-04T09:00:00.000Z', cause: 'work' });
    const second = change();
    expect(await service.record([second, first])).toEqual({ recorded: [first.id, second.id] });
    expect(rowsOf(second.id)).toHaveLength(1);
    expect(rowsOf(second.id)[0]).toMatchObject({ cd_staffid: agent.id, cd_team: agent.team, cd_state: 100000005, cd_previousstate: 100000000, cd_cause: 100000001, cd_stateday: '2026-12-04', cd_startedat: '2026-12-04T10:42:00Z' });
  });

  it('a resend is one row', async () => {
    const { service } = serviceFor(agent);
    const once = change();
    await service.record([once]);
    expect(await service.record([once])).toEqual({ recorded: [once.id] });
    expect(rowsOf(once.id)).toHaveLength(1);
  });

  it('a send whose answer was lost is one row when sent again', async () => {
    const { service } = serviceFor(agent);
    const lost = change();
    harness.standIn.faults.failNext(1, { connection: 'accept-then-fail' });
    const firstTry = await service.record([lost]).catch(() => ({ recorded: [] }));
    expect(rowsOf(lost.id)).toHaveLength(1);
    if (firstTry.recorded.length === 0) expect(await service.record([lost])).toEqual({ recorded: [lost.id] });
    expect(rowsOf(lost.id)).toHaveLength(1);
  });

  it('while the back office cannot be reached, nothing is done and everything waits, in order', async () => {
    const { service } = serviceFor(agent);
    const waiting = [change({ at: '2026-12-04T11:00:00.000Z' }), change({ state: 'available', previous: 'on-a-break', at: '2026-12-04T11:15:00.000Z' })];
    harness.standIn.faults.failAlways({ status: 503 });
    expect(await service.record(waiting)).toEqual({ recorded: [] });
    harness.standIn.faults.clear();
    expect(await service.record(waiting)).toEqual({ recorded: waiting.map((each) => each.id) });
    expect(waiting.flatMap((each) => rowsOf(each.id))).toHaveLength(2);
  });

  it('with no back office to hand (live, signed out of it), everything waits', async () => {
    const { service } = serviceFor(agent, async () => null);
    expect(await service.record([change()])).toEqual({ recorded: [] });
  });

  it('records only the signed-in officer’s own changes', async () => {
    const { service } = serviceFor(agent);
    await expect(service.record([change({ staffId: leader.id })])).rejects.toThrow(/own states/);
    await expect(serviceFor(null).service.record([change()])).rejects.toThrow(/Sign in/);
  });

  it('a change the back office refuses is set aside, logged, and does not hold up the rest', async () => {
    const refused = change({ at: '2026-12-04T12:00:00.000Z' });
    const next = change({ at: '2026-12-04T12:05:00.000Z' });
    const real = asOfficer(agent);
    const office = { ...real, recordAgentState: (each: Parameters<NonNullable<BackOffice['recordAgentState']>>[0]) => (each.id === refused.id ? Promise.reject(new BackOfficeError('rejected', { code: '0x80040203' })) : real.recordAgentState!(each)) };
    const { service, warnings } = serviceFor(agent, async () => office);
    expect(await service.record([refused, next])).toEqual({ recorded: [refused.id, next.id] });
    expect(warnings).toEqual(['agent state set aside']);
    expect([rowsOf(refused.id).length, rowsOf(next.id).length]).toEqual([0, 1]);
  });

  it('an error that is not the back office’s is not understood: the change waits rather than being thrown away', async () => {
    const { service } = serviceFor(agent, async () => ({ ...asOfficer(agent), recordAgentState: () => Promise.reject(new Error('odd')) }));
    expect(await service.record([change()])).toEqual({ recorded: [] });
  });

  it('team leaders read each officer’s latest state today; agents cannot read them', async () => {
    const { service } = serviceFor(agent);
    const day = '2026-12-05';
    await service.record([
      change({ state: 'available', previous: null, at: `${day}T08:58:00.000Z`, cause: 'work' }),
      change({ state: 'on-a-call', previous: 'available', at: `${day}T09:05:00.000Z`, cause: 'work' }),
      change({ state: 'on-a-break', previous: 'available', at: `${day}T10:42:00.000Z` }),
    ]);
    const latest = await asOfficer(leader).latestAgentStates!(agent.team, day);
    expect(latest.get(agent.id)).toEqual({ state: 'on-a-break', since: `${day}T10:42:00.000Z` });
    expect((await asOfficer(leader).latestAgentStates!(agent.team, '2026-12-06')).size).toBe(0);
    await expect(asOfficer(agent).latestAgentStates!(agent.team, day)).rejects.toMatchObject({ failure: 'permission' });
  });

  it('changes within one second (Dataverse keeps times to the second) still end in the right state, whatever order they arrive in', async () => {
    const { service } = serviceFor(agent);
    // Wrap-up, its save, and a break chosen at once.
    const inOneSecond = (day: string) => [
      change({ state: 'wrap-up', previous: 'on-a-call', at: `${day}T10:42:05.100Z`, cause: 'work' }),
      change({ state: 'available', previous: 'wrap-up', at: `${day}T10:42:05.500Z`, cause: 'work' }),
      change({ state: 'on-a-break', previous: 'available', at: `${day}T10:42:05.900Z` }),
    ];
    const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
    for (const [index, order] of orders.entries()) {
      const day = `2026-12-${String(10 + index)}`;
      const changes = inOneSecond(day);
      for (const at of order) await service.record([changes[at]!]);
      const latest = await asOfficer(leader).latestAgentStates!(agent.team, day);
      expect(latest.get(agent.id)?.state, `recorded in the order ${order.join(', ')}`).toBe('on-a-break');
    }
  });
});

describe('the team now shows each officer’s latest recorded state', () => {
  const officer: StaffUser = { id: 'stf-002', displayName: 'Ada Agent', email: 'ada@example.org', role: 'agent', team: 'Contact Centre – Blue' };
  const teamLeader: StaffUser = { ...officer, id: 'stf-001', displayName: 'Tom Leader', role: 'team-leader' };
  const office = (states: TeamBackOffice['latestAgentStates']): TeamBackOffice => ({
    teamFigures: async () => ({ figures: emptyFigures(), byService: new Map() }),
    channelShiftOver: async (_scope, ranges) => ranges.map(() => ({ contacts: 0, channelAnswered: 0, couldBeOnline: 0, onlineOffered: 0 })),
    recentTeams: async () => ({ officers: [{ staffId: officer.id, name: officer.displayName, team: officer.team }, { staffId: 'stf-003', name: 'Bo Agent', team: officer.team }], queues: [] }),
    contactsToday: async () => ({ open: [], completed: new Map(), rows: 0 }),
    teamContacts: async () => [],
    ...(states ? { latestAgentStates: states } : {}),
  });
  const teamService = (back: TeamBackOffice) =>
    createTeamService({ teamOffice: async () => back, user: () => teamLeader, today: () => isoDateInLondon(new Date('2026-12-04T11:00:00Z')), now: () => new Date('2026-12-04T11:00:00Z'), trueResolutionDays: 7, presenceOf: async () => null });

  it('beside what the contacts show, and "not recorded" for someone with none today', async () => {
    const now = await teamService(office(async () => new Map([[officer.id, { state: 'on-a-break' as const, since: '2026-12-04T10:42:00Z' }]]))).officersNow(officer.team);
    expect(now.map((each) => [each.staffId, each.activity, each.recordedState])).toEqual([
      ['stf-002', 'no-open-contact', { state: 'on-a-break', since: '2026-12-04T10:42:00Z' }],
      ['stf-003', 'no-open-contact', null],
    ]);
  });

  it('still shows the team when the states cannot be read', async () => {
    const now = await teamService(office(() => Promise.reject(new Error('unreachable')))).officersNow(officer.team);
    expect(now).toHaveLength(2);
    expect(now[0]).not.toHaveProperty('recordedState');
  });
});
