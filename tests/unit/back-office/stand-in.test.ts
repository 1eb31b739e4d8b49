import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataverseBackOffice } from '../../../main/core/back-office/dataverse/dataverse-back-office';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { rowIdFor, trainingIdFor } from '../../../main/core/training/dataverse/row-ids';
import { startDataverseStandIn } from '../../../main/core/training/dataverse/stand-in';
import { asOf, dataset, startHarness, type Harness } from './fixture';

/**
 * The stand-in's wire format, checked the way Microsoft documents the Web API, so the
 * adapter's tests above are against something that behaves like Dataverse.
 */
let harness: Harness;
const FORMATTED = 'OData.Community.Display.V1.FormattedValue';

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

async function get(path: string, prefer?: string) {
  const headers: Record<string, string> = { Authorization: harness.authorization, Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' };
  if (prefer) headers.Prefer = prefer;
  const response = await harness.fetch(`${harness.standIn.url}/api/data/v9.2/${path}`, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { value?: Record<string, unknown>[] } };
}

describe('the Dataverse stand-in speaks the Web API', () => {
  it('pages as asked with Prefer: odata.maxpagesize and says so', async () => {
    const first = await get('contacts?$select=firstname', 'odata.maxpagesize=2');
    expect(first.status).toBe(200);
    expect(first.headers.get('odata-version')).toBe('4.0');
    expect(first.headers.get('preference-applied')).toBe('odata.maxpagesize=2');
    expect(first.body['@odata.context']).toBe(`${harness.standIn.url}/api/data/v9.2/$metadata#contacts(firstname)`);
    expect(first.body.value).toHaveLength(2);
    expect(first.body.value?.[0]).toEqual({ '@odata.etag': expect.stringMatching(/^W\/"\d+"$/), firstname: dataset.residents[0]?.givenName, contactid: rowIdFor('res-000001') });
    const next = String(first.body['@odata.nextLink']);
    expect(next).toMatch(/contacts\?\$select=firstname&\$skiptoken=/);
    const second = await get(next.slice(`${harness.standIn.url}/api/data/v9.2/`.length), 'odata.maxpagesize=2');
    expect(second.body.value?.map((row) => row.contactid)).toEqual([rowIdFor('res-000003'), rowIdFor('res-000004')]);
  });

  it('adds formatted values only when asked', async () => {
    const path = `incidents?$select=statecode,_ownerid_value,cd_dueon&$filter=incidentid eq ${rowIdFor('case-0000001')}`;
    const plain = await get(path);
    expect(Object.keys(plain.body.value?.[0] ?? {}).some((key) => key.includes('@OData'))).toBe(false);
    const annotated = await get(path, `odata.include-annotations="${FORMATTED}"`);
    const row = annotated.body.value?.[0] ?? {};
    expect(row[`statecode@${FORMATTED}`]).toBe('Active');
    expect(row[`_ownerid_value@${FORMATTED}`]).toBe(dataset.staff.find((each) => each.id === 'stf-031')?.displayName);
    expect(row[`cd_dueon@${FORMATTED}`]).toBe('27/02/2024');
    expect(annotated.headers.get('preference-applied')).toBe(`odata.include-annotations="${FORMATTED}"`);
  });

  it('answers mistakes with Dataverse’s error shape', async () => {
    const unknown = await get('contacts?$select=nonsense');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ error: { code: '0x80060888', message: "Could not find a property named 'nonsense' on type 'Microsoft.Dynamics.CRM.contact'." } });
    const missing = await get('contacts(00000001-0000-4000-8000-000000999999)');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: '0x80040217' });
    expect((await get('contacts?$skip=10')).status).toBe(400);
  });

  it('refuses $filter, $orderby and $top alongside change tracking, as documented', async () => {
    const refused = await get('contacts?$select=firstname&$filter=firstname eq \'A\'', 'odata.track-changes');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ message: 'The "$filter" query parameter isn\'t supported when Change Tracking is enabled.' });
  });

  it('reports deletions in a delta as $deletedEntity entries', async () => {
    const start = await get('contacts?$select=lastname', 'odata.track-changes');
    expect(start.headers.get('preference-applied')).toContain('odata.track-changes');
    const deltaLink = String(start.body['@odata.deltaLink']);
    expect(deltaLink).toMatch(/contacts\?\$select=lastname&\$deltatoken=\d+/);
    harness.standIn.mutate.remove('contacts', rowIdFor('res-000300'));
    const delta = await get(deltaLink.slice(`${harness.standIn.url}/api/data/v9.2/`.length));
    expect(delta.body['@odata.context']).toBe(`${harness.standIn.url}/api/data/v9.2/$metadata#contacts(lastname)/$delta`);
    expect(delta.body.value).toEqual([{ '@odata.context': `${harness.standIn.url}/api/data/v9.2/$metadata#contacts/$deletedEntity`, id: rowIdFor('res-000300'), reason: 'deleted' }]);
  });

  it('creates a row with 204 and OData-EntityId, and refuses the same id twice with 412', async () => {
    const id = '6f1a0c2e-5b7d-4c1e-9a3b-2d4e6f8a0b1c';
    const body = JSON.stringify({ cd_residentaccessid: id, cd_staffid: 'stf-001', 'cd_ResidentId@odata.bind': `/contacts(${rowIdFor('res-000010')})` });
    const post = () =>
      harness.fetch(`${harness.standIn.url}/api/data/v9.2/cd_residentaccesses`, { method: 'POST', headers: { Authorization: harness.authorization, 'Content-Type': 'application/json' }, body });
    const created = await post();
    expect(created.status).toBe(204);
    expect(created.headers.get('odata-entityid')).toBe(`${harness.standIn.url}/api/data/v9.2/cd_residentaccesses(${id})`);
    const again = await post();
    expect(again.status).toBe(412);
    expect(JSON.parse(await again.text())).toMatchObject({ error: { code: '0x80040237' } });
  });

  it('names rows with GUIDs that lead back to the training data', () => {
    expect(rowIdFor('res-000123')).toBe('00000001-0000-4000-8000-000000000123');
    for (const id of ['res-000123', 'hh-000001', 'case-0000042', 'con-0001234', 'stf-031', 'flg-000007']) expect(trainingIdFor(rowIdFor(id))).toBe(id);
    expect(trainingIdFor('49b0be2e-d01c-ed11-b83e-000d3a572421')).toBeNull();
  });
});

describe('the publisher prefix', () => {
  it('is the administrator’s choice, and the adapter must be told it', async () => {
    const standIn = await startDataverseStandIn({ dataset, publisherPrefix: 'lbs', now: () => asOf, verifyAccessToken: harness.tokens.verifyAccessToken });
    const fetch = httpsFetch(standIn.ca);
    const office = (publisherPrefix: string) =>
      createDataverseBackOffice({ dataverseUrl: standIn.url, getAccessToken: async () => harness.tokens.app(standIn.url), fetch, publisherPrefix, now: () => asOf, sleep: async () => undefined });
    try {
      const record = await office('lbs').resident360(rowIdFor('res-000001'));
      expect(record?.councilTaxAccount?.reference).toBe(dataset.councilTaxAccounts[0]?.reference);
      await expect(office('cd').resident360(rowIdFor('res-000001'))).rejects.toMatchObject({ failure: 'rejected', status: 400 });
      expect(() => office('Not A Prefix')).toThrow(/publisher prefix/);
    } finally {
      fetch.close();
      await standIn.close();
    }
  });
});
