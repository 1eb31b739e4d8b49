import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResidentAccess } from '../../../main/core/back-office/port';
import { createAuditTrail } from '../../../main/core/residents/audit-trail';
import { createResidentService } from '../../../main/core/residents/resident-service';
import type { StaffUser } from '../../../shared/domain/staff';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { asOf, dataset, startHarness, type Harness } from '../back-office/fixture';

const agent: StaffUser = { id: 's-agent', displayName: 'Ama Agent', email: 'ama@example.org', role: 'agent', team: 'Blue' };
const resident = dataset.residents.find((each) => each.language.preferred === 'en' && !each.language.interpreterNeeded) ?? (dataset.residents[0] as (typeof dataset.residents)[number]);
const residentId = rowIdFor(resident.id);
const household = dataset.households.find((each) => each.id === resident.householdId);
const rightAnswers = { name: `${resident.givenName} ${resident.familyName}`, dateOfBirth: resident.dateOfBirth, addressLine1: household?.address.line1 ?? '', postcode: household?.address.postcode ?? '' };
const consent = { how: 'pointed-to-language' as const, note: 'Pointed to Tigrinya on the language card at the service point.' };

describe('setting a resident’s preferred language, through the real adapter against the stand-in', () => {
  let harness: Harness;
  let audited: ResidentAccess[];
  let service: ReturnType<typeof createResidentService>;

  beforeAll(async () => {
    harness = await startHarness();
    const office = harness.backOffice();
    audited = [];
    const audit = createAuditTrail({ backOffice: async () => ({ ...office, recordAccess: async (access: ResidentAccess) => void audited.push(access) }), log: { warn: () => undefined } });
    service = createResidentService({ backOffice: async () => office, user: () => agent, audit, now: () => asOf });
  });
  afterAll(() => harness.close());

  const contactRow = () => harness.standIn.rows('contacts').find((row) => row.contactid === residentId);

  it('is refused before the identity check, and changes nothing', async () => {
    const view = await service.open(residentId, 'call');
    await expect(service.setLanguage(view.accessId, 'ti', true, consent)).rejects.toThrow(/Complete the identity check/);
    expect(contactRow()?.cd_preferredlanguage).toBe(resident.language.preferred);
    expect(harness.standIn.requests().some((each) => each.method === 'PATCH')).toBe(false);
  });

  it('changes the contact’s columns, adds a note saying how the resident agreed, and shows the record read again', async () => {
    const opened = await service.open(residentId, 'call');
    const { view: checked } = service.checkIdentity(opened.accessId, rightAnswers);
    expect(checked.identity.status).toBe('passed');
    const notesBefore = harness.standIn.rows('annotations').length;
    const auditsBefore = audited.length;

    const view = await service.setLanguage(opened.accessId, 'ti', true, consent);

    expect(view.record?.resident.language).toEqual({ preferred: 'ti', interpreterNeeded: true });
    expect(view.record?.resident.preferences.recordedOn).toBe(asOf.toISOString().slice(0, 10));
    expect(contactRow()).toMatchObject({ cd_preferredlanguage: 'ti', cd_interpreterneeded: true, cd_preferencesrecordedon: asOf.toISOString().slice(0, 10) });
    const patch = harness.standIn.requests().filter((each) => each.method === 'PATCH');
    expect(patch.map((each) => each.target)).toEqual([`/api/data/v9.2/contacts(${residentId})`]);
    const notes = harness.standIn.rows('annotations');
    expect(notes).toHaveLength(notesBefore + 1);
    const note = notes.at(-1);
    expect(note).toMatchObject({ subject: 'Language preference', _objectid_value: residentId });
    expect(note?.notetext).toContain('Preferred language: ti. Interpreter needed: yes.');
    expect(note?.notetext).toContain('the resident pointed to their language');
    expect(note?.notetext).toContain('Pointed to Tigrinya on the language card');
    expect(note?.notetext).toContain('Ama Agent');
    // The record read again is an audited read.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(audited.length).toBeGreaterThan(auditsBefore);
  });

  it('works on a record whose check was overridden, and refuses a record that is not open', async () => {
    const opened = await service.open(residentId, 'appointment');
    service.overrideIdentity(opened.accessId, 'Resident known to the officer from previous visits.');
    const view = await service.setLanguage(opened.accessId, 'bfi', false, { how: 'interpreter-confirmed', note: '' });
    expect(view.record?.resident.language).toEqual({ preferred: 'bfi', interpreterNeeded: false });
    await expect(service.setLanguage('no-such-access', 'so', true, consent)).rejects.toThrow(/no longer open/);
  });
});
