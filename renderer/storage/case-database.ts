import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { CaseDraft } from '../../shared/domain/case-draft';
import type { CaseAttachment, OutboxItem, SubmittedCase, SyncLogEntry } from '../../shared/domain/case-sync';
import type { Interaction } from '../../shared/domain/interaction';
import type { SnapshotRead } from '../../shared/contract/calls';
import type { TeamsOutboxItem } from '../teams/teams-outbox-item';
import type { ResidentMessage } from '../../shared/domain/resident-message';
import type { AgentStateChange } from '../../shared/contract/agent-state';
import type { PromisedCallback } from '../callbacks/callback-outbox';
import type { OutgoingMail } from '../email/mail-outbox';
import { officerDatabase } from './officer-storage';
import type { DataKey } from './sealing';
import { sealTables, type ClearPaths } from './sealed-tables';

/**
 * A read of a resident's record from this computer's copy, made while the back office could
 * not be reached, waiting to go to the audit trail (renderer/sync/snapshot-reads.ts).
 */
export type PendingAccess = SnapshotRead;

/** Small facts the sync keeps: the last successful send, and the like. */
export interface SyncMeta {
  key: 'lastSuccessfulSync';
  at: string;
}

/**
 * Everything staff type lives here first. Opened with strict durability, so "saved" means on
 * disk rather than in a write-back cache: a power cut after "saved" loses nothing. Bulk caches
 * (the resident directory, resident snapshots) live in other databases, so writing thousands of
 * their rows never holds up a save here.
 *
 * Every row is sealed under the officer's data key (renderer/storage/sealed-tables.ts): only
 * what the indexes below need (ids, states, dates) is kept in the clear.
 *
 * Each schema change is a new version with an upgrade that carries every earlier row forward;
 * tests/unit/renderer/case-database-migration.test.ts opens a database made by each earlier
 * version and checks nothing is lost.
 */
export class CaseDatabase extends Dexie {
  caseDrafts!: EntityTable<CaseDraft, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  outbox!: EntityTable<OutboxItem, 'id'>;
  cases!: EntityTable<SubmittedCase, 'id'>;
  attachments!: EntityTable<CaseAttachment, 'id'>;
  syncLog!: EntityTable<SyncLogEntry, 'seq'>;
  meta!: EntityTable<SyncMeta, 'key'>;
  pendingAccesses!: EntityTable<PendingAccess, 'id'>;
  teamsOutbox!: EntityTable<TeamsOutboxItem, 'id'>;
  messages!: EntityTable<ResidentMessage, 'id'>;
  /** The officer's state changes, kept until the back office has them (renderer/agent-state/agent-state-outbox.ts). */
  agentStates!: EntityTable<AgentStateChange, 'id'>;
  /** Call backs promised here, kept until the back office has them (renderer/callbacks/callback-outbox.ts). */
  callbacks!: EntityTable<PromisedCallback, 'id'>;
  /** Replies and forwards from the contact mailbox, kept until Exchange has sent them (renderer/email/mail-outbox.ts). */
  mailOutbox!: EntityTable<OutgoingMail, 'id'>;

