import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFileCandidates, readDeploymentConfig } from '../../../main/core/config/config-file';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';

const valid = {
  tenantId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  clientId: '9a0c0305-e82c-4f89-81d3-3f2504e03301',
  dataverseUrl: 'https://southwark-test.crm11.dynamics.com',
  anonymousContactId: '6b1e2f0a-5c3d-4e8f-9a1b-2c3d4e5f6a7b',
  teams: { escalationChannels: { housing: { teamId: '0305e82c-3301-4f89-81d3-3f2504e09a0c', channelId: '19:abc123@thread.tacv2' } } },
};

describe('the deployment file', () => {
  it('means training mode when there is none', () => {
    expect(loadDeploymentConfig(undefined, '')).toMatchObject({ mode: 'training', source: null });
  });

  it('puts the workstation in live mode when valid, with safe defaults', () => {
    const loaded = loadDeploymentConfig(JSON.stringify(valid), '/etc/civicdesk/civicdesk.config.json');
    expect(loaded.mode).toBe('live');
    if (loaded.mode !== 'live') return;
    expect(loaded.config.features.machineTranslation).toBe(false);
    expect(loaded.config.publisherPrefix).toBe('cd');
    expect(loaded.externalLinkHosts).toContain('southwark.gov.uk');
  });

  it('names each bad field, and never falls back to training', () => {
    const loaded = loadDeploymentConfig(JSON.stringify({ ...valid, tenantId: 'southwark', dataverseUrl: 'http://southwark.crm11.dynamics.com', teams: { escalationChannels: { housing: { teamId: valid.tenantId, channelId: 'general' } } } }), 'c.json');
    expect(loaded.mode).toBe('config-error');
    if (loaded.mode !== 'config-error') return;
    expect(loaded.problems.map((problem) => problem.field).sort()).toEqual(['dataverseUrl', 'teams.escalationChannels.housing.channelId', 'tenantId']);
    expect(loaded.problems.find((problem) => problem.field === 'tenantId')?.message).toMatch(/tenant id/);
  });

  it('takes the council’s identity-check rule, defaulting to name, date of birth and address or postcode, and refuses one that cannot work', () => {
    const defaulted = loadDeploymentConfig(JSON.stringify(valid), 'c.json');
    expect(defaulted.mode === 'live' && defaulted.config.identityPolicy).toEqual({ required: ['name', 'dateOfBirth'], oneOf: ['addressLine1', 'postcode'], results: { dateOfBirth: 'year', address: 'district' } });
    const strict = loadDeploymentConfig(JSON.stringify({ ...valid, identityPolicy: { required: ['name', 'dateOfBirth', 'postcode'], oneOf: [], results: { dateOfBirth: 'full', address: 'full' } } }), 'c.json');
    expect(strict.mode === 'live' && strict.config.identityPolicy.required).toEqual(['name', 'dateOfBirth', 'postcode']);
    for (const identityPolicy of [{ required: [], oneOf: [] }, { required: ['name'], oneOf: ['name', 'postcode'] }, { required: ['name'], oneOf: ['postcode'] }, { required: ['passport'], oneOf: [] }]) {
      const loaded = loadDeploymentConfig(JSON.stringify({ ...valid, identityPolicy }), 'c.json');
      expect(loaded.mode).toBe('config-error');
      expect(loaded.mode === 'config-error' && loaded.problems.every((problem) => problem.field.startsWith('identityPolicy'))).toBe(true);
    }
  });

  it('needs the council’s anonymous contact, a contact row’s GUID, and names the setting when it is missing or wrong', () => {
    const { anonymousContactId: _left, ...without } = valid;
    const missing = loadDeploymentConfig(JSON.stringify(without), 'c.json');
    expect(missing).toMatchObject({ mode: 'config-error', problems: [{ field: 'anonymousContactId', message: expect.stringMatching(/^Missing: anonymousContactId must be the id \(a GUID\) of the contact row/) }] });
    const wrong = loadDeploymentConfig(JSON.stringify({ ...valid, anonymousContactId: 'Anonymous' }), 'c.json');
    expect(wrong).toMatchObject({ mode: 'config-error', problems: [{ field: 'anonymousContactId', message: expect.stringMatching(/^anonymousContactId must be the id \(a GUID\)/) }] });
    const loaded = loadDeploymentConfig(JSON.stringify(valid), 'c.json');
    expect(loaded.mode === 'live' && loaded.config.anonymousContactId).toBe(valid.anonymousContactId);
  });

  it('names GOV.UK Notify templates by purpose, channel and language, with English for each, and no key', () => {
    const template = (purpose: string, channel: string, language?: string) => ({ purpose, channel, ...(language ? { language } : {}), templateId: crypto.randomUUID() });
    const loaded = loadDeploymentConfig(JSON.stringify({ ...valid, notify: { templates: [template('online-link', 'sms'), template('online-link', 'sms', 'es')] } }), 'c.json');
    expect(loaded.mode === 'live' && loaded.config.notify).toMatchObject({ baseUrl: 'https://api.notifications.service.gov.uk', templates: [{ language: 'en' }, { language: 'es' }] });
    const noEnglish = loadDeploymentConfig(JSON.stringify({ ...valid, notify: { templates: [template('online-link', 'email', 'es')] } }), 'c.json');
    expect(noEnglish).toMatchObject({ mode: 'config-error', problems: [{ field: 'notify.templates', message: expect.stringContaining('English template for online-link (email)') }] });
    const withKey = loadDeploymentConfig(JSON.stringify({ ...valid, notify: { apiKey: 'x', templates: [template('online-link', 'sms')] } }), 'c.json');
    expect(withKey).toMatchObject({ mode: 'config-error', problems: [{ field: 'notify', message: expect.stringContaining('apiKey') }] });
    const badId = loadDeploymentConfig(JSON.stringify({ ...valid, notify: { templates: [{ purpose: 'online-link', channel: 'sms', templateId: 'missed-bin' }] } }), 'c.json');
    expect(badId).toMatchObject({ mode: 'config-error', problems: [{ field: 'notify.templates.0.templateId', message: expect.stringContaining('GOV.UK Notify') }] });
  });

  it('points out misspelt settings and broken JSON', () => {
    const misspelt = loadDeploymentConfig(JSON.stringify({ ...valid, tennantId: 'x' }), 'c.json');
    expect(misspelt).toMatchObject({ mode: 'config-error', problems: [{ message: expect.stringContaining('tennantId') }] });
    expect(loadDeploymentConfig('{"tenantId": ', 'c.json')).toMatchObject({ mode: 'config-error', problems: [{ field: '', message: expect.stringContaining('not valid JSON') }] });
  });

  it('is found where administrators put it', async () => {
    expect(configFileCandidates('win32', { ProgramData: 'D:\\ProgramData' })).toEqual(['D:\\ProgramData\\CivicDesk\\civicdesk.config.json']);
    expect(configFileCandidates('linux', {})).toEqual(['/etc/civicdesk/civicdesk.config.json']);
    // The machine-wide file is still looked for after CIVICDESK_CONFIG's (tests/unit/config/training-switch.test.ts).
    expect(configFileCandidates('linux', { CIVICDESK_CONFIG: '/tmp/x.json' })).toEqual(['/tmp/x.json', '/etc/civicdesk/civicdesk.config.json']);

    const folder = await mkdtemp(path.join(tmpdir(), 'civicdesk-'));
    const file = path.join(folder, 'civicdesk.config.json');
    expect((await readDeploymentConfig([file])).mode).toBe('training');
    await writeFile(file, JSON.stringify(valid));
    expect(await readDeploymentConfig([file])).toMatchObject({ mode: 'live', source: file });
  });
});
