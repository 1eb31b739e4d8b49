import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { startDataverseStandIn } from '../../../main/core/training/dataverse/stand-in';
import type { TableDefinition } from '../../../main/core/training/dataverse/schema';
import { dataset } from './fixture';
import { entraTokens } from '../support/entra-tokens';

/**
 * Table definitions (EntityDefinitions) as Microsoft's "Query table definitions using the Web
 * API" shapes them, answered from the same schema the stand-in enforces; and the `tables`
 * option that alters that schema for a test or a broken environment.
 */
const API = '/api/data/v9.2/';
const tokens = entraTokens();
const headers = { Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' };

async function started(tables?: (definitions: TableDefinition[]) => TableDefinition[]) {
  // Agents hold no security role here: the officer the last test asks as.
  const standIn = await startDataverseStandIn({ dataset, tables, verifyAccessToken: tokens.verifyAccessToken, roles: (roles) => ({ ...roles, agent: {} }) });
  const fetch = httpsFetch(standIn.ca);
  return {
    standIn,
    async get(path: string, authorization: string | null = `Bearer ${tokens.app(standIn.url)}`) {
      const sent: Record<string, string> = { ...headers };
      if (authorization !== null) sent.Authorization = authorization;
      const response = await fetch(`${standIn.url}${API}${path}`, { headers: sent });
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>) };
    },
    async post(path: string, body: unknown) {
      const response = await fetch(`${standIn.url}${API}${path}`, { method: 'POST', headers: { ...headers, Authorization: `Bearer ${tokens.app(standIn.url)}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>) };
    },
    async close() {
      fetch.close();
      await standIn.close();
    },
  };
}

let plain: Awaited<ReturnType<typeof started>>;
beforeAll(async () => {
  plain = await started();
});
afterAll(() => plain.close());

const lengths = (body: Record<string, unknown> | null) => Object.fromEntries(((body?.value ?? []) as { LogicalName: string; MaxLength: number }[]).map((each) => [each.LogicalName, each.MaxLength]));

describe('table definitions', () => {
  it('answers a table by its logical name with its entity set name', async () => {
    const answer = await plain.get("EntityDefinitions(LogicalName='incident')?$select=LogicalName,EntitySetName");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      '@odata.context': `${plain.standIn.url}${API}$metadata#EntityDefinitions(LogicalName,EntitySetName)/$entity`,
      LogicalName: 'incident',
      EntitySetName: 'incidents',
      MetadataId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/),
    });
    const custom = await plain.get("EntityDefinitions(LogicalName='cd_residentaccess')?$select=LogicalName,EntitySetName");
    expect(custom.body).toMatchObject({ LogicalName: 'cd_residentaccess', EntitySetName: 'cd_residentaccesses' });
  });

  it('answers 404 with Dataverse’s error for a table the environment does not have', async () => {
    const answer = await plain.get("EntityDefinitions(LogicalName='cd_nosuchtable')?$select=LogicalName,EntitySetName");
    expect(answer).toEqual({ status: 404, body: { error: { code: '0x80040217', message: "Could not find entity with name 'cd_nosuchtable'." } } });
  });

  it('lists the single-line text columns with their lengths through the StringAttributeMetadata cast', async () => {
    const answer = await plain.get("EntityDefinitions(LogicalName='incident')/Attributes/Microsoft.Dynamics.CRM.StringAttributeMetadata?$select=LogicalName,MaxLength");
    expect(answer.status).toBe(200);
    expect(answer.body?.['@odata.context']).toBe(`${plain.standIn.url}${API}$metadata#EntityDefinitions('incident')/Attributes/Microsoft.Dynamics.CRM.StringAttributeMetadata(LogicalName,MaxLength)`);
    expect((answer.body?.value as unknown[])[0]).toEqual({ LogicalName: expect.any(String), MaxLength: expect.any(Number), MetadataId: expect.any(String) });
    const found = lengths(answer.body);
    expect(found).toMatchObject({ title: 200, ticketnumber: 100, cd_reference: 20, cd_location: 500, cd_postcode: 10, cd_servicestandard: 64, cd_capturedby: 64 });
    // A Memo is not a String: the description is in the other cast.
    expect(found).not.toHaveProperty('description');
  });

  it('lists the multiple-lines text columns through the MemoAttributeMetadata cast', async () => {
    expect(lengths((await plain.get("EntityDefinitions(LogicalName='incident')/Attributes/Microsoft.Dynamics.CRM.MemoAttributeMetadata?$select=LogicalName,MaxLength")).body)).toEqual({ description: 2000 });
    expect(lengths((await plain.get("EntityDefinitions(LogicalName='cd_qualityreview')/Attributes/Microsoft.Dynamics.CRM.MemoAttributeMetadata?$select=LogicalName,MaxLength")).body)).toEqual({ cd_answers: 8500, cd_comments: 2000 });
    expect(lengths((await plain.get("EntityDefinitions(LogicalName='annotation')/Attributes/Microsoft.Dynamics.CRM.MemoAttributeMetadata?$select=LogicalName,MaxLength")).body)).toEqual({ notetext: 100000 });
  });

  it('lists every column with its type and required level as a managed property', async () => {
    const answer = await plain.get("EntityDefinitions(LogicalName='incident')/Attributes?$select=LogicalName,AttributeType,RequiredLevel");
    expect(answer.status).toBe(200);
    const columns = answer.body?.value as { LogicalName: string; AttributeType: string; RequiredLevel: { Value: string } }[];
    const byName = Object.fromEntries(columns.map((each) => [each.LogicalName, each]));
    expect(byName.customerid).toMatchObject({
      '@odata.type': '#Microsoft.Dynamics.CRM.LookupAttributeMetadata',
      AttributeType: 'Customer',
      RequiredLevel: { Value: 'SystemRequired', CanBeChanged: false, ManagedPropertyLogicalName: 'canmodifyrequirementlevelsettings' },
    });
    expect(byName.title).toMatchObject({ '@odata.type': '#Microsoft.Dynamics.CRM.StringAttributeMetadata', AttributeType: 'String', RequiredLevel: { Value: 'ApplicationRequired', CanBeChanged: true } });
    expect(byName.description).toMatchObject({ AttributeType: 'Memo', RequiredLevel: { Value: 'None' } });
    expect(byName.cd_category).toMatchObject({ AttributeType: 'Picklist' });
    expect(byName.statecode).toMatchObject({ AttributeType: 'State' });
    expect(byName).not.toHaveProperty('_customerid_value');
  });

  it('needs only a token, whatever the officer’s roles; no token is 401', async () => {
    const agent = dataset.staff.find((member) => member.role === 'agent')?.id ?? '';
    const noRoles = `Bearer ${tokens.officer(plain.standIn.url, dataset, agent)}`;
    // A user with no security role may read no markers, but may read what the table is.
    expect((await plain.get('cd_staffsafetymarkers?$top=1', noRoles)).status).toBe(403);
    expect((await plain.get("EntityDefinitions(LogicalName='cd_staffsafetymarker')?$select=LogicalName,EntitySetName", noRoles)).status).toBe(200);
    expect((await plain.get("EntityDefinitions(LogicalName='cd_staffsafetymarker')/Attributes?$select=LogicalName,AttributeType,RequiredLevel", noRoles)).status).toBe(200);
    expect((await plain.get("EntityDefinitions(LogicalName='contact')?$select=LogicalName,EntitySetName", null)).status).toBe(401);
  });
});

