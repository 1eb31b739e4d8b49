import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactRecord } from '../../../shared/domain/contact';
import { BackOfficeError } from '../../../main/core/back-office/errors';
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

/** The resident with the longest history, so it takes several pages. */
const busiest = (() => {
  const counts = new Map<string, number>();
  for (const contact of dataset.contacts) counts.set(contact.residentId, (counts.get(contact.residentId) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
})();

function expectedHistory(residentId: string, channels?: string[]): ContactRecord[] {
  return dataset.contacts
    .filter((each) => each.residentId === residentId && (!channels || channels.includes(each.channel)))
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id))
    .map((each) => {
      const mapped: ContactRecord = { ...each, id: rowIdFor(each.id), residentId: rowIdFor(each.residentId), staffId: rowIdFor(each.staffId) };
      if (each.caseId) mapped.caseId = rowIdFor(each.caseId);
      return mapped;
    });
}

async function everyPage(residentId: string, pageSize: number, channels?: ContactRecord['channel'][]) {
  const pages: ContactRecord[][] = [];
  let cursor: string | null = null;
  do {
    const page = await backOffice.contactHistory(residentId, { pageSize, cursor, channels });
    pages.push(page.contacts);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe('a resident’s contact history', () => {
  it('pages newest first with a cursor, every contact once', async () => {
    const expected = expectedHistory(busiest);
    expect(expected.length).toBeGreaterThan(10);
    const pages = await everyPage(rowIdFor(busiest), 5);
    expect(pages.map((page) => page.length)).toEqual([...Array(Math.ceil(expected.length / 5)).keys()].map((i) => Math.min(5, expected.length - i * 5)));
    expect(pages.flat()).toEqual(expected);
    expect(requestsTo(harness.standIn, 'activitypointers').at(-1)?.prefer).toContain('odata.maxpagesize=5');
  });

  it('reads direction, outcome and case from each activity type, and names the officers', async () => {
    const page = await backOffice.contactHistory(rowIdFor(busiest), { pageSize: 50, cursor: null });
    expect(new Set(page.contacts.map((each) => each.channel)).size).toBeGreaterThan(1);
    expect(page.contacts.some((each) => each.direction === 'outbound')).toBe(true);
    expect(page.contacts.some((each) => each.caseId)).toBe(true);
    for (const contact of page.contacts) {
      const staffId = dataset.contacts.find((each) => rowIdFor(each.id) === contact.id)?.staffId;
      expect(page.staffNames[contact.staffId]).toBe(dataset.staff.find((each) => each.id === staffId)?.displayName);
    }
  });

  it('filters by channel', async () => {
    for (const channels of [['phone'], ['email', 'letter'], ['web-form', 'web-chat', 'face-to-face']] as ContactRecord['channel'][][]) {
      const residents = [...new Set(dataset.contacts.filter((each) => channels.includes(each.channel)).map((each) => each.residentId))].slice(0, 5);
      for (const residentId of residents) {
        const pages = await everyPage(rowIdFor(residentId), 3, channels);
        expect(pages.flat()).toEqual(expectedHistory(residentId, channels));
      }
    }
  });

  it('is empty for a resident with no contacts', async () => {
    const quiet = dataset.residents.find((resident) => !dataset.contacts.some((each) => each.residentId === resident.id));
    if (!quiet) return;
    expect(await backOffice.contactHistory(rowIdFor(quiet.id), { pageSize: 10, cursor: null })).toEqual({ contacts: [], nextCursor: null, staffNames: {} });
  });

  it('refuses a cursor from another resident’s history or one made up', async () => {
    const first = await backOffice.contactHistory(rowIdFor(busiest), { pageSize: 2, cursor: null });
    const someoneElse = dataset.residents.find((each) => each.id !== busiest)?.id ?? '';
    await expect(backOffice.contactHistory(rowIdFor(someoneElse), { pageSize: 2, cursor: first.nextCursor })).rejects.toMatchObject({ failure: 'rejected' });
    const elsewhere = Buffer.from(`https://attacker.example/api/data/v9.2/activitypointers?$filter=_regardingobjectid_value eq ${rowIdFor(busiest)}`).toString('base64url');
    await expect(backOffice.contactHistory(rowIdFor(busiest), { pageSize: 2, cursor: elsewhere })).rejects.toBeInstanceOf(BackOfficeError);
  });
});
