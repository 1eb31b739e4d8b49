import type { LoadedConfig } from '../config/deployment-config';
import { httpsFetch, type FetchLike } from '../back-office/https-fetch';
import type { TranslatorStandIn } from '../training/translator/stand-in';
import { createAzureTranslator, type Translator } from './azure-translator';
import { TRANSLATOR_KEY_SECRET } from '../secrets/secret-names';
import type { SecretStore } from '../secrets/secret-store';

export interface TranslatorConnector {
  /** Null when machine translation is off on this workstation. */
  translator(): Promise<Translator | null>;
  /** Training's stand-in, once started (null until first use, and in live mode). */
  standIn(): Promise<TranslatorStandIn | null>;
  close(): Promise<void>;
}

/** Whether this configuration switches machine translation on. */
export function machineTranslationOn(config: LoadedConfig): boolean {
  if (config.mode === 'training') return config.features.machineTranslation;
  if (config.mode === 'live') return config.features.machineTranslation && config.config.machineTranslation !== undefined;
  return false;
}

/**
 * The translator this workstation uses. Live: Azure AI Translator at the configured address,
 * with the key from the keychain (no key, no translation). Training: a local stand-in with a
 * made-up key, started on first use, reached over https trusting only its own certificate.
 */
// Reading the key is all the connector does with the keychain, so that is all it is given.
export function createTranslatorConnector(deps: { config: LoadedConfig; secrets?: Pick<SecretStore, 'get'>; fetch?: FetchLike }): TranslatorConnector {
  const { config } = deps;
  if (!machineTranslationOn(config)) {
    return { translator: () => Promise.resolve(null), standIn: () => Promise.resolve(null), close: () => Promise.resolve() };
  }
  if (config.mode === 'live' && config.config.machineTranslation) {
    const settings = config.config.machineTranslation;
    const fetch: FetchLike = deps.fetch ?? ((url, init) => globalThis.fetch(url, init));
    const translator = createAzureTranslator({
      endpoint: settings.endpoint,
      region: settings.region,
      key: async () => (deps.secrets ? deps.secrets.get(TRANSLATOR_KEY_SECRET) : null),
      fetch,
    });
    return { translator: () => Promise.resolve(translator), standIn: () => Promise.resolve(null), close: () => Promise.resolve() };
  }
  let started: Promise<{ standIn: TranslatorStandIn; translator: Translator; close(): void }> | null = null;
  const start = () =>
    // Loaded only in training: a live start never loads the stand-in or its certificate library.
    (started ??= import('../training/translator/stand-in').then(async ({ startTranslatorStandIn, TRAINING_TRANSLATOR_KEY, TRAINING_TRANSLATOR_REGION }) => {
      const standIn = await startTranslatorStandIn({ key: TRAINING_TRANSLATOR_KEY });
      const fetch = httpsFetch(standIn.ca, { timeoutMs: 10_000 });
      const translator = createAzureTranslator({ endpoint: standIn.url, region: TRAINING_TRANSLATOR_REGION, key: () => Promise.resolve(TRAINING_TRANSLATOR_KEY), fetch });
      return { standIn, translator, close: () => fetch.close() };
    }));
  return {
    translator: async () => (await start()).translator,
    standIn: async () => (started ? (await started).standIn : null),
    async close() {
      if (!started) return;
      const running = await started;
      running.close();
      await running.standIn.close();
    },
  };
}
