import { afterEach, describe, expect, it } from 'vitest';
import { secretFileName } from '../../../main/core/secrets/encrypting-store';
import { createMemoryOnlySecretStore, keychainVerdict } from '../../../main/core/secrets/secret-store';
import { encryptingStore } from './fixture';

let removals: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const remove of removals) await remove();
  removals = [];
});

describe('the encrypting secret store', () => {
  it('keeps each secret in its own encrypted file, never as plain text, and forgets on delete', async () => {
    const disk = await encryptingStore();
    removals.push(disk.remove);
    const secret = 'refresh-token-that-must-not-appear-on-disk';
    expect(disk.store.kept).toBe('keychain');
    expect(disk.store.keptReason).toBeNull();
    expect(await disk.store.get('civicdesk/msal-token-cache')).toBeNull();

    await disk.store.set('civicdesk/msal-token-cache', secret);
    await disk.store.set('civicdesk/azure-translator-key', 'translator-key-value');
    expect(await disk.store.get('civicdesk/msal-token-cache')).toBe(secret);
    const files = await disk.files();
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file.toString('latin1')).not.toContain(secret);
      expect(file.toString('latin1')).not.toContain('translator-key-value');
    }

    await disk.store.delete('civicdesk/msal-token-cache');
    await disk.store.delete('civicdesk/never-set');
    expect(await disk.store.get('civicdesk/msal-token-cache')).toBeNull();
    expect(await disk.store.get('civicdesk/azure-translator-key')).toBe('translator-key-value');
    expect(await disk.files()).toHaveLength(1);
  });

  it('names files so no secret name can leave the folder or share a file', () => {
    expect(secretFileName('civicdesk/msal-token-cache')).toBe('civicdesk_2f_msal-token-cache.secret');
    expect(secretFileName('../../etc/passwd')).not.toMatch(/[/\\]|\.\./);
    expect(secretFileName('a/b')).not.toBe(secretFileName('a_2f_b'));
    expect(() => secretFileName('')).toThrow();
  });
});

describe('the memory-only secret store', () => {
  it('keeps secrets for this run only, and says why', async () => {
    const reason = 'This computer has no keychain CivicDesk can use, so your sign-in is kept only until you close CivicDesk.';
    const store = createMemoryOnlySecretStore(reason);
    expect(store.kept).toBe('this-session-only');
    expect(store.keptReason).toBe(reason);
    await store.set('civicdesk/msal-token-cache', 'cache');
    expect(await store.get('civicdesk/msal-token-cache')).toBe('cache');
    await store.delete('civicdesk/msal-token-cache');
    expect(await store.get('civicdesk/msal-token-cache')).toBeNull();
    // A second store (the next run) starts empty.
    expect(await createMemoryOnlySecretStore(reason).get('civicdesk/msal-token-cache')).toBeNull();
  });
});

describe('whether this computer has a keychain', () => {
  it.each([
    ['win32', true, null],
    ['darwin', true, null],
    ['linux', true, 'gnome_libsecret'],
    ['linux', true, 'kwallet5'],
    ['linux', true, 'kwallet6'],
  ])('%s with encryption and backend %s is a real keychain', (platform, encryptionAvailable, linuxBackend) => {
    expect(keychainVerdict({ platform, encryptionAvailable, linuxBackend })).toEqual({ usable: true });
  });

  it.each([
    ['linux', true, 'basic_text'],
    ['linux', true, 'unknown'],
    ['linux', true, null],
    ['linux', false, 'gnome_libsecret'],
    ['win32', false, null],
    ['darwin', false, null],
  ])('%s with encryption %s and backend %s is not', (platform, encryptionAvailable, linuxBackend) => {
    const verdict = keychainVerdict({ platform, encryptionAvailable, linuxBackend });
    expect(verdict.usable).toBe(false);
    if (!verdict.usable) expect(verdict.reason).toMatch(/^This computer has no keychain CivicDesk can use, so your sign-in is kept only until you close CivicDesk\./);
  });
});
