import { describe, expect, it } from 'vitest';
import type { BackOffice } from '../../../main/core/back-office/port';
import { NotPossible } from '../../../main/core/ipc/router';
import { createOnlineSearch, ONLINE_SEARCH_GAP_MS } from '../../../main/core/residents/online-search';
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

describe('paced to Dataverse search’s one request a second', () => {
  it('sends at once after a quiet second, holds a search asked within the gap, and sends only the newest of those held', async () => {
    let clock = 0;
    const sleeps: { ms: number; wake: () => void }[] = [];
    const sent: string[] = [];
    const search = createOnlineSearch({
      backOffice: () => Promise.resolve(office((text) => (sent.push(text), Promise.resolve([hit])))),
      user: () => officer,
      now: () => clock,
      sleep: (ms) => new Promise((wake) => sleeps.push({ ms, wake })),
    });
    expect(await search.search('Ok', 10)).toEqual({ hits: [hit] });
    clock = 300;
    const older = search.search('Okaf', 10);
    const newer = search.search('Okafor', 10);
    await Promise.resolve();
    await Promise.resolve();
    expect(sleeps.map((each) => each.ms)).toEqual([ONLINE_SEARCH_GAP_MS - 300, ONLINE_SEARCH_GAP_MS - 300]);
    clock = ONLINE_SEARCH_GAP_MS;
    for (const each of sleeps) each.wake();
    await expect(older).rejects.toThrow('A newer search took this one’s place.');
    expect(await newer).toEqual({ hits: [hit] });
    expect(sent).toEqual(['Ok', 'Okafor']);
    clock = ONLINE_SEARCH_GAP_MS * 2 + 1;
    await search.search('Okafor M', 10);
    expect(sleeps).toHaveLength(2);
    expect(sent).toEqual(['Ok', 'Okafor', 'Okafor M']);
  });
});
