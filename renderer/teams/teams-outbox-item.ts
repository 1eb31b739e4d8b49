import type { z } from 'zod';
import type { askExpertInput, escalateInput } from '../../shared/contract/microsoft365';

export type AskExpertInput = z.output<typeof askExpertInput>;
export type EscalateInput = z.output<typeof escalateInput>;

/**
 * A question to experts or an escalation, as written on this computer. Its id is the message id
 * main posts it with, so sending it again after a dropped answer cannot post it twice.
 */
export type TeamsOutboxItem = {
  id: string;
  caseId: string;
  /** 'waiting' until Microsoft 365 takes it; 'failed' when it cannot go as it is. */
  state: 'waiting' | 'sent' | 'failed';
  chatId: string | null;
  sentAt: string | null;
  /** Sent, but after the officer had written it while offline. */
  late: boolean;
  /** The last reason it did not go, in main's plain words. */
  failure: string | null;
  attempts: number;
} & ({ kind: 'ask'; input: AskExpertInput } | { kind: 'escalate'; input: EscalateInput });
