import { randomBytes } from 'node:crypto';
import { DATA_KEY_SECRET_PREFIX } from './secret-names';
import type { SecretStore } from './secret-store';

/** Where an officer's data key is kept: the keychain (outlives this run) or memory (this run only). */
export interface DataKey {
  /** 32 random bytes, base64. Handed only to this app's own page, over the checked bridge. */
  key: string;
  kept: SecretStore['kept'];
  keptReason: string | null;
}

export interface DataKeys {
  /** The officer's key, made the first time it is asked for. */
  forOfficer(staffId: string): Promise<DataKey>;
  /** Forgets the officer's key: every row sealed under it is unreadable from that moment. */
  forget(staffId: string): Promise<void>;
}

const secretName = (staffId: string) => `${DATA_KEY_SECRET_PREFIX}${staffId}`;

/** A 32-byte key (base64) kept under `name` in the keychain store, made the first time it is asked for. */
export async function keptKey(secrets: SecretStore, name: string, makeKey: () => Buffer = () => randomBytes(32)): Promise<string> {
  const kept = await secrets.get(name);
  if (kept) return kept;
  const made = makeKey().toString('base64');
  await secrets.set(name, made);
  return made;
}

/**
 * Each officer's data key, which seals everything CivicDesk keeps about residents in this
 * computer's IndexedDB (renderer/storage/sealing.ts). It lives only in the keychain store:
 * wrapped by the operating system (Electron safeStorage: DPAPI on Windows) in the desktop app,
 * never written in the clear. Where there is no real keychain (Linux `basic_text`, the
 * browser host) the store keeps it in memory for this run: then nothing sealed under it can be
 * read after CivicDesk closes, so in effect nothing personal is kept on disk, and the store's
 * `keptReason` says so.
 */
export function createDataKeys(secrets: SecretStore, makeKey: () => Buffer = () => randomBytes(32)): DataKeys {
  const making = new Map<string, Promise<DataKey>>();
  return {
    forOfficer(staffId) {
      // Two windows asking at once must get the same key, not two.
      let pending = making.get(staffId);
      if (!pending) {
        pending = keptKey(secrets, secretName(staffId), makeKey)
          .then((key) => ({ key, kept: secrets.kept, keptReason: secrets.keptReason }))
          .finally(() => making.delete(staffId));
        making.set(staffId, pending);
      }
      return pending;
    },
    forget: (staffId) => secrets.delete(secretName(staffId)),
  };
}
