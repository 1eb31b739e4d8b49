import Dexie, { type EntityTable } from 'dexie';
import type { CaseDraft } from '../../shared/domain/case-draft';
import type { Interaction } from '../../shared/domain/interaction';

/**
 * Everything staff type lives here first. Opened with strict durability, so "saved" means on
 * disk rather than in a write-back cache: a power cut after "saved" loses nothing.
 */
export class CaseDatabase extends Dexie {
  caseDrafts!: EntityTable<CaseDraft, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;

  constructor(name = 'civicdesk-cases') {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      caseDrafts: 'id, interactionId, residentId, status, dueOn, updatedAt',
      interactions: 'id, status, answeredAt, residentId',
    });
  }
}

let shared: CaseDatabase | null = null;

/** The one connection the app uses; tests make their own with a fresh name. */
export const caseDatabase = (): CaseDatabase => (shared ??= new CaseDatabase());