describe('the tables option', () => {
  it('drops a table: its definition is 404 and its rows are gone', async () => {
    const altered = await started((definitions) => definitions.filter((each) => each.logicalName !== 'cd_repeatcontact'));
    try {
      expect((await altered.get("EntityDefinitions(LogicalName='cd_repeatcontact')?$select=LogicalName,EntitySetName")).status).toBe(404);
      expect((await altered.get('cd_repeatcontacts?$top=1')).status).toBe(404);
      expect((await altered.get("EntityDefinitions(LogicalName='incident')?$select=LogicalName,EntitySetName")).status).toBe(200);
    } finally {
      await altered.close();
    }
  });

  it('drops a column and shortens a length: the definitions say so and writes are held to them', async () => {
    const altered = await started((definitions) =>
      definitions.map((each) => {
        if (each.logicalName !== 'incident') return each;
        const { cd_location: _dropped, ...columns } = each.columns;
        return { ...each, columns: { ...columns, description: { type: 'text', maxLength: 100, memo: true } } };
      }),
    );
    try {
      expect(lengths((await altered.get("EntityDefinitions(LogicalName='incident')/Attributes/Microsoft.Dynamics.CRM.StringAttributeMetadata?$select=LogicalName,MaxLength")).body)).not.toHaveProperty('cd_location');
      expect(lengths((await altered.get("EntityDefinitions(LogicalName='incident')/Attributes/Microsoft.Dynamics.CRM.MemoAttributeMetadata?$select=LogicalName,MaxLength")).body)).toEqual({ description: 100 });
      // The seed cases still load (their cd_location left out), and a write is held to the shorter column.
      expect(altered.standIn.rows('incidents').length).toBeGreaterThan(0);
      const resident = String(altered.standIn.rows('contacts')[0]?.contactid);
      const aCase = { title: 'Noise', 'customerid_contact@odata.bind': `/contacts(${resident})` };
      expect(await altered.post('incidents', { ...aCase, description: 'x'.repeat(101) })).toMatchObject({ status: 400, body: { error: { code: '0x80044331' } } });
      expect(await altered.post('incidents', { ...aCase, cd_location: 'By the bins' })).toMatchObject({ status: 400, body: { error: { message: "Could not find a property named 'cd_location' on type 'Microsoft.Dynamics.CRM.incident'." } } });
      expect((await altered.post('incidents', { ...aCase, description: 'x'.repeat(100) })).status).toBe(204);
    } finally {
      await altered.close();
    }
  });
});
