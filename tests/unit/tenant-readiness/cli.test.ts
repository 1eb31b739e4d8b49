import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** `npm run tenant:check` as an administrator runs it: its words and its exit code. */
function tenantCheck(env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'tools/tenant-check.ts'], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

describe('npm run tenant:check', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'tenant-check-'));

  it('with no tenant configured, checks the training tenant, prints each check with ✓, and exits 0', async () => {
    const { code, out } = await tenantCheck({ CIVICDESK_CONFIG: path.join(folder, 'none.json') });
    expect(out).toContain('so this checks the training tenant');
    expect(out).toMatch(/^✓ Signing in to Microsoft Entra ID: Signed in as .+, whose app roles make them a team leader\.$/m);
    expect(out).toMatch(/All \d+ checks passed: this tenant is ready for CivicDesk\./);
    expect(code).toBe(0);
  }, 90_000);

  it('with a settings file that cannot be used, names each bad field and exits 1 without signing in', async () => {
    const file = path.join(folder, 'civicdesk.config.json');
    writeFileSync(file, JSON.stringify({ tenantId: 'not-a-guid', clientId: '00000000-0000-4000-8000-000000000001', dataverseUrl: 'https://example.crm11.dynamics.com' }));
    const { code, out } = await tenantCheck({ CIVICDESK_CONFIG: file });
    expect(out).toContain(`The deployment file ${file} cannot be used:`);
    expect(out).toContain('tenantId: Must be the Microsoft Entra tenant id (a GUID).');
    expect(code).toBe(1);
  }, 90_000);
});