  /** Without a key: only to read the unsealed database of versions before sealing (officer-storage-migration.ts). */
  constructor(name: string, key: DataKey | null) {
    super(name, { chromeTransactionDurability: 'strict' });
    if (key) sealTables(this, key, CASE_CLEAR_PATHS);
    this.version(1).stores({
      caseDrafts: 'id, interactionId, residentId, status, dueOn, updatedAt',
      interactions: 'id, status, answeredAt, residentId',
    });
    // 2: the case form's own fields, attachments, the outbox and submitted cases. Tables an
    // earlier version declared are kept as they were unless named again.
    this.version(2)
      .stores({
        outbox: 'id, queuedAt',
        cases: 'id, syncState, submittedAt',
        attachments: 'id, caseId',
        syncLog: '++seq, at, caseId',
        meta: 'key',
      })
      .upgrade((tx) => upgradeDraftsToVersion2(tx));
    // 3: offline reads of resident snapshots, waiting to be audited. A new table: nothing to carry.
    this.version(3).stores({ pendingAccesses: 'id, at, staffId' });
    // 4: questions to experts and escalations in Microsoft Teams, written here before they are
    // sent so nothing typed is lost offline. A new table: nothing to carry.
    this.version(4).stores({ teamsOutbox: 'id, caseId, state' });
    // 5: cases found by their resident, so the 360 view shows a case the moment it is raised;
    // drafts and contacts found by their officer, so a shared computer shows each officer only
    // their own. A draft takes the officer of the contact it came from.
    this.version(5)
      .stores({ cases: 'id, syncState, submittedAt, content.residentId', caseDrafts: 'id, interactionId, residentId, status, dueOn, updatedAt, staffId', interactions: 'id, status, answeredAt, residentId, staffId' })
      .upgrade((tx) => upgradeDraftsToVersion5(tx));
    // 6: texts and emails to residents through GOV.UK Notify, written here before they are sent
    // (renderer/messages/message-outbox.ts) and kept with their delivery status. A new table.
    this.version(6).stores({ messages: 'id, residentId, interactionId, state, writtenAt, staffId' });
    // 7: the officer's state changes (available, on a call, on a break…), waiting to be recorded for the team view. A new table.
    this.version(7).stores({ agentStates: 'id, at, staffId' });
    // 8: call backs promised to residents, waiting to reach the back office. A new table.
    this.version(8).stores({ callbacks: 'id, staffId, state, writtenAt' });
    // 9: replies and forwards from the contact mailbox, waiting to be sent. A new table.
    this.version(9).stores({ mailOutbox: 'id, staffId, emailId, state, writtenAt' });
  }
}

/** Version 1 drafts came only from call scripts: the form's new fields start empty. */
async function upgradeDraftsToVersion2(tx: Transaction): Promise<void> {
  await tx
    .table('caseDrafts')
    .toCollection()
    .modify((draft: Partial<CaseDraft>) => {
      draft.residentName ??= null;
      draft.anonymous ??= false;
      draft.description ??= '';
      draft.location ??= '';
      draft.postcode ??= '';
      draft.contactPreference ??= '';
      draft.attachmentIds ??= [];
      draft.focus ??= null;
    });
}

async function upgradeDraftsToVersion5(tx: Transaction): Promise<void> {
  const officerOf = new Map<string, string | null>();
  await tx
    .table('interactions')
    .each((interaction: Pick<Interaction, 'id' | 'staffId'>) => officerOf.set(interaction.id, interaction.staffId ?? null));
  await tx
    .table('caseDrafts')
    .toCollection()
    .modify((draft: Partial<CaseDraft>) => {
      draft.staffId ??= (draft.interactionId && officerOf.get(draft.interactionId)) || null;
    });
}

/** What each table keeps in the clear: its indexes, which hold ids, states and dates only. */
export const CASE_CLEAR_PATHS: ClearPaths = {
  caseDrafts: ['id', 'interactionId', 'residentId', 'status', 'dueOn', 'updatedAt', 'staffId'],
  interactions: ['id', 'status', 'answeredAt', 'residentId', 'staffId'],
  outbox: ['id', 'queuedAt'],
  cases: ['id', 'syncState', 'submittedAt', 'content.residentId'],
  attachments: ['id', 'caseId'],
  syncLog: ['seq', 'at', 'caseId'],
  meta: ['key'],
  pendingAccesses: ['id', 'at', 'staffId'],
  teamsOutbox: ['id', 'caseId', 'state'],
  messages: ['id', 'residentId', 'interactionId', 'state', 'writtenAt', 'staffId'],
  agentStates: ['id', 'at', 'staffId'],
  callbacks: ['id', 'staffId', 'state', 'writtenAt'],
  mailOutbox: ['id', 'staffId', 'emailId', 'state', 'writtenAt'],
};

/** The signed-in officer's database, sealed under their key; tests make their own with a fresh name. */
export const caseDatabase = officerDatabase('cases', (name, key) => new CaseDatabase(name, key));
