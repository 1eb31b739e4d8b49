import { describe, expect, it } from 'vitest';
import { repeatContact } from '../../../main/core/residents/repeat-contact';
import type { ServiceCase } from '../../../shared/domain/case';
import type { ContactRecord } from '../../../shared/domain/contact';

const now = new Date('2026-11-26T12:00:00Z');
const aCase = (id: string, service: ServiceCase['service']) => ({ id, service }) as ServiceCase;
const contact = (caseId: string | undefined, daysAgo: number): ContactRecord => ({
  id: `c-${caseId}-${daysAgo}`,
  residentId: 'r1',
  ...(caseId ? { caseId } : {}),
  channel: 'phone',
  direction: 'inbound',
  occurredAt: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
  summary: 'x',
  outcome: 'case-updated',
  staffId: 's1',
});

describe('repeat contact', () => {
  it('names the service contacted about most in the last 14 days', () => {
    const cases = [aCase('k1', 'housing-repairs'), aCase('k2', 'waste')];
    expect(repeatContact([contact('k1', 1), contact('k1', 13), contact('k2', 2), contact('k2', 15), contact(undefined, 1)], cases, now)).toEqual({ service: 'housing-repairs', times: 2 });
  });

  it('says nothing when the last contact was over 14 days ago', () => {
    expect(repeatContact([contact('k1', 15)], [aCase('k1', 'waste')], now)).toBeNull();
  });
});
