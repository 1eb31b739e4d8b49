import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../shared/contract/session';
import type { TenantReadiness } from '../../../shared/contract/tenant-readiness';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore, type Core } from '../../../main/core/create-core';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const context = { transport: 'ipc' } as const;

/** The Tenant readiness page's call, through a training core's router as the renderer makes it. */
describe('tenant.readiness from the app', () => {
  let core: Core;
  const readiness = async () => {
    const outcome = await core.router.dispatch('tenant.readiness', {}, context);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value as TenantReadiness;
  };

  beforeAll(async () => {
    core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: 'resources', training: { residents: 80 } });
    const session = (await core.router.dispatch('session.get', {}, context)) as { ok: true; value: SessionInfo };
    const leader = session.value.trainingStaff.find((staff) => staff.role === 'team-leader');
    if (!leader) throw new Error('no team leader in training');
    await core.router.dispatch('session.actAsTrainingUser', { staffId: leader.id }, context);
  }, 60_000);

  afterAll(() => core.close());

  it('before signing in to Microsoft 365, says to sign in first and claims nothing else', async () => {
    const result = await readiness();
    expect(result.tenant).toBe('training');
    expect(result.ready).toBe(false);
    expect(result.checks[0]).toMatchObject({ id: 'sign-in', ok: false, detail: expect.stringContaining('Sign in to Microsoft 365 first') });
    expect(result.checks.slice(1).every((check) => check.ok === 'unknown')).toBe(true);
  });

  it('signed in, checks the training tenant as the officer, and every check passes', async () => {
    expect(await core.router.dispatch('account.signIn', {}, context)).toMatchObject({ ok: true, value: { signedIn: true } });
    const result = await readiness();
    expect(result.checks.filter((check) => check.ok !== true)).toEqual([]);
    expect(result.ready).toBe(true);
  });
});
