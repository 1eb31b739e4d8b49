import path from 'node:path';
import type { SecretStore } from './secret-store';

export interface EncryptingStoreDeps {
  /** Encrypts with a key the operating system holds (Electron safeStorage in the shell). */
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
  /** Null when there is no such file. */
  readFile(filePath: string): Promise<Buffer | null>;
  writeFile(filePath: string, data: Buffer): Promise<void>;
  /** Removing a file that is not there is not an error. */
  deleteFile(filePath: string): Promise<void>;
  /** The folder the encrypted files live in. */
  dir: string;
}

/**
 * One encrypted file per secret. Only ciphertext reaches the disk: the key that opens it is
 * the operating system's (DPAPI on Windows, the Keychain on macOS, the Secret Service on Linux),
 * so a copied file is no use on another account or computer.
 */
export function createEncryptingSecretStore(deps: EncryptingStoreDeps): SecretStore {
  const fileFor = (name: string) => path.join(deps.dir, secretFileName(name));
  return {
    kept: 'keychain',
    keptReason: null,
    async get(name) {
      const data = await deps.readFile(fileFor(name));
      return data ? deps.decrypt(data) : null;
    },
    async set(name, value) {
      await deps.writeFile(fileFor(name), deps.encrypt(value));
    },
    async delete(name) {
      await deps.deleteFile(fileFor(name));
    },
  };
}

/**
 * A file name for a secret's name ('civicdesk/msal-token-cache' and the like): letters,
 * digits and dashes kept, everything else spelled out as its code, so no name can reach outside
 * the secrets folder ('..', '/', '\\') and two names never share a file.
 */
export function secretFileName(name: string): string {
  if (name.length === 0) throw new Error('A secret needs a name.');
  const safe = [...name].map((char) => (/^[A-Za-z0-9-]$/.test(char) ? char : `_${char.codePointAt(0)?.toString(16) ?? ''}_`)).join('');
  return `${safe}.secret`;
}
