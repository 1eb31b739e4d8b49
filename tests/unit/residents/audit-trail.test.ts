import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackOfficeError } from '../../../main/core/back-office/errors';
import type { BackOffice, ResidentAccess } from '../../../main/core/back-office/port';
import { createAuditQueueFile, AUDIT_QUEUE_FILE_NAME } from '../../../main/core/residents/audit-queue-file';
import { createAuditTrail, MOST_ATTEMPTS } from '../../../main/core/residents/audit-trail';
import { createMemoryOnlySecretStore, type SecretStore } from '../../../main/core/secrets/secret-store';

const residentId = 'c2a9e6f0-1b2c-4d3e-8f4a-5b6c7d8e9f00';
const access = (overrides: Partial<ResidentAccess> = {}): ResidentAccess => ({
  id: randomUUID(),
  residentId,
  staffId: 's-agent',
  staffName: 'Ama Agent',
  at: '2026-11-26T10:00:00.000Z',
  reason: 'call',
  identityCheck: 'not-done',
  ...overrides,
});

/** A back office that keeps accesses by id (create-only, as Dataverse's cd_residentaccess) and fails as told. */
function backOffice() {
  const recorded: ResidentAccess[] = [];
  const failFor = new Map<string, () => Error>();
  let down = false;
  let sends = 0;
  const office = {
    recordAccess: async (each: ResidentAccess) => {
      sends += 1;
      if (down) throw new BackOfficeError('unreachable');
      const failure = failFor.get(each.id);
      if (failure) throw failure();
      if (!recorded.some((kept) => kept.id === each.id)) recorded.push(each);
    },
  } as unknown as BackOffice;
  return { office, recorded, failFor, setDown: (value: boolean) => (down = value), sends: () => sends };
}

/** A keychain store as the desktop app's: it outlives the run (here, an object the test keeps). */
function keychain(): SecretStore {
  const values = new Map<string, string>();
  return {
    kept: 'keychain',
    keptReason: null,
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => void values.set(name, value),
    delete: async (name) => void values.delete(name),
  };
}

function logger() {
  const lines: { message: string; details?: Record<string, unknown> }[] = [];
  return { lines, warn: (message: string, details?: Record<string, unknown>) => void lines.push({ message, details }) };
}

describe('the resident-access audit trail', () => {
  it('sets aside a record the back office refuses, with its reason, and sends the ones after it', async () => {
    const { office, recorded, failFor } = backOffice();
    const log = logger();
    const audit = createAuditTrail({ backOffice: async () => office, log });
    const refused = access();
    const later = access();
    failFor.set(refused.id, () => new BackOfficeError('rejected', { status: 400, code: '0x80040203', detail: 'Flat 3, 12 Peckham Road' }));
    audit.record(refused);
    audit.record(later);
    await audit.flush();
    expect(recorded.map((each) => each.id)).toEqual([later.id]);
    expect(audit.waiting()).toEqual([]);
    expect(audit.setAside()).toEqual([{ access: refused, failure: 'rejected', code: '0x80040203', attempts: 1, setAsideAt: expect.any(String) }]);
    // The log names the record by its ids and the refusal by its code, never Dataverse's words.
    const line = log.lines.find((each) => each.message === 'audit record set aside');
    expect(line?.details).toEqual({ accessId: refused.id, failure: 'rejected', code: '0x80040203', attempts: 1 });
  });

  it(`sets aside a record that fails ${MOST_ATTEMPTS} times for a reason it cannot name, and carries on`, async () => {
    const { office, recorded, failFor } = backOffice();
    const audit = createAuditTrail({ backOffice: async () => office, log: logger() });
    const odd = access();
    failFor.set(odd.id, () => new Error('socket hang up in a way nobody expected'));
    audit.record(odd);
    const next = access();
    audit.record(next);
    for (let attempt = 1; attempt < MOST_ATTEMPTS; attempt += 1) {
      await audit.flush();
      // It waits for another try; the one behind it does not wait with it.
      expect(audit.waiting().map((each) => each.id)).toEqual([odd.id]);
      expect(recorded.map((each) => each.id)).toEqual([next.id]);
    }
    await audit.flush();
    expect(audit.setAside().map((each) => [each.access.id, each.failure, each.attempts])).toEqual([[odd.id, 'unknown', MOST_ATTEMPTS]]);
    expect(recorded.map((each) => each.id)).toEqual([next.id]);
  });

  it('keeps everything waiting while the back office cannot be reached, however often it tries', async () => {
    const { office, recorded, setDown, sends } = backOffice();
    const audit = createAuditTrail({ backOffice: async () => office, log: logger() });
    setDown(true);
    const first = access();
    const second = access();
    audit.record(first);
    audit.record(second);
    for (let attempt = 0; attempt < MOST_ATTEMPTS * 2; attempt += 1) await audit.flush();
    expect(audit.setAside()).toEqual([]);
    expect(audit.waiting().map((each) => each.id)).toEqual([first.id, second.id]);
    // One try per flush: the second is not sent into a back office the first could not reach.
    expect(sends()).toBe(MOST_ATTEMPTS * 2);
    setDown(false);
    await audit.flush();
    expect(recorded.map((each) => each.id)).toEqual([first.id, second.id]);
  });

  it('sets aside, unsent, a record whose resident id is not a GUID', async () => {
    const { office, recorded, sends } = backOffice();
    const audit = createAuditTrail({ backOffice: async () => office, log: logger() });
    const bad = access({ residentId: 'x'.repeat(64) });
    audit.record(bad);
    audit.record(access());
    await audit.flush();
    expect(audit.setAside().map((each) => [each.access.id, each.failure])).toEqual([[bad.id, 'not-a-resident-id']]);
    expect(recorded).toHaveLength(1);
    expect(sends()).toBe(1);
  });
});

