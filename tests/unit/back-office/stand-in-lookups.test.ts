import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsToTry } from '../../../main/core/training/dataverse/query';
import type { StoredTable } from '../../../main/core/training/dataverse/store';
import { startHarness, type Harness } from './fixture';

/**
 * The stand-in finds a resident's activities by their lookup rather than reading every row
 * (it holds 60,000 contacts in training): the answers must be exactly what reading every
 * row gives, however the rows change.
 */
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const A = '0000000a-0000-4000-8000-000000000001';

describe('the rows a filter can match', () => {
  // A table whose only resident with contacts is A, in rows k1 and k2.
  const table = {
    definition: { key: 'activityid' },
    withLookup: (column: string, value: string) => {
      if (column === '_regardingobjectid_value' && value.toLowerCase() === A) return new Set(['k1', 'k2']);
      if (column === 'mobilephone' && value === "07700 900'123") return new Set(['k3']);
      if (column === 'telephone1' && value === '07700900123') return new Set(['k4']);
      return new Set();
    },
  } as unknown as StoredTable;
  const K1 = '0000000b-0000-4000-8000-000000000001';
  const K2 = '0000000b-0000-4000-8000-000000000002';

  it('are those with the lookup one of the top-level "and" conditions requires', () => {
    expect(rowsToTry(`_regardingobjectid_value eq ${A}`, table)).toEqual(['k1', 'k2']);
    expect(rowsToTry(`statecode eq 1 and _regardingobjectid_value eq ${A.toUpperCase()} and (activitytypecode eq 'phonecall' or activitytypecode eq 'email')`, table)).toEqual(['k1', 'k2']);
    expect(rowsToTry(`subject eq 'x or y' and _regardingobjectid_value eq ${A}`, table)).toEqual(['k1', 'k2']);
  });

  it('are the keys a filter lists, alone or in brackets', () => {
    expect(rowsToTry(`activityid eq ${K1}`, table)).toEqual([K1]);
    expect(rowsToTry(`(activityid eq ${K1} or activityid eq ${K2.toUpperCase()}) and statecode eq 1`, table)).toEqual([K1, K2]);
  });

  it('are those with the phone numbers a filter lists, as a tenant indexes its phone columns', () => {
    expect(rowsToTry(`(mobilephone eq '07700 900''123' or telephone1 eq '07700900123') and statecode eq 0`, table)).toEqual(['k3', 'k4']);
    expect(rowsToTry(`telephone1 eq '07700900123'`, table)).toEqual(['k4']);
  });

  it('are every row when "or" joins at the top level, or the condition sits inside brackets, a string or another column', () => {
    expect(rowsToTry(`_regardingobjectid_value eq ${A} or statecode eq 1`, table)).toBeNull();
    expect(rowsToTry(`(_cd_caseid_value eq ${A} or _regardingobjectid_value eq ${A})`, table)).toBeNull();
    expect(rowsToTry(`subject eq '_regardingobjectid_value eq ${A}'`, table)).toBeNull();
    expect(rowsToTry(`(activityid eq ${K1} or statecode eq 1)`, table)).toBeNull();
    expect(rowsToTry(`(activityid eq ${K1} or (activityid eq ${K2} and statecode eq 1))`, table)).toBeNull();
    expect(rowsToTry(`activityid ne ${K1}`, table)).toBeNull();
    expect(rowsToTry('statecode eq 1', table)).toBeNull();
    // Only the phone columns are indexed, and only every listed condition found by one narrows.
    expect(rowsToTry(`lastname eq 'Okafor'`, table)).toBeNull();
    expect(rowsToTry(`(mobilephone eq '07700900123' or lastname eq 'Okafor')`, table)).toBeNull();
    expect(rowsToTry(`(mobilephone eq 'a or telephone1 eq ''b')`, table)).toBeNull();
  });
});

