import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSendResult, CaseSubmission } from '../../../shared/contract/cases';
import type { Fault } from '../../../main/core/training/dataverse/faults';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { TRAINING_ANONYMOUS_CONTACT_ID } from '../../../main/core/training/dataverse/rows-people';
import { createCaseService } from '../../../main/core/cases/case-service';
import { startHarness, type Harness } from './fixture';
import { caseReference } from '../../../shared/domain/case-reference';

/** The live adapter sending cases to the stand-in over https: each case made exactly once. */
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterEach(() => harness.standIn.faults.clear());
afterAll(() => harness.close());

const staff = { staffId: 'stf-001' };
const picture = Buffer.from('not really a photo').toString('base64');

function aCase(overrides: Partial<CaseSubmission> = {}): CaseSubmission {
  return {
    id: randomUUID(),
    residentId: rowIdFor('res-000001'),
    anonymous: false,
    service: 'waste',
    category: 'missed-bin',
    priority: 'routine',
    serviceStandard: 'missed-bin-2wd',
    receivedOn: '2024-02-01',
    dueOn: '2024-02-05',
    summary: 'Green bin missed',
    description: 'Missed on the usual Tuesday round.',
    location: 'Front of 12 Acacia Road',
    postcode: 'SE1 7AA',
    contactPreference: 'phone',
    fields: [{ name: 'bin', question: 'Which bin?', answer: 'Green' }],
    capturedAt: '2024-02-01T10:15:30.123Z',
    attachments: [
      { id: randomUUID(), fileName: 'bin.jpg', mimeType: 'image/jpeg', base64: picture },
      { id: randomUUID(), fileName: 'street.png', mimeType: 'image/png', base64: picture },
    ],
    ...overrides,
  };
}

const rowsFor = (entitySet: string, column: string, id: string) => harness.standIn.rows(entitySet).filter((row) => row[column] === id.toLowerCase());

/** Every case once, with its two attachments and its note (the call it came from is a contact of its own: contacts.save). */
function expectExactlyOnce(cases: readonly CaseSubmission[]) {
  for (const each of cases) {
    expect(rowsFor('incidents', 'incidentid', each.id)).toHaveLength(1);
    const notes = rowsFor('annotations', '_objectid_value', each.id);
    expect(notes.filter((row) => row.isdocument === true)).toHaveLength(each.attachments.length);
    expect(notes.filter((row) => row.isdocument === false)).toHaveLength(each.fields.length > 0 ? 1 : 0);
    // The case writes no activity: the call or visit it came from is its own record.
    expect(rowsFor('phonecalls', '_regardingobjectid_value', each.id)).toHaveLength(0);
  }
}

