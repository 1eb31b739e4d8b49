export interface KeychainFacts {
  /** process.platform */
  platform: string;
  /** safeStorage.isEncryptionAvailable() */
  encryptionAvailable: boolean;
  /** safeStorage.getSelectedStorageBackend() on Linux; null elsewhere. */
  linuxBackend: string | null;
}

export type KeychainVerdict = { usable: true } | { usable: false; reason: string };

const NO_KEYCHAIN = 'This computer has no keychain CivicDesk can use, so your sign-in is kept only until you close CivicDesk.';

/**
 * Whether safeStorage really protects secrets here. On Linux, Electron falls back to a
 * hard-coded password when no Secret Service or KWallet answers (backend 'basic_text'), which
 * is plain text in all but name; 'unknown' means it has not found out. Windows (DPAPI) and
 * macOS (Keychain) are real keychains whenever encryption is available at all.
 */
export function keychainVerdict(facts: KeychainFacts): KeychainVerdict {
  if (!facts.encryptionAvailable) return { usable: false, reason: NO_KEYCHAIN };
  if (facts.platform === 'linux') {
    const backend = facts.linuxBackend ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown') {
      return {
        usable: false,
        reason: `${NO_KEYCHAIN} (No desktop keyring such as GNOME Keyring or KWallet is running; the IT service desk can set one up.)`,
      };
    }
  }
  return { usable: true };
}
