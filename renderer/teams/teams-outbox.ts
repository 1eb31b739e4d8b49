import type { ApiBridge } from '../../shared/contract/api-bridge';
import type { TeamsSendResult } from '../../shared/contract/microsoft365';
import type { Outcome } from '../../shared/contract/outcome';
import type { CaseDatabase } from '../storage/case-database';
import { oneAtATime } from '../sync/one-at-a-time';
import type { AskExpertInput, EscalateInput, TeamsOutboxItem } from './teams-outbox-item';

/** How often waiting messages are tried again while any wait. */
export const TEAMS_RETRY_INTERVAL_MS = 30_000;

/** Writes the message to this computer first (strict durability), so nothing typed is lost if sending fails. */
export async function writeTeamsMessage(db: CaseDatabase, message: { kind: 'ask'; input: AskExpertInput } | { kind: 'escalate'; input: EscalateInput }): Promise<TeamsOutboxItem> {
  const item: TeamsOutboxItem = { ...message, id: message.input.messageId, caseId: message.input.case.caseId, state: 'waiting', chatId: null, sentAt: null, late: false, failure: null, attempts: 0 };
  await db.transaction('rw', db.teamsOutbox, () => db.teamsOutbox.add(item));
  return item;
}

/** A failed message the officer asks to send again: back to waiting, keeping what they wrote. */
export async function tryAgain(db: CaseDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.teamsOutbox, () => db.teamsOutbox.update(id, { state: 'waiting', failure: null }));
}

/** 'stop' when Microsoft 365 could not be reached: the rest wait too, so they go in order. */
type SendOneResult = 'sent' | 'failed' | 'stop';

function call(bridge: ApiBridge, item: TeamsOutboxItem): Promise<Outcome<TeamsSendResult>> {
  return item.kind === 'ask' ? bridge.teams.askExpert(item.input) : bridge.teams.escalate(item.input);
}

async function sendOne(db: CaseDatabase, bridge: ApiBridge, item: TeamsOutboxItem): Promise<SendOneResult> {
  const outcome = await call(bridge, item).catch((error: unknown): Outcome<TeamsSendResult> => ({ ok: false, error: { code: 'not-connected', message: error instanceof Error ? error.message : String(error) } }));
  const attempts = item.attempts + 1;
  let patch: Partial<TeamsOutboxItem>;
  let result: SendOneResult;
  if (outcome.ok && outcome.value.status === 'sent') {
    patch = { state: 'sent', chatId: outcome.value.chatId, sentAt: outcome.value.sentAt, late: outcome.value.late, failure: null, attempts };
    result = 'sent';
  } else if (outcome.ok && outcome.value.status === 'failed') {
    patch = { state: 'failed', failure: outcome.value.reason, attempts };
    result = 'failed';
  } else if (outcome.ok && outcome.value.status === 'retry') {
    patch = { state: 'waiting', failure: outcome.value.reason, attempts };
    result = 'stop';
  } else if (outcome.ok) {
    // An answer this version does not know: keep the message and try again later.
    patch = { state: 'waiting', attempts };
    result = 'stop';
  } else if (outcome.error.code === 'not-connected' || outcome.error.code === 'handler-failed') {
    // Main could not be reached or tripped up: nothing is wrong with the message, so it waits.
    patch = { state: 'waiting', failure: outcome.error.message, attempts };
    result = 'stop';
  } else {
    patch = { state: 'failed', failure: outcome.error.message, attempts };
    result = 'failed';
  }
  await db.transaction('rw', db.teamsOutbox, () => db.teamsOutbox.update(item.id, patch));
  return result;
}

export interface TeamsSender {
  /** Sends every waiting message, oldest first, one at a time; a call while busy runs again after. */
  sendWaiting(): Promise<void>;
}

export function createTeamsSender(db: CaseDatabase, bridge: ApiBridge): TeamsSender {
  return {
    sendWaiting: oneAtATime(async () => {
      const waiting = await db.teamsOutbox.where('state').equals('waiting').toArray();
      waiting.sort((a, b) => a.input.writtenAt.localeCompare(b.input.writtenAt));
      for (const item of waiting) {
        if ((await sendOne(db, bridge, item)) === 'stop') return;
      }
    }),
  };
}