describe('reading by a lookup', () => {
  /** The keys of the rows the stand-in answers with, phone calls unless another table is named. */
  const read = async (filter: string, entitySet = 'phonecalls', key = 'activityid') => {
    const response = await harness.fetch(`${harness.standIn.url}/api/data/v9.2/${entitySet}?$select=${key}&$filter=${encodeURIComponent(filter)}`, { headers: { Authorization: harness.authorization, Accept: 'application/json' } });
    const body = JSON.parse(await response.text()) as { value: Record<string, string>[] };
    return body.value.map((row) => String(row[key])).sort();
  };
  const byScan = (resident: string) =>
    harness.standIn
      .rows('phonecalls')
      .filter((row) => String(row._regardingobjectid_value).toLowerCase() === resident.toLowerCase())
      .map((row) => String(row.activityid))
      .sort();

  it('finds what reading every row finds, before and after a call moves to another resident and back', async () => {
    const calls = harness.standIn.rows('phonecalls').filter((row) => row._regardingobjectid_value !== null);
    const [first, second] = [...new Set(calls.map((row) => String(row._regardingobjectid_value)))];
    if (!first || !second) throw new Error('the fixture needs calls for two residents');
    const moved = calls.find((row) => row._regardingobjectid_value === first);
    expect(await read(`_regardingobjectid_value eq ${first}`)).toEqual(byScan(first));
    harness.standIn.mutate.update('phonecalls', String(moved?.activityid), { _regardingobjectid_value: second });
    expect(await read(`_regardingobjectid_value eq ${first}`)).toEqual(byScan(first));
    expect(await read(`_regardingobjectid_value eq ${second} and statecode eq ${String(moved?.statecode)}`)).toContain(String(moved?.activityid));
    expect(await read(`_regardingobjectid_value eq ${second}`)).toEqual(byScan(second));
    harness.standIn.mutate.update('phonecalls', String(moved?.activityid), { _regardingobjectid_value: first });
    expect(await read(`_regardingobjectid_value eq ${first}`)).toEqual(byScan(first));
    expect(await read(`_regardingobjectid_value eq ${first.toUpperCase()}`)).toEqual(byScan(first));
  });

  it('finds listed keys as reading every row would', async () => {
    const [one, two] = harness.standIn.rows('phonecalls').map((row) => String(row.activityid));
    expect(await read(`(activityid eq ${String(one)} or activityid eq ${String(two)})`)).toEqual([String(one), String(two)].sort());
    expect(await read(`activityid eq ${String(one)} and statecode eq 99`)).toEqual([]);
  });

  it('finds residents by phone as reading every row would, after a number moves to another resident', async () => {
    const readContacts = (filter: string) => read(filter, 'contacts', 'contactid');
    const withNumber = (number: string) =>
      harness.standIn
        .rows('contacts')
        .filter((row) => row.mobilephone === number || row.telephone1 === number)
        .map((row) => String(row.contactid))
        .sort();
    const [owner, other] = harness.standIn.rows('contacts').filter((row) => typeof row.mobilephone === 'string' && row.mobilephone !== '');
    if (!owner || !other) throw new Error('the fixture needs two residents with mobiles');
    const number = String(owner.mobilephone);
    const byPhone = `(mobilephone eq '${number}' or telephone1 eq '${number}')`;
    expect(await readContacts(byPhone)).toEqual(withNumber(number));
    expect(await readContacts(byPhone)).toContain(String(owner.contactid));
    harness.standIn.mutate.update('contacts', String(owner.contactid), { mobilephone: '07700 900999' });
    harness.standIn.mutate.update('contacts', String(other.contactid), { telephone1: number });
    expect(await readContacts(byPhone)).toEqual(withNumber(number));
    expect(await readContacts(byPhone)).toContain(String(other.contactid));
    expect(await readContacts(byPhone)).not.toContain(String(owner.contactid));
  });

  it('no longer finds a removed row', async () => {
    const call = harness.standIn.rows('phonecalls').find((row) => row._regardingobjectid_value !== null);
    const resident = String(call?._regardingobjectid_value);
    expect(await read(`_regardingobjectid_value eq ${resident}`)).toContain(String(call?.activityid));
    harness.standIn.mutate.remove('phonecalls', String(call?.activityid));
    expect(await read(`_regardingobjectid_value eq ${resident}`)).not.toContain(String(call?.activityid));
    expect(await read(`_regardingobjectid_value eq ${resident}`)).toEqual(byScan(resident));
  });
});
