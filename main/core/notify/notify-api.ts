import https from 'node:https';
import axios, { isAxiosError } from 'axios';
import { NotifyClient } from 'notifications-node-client';
import type { DeliveryStatus, MessageChannel } from '../../../shared/domain/resident-message';

/** What CivicDesk asks of GOV.UK Notify, through Notify's own client. */
export interface NotifyApi {
  send(message: { channel: MessageChannel; templateId: string; to: string; personalisation: Record<string, string>; reference: string }): Promise<{ id: string }>;
  /** The message sent with this reference, if Notify has one: how a resend finds the first send. */
  byReference(channel: MessageChannel, reference: string): Promise<{ id: string; status: DeliveryStatus } | null>;
  status(notificationId: string): Promise<DeliveryStatus>;
  template(templateId: string): Promise<{ id: string; type: string; version: number; body: string; subject: string | null }>;
}

/**
 * Why Notify did not take a request, as CivicDesk acts on it:
 * - refused: Notify turned it down as it is (400, 404); sending it again would be turned down again;
 * - key: Notify did not accept the council's key (403): nothing goes until IT fixes it;
 * - busy: a rate or daily limit (429): later;
 * - unavailable / unreachable: a server error, or no answer at all: later.
 */
export class NotifyError extends Error {
  override readonly name = 'NotifyError';
  constructor(
    readonly kind: 'refused' | 'key' | 'busy' | 'unavailable' | 'unreachable',
    /** Notify's own words (its error and message), for the officer when refused; never logged. */
    readonly notifyMessage: string,
    readonly status: number | null,
  ) {
    super(`GOV.UK Notify: ${kind}${status === null ? '' : ` (${status})`}`);
  }
  get retryable(): boolean {
    return this.kind === 'busy' || this.kind === 'unavailable' || this.kind === 'unreachable';
  }
}

/** Notify's error body: `{status_code, errors: [{error, message}]}`. */
function notifyError(error: unknown): NotifyError {
  if (!isAxiosError(error) || !error.response) return new NotifyError('unreachable', '', null);
  const { status } = error.response;
  const body = error.response.data as { errors?: { error?: string; message?: string }[] } | undefined;
  const words = (body?.errors ?? []).map((each) => each.message ?? each.error ?? '').filter(Boolean).join(' ');
  if (status === 403) return new NotifyError('key', words, status);
  if (status === 429) return new NotifyError('busy', words, status);
  if (status >= 500) return new NotifyError('unavailable', words, status);
  return new NotifyError('refused', words, status);
}

async function asked<T>(request: () => Promise<{ data: T }>): Promise<T> {
  try {
    return (await request()).data;
  } catch (error) {
    throw notifyError(error);
  }
}

/**
 * Notify's client against `baseUrl` with the council's key. `ca` trusts only that certificate
 * (training's stand-in); without it the operating system's store decides, as for Notify itself.
 */
export function createNotifyApi(options: { baseUrl: string; apiKey: string; ca?: string; timeoutMs?: number }): NotifyApi {
  const client = new NotifyClient(options.baseUrl, options.apiKey);
  client.setClient(axios.create({ timeout: options.timeoutMs ?? 15_000, ...(options.ca ? { httpsAgent: new https.Agent({ ca: options.ca, keepAlive: true }) } : {}) }));
  return {
    async send({ channel, templateId, to, personalisation, reference }) {
      const sent = channel === 'sms' ? await asked(() => client.sendSms(templateId, to, { personalisation, reference })) : await asked(() => client.sendEmail(templateId, to, { personalisation, reference }));
      return { id: sent.id };
    },
    async byReference(channel, reference) {
      const page = await asked(() => client.getNotifications(channel, undefined, reference));
      const found = page.notifications.find((each) => each.reference === reference);
      return found ? { id: found.id, status: found.status as DeliveryStatus } : null;
    },
    async status(notificationId) {
      return (await asked(() => client.getNotificationById(notificationId))).status as DeliveryStatus;
    },
    async template(templateId) {
      const template = await asked(() => client.getTemplateById(templateId));
      return { id: template.id, type: template.type, version: template.version, body: template.body, subject: template.subject ?? null };
    },
  };
}
