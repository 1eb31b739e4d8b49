import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BackOffice, ResidentAccess } from '../../../main/core/back-office/port';
import { createAuditTrail } from '../../../main/core/residents/audit-trail';
import { COPY_KEPT_AT_MOST_MS, createResidentService } from '../../../main/core/residents/resident-service';
import { SNAPSHOT_MAX_AGE_MS } from '../../../renderer/storage/snapshot-database';
import type { SnapshotRead } from '../../../shared/contract/calls';
import type { StaffUser } from '../../../shared/domain/staff';
import { fakeCore } from '../support/fake-core';

const agent: StaffUser = { id: 's-agent', displayName: 'Ama Agent', email: 'ama@example.org', role: 'agent', team: 'Blue' };
const residentId = 'c2a9e6f0-1b2c-4d3e-8f4a-5b6c7d8e9f00';
const read = (overrides: Partial<SnapshotRead> = {}): SnapshotRead => ({ id: randomUUID(), residentId, staffId: agent.id, reason: 'call', at: '2026-11-26T14:02:00.000Z', source: 'snapshot', ...overrides });

/** The resident service with a back office that keeps accesses by id, as Dataverse does, and can be down. */
function setUp() {
  const recorded: ResidentAccess[] = [];
  let down = false;
  let sends = 0;
  const office = {
    recordAccess: async (access: ResidentAccess) => {
      sends += 1;
      if (down) throw new Error('back office down');
      if (!recorded.some((each) => each.id === access.id)) recorded.push(access);
    },
    listAccesses: async (id: string) => recorded.filter((each) => each.residentId === id),
  } as unknown as BackOffice;
  const audit = createAuditTrail({ backOffice: async () => office, log: { warn: () => undefined } });
  const service = createResidentService({ backOffice: async () => office, user: () => agent, audit, now: () => new Date('2026-11-26T15:00:00Z') });
  return { service, recorded, audit, setDown: (value: boolean) => (down = value), sends: () => sends };
}

describe('offline reads of resident snapshots', () => {
  it('go into the audit trail as the signed-in officer, marked as read from this computer’s copy', async () => {
    const { service, recorded } = setUp();
    const first = read();
    const second = read({ reason: 'case-work', at: '2026-11-26T14:05:00.000Z' });
    expect(await service.recordSnapshotReads([first, second])).toEqual({ recorded: [first.id, second.id] });
    // Main's own clock says when it was told; the renderer's time is only when the copy was read.
    expect(recorded).toEqual([
      { id: first.id, residentId, staffId: agent.id, staffName: 'Ama Agent', at: '2026-11-26T15:00:00.000Z', copyReadAt: first.at, reason: 'call', identityCheck: 'not-done', source: 'snapshot' },
      { id: second.id, residentId, staffId: agent.id, staffName: 'Ama Agent', at: '2026-11-26T15:00:00.000Z', copyReadAt: second.at, reason: 'case-work', identityCheck: 'not-done', source: 'snapshot' },
    ]);
  });

  it('keep the read but not a time the copy cannot have been read at: in the future, or before the oldest copy this computer keeps', async () => {
    const { service, recorded } = setUp();
    const future = read({ at: '2026-11-26T15:00:01.000Z' });
    const tooOld = read({ at: '2026-11-19T14:59:59.000Z' });
    const oldest = read({ at: '2026-11-19T15:00:00.000Z' });
    expect(await service.recordSnapshotReads([future, tooOld, oldest])).toEqual({ recorded: [future.id, tooOld.id, oldest.id] });
    expect(recorded.map((each) => [each.id, each.at, each.copyReadAt])).toEqual([
      [future.id, '2026-11-26T15:00:00.000Z', undefined],
      [tooOld.id, '2026-11-26T15:00:00.000Z', undefined],
      [oldest.id, '2026-11-26T15:00:00.000Z', oldest.at],
    ]);
  });

  it('judge a copy’s age by how long this computer keeps copies', () => {
    expect(COPY_KEPT_AT_MOST_MS).toBe(SNAPSHOT_MAX_AGE_MS);
  });

  it('record a resend once, by the access’s own id', async () => {
    const { service, recorded } = setUp();
    const once = read();
    await service.recordSnapshotReads([once]);
    expect(await service.recordSnapshotReads([once])).toEqual({ recorded: [once.id] });
    expect(recorded).toHaveLength(1);
  });

  it('answer only with what the back office took; the rest wait, once each, and go later', async () => {
    const { service, recorded, audit, setDown } = setUp();
    setDown(true);
    const waiting = read();
    expect(await service.recordSnapshotReads([waiting])).toEqual({ recorded: [] });
    expect(await service.recordSnapshotReads([waiting])).toEqual({ recorded: [] });
    expect(audit.waiting().map((access) => access.id)).toEqual([waiting.id]);
    setDown(false);
    expect(await service.recordSnapshotReads([waiting])).toEqual({ recorded: [waiting.id] });
    expect(recorded.map((access) => access.id)).toEqual([waiting.id]);
    expect(audit.waiting()).toEqual([]);
  });

  it('refuses another officer’s reads: the renderer cannot write someone else into the audit', async () => {
    const { service, recorded } = setUp();
    await expect(service.recordSnapshotReads([read(), read({ staffId: 's-other' })])).rejects.toThrow('Only the signed-in member of staff');
    expect(recorded).toEqual([]);
  });
});

describe('the audit.recordSnapshotReads call', () => {
  const context = { transport: 'loopback' as const };

  it('takes up to 200 reads with uuid ids and GUID resident ids, and nothing else', async () => {
    const { router } = fakeCore();
    const ok = await router.dispatch('audit.recordSnapshotReads', { reads: [read()] }, context);
    expect(ok.ok).toBe(true);
    for (const bad of [
      { reads: [] },
      { reads: Array.from({ length: 201 }, () => read()) },
      { reads: [read({ id: 'not-a-uuid' })] },
      { reads: [{ ...read(), source: 'live' }] },
      { reads: [{ ...read(), staffName: 'Someone Else' }] },
      { reads: [read({ at: 'yesterday' })] },
      { reads: [read({ residentId: 'not-a-guid-but-under-64-characters' })] },
    ]) {
      const outcome = await router.dispatch('audit.recordSnapshotReads', bad, context);
      expect(outcome.ok ? 'accepted' : outcome.error.code).toBe('invalid-input');
    }
  });
});
