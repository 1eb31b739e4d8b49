import type { LoadedConfig } from '../config/deployment-config';
import { NOTIFY_KEY_SECRET } from '../secrets/secret-names';
import type { SecretStore } from '../secrets/secret-store';
import type { NotifyStandIn } from '../training/notify/stand-in';
import type { MessageChannel, MessagePurpose } from '../../../shared/domain/resident-message';
import { createNotifyApi, NotifyError, type NotifyApi } from './notify-api';

/** A template the deployment file (or training) names for a purpose, channel and language. */
export interface TemplateChoice {
  purpose: MessagePurpose;
  channel: MessageChannel;
  language: string;
  templateId: string;
}

export interface NotifyConnection {
  api: NotifyApi;
  templates: readonly TemplateChoice[];
}

export interface NotifyConnector {
  /** Null when this workstation sends no texts or emails (live mode with no `notify` settings). */
  connection(): Promise<NotifyConnection | null>;
  /** Training's stand-in, once started (null in live mode). */
  standIn(): Promise<NotifyStandIn | null>;
  close(): Promise<void>;
}

/**
 * GOV.UK Notify for this workstation. Live: Notify at the configured address with the key from
 * the keychain (no key: Notify is not asked, and the officer is told why). Training: a local
 * stand-in with made-up templates and key, started on first use, over https trusting only its
 * own certificate.
 */
export function createNotifyConnector(deps: { config: LoadedConfig; secrets?: Pick<SecretStore, 'get'> }): NotifyConnector {
  const { config } = deps;
  if (config.mode === 'live') {
    const settings = config.config.notify;
    if (!settings) return { connection: () => Promise.resolve(null), standIn: () => Promise.resolve(null), close: () => Promise.resolve() };
    let api: { key: string; api: NotifyApi } | null = null;
    return {
      async connection() {
        const key = deps.secrets ? await deps.secrets.get(NOTIFY_KEY_SECRET) : null;
        if (!key) throw new NotifyError('key', 'The GOV.UK Notify key is not on this computer.', null);
        // Made again only if IT puts a new key in the keychain.
        if (api?.key !== key) api = { key, api: createNotifyApi({ baseUrl: settings.baseUrl, apiKey: key }) };
        return { api: api.api, templates: settings.templates };
      },
      standIn: () => Promise.resolve(null),
      close: () => Promise.resolve(),
    };
  }
  if (config.mode !== 'training') return { connection: () => Promise.resolve(null), standIn: () => Promise.resolve(null), close: () => Promise.resolve() };
  let started: Promise<{ standIn: NotifyStandIn; connection: NotifyConnection }> | null = null;
  // Loaded only in training: a live start never loads the stand-in or its certificate library.
  const start = () =>
    (started ??= Promise.all([import('../training/notify/stand-in'), import('../training/notify/template-choices')]).then(async ([{ startNotifyStandIn, TRAINING_NOTIFY_KEY }, { trainingTemplateChoices }]) => {
      const standIn = await startNotifyStandIn({});
      return { standIn, connection: { api: createNotifyApi({ baseUrl: standIn.url, apiKey: TRAINING_NOTIFY_KEY, ca: standIn.ca }), templates: trainingTemplateChoices() } };
    }));
  return {
    connection: async () => (await start()).connection,
    standIn: async () => (await start()).standIn,
    async close() {
      if (started) await (await started).standIn.close();
    },
  };
}
