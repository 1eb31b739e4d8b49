import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { caseReference } from '../../../shared/domain/case-reference';
import { contactFor, dataset, startHarness, type Harness } from './fixture';

/** A case opened in full from the 360 view: its story from the training stand-in, through the live adapter. */
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

describe('a case in full', () => {
  it('gives a case raised here with its reference, the call it came from and its notes, newest first', async () => {
    const office = harness.backOffice();
    const residentId = rowIdFor('res-000001');
    const id = randomUUID();
    const [sent] = await office.submitCases(
      [
        {
          id,
          residentId,
          anonymous: false,
          service: 'waste',
          category: 'missed-bin',
          priority: 'routine',
          serviceStandard: 'missed-bin',
          receivedOn: '2024-02-01',
          dueOn: '2024-02-05',
          summary: 'Missed recycling at 12 Acacia Road',
          description: 'Missed on the usual Tuesday round.',
          location: '12 Acacia Road',
          postcode: 'SE1 7AA',
          contactPreference: 'text',
          fields: [{ name: 'bin', question: 'Which bin?', answer: 'Recycling' }],
          capturedAt: '2024-02-01T10:15:30.123Z',
          attachments: [{ id: randomUUID(), fileName: 'bin.jpg', mimeType: 'image/jpeg', base64: Buffer.from('photo').toString('base64') }],
        },
      ],
      { staffId: 'stf-001' },
    );
    expect(sent).toMatchObject({ result: 'created' });
    // The call it came from, recorded as its own contact, naming the case.
    const [recorded] = await office.saveContacts([contactFor({ caseIds: [id], caseReferences: [caseReference(id, '2024-02-01')], residentId, notes: 'Crew skipped the road.' })], { staffId: 'stf-001', team: 'Contact Centre – Blue', trueResolutionDays: 7 });
    expect(recorded).toEqual({ id: expect.any(String), result: 'saved' });
    const history = await office.caseHistory(residentId, id);
    expect(history?.case).toMatchObject({ id, reference: caseReference(id, '2024-02-01'), summary: 'Missed recycling at 12 Acacia Road', description: 'Missed on the usual Tuesday round.', location: '12 Acacia Road', postcode: 'SE1 7AA', status: 'open' });
    expect(history?.events.map((event) => [event.kind, event.channel ?? null, event.summary])).toEqual(
      expect.arrayContaining([
        ['contact', 'phone', 'Crew skipped the road.'],
        ['note', null, 'Attached: bin.jpg'],
        ['note', null, 'Answers given when the case was raised\nWhich bin?\nRecycling'],
      ]),
    );
  });

  it('gives a training case its earlier contacts, and nothing for a case that is someone else’s', async () => {
    const office = harness.backOffice();
    const contacted = dataset.contacts.find((contact) => contact.caseId !== undefined);
    if (!contacted?.caseId) throw new Error('no contact about a case in the training data');
    const owner = dataset.cases.find((each) => each.id === contacted.caseId)?.residentId as string;
    const history = await office.caseHistory(rowIdFor(owner), rowIdFor(contacted.caseId));
    expect(history?.events.some((event) => event.kind === 'contact')).toBe(true);
    const someoneElse = dataset.residents.find((resident) => resident.id !== owner)?.id as string;
    expect(await office.caseHistory(rowIdFor(someoneElse), rowIdFor(contacted.caseId))).toBeNull();
  });
});
