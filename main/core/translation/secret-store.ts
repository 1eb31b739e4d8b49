/**
 * Secrets (tokens, keys) come only from the operating system's keychain, never from the
 * deployment file. The keychain store arrives with sign-in; until then live mode has none.
 */
export interface SecretStore {
  /** Null when the keychain holds nothing under that name. */
  get(name: string): Promise<string | null>;
}

/** The keychain entry holding the Azure AI Translator resource key. */
export const TRANSLATOR_KEY_SECRET = 'civicdesk/azure-translator-key';
