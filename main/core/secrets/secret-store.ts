import type { SignInKept } from '../../../shared/contract/microsoft365';

/**
 * Secrets (tokens, keys) are kept only where the operating system protects them, never in
 * the deployment file and never as plain text on disk. Where this computer has no keychain,
 * the store says so (kept: 'this-session-only') and keeps them in memory for this run.
 */
export interface SecretStore {
  /** Null when nothing is kept under that name. */
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  /** Forgets the name; forgetting something not kept is not an error. */
  delete(name: string): Promise<void>;
  /** Whether what is set outlives this run of CivicDesk. */
  readonly kept: SignInKept;
  /** Why nothing outlives this run, in plain words; null when kept in the keychain. */
  readonly keptReason: string | null;
}

// The stores and the check that picks between them, so callers need only this one import.
export { createEncryptingSecretStore, type EncryptingStoreDeps } from './encrypting-store';
export { createMemoryOnlySecretStore } from './memory-only-store';
export { keychainVerdict, type KeychainFacts, type KeychainVerdict } from './keychain-verdict';
