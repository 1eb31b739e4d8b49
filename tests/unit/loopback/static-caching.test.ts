import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackHost, type LoopbackHost } from '../../../main/loopback/host';
import { fakeCore } from '../support/fake-core';

/**
 * A reload in the browser keeps the built code and fonts (named by their content), as the
 * desktop app reads them from its own disk, so a start does not fetch two megabytes again; the
 * page that names them is always asked for afresh, so a new build is never hidden.
 */
let host: LoopbackHost;
let root: string;
beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'civicdesk-static-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>CivicDesk</title>');
  writeFileSync(path.join(root, 'assets', 'index-DSO8iNUC.js'), 'export {};');
  writeFileSync(path.join(root, 'assets', 'unhashed.js'), 'export {};');
  host = await startLoopbackHost({ core: fakeCore(), secret: 'test-secret-123', port: 0, staticRoot: root });
});
afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

const cacheControl = async (pathname: string) => (await fetch(`${host.origin}${pathname}`)).headers.get('cache-control');

describe('the browser host keeps what cannot change', () => {
  it('lets the browser keep built files named by their content', async () => {
    expect(await cacheControl('/assets/index-DSO8iNUC.js')).toBe('public, max-age=31536000, immutable');
  });

  it('never lets it keep the page, or a file whose name does not change with its content', async () => {
    expect(await cacheControl('/index.html')).toBe('no-store');
    expect(await cacheControl('/assets/unhashed.js')).toBe('no-store');
  });
});
