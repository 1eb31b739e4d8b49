import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore, type Core } from '../../../main/core/create-core';
import type { Outcome } from '../../../shared/contract/outcome';
import type { ResidentView } from '../../../shared/contract/residents';
import type { SessionInfo } from '../../../shared/contract/session';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The contract's side of "a contact owns its resident": once a contact has ended, the officer
 * has changed or signed out, nothing of the resident comes back through any call that names
 * the old open. Driven through the real router of a training core, as the renderer's
 * transport does.
 */
describe('what main gives back after a contact ends', () => {
  let core: Core;
  const call = <T>(name: string, input: unknown) => core.router.dispatch(name, input, { transport: 'loopback' }) as Promise<Outcome<T>>;

  beforeAll(() => {
    core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: 'resources', training: { residents: 60 } });
  });
  afterAll(async () => {
    await core.close();
  });

  /** Opens someone from the training borough and goes past the identity check with a reason. */
  async function openAndOverride(): Promise<ResidentView> {
    const directory = await call<{ entries: { residentId: string }[] }>('directory.changes', { deltaToken: null, offset: 0 });
    if (!directory.ok) throw new Error('no directory');
    const residentId = directory.value.entries[0]?.residentId as string;
    const opened = await call<ResidentView>('residents.open', { residentId, reason: 'call' });
    if (!opened.ok) throw new Error(opened.error.message);
    const overridden = await call<ResidentView>('residents.overrideIdentity', { accessId: opened.value.accessId, reason: 'Caller known to the officer from earlier today' });
    if (!overridden.ok || overridden.value.record === null) throw new Error('not revealed');
    return overridden.value;
  }

  /** Every call that takes an open's id, asked with the old one. */
  async function everythingRefused(accessId: string) {
    const answers = await Promise.all([
      call('residents.contactHistory', { accessId, cursor: null, channels: [] }),
      call('residents.checkIdentity', { accessId, answers: { name: 'x' } }),
      call('residents.overrideIdentity', { accessId, reason: 'Trying again with the same open' }),
      call('residents.setLanguage', { accessId, language: 'so', interpreterNeeded: true, consent: { how: 'told-staff', note: '' } }),
    ]);
    for (const answer of answers) expect(answer).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no longer open/) } });
  }

  it('refuses every call with an open the contact closed', async () => {
    const view = await openAndOverride();
    expect(await call('residents.contactHistory', { accessId: view.accessId, cursor: null, channels: [] })).toMatchObject({ ok: true });
    expect(await call('residents.close', { accessIds: [view.accessId] })).toEqual({ ok: true, value: { closed: 1 } });
    await everythingRefused(view.accessId);
  });

  it('refuses them once another officer takes the computer, even when the first comes back', async () => {
    const view = await openAndOverride();
    const session = await call<SessionInfo>('session.get', {});
    if (!session.ok || !session.value.user) throw new Error('no training user');
    const first = session.value.user.id;
    const other = session.value.trainingStaff.find((staff) => staff.id !== first);
    if (!other) throw new Error('one member of training staff only');
    await call('session.actAsTrainingUser', { staffId: other.id });
    await call('session.actAsTrainingUser', { staffId: first });
    await everythingRefused(view.accessId);
  });

  it('refuses them after the officer signs out', async () => {
    const view = await openAndOverride();
    await call('account.signOut', {});
    await everythingRefused(view.accessId);
  });
});
