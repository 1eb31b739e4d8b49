import { describe, expect, it } from 'vitest';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { interpreterLines, TRAINING_INTERPRETER_LINES } from '../../../main/core/languages/interpreter-lines';

const valid = {
  tenantId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  clientId: '9a0c0305-e82c-4f89-81d3-3f2504e03301',
  dataverseUrl: 'https://southwark-test.crm11.dynamics.com',
  anonymousContactId: '6b1e2f0a-5c3d-4e8f-9a1b-2c3d4e5f6a7b',
};

describe('interpreter lines', () => {
  it('are none in a deployment file that names none', () => {
    const loaded = loadDeploymentConfig(JSON.stringify(valid), 'c.json');
    expect(loaded.mode).toBe('live');
    if (loaded.mode !== 'live') return;
    expect(loaded.config.interpreterLines).toEqual([]);
    expect(interpreterLines(loaded)).toEqual([]);
  });

  it('come from the deployment file, a telephone line unless said otherwise', () => {
    const line = { supplierId: 'languageline', supplierName: 'LanguageLine Solutions', phone: '0800 169 2879', accessCode: 'SWK-1234', department: 'Customer Contact Centre' };
    const loaded = loadDeploymentConfig(JSON.stringify({ ...valid, interpreterLines: [line, { ...line, kind: 'video', phone: '0800 169 2880' }] }), 'c.json');
    expect(interpreterLines(loaded)).toEqual([
      { ...line, kind: 'telephone' },
      { ...line, kind: 'video', phone: '0800 169 2880' },
    ]);
  });

  it('name each bad field of a line', () => {
    const loaded = loadDeploymentConfig(JSON.stringify({ ...valid, interpreterLines: [{ supplierId: 'Language Line', supplierName: 'x', phone: 'call us', accessCode: '', department: 'CCC' }] }), 'c.json');
    expect(loaded.mode).toBe('config-error');
    if (loaded.mode !== 'config-error') return;
    expect(loaded.problems.map((problem) => problem.field).sort()).toEqual(['interpreterLines.0.accessCode', 'interpreterLines.0.phone', 'interpreterLines.0.supplierId']);
    expect(interpreterLines(loaded)).toEqual([]);
  });

  it('in training are a made-up telephone supplier on a drama-range number, and a video line for BSL', () => {
    const lines = interpreterLines(loadDeploymentConfig(undefined, ''));
    expect(lines).toEqual([...TRAINING_INTERPRETER_LINES]);
    const phone = lines.find((line) => line.kind === 'telephone');
    expect(phone).toMatchObject({ supplierId: 'languageline', supplierName: 'Borough Language Line (training)', department: 'Customer Contact Centre' });
    expect(phone?.phone).toMatch(/^020 7946 0\d{3}$/);
    expect(phone?.accessCode).not.toBe('');
    const video = lines.find((line) => line.kind === 'video');
    expect(video?.phone).toMatch(/^020 7946 0\d{3}$/);
  });
});
