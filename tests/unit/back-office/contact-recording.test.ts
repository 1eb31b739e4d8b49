import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContactSaveResult, ContactSubmission } from '../../../shared/contract/contacts';
import { createContactService } from '../../../main/core/contacts/contact-service';
import type { Fault } from '../../../main/core/training/dataverse/faults';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { contactFor, startHarness, type Harness } from './fixture';

/** The live adapter recording contacts in the stand-in over https: each exactly once, kept up to date. */
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterEach(() => harness.standIn.faults.clear());
afterAll(() => harness.close());

const officer = { staffId: 'stf-001' };
const rows = (entitySet: string, id: string) => harness.standIn.rows(entitySet).filter((row) => String(row.activityid).toLowerCase() === id.toLowerCase());

describe('recording contacts', () => {
  it('records a call as a completed phonecall with what it came to, regarding the resident, naming its case, owned by the officer', async () => {
    const office = harness.backOffice();
    const resident = rowIdFor('res-000002');
    const caseId = randomUUID();
    await office.submitCases(
      [{ id: caseId, residentId: resident, anonymous: false, service: 'waste', category: 'missed-bin', priority: 'routine', serviceStandard: 'missed-bin', receivedOn: '2024-02-01', dueOn: '2024-02-05', summary: 'Missed bin', description: 'Missed.', location: '1 Test Road', postcode: 'SE1 7AA', contactPreference: 'phone', fields: [], capturedAt: '2024-02-01T10:15:30.123Z', attachments: [] }],
      officer,
    );
    const call = contactFor({ residentId: resident, caseIds: [caseId], caseReferences: ['CD-240201-ABCDEF'], interpreter: { language: 'ti', supplierId: 'languageline', interpreterId: 'TI-40213', minutes: 12 } });
    expect(await office.saveContacts([call], officer)).toEqual([{ id: call.id, result: 'saved' }]);
    const [row] = rows('phonecalls', call.id);
    expect(row).toMatchObject({
      statecode: 1,
      cd_contactstate: 100000002,
      _regardingobjectid_value: resident,
      _cd_caseid_value: caseId,
      _ownerid_value: rowIdFor('stf-001'),
      phonenumber: '020 7946 0001',
      directioncode: false,
      cd_queue: 'Waste and recycling',
      cd_service: 100000000,
      cd_waitseconds: 60,
      cd_answeredwithintarget: true,
      cd_handleseconds: 360,
      cd_afterworkseconds: 45,
      cd_outcomes: '100000001',
      cd_disposition: 'case-raised',
      cd_resolvedatfirstcontact: false,
      cd_couldbeonline: true,
      cd_onlinerouteoffered: true,
      cd_feedback: 100000000,
      cd_casereferences: 'CD-240201-ABCDEF',
      cd_interpreterlanguage: 'ti',
      cd_interpreterid: 'TI-40213',
      cd_interpreterminutes: 12,
    });
    // As in Dataverse, every activity is an activity pointer too: the resident's contact history shows it.
    expect(harness.standIn.rows('activitypointers').filter((each) => each.activityid === call.id.toLowerCase())).toEqual([expect.objectContaining({ activitytypecode: 'phonecall', statecode: 1 })]);
    const history = await office.contactHistory(resident, { pageSize: 50, cursor: null });
    expect(history.contacts.map((each) => each.id)).toContain(call.id.toLowerCase());
  });

  it('makes a contact when it starts and brings the same row up to date, never making it twice', async () => {
    const office = harness.backOffice();
    const started = contactFor({ state: 'in-progress', endedAt: null, afterCallWorkSeconds: null, disposition: null, resolvedAtFirstContact: null, couldHaveBeenOnline: null, onlineRouteOffered: null, feedback: null, outcomes: [] });
    await office.saveContacts([started], officer);
    expect(rows('phonecalls', started.id)).toEqual([expect.objectContaining({ statecode: 0, cd_contactstate: 100000000, _regardingobjectid_value: null })]);
    await office.saveContacts([{ ...started, state: 'wrap-up', endedAt: '2024-02-01T10:16:00.000Z' }], officer);
    await office.saveContacts([contactFor({ id: started.id })], officer);
    await office.saveContacts([contactFor({ id: started.id })], officer);
    expect(rows('phonecalls', started.id)).toEqual([expect.objectContaining({ statecode: 1, cd_contactstate: 100000002 })]);
  });

  it('records a visit as the council’s face-to-face activity', async () => {
    const visit = contactFor({ channel: 'face-to-face', queue: null, callerNumber: null, offeredAt: null, waitedSeconds: null });
    expect(await harness.backOffice().saveContacts([visit], officer)).toEqual([{ id: visit.id, result: 'saved' }]);
    expect(rows('cd_facetofaces', visit.id)).toEqual([expect.objectContaining({ statecode: 1, cd_answeredwithintarget: null })]);
    expect(rows('phonecalls', visit.id)).toEqual([]);
  });
});

describe('every contact exactly once, whatever goes wrong on the way', () => {
  const faults: [string, Fault][] = [
    ['a dropped connection', { connection: 'drop' }],
    ['a 500', { status: 500 }],
    ['a 503', { status: 503 }],
    ['a 429 with Retry-After', { status: 429, retryAfterSeconds: 1 }],
    ['a replayed request', { duplicate: true }],
    ['an answer lost after the write was applied', { connection: 'accept-then-fail' }],
  ];
  it.each(faults)('with %s', async (_name, fault) => {
    const contacts = Array.from({ length: 4 }, () => contactFor());
    harness.standIn.faults.failNext(2, fault);
    let pending = contacts;
    for (let round = 0; round < 6 && pending.length > 0; round += 1) {
      const results: ContactSaveResult[] = await harness.backOffice().saveContacts(pending, officer);
      expect(results.map((each) => each.id).sort()).toEqual(pending.map((each) => each.id).sort());
      expect(results.every((each) => each.result !== 'rejected')).toBe(true);
      pending = pending.filter((each) => results.find((result) => result.id === each.id)?.result === 'retry');
    }
    expect(pending).toEqual([]);
    for (const contact of contacts) expect(rows('phonecalls', contact.id)).toEqual([expect.objectContaining({ statecode: 1 })]);
  });
});

describe('the contacts.save handler', () => {
  const user = { id: 'stf-001', displayName: 'Ada', email: 'ada@example.org', role: 'agent' as const, team: 'Contact centre' };
  const service = () => createContactService({ contactOffice: () => Promise.resolve(harness.backOffice()), user: () => user, queueServices: { 'Housing repairs': ['housing-repairs'] } });

  it('records only the signed-in officer’s contacts, and another officer’s wait for them', async () => {
    const mine = contactFor({ staffId: 'stf-001' });
    const theirs = contactFor({ staffId: 'stf-002' });
    const results = await service().save([mine, theirs] as ContactSubmission[]);
    expect(results).toEqual([
      { id: mine.id, result: 'saved' },
      { id: theirs.id, result: 'retry', afterMs: 60_000, problem: expect.stringContaining('another officer') },
    ]);
    expect(rows('phonecalls', theirs.id)).toEqual([]);
  });

  it('takes a contact with no script’s service to be about its queue’s service', async () => {
    const call = contactFor({ service: null, queue: 'Housing repairs' });
    await service().save([call]);
    expect(rows('phonecalls', call.id)).toEqual([expect.objectContaining({ cd_service: 100000001 })]);
  });
});
