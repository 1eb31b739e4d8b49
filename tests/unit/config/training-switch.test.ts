import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFileCandidates, readDeploymentConfig } from '../../../main/core/config/config-file';
import { loadDeploymentConfig, TRAINING_SWITCHED_OFF } from '../../../main/core/config/deployment-config';
import { planUpdates } from '../../../main/core/updates/update-plan';

const tenant = {
  tenantId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  clientId: '9a0c0305-e82c-4f89-81d3-3f2504e03301',
  dataverseUrl: 'https://southwark-test.crm11.dynamics.com',
  anonymousContactId: '6b1e2f0a-5c3d-4e8f-9a1b-2c3d4e5f6a7b',
};

describe('"training": false in the deployment file', () => {
  it('with no tenant, stops CivicDesk with one plain sentence instead of opening training', () => {
    const loaded = loadDeploymentConfig(JSON.stringify({ training: false }), '/etc/civicdesk/civicdesk.config.json');
    expect(loaded).toMatchObject({ mode: 'config-error', problems: [{ field: 'training', message: TRAINING_SWITCHED_OFF }] });
    expect(TRAINING_SWITCHED_OFF).toMatch(/switched off.*no council tenant/);
  });

  it('with part of a tenant, names each missing setting as any wrong file does', () => {
    const loaded = loadDeploymentConfig(JSON.stringify({ training: false, tenantId: tenant.tenantId }), 'c.json');
    expect(loaded.mode).toBe('config-error');
    expect(loaded.mode === 'config-error' && loaded.problems.map((problem) => problem.field).sort()).toEqual(['anonymousContactId', 'clientId', 'dataverseUrl']);
  });

  it('with a tenant, is live mode as before', () => {
    expect(loadDeploymentConfig(JSON.stringify({ ...tenant, training: false }), 'c.json')).toMatchObject({ mode: 'live', config: { training: false } });
  });

  it('cannot be got round by naming a file that does not exist in CIVICDESK_CONFIG', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'civicdesk-'));
    const machineWide = path.join(folder, 'civicdesk.config.json');
    await writeFile(machineWide, JSON.stringify({ training: false }));
    const candidates = [path.join(folder, 'nowhere.json'), machineWide];
    expect(await readDeploymentConfig(candidates)).toMatchObject({ mode: 'config-error', source: machineWide, problems: [{ field: 'training' }] });
    expect(configFileCandidates('win32', { CIVICDESK_CONFIG: 'C:\\Users\\x\\nowhere.json', ProgramData: 'C:\\ProgramData' })).toEqual(['C:\\Users\\x\\nowhere.json', 'C:\\ProgramData\\CivicDesk\\civicdesk.config.json']);
  });
});

describe('updates', () => {
  const live = (extra: Record<string, unknown>) => loadDeploymentConfig(JSON.stringify({ ...tenant, ...extra }), 'c.json');

  it('are off by default, where IT pushes each version with Intune or SCCM', () => {
    const config = live({});
    expect(config).toMatchObject({ mode: 'live', config: { updates: { enabled: false } } });
    expect(planUpdates(config, { packaged: true })).toMatchObject({ check: false, reason: expect.stringMatching(/off in the deployment file/) });
  });

  it("once switched on, are looked for at the council's server: the address given, or the one the installer was built with", () => {
    expect(planUpdates(live({ updates: { enabled: true, url: 'https://apps.southwark.gov.uk/civicdesk/' } }), { packaged: true })).toEqual({ check: true, url: 'https://apps.southwark.gov.uk/civicdesk/' });
    expect(planUpdates(live({ updates: { enabled: true } }), { packaged: true })).toEqual({ check: true, url: null });
  });

  it('are never looked for in training, with a broken file, or when run from source', () => {
    expect(planUpdates(loadDeploymentConfig(undefined, ''), { packaged: true }).check).toBe(false);
    expect(planUpdates(loadDeploymentConfig('{', 'c.json'), { packaged: true }).check).toBe(false);
    expect(planUpdates(live({ updates: { enabled: true } }), { packaged: false }).check).toBe(false);
  });

  it('refuses an address that is not https, or a misspelt setting, naming the field', () => {
    expect(live({ updates: { enabled: true, url: 'http://apps.southwark.gov.uk/civicdesk/' } })).toMatchObject({ mode: 'config-error', problems: [{ field: 'updates.url', message: expect.stringMatching(/https address/) }] });
    expect(live({ updates: { enabld: true } })).toMatchObject({ mode: 'config-error', problems: [{ field: 'updates', message: expect.stringContaining('enabld') }] });
  });
});
