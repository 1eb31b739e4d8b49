import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { App, SafeStorage } from 'electron';
import { createEncryptingSecretStore, createMemoryOnlySecretStore, keychainVerdict, type SecretStore } from '../core/secrets/secret-store';

/**
 * The keychain as Electron offers it: safeStorage's OS-held key over files in
 * userData/secrets, or, where that key is not a real keychain, memory for this run only.
 * Call after the app is ready (safeStorage cannot tell before). Every decision is
 * keychainVerdict's, tested in main/core.
 */
export function openKeychain(
  app: Pick<App, 'getPath'>,
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'>,
  platform: string = process.platform,
): SecretStore {
  const verdict = keychainVerdict({
    platform,
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    linuxBackend: platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
  });
  if (!verdict.usable) return createMemoryOnlySecretStore(verdict.reason);
  const dir = path.join(app.getPath('userData'), 'secrets');
  return createEncryptingSecretStore({
    dir,
    // The synchronous pair: the store's port is synchronous, and these are not slow.
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
    readFile: async (filePath) => readFile(filePath).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error))),
    async writeFile(filePath, data) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFile(filePath, data, { mode: 0o600 });
    },
    deleteFile: (filePath) => rm(filePath, { force: true }),
  });
}
