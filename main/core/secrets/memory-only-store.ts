import type { SecretStore } from './secret-store';

/**
 * Where there is no keychain, CivicDesk refuses to write secrets down rather than fall back to
 * plain text: they live in memory until CivicDesk closes, and `keptReason` tells the officer why
 * they will be asked to sign in again next time.
 */
export function createMemoryOnlySecretStore(reason: string): SecretStore {
  const values = new Map<string, string>();
  return {
    kept: 'this-session-only',
    keptReason: reason,
    get: (name) => Promise.resolve(values.get(name) ?? null),
    set(name, value) {
      values.set(name, value);
      return Promise.resolve();
    },
    delete(name) {
      values.delete(name);
      return Promise.resolve();
    },
  };
}
