import type { CaseCategory, CaseService, ServiceCase } from './case';
import { caseReference } from './case-reference';
import type { SubmittedCase, SyncState } from './case-sync';

/**
 * A case as the 360 view lists it: the back office's, or one raised on this computer that
 * the copy of the record does not have yet, "waiting to send" until Dataverse has it. Such a
 * case has no owner yet: the service assigns one.
 */
export type CaseInView = Omit<ServiceCase, 'householdId' | 'ownerStaffId'> & { ownerStaffId: string | null; sending: SyncState | null };

/**
 * The resident's cases, the ones just raised here first, then the record's (newest first as
 * the back office gives them). A case in both is the record's: Dataverse has it.
 */
export function casesInView(record: readonly ServiceCase[], raisedHere: readonly SubmittedCase[], residentId: string): CaseInView[] {
  const known = new Set(record.map((each) => each.id.toLowerCase()));
  const local = raisedHere
    .filter((each) => each.content.residentId === residentId && !known.has(each.id.toLowerCase()))
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
    .map(
      (each): CaseInView => ({
        id: each.id,
        reference: each.reference ?? caseReference(each.id, each.content.receivedOn),
        residentId,
        service: each.content.service as CaseService,
        category: each.content.category as CaseCategory,
        priority: each.content.priority,
        status: 'open',
        summary: each.content.summary,
        openedOn: each.content.receivedOn,
        ...(each.content.serviceStandard ? { dueOn: each.content.dueOn } : {}),
        ownerStaffId: null,
        sending: each.syncState,
      }),
    );
  return [...local, ...record.map((each): CaseInView => ({ ...each, sending: null }))];
}

/** Open cases, for one service or all: the figure the 360 view and the scripts' look-up both give. */
export const openCases = (cases: readonly CaseInView[], service?: string): CaseInView[] => cases.filter((each) => each.status === 'open' && (service === undefined || each.service === service));
