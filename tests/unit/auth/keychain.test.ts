import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openKeychain } from '../../../main/shell/keychain';

let dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  dirs = [];
});

/** Electron's safeStorage, faked: a reversible scramble is enough to see what reaches the disk. */
function fakeSafeStorage(available: boolean, backend: 'basic_text' | 'gnome_libsecret' | 'unknown') {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from([...Buffer.from(text, 'utf8')].map((byte) => byte ^ 0x5a)),
    decryptString: (data: Buffer) => Buffer.from([...data].map((byte) => byte ^ 0x5a)).toString('utf8'),
  };
}

async function userData(): Promise<{ getPath: () => string; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'civicdesk-userdata-'));
  dirs.push(dir);
  return { dir, getPath: () => dir };
}

describe('the shell’s keychain', () => {
  it('uses safeStorage over files in userData/secrets where the keychain is real', async () => {
    const app = await userData();
    const store = openKeychain(app, fakeSafeStorage(true, 'gnome_libsecret'), 'linux');
    expect(store.kept).toBe('keychain');
    await store.set('civicdesk/msal-token-cache', 'secret cache');
    expect(await store.get('civicdesk/msal-token-cache')).toBe('secret cache');
    const names = await readdir(path.join(app.dir, 'secrets'));
    expect(names).toHaveLength(1);
    expect((await readFile(path.join(app.dir, 'secrets', names[0]!))).toString('latin1')).not.toContain('secret cache');
    await store.delete('civicdesk/msal-token-cache');
    expect(await readdir(path.join(app.dir, 'secrets'))).toEqual([]);
    expect(openKeychain(app, fakeSafeStorage(true, 'basic_text'), 'win32').kept).toBe('keychain');
  });

  it('keeps nothing on disk where Linux has only basic_text, or encryption is unavailable', async () => {
    for (const [available, backend, platform] of [[true, 'basic_text', 'linux'], [true, 'unknown', 'linux'], [false, 'gnome_libsecret', 'linux'], [false, 'unknown', 'darwin']] as const) {
      const app = await userData();
      const store = openKeychain(app, fakeSafeStorage(available, backend), platform);
      expect(store.kept).toBe('this-session-only');
      expect(store.keptReason).toMatch(/no keychain CivicDesk can use/);
      await store.set('civicdesk/msal-token-cache', 'secret cache');
      expect(await store.get('civicdesk/msal-token-cache')).toBe('secret cache');
      expect(await readdir(app.dir)).toEqual([]);
    }
  });
});