describe('the audit queue on disk', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'civicdesk-audit-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('outlives the app: what waited when it quit is sent, once, after the next start', async () => {
    const secrets = keychain();
    const { office, recorded, setDown } = backOffice();
    setDown(true);
    const first = createAuditTrail({ backOffice: async () => office, log: logger(), keep: createAuditQueueFile({ dir, secrets, log: logger() }) });
    const waiting = access();
    first.record(waiting);
    await first.flush();
    await first.close();

    setDown(false);
    const second = createAuditTrail({ backOffice: async () => office, log: logger(), keep: createAuditQueueFile({ dir, secrets, log: logger() }) });
    // The renderer sends the same read again after the restart: still one record.
    second.record(waiting);
    await second.flush();
    expect(recorded.map((each) => each.id)).toEqual([waiting.id]);
    expect(second.waiting()).toEqual([]);
    await second.close();
    const third = createAuditTrail({ backOffice: async () => office, log: logger(), keep: createAuditQueueFile({ dir, secrets, log: logger() }) });
    await third.flush();
    expect(recorded).toHaveLength(1);
  });

  it('is encrypted: the file names no resident, officer or record, and opens only with the keychain’s key', async () => {
    const secrets = keychain();
    const { office, setDown } = backOffice();
    setDown(true);
    const audit = createAuditTrail({ backOffice: async () => office, log: logger(), keep: createAuditQueueFile({ dir, secrets, log: logger() }) });
    const kept = access({ overrideReason: 'Photo ID seen at the counter' });
    audit.record(kept);
    await audit.flush();
    await audit.close();
    const files = await readdir(dir);
    expect(files).toEqual([AUDIT_QUEUE_FILE_NAME]);
    const text = (await readFile(path.join(dir, AUDIT_QUEUE_FILE_NAME))).toString('latin1');
    for (const clear of [kept.id, residentId, 'Ama Agent', 's-agent', 'Photo ID']) expect(text).not.toContain(clear);

    // Another keychain (another account, another computer): nothing opens, and the file is kept aside rather than overwritten.
    const log = logger();
    const elsewhere = createAuditTrail({ backOffice: async () => office, log: logger(), keep: createAuditQueueFile({ dir, secrets: keychain(), log }) });
    await elsewhere.flush();
    expect(elsewhere.waiting()).toEqual([]);
    expect(log.lines.map((each) => each.message)).toContain('audit queue file could not be opened; kept aside');
    expect((await readdir(dir)).some((name) => name.startsWith(`${AUDIT_QUEUE_FILE_NAME}.unreadable-`))).toBe(true);
  });

  it('keeps a set-aside record with its reason after a restart', async () => {
    const secrets = keychain();
    const { office, failFor } = backOffice();
    const refused = access();
    failFor.set(refused.id, () => new BackOfficeError('permission', { status: 403, code: '0x80040220' }));
    const first = createAuditTrail({ backOffice: async () => office, log: logger(), keep: createAuditQueueFile({ dir, secrets, log: logger() }) });
    first.record(refused);
    await first.flush();
    await first.close();
    const second = createAuditTrail({ backOffice: async () => office, log: logger(), keep: createAuditQueueFile({ dir, secrets, log: logger() }) });
    await second.flush();
    expect(second.setAside().map((each) => [each.access.id, each.failure, each.code])).toEqual([[refused.id, 'permission', '0x80040220']]);
  });

  it('writes nothing where the keychain is not real: the queue is for this run only', async () => {
    const { office, setDown } = backOffice();
    setDown(true);
    const audit = createAuditTrail({ backOffice: async () => office, log: logger(), keep: createAuditQueueFile({ dir, secrets: createMemoryOnlySecretStore('no keychain'), log: logger() }) });
    audit.record(access());
    await audit.flush();
    await audit.close();
    expect(await readdir(dir)).toEqual([]);
    expect(audit.waiting()).toHaveLength(1);
  });

  it('survives a half-written file (the computer lost power): it is kept aside and the queue starts again', async () => {
    await writeFile(path.join(dir, AUDIT_QUEUE_FILE_NAME), '{"v":1,"iv":"AAAA');
    const log = logger();
    const { office, recorded } = backOffice();
    const audit = createAuditTrail({ backOffice: async () => office, log: logger(), keep: createAuditQueueFile({ dir, secrets: keychain(), log }) });
    audit.record(access());
    await audit.close();
    expect(recorded).toHaveLength(1);
    expect(log.lines.map((each) => each.message)).toContain('audit queue file could not be opened; kept aside');
  });
});
