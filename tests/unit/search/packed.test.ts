import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateTrainingData } from '../../../main/core/training/generator';
import type { DirectoryEntry } from '../../../shared/domain/directory';
import { buildIndexData } from '../../../shared/search/build';
import { searchIndexData } from '../../../shared/search/engine';
import { packIndexData, PACKED_FORMAT, unpackIndexData } from '../../../shared/search/packed';

/** A generated borough's directory, as the back office sends it (synthetic residents only). */
function directory(): DirectoryEntry[] {
  const dataset = generateTrainingData({ residents: 3_000 });
  const households = new Map(dataset.households.map((household) => [household.id, household]));
  const councilTax = new Map(dataset.councilTaxAccounts.map((account) => [account.liableResidentId, account.reference]));
  const rent = new Map(dataset.rentAccounts.map((account) => [account.tenantResidentId, account.reference]));
  return dataset.residents.map((resident) => ({
    residentId: resident.id,
    householdId: resident.householdId,
    givenName: resident.givenName,
    familyName: resident.familyName,
    dateOfBirth: resident.dateOfBirth,
    addressLine: households.get(resident.householdId)?.address.line1 ?? '',
    postcode: households.get(resident.householdId)?.address.postcode ?? '',
    phones: resident.contact.phones.map((phone) => phone.number),
    email: resident.contact.email ?? null,
    councilTaxReference: councilTax.get(resident.id) ?? null,
    rentReference: rent.get(resident.id) ?? null,
    vulnerable: resident.id.endsWith('7'),
  }));
}

