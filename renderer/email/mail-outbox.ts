import type { ApiBridge } from '../../shared/contract/api-bridge';
import type { MailSendResult } from '../../shared/contract/mail';
import type { Outcome } from '../../shared/contract/outcome';
import type { CaseDatabase } from '../storage/case-database';
import { oneAtATime } from '../sync/one-at-a-time';

/** How often replies and forwards still waiting are tried again. */
export const MAIL_RETRY_INTERVAL_MS = 30_000;

/**
 * A reply to a resident's email, or a forward to a service, written on this computer before it
 * goes: one written offline, or while Microsoft 365 is busy, is not lost, and goes once (its id
 * goes on the message in Exchange, so a second try finds the first).
 */
export interface OutgoingMail {
  id: string;
  staffId: string;
  emailId: string;
  /** The contact (the email in hand) it was written in. */
  interactionId: string | null;
  kind: 'reply' | 'forward';
  /** A forward's service, as the deployment file keys it. */
  service: string | null;
  text: string;
  writtenAt: string;
  state: 'waiting' | 'failed' | 'sent';
  failure: string | null;
  sentAt: string | null;
}

/** Written to this computer first (strict durability), then sent. */
export async function writeMail(db: CaseDatabase, mail: Omit<OutgoingMail, 'state' | 'failure' | 'sentAt'>): Promise<void> {
  await db.transaction('rw', db.mailOutbox, () => db.mailOutbox.add({ ...mail, state: 'waiting', failure: null, sentAt: null }));
}

async function sendOne(db: CaseDatabase, bridge: ApiBridge, mail: OutgoingMail): Promise<'done' | 'stop'> {
  const input = mail.kind === 'reply' ? { kind: 'reply' as const, outboxId: mail.id, emailId: mail.emailId, text: mail.text } : { kind: 'forward' as const, outboxId: mail.id, emailId: mail.emailId, service: mail.service ?? '', text: mail.text };
  const outcome = await bridge.mail
    .send(input)
    .catch((error: unknown): Outcome<MailSendResult> => ({ ok: false, error: { code: 'not-connected', message: error instanceof Error ? error.message : String(error) } }));
  if (outcome.ok && outcome.value.status === 'sent') {
    // Kept, as sent, while the email is in hand: the place shows it; it goes when the email is filed.
    const { sentAt } = outcome.value;
    await db.transaction('rw', db.mailOutbox, () => db.mailOutbox.update(mail.id, { state: 'sent', failure: null, sentAt }));
    return 'done';
  }
  const failure = outcome.ok ? ('reason' in outcome.value ? outcome.value.reason : null) : outcome.error.message || null;
  if (outcome.ok ? outcome.value.status === 'failed' : outcome.error.code !== 'not-connected' && outcome.error.code !== 'handler-failed') {
    // It cannot go as it is (Exchange or main refused it): the officer reads why and writes it again, or lets it go.
    await db.transaction('rw', db.mailOutbox, () => db.mailOutbox.update(mail.id, { state: 'failed', failure }));
    return 'done';
  }
  // Not reachable, busy, or not signed in: it waits, and the rest wait behind it.
  await db.transaction('rw', db.mailOutbox, () => db.mailOutbox.update(mail.id, { failure }));
  return 'stop';
}

/** Sends every reply and forward waiting on this computer, oldest first, one at a time. */
export function createMailSender(db: CaseDatabase, bridge: ApiBridge, staffId: () => string | null): () => Promise<void> {
  return oneAtATime(async () => {
    const staff = staffId();
    if (staff === null) return;
    const waiting = (await db.mailOutbox.where('staffId').equals(staff).toArray()).filter((each) => each.state === 'waiting').sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
    for (const mail of waiting) {
      if ((await sendOne(db, bridge, mail)) === 'stop') return;
    }
  });
}

/** Once an email is filed, what was sent about it is in Exchange: the copies here go. */
export async function forgetSentFor(db: CaseDatabase, emailId: string): Promise<void> {
  await db.transaction('rw', db.mailOutbox, async () => {
    const sent = (await db.mailOutbox.where('emailId').equals(emailId).toArray()).filter((each) => each.state === 'sent');
    await db.mailOutbox.bulkDelete(sent.map((each) => each.id));
  });
}
