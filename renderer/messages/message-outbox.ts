import type { ApiBridge } from '../../shared/contract/api-bridge';
import type { MessageSendResult } from '../../shared/contract/messages';
import type { Outcome } from '../../shared/contract/outcome';
import { FINAL_STATUSES, type ResidentMessage } from '../../shared/domain/resident-message';
import type { CaseDatabase } from '../storage/case-database';
import { oneAtATime } from '../sync/one-at-a-time';

/** How often messages still waiting (to go, or to be recorded) are tried again. */
export const MESSAGE_RETRY_INTERVAL_MS = 30_000;
/** How often delivery is asked about while a message shown is still on its way. */
export const DELIVERY_CHECK_INTERVAL_MS = 5_000;
/** Delivery is asked about for a day at most: Notify settles a text or email well within that. */
const DELIVERY_CHECKED_FOR_MS = 24 * 60 * 60 * 1000;

/** Writes the message to this computer first (strict durability), so nothing is lost if sending fails. */
export async function writeMessage(db: CaseDatabase, message: Omit<ResidentMessage, 'state' | 'notificationId' | 'sentAt' | 'delivery' | 'recorded' | 'failure' | 'attempts'>): Promise<ResidentMessage> {
  const row: ResidentMessage = { ...message, state: 'waiting', notificationId: null, sentAt: null, delivery: null, recorded: false, failure: null, attempts: 0 };
  await db.transaction('rw', db.messages, () => db.messages.add(row));
  return row;
}

/** A message Notify turned down, which the officer sends again as it is (the number was checked, say). */
export async function sendAgain(db: CaseDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.messages, () => db.messages.update(id, { state: 'waiting', failure: null }));
}

/** Messages that still need main: not yet taken by Notify, or taken but not yet recorded. */
const needsSending = (message: ResidentMessage) => message.state === 'waiting' || (message.state === 'sent' && !message.recorded);

type SendOneResult = 'done' | 'stop';

async function sendOne(db: CaseDatabase, bridge: ApiBridge, message: ResidentMessage): Promise<SendOneResult> {
  const outcome = await bridge.messages
    .send({
      messageId: message.id,
      writtenAt: message.writtenAt,
      residentId: message.residentId,
      interactionId: message.interactionId,
      caseId: message.caseId,
      purpose: message.purpose,
      channel: message.channel,
      templateId: message.templateId,
      recipient: message.recipient,
      personalisation: message.personalisation,
      body: message.body,
      attempts: message.attempts,
    })
    .catch((error: unknown): Outcome<MessageSendResult> => ({ ok: false, error: { code: 'not-connected', message: error instanceof Error ? error.message : String(error) } }));
  const attempts = message.attempts + 1;
  let patch: Partial<ResidentMessage>;
  let result: SendOneResult = 'done';
  if (outcome.ok && outcome.value.status === 'sent') {
    const { notificationId, sentAt, delivery, recorded } = outcome.value;
    // A message recorded on a later try keeps the time Notify first took it.
    patch = { state: 'sent', notificationId, sentAt: message.sentAt ?? sentAt, delivery: message.delivery ?? delivery, recorded, failure: null, attempts };
    if (!recorded) result = 'stop';
  } else if (outcome.ok && outcome.value.status === 'failed') {
    patch = { state: 'failed', failure: outcome.value.reason, attempts };
  } else if (outcome.ok) {
    // 'retry', or an answer this version does not know: it waits, and the rest wait behind it.
    patch = { failure: 'reason' in outcome.value ? outcome.value.reason : null, attempts };
    result = 'stop';
  } else if (outcome.error.code === 'not-connected' || outcome.error.code === 'handler-failed') {
    // Main could not be reached, or tripped up: nothing is wrong with the message, so it waits.
    // Counted as a try all the same: Notify may have it, so the next try asks first.
    patch = { failure: outcome.error.message || null, attempts };
    result = 'stop';
  } else {
    patch = { state: 'failed', failure: outcome.error.message, attempts };
  }
  await db.transaction('rw', db.messages, () => db.messages.update(message.id, patch));
  return result;
}

export interface MessageSender {
  /** Sends every message that needs it, oldest first, one at a time; a call while busy runs again after. */
  sendWaiting(): Promise<void>;
  /** Asks Notify how the officer's messages on their way are doing, and keeps the answers. */
  checkDelivery(): Promise<void>;
}

export function createMessageSender(db: CaseDatabase, bridge: ApiBridge, staffId: () => string | null, now: () => number = Date.now): MessageSender {
  const mine = async () => {
    const staff = staffId();
    return staff === null ? [] : db.messages.where('staffId').equals(staff).toArray();
  };

  return {
    sendWaiting: oneAtATime(async () => {
      const waiting = (await mine()).filter(needsSending).sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
      for (const message of waiting) {
        if ((await sendOne(db, bridge, message)) === 'stop') return;
      }
    }),
    async checkDelivery() {
      const since = new Date(now() - DELIVERY_CHECKED_FOR_MS).toISOString();
      const onTheirWay = (await mine()).filter((each) => each.state === 'sent' && each.notificationId !== null && each.writtenAt >= since && (each.delivery === null || !FINAL_STATUSES.includes(each.delivery)));
      if (onTheirWay.length === 0) return;
      const answer = await bridge.messages.status({ notificationIds: onTheirWay.slice(0, 50).map((each) => each.notificationId as string) }).catch(() => null);
      if (!answer?.ok) return;
      await db.transaction('rw', db.messages, async () => {
        for (const status of answer.value) {
          const message = onTheirWay.find((each) => each.notificationId === status.notificationId);
          if (message && message.delivery !== status.delivery) await db.messages.update(message.id, { delivery: status.delivery });
        }
      });
    },
  };
}
