import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowIdFor, trainingIdFor } from '../../../main/core/training/dataverse/row-ids';
import type { BackOffice } from '../../../main/core/back-office/port';
import { TRAINING_ANONYMOUS_CONTACT_ID } from '../../../main/core/training/dataverse/rows-people';
import { dataset, requestsTo, startHarness, type Harness } from './fixture';

let harness: Harness;
let backOffice: BackOffice;

beforeAll(async () => {
  harness = await startHarness();
  backOffice = harness.backOffice({ pageSize: 50 });
});
afterAll(() => harness.close());

describe('the resident directory through Dataverse change tracking', () => {
  let token = '';

  it('loads every resident exactly once across several pages', async () => {
    const before = requestsTo(harness.standIn, 'contacts').length;
    const batch = await backOffice.directory(null);
    const pages = requestsTo(harness.standIn, 'contacts').slice(before);

    expect(batch.replacesAll).toBe(true);
    expect(batch.removed).toEqual([]);
    expect(batch.entries).toHaveLength(dataset.residents.length);
    expect(new Set(batch.entries.map((entry) => entry.residentId)).size).toBe(dataset.residents.length);
    // Dataverse also holds the council's anonymous contact: one more row to page through.
    expect(pages).toHaveLength(Math.ceil((dataset.residents.length + 1) / 50));
    expect(pages[0]?.prefer).toContain('odata.track-changes');
    expect(pages[0]?.prefer).toContain('odata.maxpagesize=50');
    // No formatted values: the entries (checked whole below) use none, and they were a third of each page.
    expect(pages[0]?.prefer).not.toContain('odata.include-annotations');
    expect(pages.slice(1).every((page) => page.target.includes('$skiptoken='))).toBe(true);
    token = batch.deltaToken;
  });

  it('leaves out the council’s anonymous contact, which Dataverse holds but is no resident', async () => {
    expect(harness.standIn.rows('contacts').some((row) => row.contactid === TRAINING_ANONYMOUS_CONTACT_ID)).toBe(true);
    const batch = await backOffice.directory(null);
    expect(batch.entries.some((entry) => entry.residentId === TRAINING_ANONYMOUS_CONTACT_ID)).toBe(false);
    expect(batch.entries.some((entry) => entry.familyName.includes('Anonymous'))).toBe(false);
  });

  it('carries what search needs, as the back office holds it', async () => {
    const batch = await backOffice.directory(null);
    const byId = new Map(batch.entries.map((entry) => [entry.residentId, entry]));
    const vulnerable = new Set(dataset.flags.filter((flag) => flag.kind === 'vulnerability').map((flag) => flag.residentId));
    for (const resident of dataset.residents) {
      const household = dataset.households.find((each) => each.id === resident.householdId);
      const entry = byId.get(rowIdFor(resident.id));
      expect(entry).toEqual({
        residentId: rowIdFor(resident.id),
        householdId: rowIdFor(resident.householdId),
        givenName: resident.givenName,
        familyName: resident.familyName,
        dateOfBirth: resident.dateOfBirth,
        addressLine: household?.address.line1,
        postcode: household?.address.postcode,
        phones: resident.contact.phones.map((phone) => phone.number),
        email: resident.contact.email ?? null,
        councilTaxReference: dataset.councilTaxAccounts.find((account) => account.householdId === resident.householdId)?.reference ?? null,
        rentReference: dataset.rentAccounts.find((account) => account.householdId === resident.householdId)?.reference ?? null,
        vulnerable: vulnerable.has(resident.id),
      });
    }
    expect(batch.entries.some((entry) => entry.vulnerable)).toBe(true);
    expect(batch.entries.some((entry) => entry.rentReference !== null)).toBe(true);
  });

  it('then returns only the contacts changed and deleted since the token', async () => {
    const renamed = rowIdFor('res-000005');
    const gone = rowIdFor('res-000009');
    harness.standIn.mutate.update('contacts', renamed, { lastname: 'Okafor-Smith', address1_postalcode: 'SE5 8AA' });
    harness.standIn.mutate.remove('contacts', gone);

    const delta = await backOffice.directory(token);

    expect(delta.replacesAll).toBe(false);
    expect(delta.removed).toEqual([gone]);
    expect(delta.entries).toHaveLength(1);
    expect(delta.entries[0]).toMatchObject({ residentId: renamed, familyName: 'Okafor-Smith', postcode: 'SE5 8AA', givenName: dataset.residents[4]?.givenName });
    expect(trainingIdFor(renamed)).toBe('res-000005');
    const deltaRequest = requestsTo(harness.standIn, 'contacts').at(-1);
    expect(deltaRequest?.target).toContain('$deltatoken=');

    const quiet = await backOffice.directory(delta.deltaToken);
    expect(quiet).toMatchObject({ entries: [], removed: [], replacesAll: false });
  });

  it('pages through a large delta too', async () => {
    const start = await backOffice.directory(null);
    const changed = dataset.residents.slice(20, 140).map((resident) => rowIdFor(resident.id));
    for (const id of changed) harness.standIn.mutate.update('contacts', id, { emailaddress1: 'moved@example.org' });
    const delta = await backOffice.directory(start.deltaToken);
    expect(delta.entries.map((entry) => entry.residentId).sort()).toEqual([...changed].sort());
    expect(delta.entries.every((entry) => entry.email === 'moved@example.org')).toBe(true);
  });

  it('hands each page on as it arrives, before the next is read, with Dataverse’s own count first', async () => {
    const before = harness.standIn.requests().length;
    const contactsBefore = requestsTo(harness.standIn, 'contacts').length;
    const seen: { entries: number; requestsSoFar: number }[] = [];
    let expected: number | null = null;
    const batch = await backOffice.directory(null, {
      onExpected: (count) => (expected = count),
      onPage: (page) => seen.push({ entries: page.entries.length, requestsSoFar: requestsTo(harness.standIn, 'contacts').length - contactsBefore }),
    });
    const requests = harness.standIn.requests().slice(before);
    const pages = requests.filter((each) => each.target.startsWith('/api/data/v9.2/contacts'));

    // The count is Dataverse's RetrieveTotalRecordCount, which includes the anonymous contact.
    expect(requests.some((each) => each.target.startsWith('/api/data/v9.2/RetrieveTotalRecordCount(EntityNames=@p1)?@p1='))).toBe(true);
    expect(expected).toBe(harness.standIn.rows('contacts').length);
    expect(seen).toHaveLength(pages.length);
    expect(seen.reduce((sum, page) => sum + page.entries, 0)).toBe(batch.entries.length);
    // The first page is handed on while most pages are still to be read (at most the next one is asked for).
    expect(pages.length).toBeGreaterThan(3);
    expect(seen[0]?.requestsSoFar).toBeLessThanOrEqual(2);
    // Never more than one page ahead: Dataverse's next link is the page before's paging cookie.
    seen.forEach((page, index) => expect(page.requestsSoFar).toBeLessThanOrEqual(index + 2));
    expect(batch.entries.some((entry) => entry.residentId === TRAINING_ANONYMOUS_CONTACT_ID)).toBe(false);
  });

  it('stops asking for pages once nobody wants the rest', async () => {
    const stop = new AbortController();
    const before = requestsTo(harness.standIn, 'contacts').length;
    const read = backOffice.directory(null, { signal: stop.signal, onPage: () => stop.abort() });
    await expect(read).rejects.toThrow();
    // The page handed on, and at most the one already asked for beside it.
    expect(requestsTo(harness.standIn, 'contacts').length - before).toBeLessThanOrEqual(2);
  });

  it('goes on without a total when the count cannot be had', async () => {
    const refusing = harness.backOffice({
      pageSize: 50,
      fetch: (url, init) =>
        url.includes('RetrieveTotalRecordCount')
          ? Promise.resolve({ status: 403, headers: { get: () => null }, text: () => Promise.resolve('{"error":{"code":"0x80040220","message":"Principal user is missing prvReadcontact privilege."}}') })
          : harness.fetch(url, init),
    });
    let expected: number | null = null;
    const batch = await refusing.directory(null, { onExpected: (count) => (expected = count) });
    expect(expected).toBeNull();
    expect(batch.entries).toHaveLength(dataset.residents.length - 1);
    expect(harness.warnings.some((warning) => warning.includes('contact count could not be read'))).toBe(true);
  });

  it('starts again from the whole directory when the back office refuses an old token', async () => {
    const unknown = await backOffice.directory('contacts-directory-v1:not-a-token');
    expect(unknown.replacesAll).toBe(true);
    expect(unknown.entries).toHaveLength(dataset.residents.length - 1);
    expect(harness.warnings.some((warning) => warning.includes('delta token refused'))).toBe(true);

    const olderRelease = await backOffice.directory('contacts-directory-v0:1!2020-01-01 00:00:00');
    expect(olderRelease.replacesAll).toBe(true);
  });
});
