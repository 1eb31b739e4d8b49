import type { Client } from '@microsoft/microsoft-graph-client';
import type { CaseSummaryPart } from '../config/deployment-config';
import type { ContactMailboxSettings } from './mailbox';

export interface Microsoft365Settings {
  /** Each service's Teams team, whose members are the experts to ask. */
  expertTeams: Record<string, string>;
  /** Each service's channel for escalations. */
  escalationChannels: Record<string, { teamId: string; channelId: string }>;
  summaryIncludes: readonly CaseSummaryPart[];
  bookingsBusinessId: string | null;
  bookingsResidentQuestionId: string | null;
  /** The council's contact mailbox worked as a queue in the Email place; absent where there is none. */
  contactMailbox?: ContactMailboxSettings | null;
}

export interface Microsoft365Log {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
}

/** What every area of the service shares. */
export interface ServiceContext {
  client: () => Client;
  settings: Microsoft365Settings;
  me: () => { userId: string };
  now: () => Date;
  /** How to wait before sending throttled requests again (inside a $batch); tests record instead. */
  wait: (ms: number) => Promise<void>;
  log: Microsoft365Log;
}

/** Graph's address for a user inside a request body (user@odata.bind), always graph.microsoft.com. */
export function userBind(userId: string): string {
  return `https://graph.microsoft.com/v1.0/users('${userId}')`;
}
