import { describe, expect, it, vi } from 'vitest';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore } from '../../../main/core/create-core';

/**
 * The training stand-ins (the identity stand-in issues tokens; all of them make certificates
 * with the selfsigned library) are loaded only when training mode is chosen. Each module is
 * wrapped so the test sees when it is first imported.
 */
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('../../../main/core/training/identity/identity-stand-in', async (importOriginal) => {
  loaded.add('identity stand-in');
  return importOriginal();
});
vi.mock('../../../main/core/training/graph/graph-stand-in', async (importOriginal) => {
  loaded.add('Graph stand-in');
  return importOriginal();
});
vi.mock('../../../main/core/training/dataverse/stand-in', async (importOriginal) => {
  loaded.add('Dataverse stand-in');
  return importOriginal();
});
vi.mock('../../../main/core/training/translator/stand-in', async (importOriginal) => {
  loaded.add('translator stand-in');
  return importOriginal();
});
vi.mock('selfsigned', async (importOriginal) => {
  loaded.add('selfsigned');
  return importOriginal();
});

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const tenant = { tenantId: '00000000-0000-4000-8000-000000000000', clientId: '00000000-0000-4000-8000-000000000001', dataverseUrl: 'https://example.crm11.dynamics.com', anonymousContactId: '6b1e2f0a-5c3d-4e8f-9a1b-2c3d4e5f6a7b' };

describe('the training stand-ins', () => {
  it('are not loaded when CivicDesk starts live, nor when the deployment file switches training off', async () => {
    const live = createCore({ config: loadDeploymentConfig(JSON.stringify(tenant), 'c.json'), appVersion: 't', log: quiet, resourcesDir: 'resources' });
    expect(await live.router.dispatch('session.get', {}, { transport: 'ipc' })).toMatchObject({ ok: true, value: { mode: 'live' } });
    expect(await live.trainingStandIn()).toBeNull();
    expect(await live.trainingMicrosoft365()).toBeNull();
    await live.close();

    const off = createCore({ config: loadDeploymentConfig(JSON.stringify({ training: false }), '/etc/civicdesk/civicdesk.config.json'), appVersion: 't', log: quiet, resourcesDir: 'resources' });
    // The workstation shows the deployment file's problem, in plain words, and does no work.
    expect(await off.router.dispatch('session.get', {}, { transport: 'ipc' })).toMatchObject({ ok: true, value: { mode: 'config-error', user: null, configProblems: [{ field: 'training', message: expect.stringMatching(/Training mode is switched off/) }] } });
    expect(await off.router.dispatch('training.summary', {}, { transport: 'ipc' })).toMatchObject({ ok: false });
    expect(await off.trainingStandIn()).toBeNull();
    await off.close();

    expect([...loaded]).toEqual([]);
  });

  it('are loaded in training mode once they are needed (so the check above can see an import)', async () => {
    const training = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: 'resources', training: { residents: 20 } });
    expect(await training.trainingStandIn()).not.toBeNull();
    expect(await training.trainingMicrosoft365()).not.toBeNull();
    await training.close();
    expect([...loaded].sort()).toEqual(['Dataverse stand-in', 'Graph stand-in', 'identity stand-in', 'selfsigned']);
    // Training's stand-in holds eight weeks of the contact centre's history, which takes a while to make.
  }, 120_000);
});