describe('a packed index (built in the worker, searched on the page, saved for the next start)', () => {
  const entries = directory();
  const built = buildIndexData(entries);
  const packed = packIndexData(built);
  // Through structured cloning, as a transfer to the page or a read from IndexedDB gives it back.
  const unpacked = unpackIndexData(structuredClone(packed));

  it('answers every kind of query exactly as the index it was packed from', () => {
    const original = searchIndexData(built);
    const again = searchIndexData(unpacked);
    const sample = entries.filter((_, i) => i % 150 === 0);
    const queries = sample.flatMap((entry) => [
      `${entry.givenName} ${entry.familyName}`,
      entry.familyName.slice(0, 3),
      `${entry.familyName.slice(0, 2)}${entry.familyName[3] ?? ''}${entry.familyName[2] ?? ''}${entry.familyName.slice(4)} ${entry.postcode}`,
      entry.dateOfBirth.split('-').reverse().join('/'),
      entry.phones[0] ?? entry.postcode,
      entry.email ?? entry.addressLine,
      entry.councilTaxReference ?? entry.addressLine.split(' ').slice(1).join(' '),
      entry.rentReference ?? entry.postcode.split(' ')[0]!,
    ]);
    expect(queries.length).toBeGreaterThan(100);
    let found = 0;
    for (const query of queries) {
      const expected = original.searchCounted(query, 20);
      expect(again.searchCounted(query, 20), query).toEqual(expected);
      found += expected.hits.length;
    }
    expect(found).toBeGreaterThan(queries.length);
  });

  it('gives back each resident whole, with their missing fields still missing', () => {
    expect(unpacked.entries.length).toBe(entries.length);
    for (let e = 0; e < entries.length; e += 97) expect(unpacked.entries[e]).toEqual(built.entries[e]);
    const sparse = { ...entries[0]!, phones: [], email: null, councilTaxReference: null, rentReference: null, vulnerable: true, givenName: 'Zoë' };
    const one = unpackIndexData(packIndexData(buildIndexData([sparse])));
    expect(one.entries[0]).toEqual(sparse);
    expect(one.entries[1]).toBeUndefined();
  });

  it('gives back each resident whole however often they are read, past the number it keeps decoded', () => {
    const fresh = unpackIndexData(structuredClone(packed));
    for (let round = 0; round < 2; round += 1) {
      for (let e = 0; e < entries.length; e += 1) expect(fresh.entries[e]).toEqual(built.entries[e]);
    }
    // A resident read again is the one kept, not decoded anew.
    expect(fresh.entries[entries.length - 1]).toBe(fresh.entries[entries.length - 1]);
  });

  it('gives back every term of every dictionary, those read from bytes as they are looked up included', () => {
    for (const [name, field] of Object.entries(built)) {
      if (!field || typeof field !== 'object' || !('dictionary' in field)) continue;
      const terms = (unpacked as unknown as Record<string, typeof field>)[name]!.dictionary.terms;
      expect(Array.from({ length: terms.length }, (_, t) => terms[t]), name).toEqual([...field.dictionary.terms]);
    }
    expect(built.emails.dictionary.terms.length).toBeGreaterThan(1000);
  });

  it('keeps GUID ids (Dataverse\'s) as 16 bytes and gives them back exactly; any other id as it was', () => {
    const live = entries.map((entry, e) => ({ ...entry, residentId: randomUUID(), householdId: e % 7 === 0 ? '' : randomUUID() }));
    const odd = [{ ...entries[1]!, residentId: randomUUID().toUpperCase(), householdId: 'hh-000002' }];
    const liveBuilt = buildIndexData([...live, ...odd]);
    const again = unpackIndexData(structuredClone(packIndexData(liveBuilt)));
    for (let e = 0; e < live.length; e += 53) expect(again.entries[e]).toEqual(liveBuilt.entries[e]);
    const oddAt = liveBuilt.entries.findIndex((entry) => entry.residentId === odd[0]!.residentId);
    expect(again.entries[oddAt]).toEqual(odd[0]);
    expect(liveBuilt.entries.filter((entry) => entry.householdId === '').length).toBeGreaterThan(100);
    // The same ids as 36 characters of text (not GUIDs, by one letter) take about 38 bytes more a resident.
    const asText = live.map((entry) => ({ ...entry, residentId: `x${entry.residentId.slice(1)}`, householdId: entry.householdId && `x${entry.householdId.slice(1)}` }));
    const saved = packIndexData(buildIndexData(asText)).buffer.byteLength - packIndexData(buildIndexData(live)).buffer.byteLength;
    expect(saved / live.length).toBeGreaterThan(30);
  });

  it('keeps text many residents share once, and a date, email or reference the record holds only there, giving each back exactly', () => {
    const lines = new Set(entries.map((entry) => entry.addressLine));
    expect(lines.size).toBeLessThan(entries.length / 1.5);
    expect(packed.layout.sections['entries.addressLine.count']![1]).toBe(lines.size);
    // An email or reference kept as typed (capitals, spaces) is not its normalised term, so it is kept in the entry's own text, and comes back as typed.
    const withEmails = entries.filter((entry) => entry.email !== null);
    const typed = withEmails.map((entry) => ({ ...entry, email: entry.email!.toUpperCase(), councilTaxReference: entry.councilTaxReference && ` ${entry.councilTaxReference.toLowerCase()}` }));
    const typedBuilt = buildIndexData(typed);
    const typedUnpacked = unpackIndexData(structuredClone(packIndexData(typedBuilt)));
    for (let e = 0; e < typed.length; e += 41) expect(typedUnpacked.entries[e]).toEqual(typedBuilt.entries[e]);
    const emailBytes = withEmails.reduce((sum, entry) => sum + entry.email!.length, 0);
    const extra = packIndexData(typedBuilt).buffer.byteLength - packIndexData(buildIndexData(withEmails)).buffer.byteLength;
    expect(extra).toBeGreaterThan(emailBytes * 0.9);
    const noDate = unpackIndexData(packIndexData(buildIndexData([{ ...entries[2]!, dateOfBirth: '' }])));
    expect(noDate.entries[0]!.dateOfBirth).toBe('');
  });

  it('keeps phones written the usual way only in the record, and any other way as typed', () => {
    const withPhones = entries.filter((entry) => entry.phones.length > 0);
    expect(withPhones.every((entry) => entry.phones.every((phone) => /^(020 \d{4} \d{4}|07\d{3} \d{6})$/.test(phone)))).toBe(true);
    const typed = withPhones.map((entry, n) => ({ ...entry, phones: entry.phones.map((phone) => (n % 2 === 0 ? phone.replaceAll(' ', '') : `+44 ${phone.slice(1)}`)) }));
    const typedBuilt = buildIndexData(typed);
    const typedUnpacked = unpackIndexData(structuredClone(packIndexData(typedBuilt)));
    for (let e = 0; e < typed.length; e += 37) expect(typedUnpacked.entries[e]).toEqual(typedBuilt.entries[e]);
    const written = withPhones.reduce((sum, entry) => sum + entry.phones.join(' ').length, 0);
    const extra = packIndexData(typedBuilt).buffer.byteLength - packIndexData(buildIndexData(withPhones)).buffer.byteLength;
    expect(extra).toBeGreaterThan(written * 0.8);
    // Two of the same number, or one with no digits: kept as typed, never shortened to what the record holds.
    const odd = { ...withPhones[0]!, phones: ['07700 900123', '07700 900123', 'ex-directory'] };
    expect(unpackIndexData(packIndexData(buildIndexData([odd]))).entries[0]).toEqual(odd);
  });

  it('keeps each resident’s number for a shared field in 32 bits once there are more than 65,536 values', () => {
    const many = Array.from({ length: 70_000 }, (_, n) => ({ ...entries[n % entries.length]!, residentId: `r-${n}`, addressLine: `${n} Long Lane` }));
    const built = buildIndexData(many);
    const layout = packIndexData(built).layout;
    expect(layout.sections['entries.addressLine.i32']).toBeDefined();
    expect(layout.sections['entries.givenName.u16']).toBeDefined();
    const again = unpackIndexData(packIndexData(built));
    for (let e = 0; e < many.length; e += 997) expect(again.entries[e]).toEqual(built.entries[e]);
  });

  it('keeps the arrays as views of the one buffer, not copies', () => {
    expect(unpacked.records.values.buffer).toBe(unpacked.names.dictionary.postings.buffer);
    expect(unpacked.records.values).toEqual(built.records.values);
  });

  it('packs every part of the index, so a part added later cannot be silently left out', () => {
    expect(Object.keys(unpacked).sort()).toEqual(Object.keys(built).sort());
    expect(() => packIndexData({ ...built, somethingNew: { a: 1 } } as never)).toThrow(/somethingNew/);
  });

  it('refuses a saved index of another format', () => {
    expect(() => unpackIndexData({ ...packed, layout: { ...packed.layout, format: PACKED_FORMAT + 1 } })).toThrow(/format/);
  });
});
