import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore } from '../../../main/core/create-core';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('a Teams message sent while nobody is signed in to Microsoft 365', () => {
  const core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: 'resources', training: { residents: 20 } });
  afterAll(() => core.close());

  it('is preceded by a status that says signed out, kept for this run only because training starts afresh', async () => {
    expect(await core.router.dispatch('account.status', {}, { transport: 'ipc' })).toEqual({
      ok: true,
      value: { signedIn: false, signingIn: false, kept: 'this-session-only', keptReason: 'In training, the sign-in service starts afresh each time CivicDesk opens.', problem: null },
    });
  });

  it('is answered "retry", so it waits in the outbox instead of failing, and reads refuse with what to do', async () => {
    const about = { caseId: randomUUID(), reference: null, service: 'waste', serviceName: 'Waste and recycling', category: 'Missed bin collection', priority: 'routine', dueOn: null, summary: 'Missed bin', description: '', residentReference: null };
    const asked = await core.router.dispatch('teams.askExpert', { messageId: randomUUID(), writtenAt: new Date().toISOString(), case: about, note: 'Repeat?', colleagueIds: ['someone'] }, { transport: 'ipc' });
    expect(asked).toEqual({ ok: true, value: { status: 'retry', reason: 'Sign in to Microsoft 365 to send it: it waits on this computer until then.' } });
    const escalated = await core.router.dispatch('teams.escalate', { messageId: randomUUID(), writtenAt: new Date().toISOString(), case: about, note: 'Third time', service: 'waste' }, { transport: 'ipc' });
    expect(escalated).toMatchObject({ ok: true, value: { status: 'retry' } });
    const day = await core.router.dispatch('appointments.today', {}, { transport: 'ipc' });
    expect(day).toMatchObject({ ok: false, error: { code: 'not-possible', message: expect.stringMatching(/^Sign in to Microsoft 365 first/) } });
  }, 30_000);
});
