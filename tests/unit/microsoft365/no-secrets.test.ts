import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { CallName } from '../../../shared/contract/calls';
import type { Outcome } from '../../../shared/contract/outcome';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore, type Core } from '../../../main/core/create-core';
import type { TrainingMicrosoft365 } from '../../../main/core/training/microsoft365';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Tokens stay in the main process. This drives every Microsoft 365 call through the router,
 * exactly as the renderer's transport does, and keeps everything that comes back to the
 * renderer (each outcome, each event). Then it asks the identity stand-in for every access
 * token, refresh token, id token and code it issued, and looks for each of them, and for the
 * cache's secret entry, in what the renderer saw.
 */
describe('what crosses the contract to the renderer', () => {
  let core: Core;
  let standIns: TrainingMicrosoft365;
  const seen: string[] = [];

  const call = async (name: CallName, input: unknown): Promise<Outcome<unknown>> => {
    const outcome = await core.router.dispatch(name, JSON.parse(JSON.stringify(input)) as unknown, { transport: 'ipc' });
    seen.push(JSON.stringify(outcome));
    return outcome;
  };

  beforeAll(async () => {
    core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: 'resources', training: { residents: 80 } });
    core.events.subscribe((name, payload) => seen.push(JSON.stringify({ name, payload })));
    standIns = (await core.trainingMicrosoft365()) as TrainingMicrosoft365;
  }, 60_000);

  afterAll(async () => {
    await core.close();
  });

  it('carries who is signed in and what they asked for, never a token', async () => {
    const signedIn = await call('account.signIn', {});
    expect(signedIn).toMatchObject({ ok: true, value: { signedIn: true } });
    const me = await call('teams.me', {});
    expect(me.ok).toBe(true);
    await call('teams.setMyPresence', { availability: 'Busy', forMinutes: 60 });
    await call('teams.searchPeople', { query: 'an' });
    const teams = await call('teams.serviceTeams', {});
    const team = teams.ok ? (teams.value as { teamId: string; service: string; canEscalate: boolean }[]) : [];
    expect(team.length).toBeGreaterThan(0);
    const members = await call('teams.teamPresence', { teamId: team[0]?.teamId });
    const colleague = members.ok ? (members.value as { id: string }[])[0] : undefined;
    const caseForColleagues = { caseId: randomUUID(), reference: null, service: team[0]?.service ?? 'x', serviceName: 'Waste and recycling', category: 'Missed bin collection', priority: 'routine', dueOn: null, summary: 'Missed bin', description: '', residentReference: null };
    const asked = await call('teams.askExpert', { messageId: randomUUID(), writtenAt: new Date().toISOString(), case: caseForColleagues, note: 'Is this a repeat?', colleagueIds: [colleague?.id] });
    expect(asked).toMatchObject({ ok: true, value: { status: 'sent' } });
    const chatId = asked.ok ? (asked.value as { chatId: string }).chatId : '';
    await call('teams.replies', { chatId });
    const escalating = team.find((each) => each.canEscalate);
    await call('teams.escalate', { messageId: randomUUID(), writtenAt: new Date().toISOString(), case: { ...caseForColleagues, service: escalating?.service }, note: 'Third missed collection', service: escalating?.service });
    const day = await call('appointments.today', {});
    const first = day.ok ? (day.value as { appointments: { id: string }[] }).appointments[0] : undefined;
    expect(first).toBeDefined();
    await call('appointments.checkIn', { appointmentId: first?.id });
    await call('appointments.bookFollowUp', { fromAppointmentId: first?.id, start: new Date(Date.now() + 86_400_000).toISOString(), minutes: 30, video: true, notes: '' });
    await call('account.status', {});
    await call('account.signOut', {});

    const issued = standIns.identity.issued();
    const secrets = [...issued.accessTokens, ...issued.refreshTokens, ...issued.idTokens, ...issued.codes];
    expect(issued.accessTokens.length).toBeGreaterThan(0);
    expect(issued.refreshTokens.length).toBeGreaterThan(0);
    const everything = seen.join('\n');
    for (const secret of secrets) {
      // A token's signature alone would do as much harm as the whole token: look for that too.
      for (const part of [secret, secret.split('.').at(-1) ?? secret]) expect(everything.includes(part)).toBe(false);
    }
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    expect(everything).not.toMatch(/refresh_?token|access_?token|id_?token/i);
  }, 60_000);
});