describe('sending cases', () => {
  it('creates each case with its attachments, answers and call, and gives back the reference the resident was given and its version', async () => {
    const cases = [aCase(), aCase({ residentId: null, anonymous: true, fields: [], attachments: [] })];
    const results = await harness.backOffice().submitCases(cases, staff);
    // The reference made on the PC when the case was raised: the resident already has it.
    expect(results).toEqual(cases.map((each) => ({ id: each.id, result: 'created', reference: caseReference(each.id, each.receivedOn), etag: expect.stringMatching(/^W\/"\d+"$/) })));
    expectExactlyOnce(cases);
    const [incident] = rowsFor('incidents', 'incidentid', cases[0]?.id ?? '');
    expect(incident).toMatchObject({ _customerid_value: rowIdFor('res-000001'), cd_category: 100000000, cd_capturedby: 'stf-001', cd_capturedat: '2024-02-01T10:15:30Z', cd_contactpreference: 100000000, cd_reference: caseReference(cases[0]?.id ?? '', '2024-02-01') });
    // Dataverse makes no case without a customer: the anonymous one is filed under the council's anonymous contact.
    expect(rowsFor('incidents', 'incidentid', cases[1]?.id ?? '')[0]).toMatchObject({ _customerid_value: TRAINING_ANONYMOUS_CONTACT_ID, cd_anonymous: true });
  });

  it('keeps an anonymous case back, saying why, where no anonymous contact is set up, and still sends the rest', async () => {
    const anonymous = aCase({ residentId: null, anonymous: true });
    const named = aCase();
    const results = await harness.backOffice({ anonymousContactId: null }).submitCases([anonymous, named], staff);
    expect(results.map((each) => each.result)).toEqual(['rejected', 'created']);
    expect(results[0]).toMatchObject({ problem: expect.stringContaining('anonymousContactId') });
    expect(rowsFor('incidents', 'incidentid', anonymous.id)).toHaveLength(0);
  });

  it('recognises its own case on a resend, and refuses someone else’s with the same id', async () => {
    const original = aCase();
    await harness.backOffice().submitCases([original], staff);
    const [again] = await harness.backOffice().submitCases([original], staff);
    expect(again).toMatchObject({ id: original.id, result: 'already-there', reference: caseReference(original.id, original.receivedOn), etag: expect.any(String) });
    const [impostor] = await harness.backOffice().submitCases([{ ...original, capturedAt: '2024-03-01T09:00:00.000Z' }], staff);
    expect(impostor).toMatchObject({ id: original.id, result: 'rejected' });
    expectExactlyOnce([original]);
  });

  it('turns down, in plain English, what the back office refuses, and still sends the rest', async () => {
    const unknownResident = aCase({ residentId: '00000001-0000-4000-8000-000000999999' });
    const wrongCategory = aCase({ category: 'not-a-category' });
    const fine = aCase();
    const results = await harness.backOffice().submitCases([unknownResident, wrongCategory, fine], staff);
    expect(results.map((each) => each.result)).toEqual(['rejected', 'rejected', 'created']);
    expect(results[0]).toMatchObject({ code: '0x80040217', problem: expect.stringMatching(/turned down this case.*Does Not Exist.*IT service desk/) });
    expect(results[1]).toMatchObject({ problem: expect.stringContaining('not-a-category') });
    expect(rowsFor('incidents', 'incidentid', unknownResident.id)).toHaveLength(0);
  });

  it('splits many cases into batches of at most 1,000 operations', async () => {
    const before = harness.standIn.requests().filter((each) => each.target.endsWith('$batch')).length;
    const cases = Array.from({ length: 120 }, () => aCase({ attachments: [], fields: [] })); // 1 operation each
    const results = await harness.backOffice().submitCases(cases, staff);
    expect(results.every((each) => each.result === 'created')).toBe(true);
    expect(harness.standIn.requests().filter((each) => each.target.endsWith('$batch')).length - before).toBe(1);
    const big = Array.from({ length: 1_200 }, () => aCase({ attachments: [], fields: [] }));
    const second = harness.standIn.requests().filter((each) => each.target.endsWith('$batch')).length;
    expect((await harness.backOffice().submitCases(big, staff)).every((each) => each.result === 'created')).toBe(true);
    expect(harness.standIn.requests().filter((each) => each.target.endsWith('$batch')).length - second).toBe(2);
  });
});

