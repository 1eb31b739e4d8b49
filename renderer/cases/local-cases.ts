import { useLiveQuery } from 'dexie-react-hooks';
import type { SubmittedCase } from '../../shared/domain/case-sync';
import { caseDatabase } from '../storage/case-database';

const NONE: SubmittedCase[] = [];

/** Cases raised on this computer for a resident, as they change: waiting, sent, or needing attention. */
export function useCasesRaisedHere(residentId: string | null): SubmittedCase[] {
  const db = caseDatabase();
  return useLiveQuery(() => (residentId ? db.cases.where('content.residentId').equals(residentId).toArray() : NONE), [db, residentId]) ?? NONE;
}
