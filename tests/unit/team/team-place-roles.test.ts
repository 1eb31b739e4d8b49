import { describe, expect, it } from 'vitest';
import { callNames } from '../../../shared/contract/calls';
import type { StaffUser } from '../../../shared/domain/staff';
import { emptyFigures } from '../../../shared/domain/team-measures';
import type { QualityBackOffice, TeamBackOffice } from '../../../main/core/back-office/port';
import { createRouter, NotPossible, type Handlers } from '../../../main/core/ipc/router';
import { createQualityService } from '../../../main/core/quality/quality-service';
import { createTeamService } from '../../../main/core/team/team-service';

const agent: StaffUser = { id: 'stf-002', displayName: 'Ada Agent', email: 'ada@example.org', role: 'agent', team: 'Contact Centre – Blue' };
const leader: StaffUser = { id: 'stf-001', displayName: 'Tom Leader', email: 'tom@example.org', role: 'team-leader', team: 'Contact Centre – Blue' };

/** A back office that answers with empty figures and remembers every question put to it. */
function recordingOffice() {
  const asked: string[] = [];
  const note =
    <T>(name: string, answer: T) =>
    () => {
      asked.push(name);
      return Promise.resolve(answer);
    };
  const office: TeamBackOffice & QualityBackOffice = {
    teamFigures: note('teamFigures', { figures: emptyFigures(), byService: new Map() }),
    channelShiftOver: (_scope, ranges) => {
      asked.push('channelShiftOver');
      return Promise.resolve(ranges.map(() => ({ contacts: 0, channelAnswered: 0, couldBeOnline: 0, onlineOffered: 0 })));
    },
    recentTeams: note('recentTeams', { officers: [{ staffId: 'stf-002', name: 'Ada Agent', team: 'Contact Centre – Blue' }], queues: ['Council tax'] }),
    contactsToday: note('contactsToday', { open: [], completed: new Map(), rows: 0 }),
    teamContacts: note('teamContacts', []),
    contactForReview: note('contactForReview', null),
    qualityReview: note('qualityReview', null),
    saveQualityReview: () => Promise.reject(new Error('not here')),
    qualityReviewsOf: note('qualityReviewsOf', []),
    reviewedContactIds: note('reviewedContactIds', new Set<string>()),
    acknowledgeQualityReview: () => Promise.reject(new Error('not here')),
  };
  return { office, asked };
}

function routerFor(user: StaffUser) {
  const { office, asked } = recordingOffice();
  const team = createTeamService({ teamOffice: () => Promise.resolve(office), user: () => user, today: () => '2026-12-03', now: () => new Date('2026-12-03T10:00:00Z'), trueResolutionDays: 7, presenceOf: () => Promise.resolve(null) });
  const quality = createQualityService({ office: () => Promise.resolve(office), user: () => user, now: () => new Date('2026-12-03T10:00:00Z'), form: () => Promise.resolve(null) });
  const others = Object.fromEntries(callNames.map((name) => [name, () => Promise.reject(new NotPossible('not here'))])) as unknown as Handlers;
  const router = createRouter(
    {
      ...others,
      'team.choices': () => team.choices(),
      'team.view': ({ scope, period }) => team.view(scope, period),
      'team.officersNow': ({ team: name }) => team.officersNow(name),
      'team.contacts': ({ scope, period, drillDown, service }) => team.contacts(scope, period, drillDown, service),
      'quality.sample': ({ staffId, month }) => quality.sample(staffId, month),
      'quality.forContact': async ({ contactId }) => ({ review: await quality.forContact(contactId) }),
      'quality.mine': () => quality.mine(),
    },
    { error: () => undefined },
  );
  return { dispatch: (name: string, input: unknown) => router.dispatch(name, input, { transport: 'ipc' }), asked };
}

const period = { kind: 'month', day: '2026-11-15' };
const teamLeaderCalls: [string, unknown][] = [
  ['team.choices', {}],
  ['team.view', { scope: { kind: 'team', team: 'Contact Centre – Blue' }, period }],
  ['team.officersNow', { team: 'Contact Centre – Blue' }],
  ['team.contacts', { scope: { kind: 'centre' }, period, drillDown: 'poor', service: null }],
  ['quality.sample', { staffId: 'stf-002', month: '2026-11' }],
  ['quality.forContact', { contactId: '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }],
];

describe('the Team place through the contract', () => {
  it.each(teamLeaderCalls)('refuses %s to an agent, before anything is asked of Dataverse', async (name, input) => {
    const { dispatch, asked } = routerFor(agent);
    const outcome = await dispatch(name, input);
    expect(outcome).toMatchObject({ ok: false, error: { message: expect.stringMatching(/only team leaders/i) } });
    expect(asked).toEqual([]);
  });

  it.each(teamLeaderCalls)('answers %s for a team leader', async (name, input) => {
    const { dispatch, asked } = routerFor(leader);
    expect(await dispatch(name, input)).toMatchObject({ ok: true });
    expect(asked.length).toBeGreaterThan(0);
  });

  it('gives a team leader the month and the month before, and eight weeks of channel shift', async () => {
    const { dispatch } = routerFor(leader);
    const outcome = await dispatch('team.view', { scope: { kind: 'centre' }, period });
    expect(outcome).toMatchObject({ ok: true, value: { current: { from: '2026-11-01', to: '2026-11-30' }, previous: { from: '2026-10-01', to: '2026-10-31' }, trueResolutionDays: 7 } });
    expect(outcome.ok && (outcome.value as { weeks: unknown[] }).weeks).toHaveLength(8);
  });

  it('lets an agent read their own quality reviews', async () => {
    const { dispatch, asked } = routerFor(agent);
    expect(await dispatch('quality.mine', {})).toEqual({ ok: true, value: [] });
    expect(asked).toEqual(['qualityReviewsOf']);
  });
});