describe('changing a sent case', () => {
  it('updates with If-Match and reports a conflict with the case as it now is', async () => {
    const sent = aCase();
    const [created] = await harness.backOffice().submitCases([sent], staff);
    const etag = created && 'etag' in created ? created.etag : null;
    const mine = await harness.backOffice().updateCase({ id: sent.id, etag, changes: { summary: 'Green and blue bins missed' } });
    expect(mine).toMatchObject({ result: 'updated', etag: expect.stringMatching(/^W\//) });
    const stale = await harness.backOffice().updateCase({ id: sent.id, etag, changes: { postcode: 'SE1 7AB' } });
    expect(stale).toEqual({ result: 'conflict', theirs: { summary: 'Green and blue bins missed', description: sent.description, location: sent.location, postcode: 'SE1 7AA', contactPreference: 'phone' }, etag: mine.result === 'updated' ? mine.etag : null });
    expect(await harness.backOffice().updateCase({ id: sent.id, etag: null, changes: { postcode: 'SE1 7AB' } })).toMatchObject({ result: 'updated' });
  });
});

describe('reachability', () => {
  it('asks WhoAmI, and says plainly when the back office does not answer', async () => {
    expect(await harness.backOffice().reachability()).toMatchObject({ reachable: true, problem: null });
    harness.standIn.faults.failNext(1, { status: 503 });
    expect(await harness.backOffice().reachability()).toMatchObject({ reachable: false, problem: expect.stringContaining('not available') });
    harness.standIn.faults.failNext(1, { connection: 'drop' });
    expect(await harness.backOffice().reachability()).toMatchObject({ reachable: false, problem: expect.stringContaining('could not reach') });
  });
});

describe('every case exactly once, whatever goes wrong on the way', () => {
  const faults: [string, Fault][] = [
    ['a dropped connection', { connection: 'drop' }],
    ['a slow answer', { delayMs: 30 }],
    ['a 500', { status: 500 }],
    ['a 503', { status: 503 }],
    ['a 429 with Retry-After', { status: 429, retryAfterSeconds: 1 }],
    ['a long 429', { status: 429, retryAfterSeconds: 60 }],
    ['a replayed request', { duplicate: true }],
    ['an answer lost after the cases were applied', { connection: 'accept-then-fail' }],
  ];
  it.each(faults)('with %s', async (_name, fault) => {
    const cases = Array.from({ length: 5 }, () => aCase());
    harness.standIn.faults.failNext(2, fault);
    let pending = cases;
    const finals: CaseSendResult[] = [];
    for (let round = 0; round < 6 && pending.length > 0; round += 1) {
      const results = await harness.backOffice().submitCases(pending, staff);
      expect(results.map((each) => each.id)).toEqual(pending.map((each) => each.id));
      for (const result of results) if (result.result === 'retry') expect(result.afterMs).toBeGreaterThan(0);
      finals.push(...results.filter((each) => each.result !== 'retry'));
      pending = pending.filter((each) => results.find((result) => result.id === each.id)?.result === 'retry');
    }
    expect(pending).toEqual([]);
    expect(finals.map((each) => each.result).every((result) => result === 'created' || result === 'already-there')).toBe(true);
    expectExactlyOnce(cases);
  });
});

describe('service protection limits through the adapter', () => {
  it('hands a long wait back to the outbox as a retry', async () => {
    // Three: the two reads of the case table's definitions (its column lengths, read once) and the first batch.
    const limited = await startHarness({ limits: { windowMs: 60_000, maxRequests: 3 } });
    try {
      const backOffice = limited.backOffice();
      const [first] = await backOffice.submitCases([aCase({ attachments: [], fields: [] })], staff);
      expect(first?.result).toBe('created');
      const [second] = await backOffice.submitCases([aCase({ attachments: [], fields: [] })], staff);
      expect(second).toMatchObject({ result: 'retry', afterMs: expect.any(Number), problem: expect.stringContaining('busy') });
      expect(second && 'afterMs' in second ? second.afterMs : 0).toBeGreaterThan(2_000);
      expect(limited.standIn.counters()).toMatchObject({ accepted: 3, throttled: 1 });
    } finally {
      await limited.close();
    }
  });
});

describe('the cases.submit handler', () => {
  it('turns down a file over the council’s limit and sends the other cases, as the signed-in person', async () => {
    const service = createCaseService({
      caseOffice: () => Promise.resolve(harness.backOffice()),
      user: () => ({ id: 'stf-002', displayName: 'Ada', email: 'ada@example.org', role: 'agent', team: 'Contact centre' }),
      maxAttachmentBytes: 10,
    });
    const tooBig = aCase();
    const small = aCase({ attachments: [] });
    const results = await service.submit([tooBig, small]);
    expect(results[0]).toMatchObject({ id: tooBig.id, result: 'rejected', problem: expect.stringContaining('“bin.jpg” is') });
    expect(results[1]).toMatchObject({ id: small.id, result: 'created' });
    expect(rowsFor('incidents', 'incidentid', small.id)[0]?.cd_capturedby).toBe('stf-002');
    expect(rowsFor('incidents', 'incidentid', tooBig.id)).toHaveLength(0);
  });

  it('asks for sign-in when there is no back office', async () => {
    const service = createCaseService({ caseOffice: () => Promise.resolve(null), user: () => null, maxAttachmentBytes: 10 });
    await expect(service.submit([aCase()])).rejects.toThrow('Sign in to send cases.');
  });
});
