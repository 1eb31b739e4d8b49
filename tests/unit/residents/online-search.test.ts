import { describe, expect, it } from 'vitest';
import type { BackOffice } from '../../../main/core/back-office/port';
import { NotPossible } from '../../../main/core/ipc/router';
import { createOnlineSearch } from '../../../main/core/residents/online-search';
import type { SearchHit } from '../../../shared/domain/directory';
import type { StaffUser } from '../../../shared/domain/staff';

const officer: StaffUser = { id: 'stf-002', displayName: 'Test Officer', email: 'test.officer@example.org', role: 'agent', team: 'Contact Centre – Blue' };
const hit: SearchHit = {
  entry: { residentId: 'r-1', householdId: '', givenName: 'Ada', familyName: 'Okafor', dateOfBirth: '1980-01-01', addressLine: '1 Test Road', postcode: 'SE1 1AA', phones: [], email: null, councilTaxReference: null, rentReference: null, vulnerable: false },
  score: 2,
  matched: ['name'],
};
const office = (searchResidents?: BackOffice['searchResidents']) => ({ searchResidents }) as unknown as BackOffice;

describe('search in the council’s system, through main', () => {
  it('hands the officer’s text and how many to the back office, and its hits back', async () => {
    const asked: [string, number][] = [];
    const search = createOnlineSearch({ backOffice: () => Promise.resolve(office((text, top) => (asked.push([text, top]), Promise.resolve([hit])))), user: () => officer });
    expect(await search.search('Okafor', 10)).toEqual({ hits: [hit] });
    expect(asked).toEqual([['Okafor', 10]]);
  });

  it('refuses anyone not signed in, before asking the back office', async () => {
    let asked = false;
    const search = createOnlineSearch({ backOffice: () => Promise.resolve(office(() => ((asked = true), Promise.resolve([])))), user: () => null });
    await expect(search.search('Okafor', 10)).rejects.toBeInstanceOf(NotPossible);
    expect(asked).toBe(false);
    await expect(createOnlineSearch({ backOffice: () => Promise.resolve(null), user: () => officer }).search('Okafor', 10)).rejects.toThrow('Sign in to search for residents.');
  });

  it('finds nothing, without failing, where the back office has no search of its own', async () => {
    expect(await createOnlineSearch({ backOffice: () => Promise.resolve(office()), user: () => officer }).search('Okafor', 10)).toEqual({ hits: [] });
  });
});
