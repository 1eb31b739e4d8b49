import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResidentAccess } from '../../../shared/domain/resident-360';
import type { BackOffice } from '../../../main/core/back-office/port';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { dataset, requestsTo, startHarness, type Harness } from './fixture';

let harness: Harness;
let backOffice: BackOffice;

beforeAll(async () => {
  harness = await startHarness();
  backOffice = harness.backOffice();
});
afterAll(() => harness.close());

const agent = dataset.staff.find((each) => each.role === 'agent');
const residentId = rowIdFor('res-000042');

function access(overrides: Partial<ResidentAccess> = {}): ResidentAccess {
  return {
    id: randomUUID(),
    residentId,
    staffId: agent?.id ?? 'stf-001',
    staffName: agent?.displayName ?? 'Agent',
    at: '2025-04-18T09:15:00.000Z',
    reason: 'call',
    identityCheck: 'passed',
    ...overrides,
  };
}

describe('the record of who opened a resident’s record', () => {
  it('records an access and lists it back', async () => {
    const opened = access();
    await backOffice.recordAccess(opened);
    expect(await backOffice.listAccesses(residentId)).toEqual([opened]);
    const post = requestsTo(harness.standIn, 'cd_residentaccesses').find((each) => each.method === 'POST');
    expect(post?.target).toBe('/api/data/v9.2/cd_residentaccesses');
  });

  it('lists newest first, with an override’s reason', async () => {
    const later = access({ at: '2025-04-18T11:40:00.000Z', reason: 'appointment', identityCheck: 'overridden', overrideReason: 'Resident is deaf; BSL interpreter confirmed identity on video.' });
    const earlier = access({ at: '2025-04-17T16:05:00.000Z', reason: 'case-work', identityCheck: 'not-done' });
    await backOffice.recordAccess(earlier);
    await backOffice.recordAccess(later);
    const listed = await backOffice.listAccesses(residentId);
    expect(listed.map((each) => each.at)).toEqual(['2025-04-18T11:40:00.000Z', '2025-04-18T09:15:00.000Z', '2025-04-17T16:05:00.000Z']);
    expect(listed[0]).toEqual(later);
    expect(listed[2]).toEqual(earlier);
  });

  it('says when a record was read from the workstation’s own copy while offline', async () => {
    const other = rowIdFor('res-000045');
    const fromCopy = access({ residentId: other, identityCheck: 'not-done', source: 'snapshot', copyReadAt: '2025-04-17T08:02:00.000Z' });
    await backOffice.recordAccess(fromCopy);
    expect(await backOffice.listAccesses(other)).toEqual([fromCopy]);
    const row = harness.standIn.rows('cd_residentaccesses').find((each) => each.cd_residentaccessid === fromCopy.id);
    expect([row?.cd_accessedat, row?.cd_copyreadat]).toEqual(['2025-04-18T09:15:00Z', '2025-04-17T08:02:00Z']);
  });

  it('records a resend once', async () => {
    const other = rowIdFor('res-000043');
    const once = access({ residentId: other });
    await backOffice.recordAccess(once);
    await backOffice.recordAccess(once);
    expect(await backOffice.listAccesses(other)).toEqual([once]);
  });

  it('keeps each resident’s accesses to that resident', async () => {
    expect(await backOffice.listAccesses(rowIdFor('res-000044'))).toEqual([]);
  });

  it('refuses an access to a resident the back office does not hold, or without a GUID of its own', async () => {
    await expect(backOffice.recordAccess(access({ residentId: '00000001-0000-4000-8000-000000999999' }))).rejects.toMatchObject({ failure: 'not-found' });
    await expect(backOffice.recordAccess(access({ id: 'access-1' }))).rejects.toMatchObject({ failure: 'rejected' });
  });
});
