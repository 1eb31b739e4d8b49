import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDeploymentConfig } from '../../../main/core/config/deployment-config';
import { createCore, type Core } from '../../../main/core/create-core';
import type { CallScript } from '../../../shared/call-scripts/schema';
import type { Outcome } from '../../../shared/contract/outcome';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Main reads the call scripts as it starts (Core.readAhead), so the first page's requests do
 * not wait behind parsing them. Shown by what the page gets: once read ahead, the scripts are
 * served even if their folder can no longer be read; without it, they would be read then.
 */
describe('reading ahead', () => {
  let core: Core | null = null;
  let folder = '';
  afterEach(async () => {
    await core?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const start = () => {
    folder = mkdtempSync(path.join(tmpdir(), 'civicdesk-resources-'));
    cpSync('resources', folder, { recursive: true });
    core = createCore({ config: loadDeploymentConfig(undefined, ''), appVersion: 't', log: quiet, resourcesDir: folder, training: { residents: 20 } });
    return core;
  };
  const listScripts = async (from: Core) => (await from.router.dispatch('scripts.list', {}, { transport: 'loopback' })) as Outcome<{ scripts: CallScript[] }>;

  it('serves the call scripts read at start, before any page asked for them', async () => {
    const started = start();
    await started.readAhead();
    renameSync(path.join(folder, 'scripts'), path.join(folder, 'scripts-moved'));
    const listed = await listScripts(started);
    expect(listed.ok && listed.value.scripts.length).toBeGreaterThan(5);
  });

  it('reads them on first use when nothing was read ahead (the case above is not simply how every start goes)', async () => {
    const started = start();
    renameSync(path.join(folder, 'scripts'), path.join(folder, 'scripts-moved'));
    const listed = await listScripts(started);
    // The folder is gone when they are first asked for: the page is told they cannot be had.
    expect(listed.ok).toBe(false);
  });
});
