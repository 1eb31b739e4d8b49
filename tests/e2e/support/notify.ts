import { readFileSync } from 'node:fs';
import https from 'node:https';
import axios from 'axios';
import { NotifyClient } from 'notifications-node-client';

/**
 * What reached GOV.UK Notify: tests read training mode's Notify stand-in with Notify's own
 * client and the training key, over https trusting only its certificate, as the council's own
 * tools would read Notify. The browser host writes its address to CIVICDESK_STAND_IN_FILE.
 */
function notify(): NotifyClient {
  const file = process.env.CIVICDESK_STAND_IN_FILE;
  if (!file) throw new Error('CIVICDESK_STAND_IN_FILE is not set: run the e2e tests through playwright.config.ts');
  const written = JSON.parse(readFileSync(file, 'utf8')) as { notify: { url: string; ca: string; key: string } | null };
  if (!written.notify) throw new Error('The browser host wrote no Notify stand-in: is it in training mode?');
  const client = new NotifyClient(written.notify.url, written.notify.key);
  client.setClient(axios.create({ httpsAgent: new https.Agent({ ca: written.notify.ca }) }));
  return client;
}

export interface SentNotification {
  id: string;
  reference: string | null;
  phone_number: string | null;
  email_address: string | null;
  type: string;
  status: string;
  body: string;
  template: { id: string };
}

/** Every text (or email) Notify holds, newest first, following Notify's pages. */
export async function notificationsSent(type: 'sms' | 'email'): Promise<SentNotification[]> {
  const client = notify();
  const all: SentNotification[] = [];
  let olderThan: string | undefined;
  for (;;) {
    const page = (await client.getNotifications(type, undefined, undefined, olderThan)).data as unknown as { notifications: SentNotification[]; links: { next?: string } };
    all.push(...page.notifications);
    if (!page.links.next || page.notifications.length === 0) return all;
    olderThan = page.notifications.at(-1)?.id;
  }
}
