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

const officer = { staffId: 'stf-001', team: 'Contact Centre – Blue', trueResolutionDays: 7 };
const rows = (entitySet: string, id: string) => harness.standIn.rows(entitySet).filter((row) => String(row.activityid).toLowerCase() === id.toLowerCase());

describe('recording contacts', () => {
  it('records an email from the contact mailbox as a completed incoming email, Received, regarding the resident and naming its message; sent twice it is one row', async () => {
    const office = harness.backOffice();
    const resident = rowIdFor('res-000003');
    const graphId = 'AAMkADc3MWUyMGQ0LTQ4ZGEtNGQwZi1iZDBlLWY2OGE5ZTBiYjM4MgBGAAAAAAC7';
    const email = contactFor({
      channel: 'email',
      emailId: graphId,
      emailFrom: 'a.resident@example.com',
      emailSubject: 'My bin was missed again',
      callerNumber: null,
      queue: null,
      // Received at 08:40, taken at 10:10: an email's offered time is when the mailbox had it.
      offeredAt: '2024-02-01T08:40:00.000Z',
      waitedSeconds: null,
      residentId: resident,
      outcomes: [],
      disposition: 'resolved-info',
      resolvedAtFirstContact: true,
      notes: 'Replied with the collection day.',
    });
    // Made when it is taken, as a call is when answered; then wrapped up and sent, and sent again (its answer lost).
    expect(await office.saveContacts([{ ...email, state: 'in-progress', endedAt: null, disposition: null, resolvedAtFirstContact: null }], officer)).toEqual([{ id: email.id, result: 'saved' }]);
    expect(rows('emails', email.id)).toEqual([expect.objectContaining({ statecode: 0, directioncode: false, cd_graphmessageid: graphId })]);
    expect(await office.saveContacts([email], officer)).toEqual([{ id: email.id, result: 'saved' }]);
    expect(await office.saveContacts([email], officer)).toEqual([{ id: email.id, result: 'saved' }]);
    const found = rows('emails', email.id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      subject: 'Email: My bin was missed again',
      directioncode: false,
      statecode: 1,
      statuscode: 4,
      _regardingobjectid_value: resident,
      cd_graphmessageid: graphId,
      cd_capturedby: officer.staffId,
      cd_team: officer.team,
      cd_contactday: '2024-02-01',
      cd_offeredat: '2024-02-01T08:40:00Z',
      cd_disposition: 'resolved-info',
      cd_resolvedatfirstcontact: true,
      cd_outcome: 100000000,
      description: 'Replied with the collection day.',
      cd_waitseconds: null,
      cd_answeredwithintarget: null,
      cd_queue: null,
    });
    expect(rows('phonecalls', email.id)).toHaveLength(0);
    // The resident's contact history shows it as an email that came in, with what it came to.
    const history = await office.contactHistory(resident, { pageSize: 50, cursor: null });
    expect(history.contacts.find((each) => each.id === email.id.toLowerCase())).toMatchObject({ channel: 'email', direction: 'inbound', outcome: 'resolved-first-contact' });
  });

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
      // Received: an incoming call taken, not Dataverse's default for a completed call (Made).
      statuscode: 4,
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
      // Where the Team place counts it, and what the resident's history shows.
      cd_team: 'Contact Centre – Blue',
      cd_contactday: '2024-02-01',
      cd_outcome: 100000002,
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

  it('counts a contact on the London day it was answered, which at night in summer is the next day in UTC terms', async () => {
    const late = contactFor({ offeredAt: '2024-06-30T23:29:00.000Z', answeredAt: '2024-06-30T23:30:00.000Z', endedAt: '2024-06-30T23:36:00.000Z' });
    await harness.backOffice().saveContacts([late], officer);
    expect(rows('phonecalls', late.id)).toEqual([expect.objectContaining({ cd_contactday: '2024-07-01' })]);
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
  const service = () => createContactService({ contactOffice: () => Promise.resolve(harness.backOffice()), user: () => user, queueServices: { 'Housing repairs': ['housing-repairs'] }, trueResolutionDays: 7 });

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

describe('true first-contact resolution: the same resident again about the same service', () => {
  const at = (day: string, time = '10:10') => ({ offeredAt: `${day}T${time}:00.000Z`, answeredAt: `${day}T${time}:00.000Z`, endedAt: `${day}T${time}:00.000Z` });
  // A contact the resident came back about has a row of its own in cd_repeatcontacts; the
  // contact itself, completed, is never changed (Dataverse refuses to).
  const repeats = (id: string) => harness.standIn.rows('cd_repeatcontacts').filter((row) => String(row.cd_repeatcontactid) === id.toLowerCase());
  const againOf = (_entitySet: string, id: string) => (repeats(id).length === 1 ? true : null);

  it('marks an earlier contact contacted again when a further one comes within the window, on either channel, and only then', async () => {
    const office = harness.backOffice();
    const resident = rowIdFor('res-000003');
    const resolved = { resolvedAtFirstContact: true, disposition: 'resolved-info', outcomes: ['resolved' as const] };
    const first = contactFor({ residentId: resident, service: 'parking', ...resolved, ...at('2024-03-04') });
    const otherService = contactFor({ residentId: resident, service: 'council-tax', ...resolved, ...at('2024-03-05') });
    const otherResident = contactFor({ residentId: rowIdFor('res-000004'), service: 'parking', ...resolved, ...at('2024-03-05') });
    await office.saveContacts([first, otherService, otherResident], officer);
    expect([againOf('phonecalls', first.id), againOf('phonecalls', otherService.id), againOf('phonecalls', otherResident.id)]).toEqual([null, null, null]);

    // Back at the service point six days later about the same permit: the call did not resolve it.
    const visit = contactFor({ ...at('2024-03-10'), channel: 'face-to-face', queue: null, callerNumber: null, offeredAt: null, waitedSeconds: null, residentId: resident, service: 'parking', ...resolved });
    const before = harness.standIn.rows('phonecalls').find((row) => row.activityid === first.id);
    await office.saveContacts([visit], officer);
    expect([againOf('phonecalls', first.id), againOf('phonecalls', otherService.id), againOf('phonecalls', otherResident.id), againOf('cd_facetofaces', visit.id)]).toEqual([true, null, null, null]);
    // What the Team place counts it by: the earlier contact's day, officer, team and service, and whether it was recorded as resolved.
    expect(repeats(first.id)[0]).toMatchObject({ cd_channel: 'phone', cd_contactday: '2024-03-04', cd_capturedby: officer.staffId, cd_team: officer.team, cd_service: 100000004, cd_resolvedatfirstcontact: true, cd_contactedagainon: '2024-03-10' });
    expect(harness.standIn.rows('phonecalls').find((row) => row.activityid === first.id)).toEqual(before);
    // Sent again (its answer lost): nothing is made twice.
    expect(await office.saveContacts([visit], officer)).toEqual([{ id: visit.id, result: 'saved' }]);
    expect(repeats(first.id)).toHaveLength(1);

    // Three weeks on is a new matter: the visit stands as resolved.
    await office.saveContacts([contactFor({ residentId: resident, service: 'parking', ...resolved, ...at('2024-03-31') })], officer);
    expect(againOf('cd_facetofaces', visit.id)).toBeNull();
  });

  it('counts an email from the contact mailbox as a contact like a call or a visit: it can follow one, and be followed', async () => {
    const office = harness.backOffice();
    const resident = rowIdFor('res-000005');
    const resolved = { resolvedAtFirstContact: true, disposition: 'resolved-info', outcomes: ['resolved' as const] };
    const visit = contactFor({ ...at('2024-05-06'), channel: 'face-to-face', queue: null, callerNumber: null, offeredAt: null, waitedSeconds: null, residentId: resident, service: 'parking', ...resolved });
    await office.saveContacts([visit], officer);
    // An email about the same permit two days on: the visit did not resolve it.
    const email = contactFor({ ...at('2024-05-08'), channel: 'email', emailId: 'AAMk-parking-again', emailFrom: 'a.resident@example.com', emailSubject: 'My permit', queue: null, callerNumber: null, waitedSeconds: null, residentId: resident, service: 'parking', ...resolved });
    await office.saveContacts([email], officer);
    expect(repeats(visit.id)[0]).toMatchObject({ cd_channel: 'face-to-face', cd_name: 'Visit on 2024-05-06, contacted again on 2024-05-08', cd_contactedagainon: '2024-05-08' });
    expect(repeats(email.id)).toEqual([]);
    // And a call two days after the email: the email did not resolve it either.
    await office.saveContacts([contactFor({ ...at('2024-05-10'), residentId: resident, service: 'parking', ...resolved })], officer);
    expect(repeats(email.id)[0]).toMatchObject({ cd_channel: 'email', cd_name: 'Email on 2024-05-08, contacted again on 2024-05-10', cd_contactday: '2024-05-08', cd_resolvedatfirstcontact: true });
  });

  it('marks a contact that reaches Dataverse after the further one (a PC that was offline)', async () => {
    const office = harness.backOffice();
    const resident = rowIdFor('res-000005');
    const later = contactFor({ residentId: resident, service: 'waste', ...at('2024-04-03') });
    const earlier = contactFor({ residentId: resident, service: 'waste', ...at('2024-04-01') });
    await office.saveContacts([later], officer);
    await office.saveContacts([earlier], officer);
    expect([againOf('phonecalls', earlier.id), againOf('phonecalls', later.id)]).toEqual([true, null]);
  });

  it('holds a contact for someone to act on when the check is refused (no permission to read colleagues’ contacts), rather than retrying for ever', async () => {
    const office = harness.backOffice();
    const call = contactFor({ residentId: rowIdFor('res-000007'), service: 'waste', ...at('2024-06-03') });
    await office.saveContacts([{ ...call, state: 'in-progress' }], officer);
    // The completion goes through; the read of the resident's other contacts is refused.
    harness.standIn.faults.failNext(1, { delayMs: 0 });
    harness.standIn.faults.failNext(1, { status: 403 });
    const [result] = await office.saveContacts([call], officer);
    expect(result).toMatchObject({ id: call.id, result: 'rejected', problem: expect.stringContaining('You do not have permission') });
    expect(rows('phonecalls', call.id)[0]).toMatchObject({ statecode: 1 });
    // Once the role is put right, sending it again finishes the job.
    expect(await office.saveContacts([call], officer)).toEqual([{ id: call.id, result: 'saved' }]);
  });

  it('uses the council’s window', async () => {
    const office = harness.backOffice();
    const resident = rowIdFor('res-000006');
    const first = contactFor({ residentId: resident, service: 'waste', ...at('2024-05-01') });
    await office.saveContacts([first], { ...officer, trueResolutionDays: 3 });
    await office.saveContacts([contactFor({ residentId: resident, service: 'waste', ...at('2024-05-06') })], { ...officer, trueResolutionDays: 3 });
    expect(againOf('phonecalls', first.id)).toBeNull();
  });
});
