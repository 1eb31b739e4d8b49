import { describe, expect, it } from 'vitest';
import { dataverseChecks } from '../../../main/core/tenant-readiness/dataverse-checks';
import { DATAVERSE_REQUIREMENTS, DATAVERSE_TYPED_COLUMNS } from '../../../main/core/tenant-readiness/dataverse-requirements';
import { ROLE_PRIVILEGES } from '../../../main/core/tenant-readiness/privilege-requirements';
import type { ServiceAnswer, TenantConnection } from '../../../main/core/tenant-readiness/tenant';

const USER = '0000000a-0000-4000-8000-0000000000aa';
const ANONYMOUS = '6b1e2f0a-5c3d-4e8f-9a1b-2c3d4e5f6a7b';
const officer = { userId: 'entra-oid', name: 'Test Leader', role: 'team-leader' as const };

/**
 * A council's Dataverse as its metadata answers describe it, in Microsoft's shapes: a table is
 * its EntityDefinitions entry, a text column its String or Memo attribute with MaxLength, and
 * the officer's privileges RetrieveUserPrivileges' RolePrivileges.
 */
function environment(options: { prefix?: string; tables?: Record<string, Record<string, number>>; typed?: Record<string, Record<string, string>>; privileges?: string[]; contacts?: Record<string, Record<string, unknown>> }): TenantConnection {
  const prefix = options.prefix ?? 'cd';
  const rename = (name: string) => (name.startsWith('cd_') ? `${prefix}_${name.slice(3)}` : name);
  const tables = options.tables ?? Object.fromEntries(Object.entries(DATAVERSE_REQUIREMENTS).map(([table, columns]) => [rename(table), Object.fromEntries(Object.entries(columns).map(([column, length]) => [rename(column), length]))]));
  // Columns of other types, by AttributeType: those CivicDesk needs, unless a test says otherwise.
  const typed = options.typed ?? Object.fromEntries(Object.entries(DATAVERSE_TYPED_COLUMNS).map(([table, columns]) => [rename(table), Object.fromEntries(Object.entries(columns).map(([column, type]) => [rename(column), type]))]));
  const privileges = options.privileges ?? Object.entries(ROLE_PRIVILEGES['team-leader']).flatMap(([table, held]) => held.map((privilege) => `prv${privilege}${rename(table)}`));
  const answer = (path: string): ServiceAnswer => {
    if (path === 'WhoAmI') return { status: 200, body: { BusinessUnitId: USER, UserId: USER, OrganizationId: USER } };
    // Dataverse search on, indexing contacts' names (tests/unit/tenant-readiness/search-check.test.ts tries it off).
    if (path === 'searchstatus') return { status: 200, body: { response: JSON.stringify({ value: { status: 'provisioned', entitystatusresults: [{ entitylogicalname: 'contact', searchableindexedfieldinfomap: Object.fromEntries(['firstname', 'lastname', 'birthdate', 'address1_line1', 'address1_postalcode', 'mobilephone', 'telephone1', 'emailaddress1', rename('cd_counciltaxreference'), rename('cd_rentreference'), rename('cd_hasvulnerabilityflag')].map((column) => [column, {}])) }] } }) } };
    const contact = /^contacts\(([0-9a-f-]{36})\)\?\$select=([\w,]+)$/.exec(path);
    if (contact) {
      if (!privileges.includes('prvReadcontact')) return { status: 403, body: { error: { code: '0x80040220', message: `Principal user (Id=${USER}, type=8), is missing prvReadcontact privilege on entity 'contact'.` } } };
      const row = (options.contacts ?? { [ANONYMOUS]: { fullname: 'Anonymous reporter (council record)' } })[contact[1] ?? ''];
      if (!row) return { status: 404, body: { error: { code: '0x80040217', message: `contact With Id = ${contact[1]} Does Not Exist` } } };
      const columns = (contact[2] ?? '').split(',');
      return { status: 200, body: Object.fromEntries(columns.map((column) => [column, column === 'contactid' ? contact[1] : (row[column] ?? null)])) };
    }
    if (path === `systemusers(${USER})/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()`) return { status: 200, body: { RolePrivileges: privileges.map((name) => ({ Depth: 'Global', PrivilegeId: USER, BusinessUnitId: USER, PrivilegeName: name })) } };
    const every = /^EntityDefinitions\(LogicalName='([a-z_]+)'\)\/Attributes\?\$select=LogicalName,AttributeType$/.exec(path);
    if (every && tables[every[1] ?? '']) {
      const name = every[1] ?? '';
      const value = [...Object.keys(tables[name] ?? {}).map((LogicalName) => ({ LogicalName, AttributeType: 'String' })), ...Object.entries(typed[name] ?? {}).map(([LogicalName, AttributeType]) => ({ LogicalName, AttributeType }))];
      return { status: 200, body: { value: value.map((each) => ({ ...each, MetadataId: USER })) } };
    }
    const match = /^EntityDefinitions\(LogicalName='([a-z_]+)'\)(?:\/Attributes\/Microsoft\.Dynamics\.CRM\.(\w+))?\?\$select=/.exec(path);
    const table = match ? tables[match[1] ?? ''] : undefined;
    if (!match || !table) return { status: 404, body: { error: { code: '0x80060888', message: 'Could not find entity' } } };
    if (!match[2]) return { status: 200, body: { LogicalName: match[1], EntitySetName: `${match[1]}s` } };
    // Here every text column is single-line but the two kinds are asked for; the memo answer is empty.
    const value = match[2] === 'StringAttributeMetadata' ? Object.entries(table).map(([LogicalName, MaxLength]) => ({ LogicalName, MaxLength, MetadataId: USER })) : [];
    return { status: 200, body: { value } };
  };
  return {
    settings: { tenantId: 't', clientId: 'c', dataverseUrl: 'https://council.crm11.dynamics.com', publisherPrefix: prefix, anonymousContactId: ANONYMOUS, expertTeams: {}, escalationChannels: {}, bookingsBusinessId: null },
    signIn: () => Promise.resolve(officer),
    accessToken: () => Promise.resolve('token'),
    dataverse: (path) => Promise.resolve(answer(path)),
    graph: () => Promise.reject(new Error('not Graph')),
  };
}

const failures = async (connection: TenantConnection) => (await dataverseChecks(connection, 'token', officer)).filter((check) => check.ok !== true);

describe('the Dataverse checks, against metadata in Microsoft’s shapes', () => {
  it('pass for an environment made as the docs say, under the council’s own publisher prefix', async () => {
    expect(await failures(environment({ prefix: 'lbs' }))).toEqual([]);
  });

  it('name a column too short, with the length CivicDesk needs and where to change it', async () => {
    const made = environment({});
    const tables = { ...Object.fromEntries(Object.entries(DATAVERSE_REQUIREMENTS).map(([table, columns]) => [table, { ...columns }])) };
    tables.incident = { ...tables.incident, cd_location: 100 };
    const [short] = await failures({ ...made, dataverse: environment({ tables }).dataverse });
    expect(short).toMatchObject({ id: 'dataverse-table:incident', ok: false, detail: 'Too short: cd_location holds 100 characters, CivicDesk writes up to 500.' });
    expect(short?.fix).toContain('Maximum character count');
  });

  it('name a missing column and a missing table of the council’s own', async () => {
    const tables = Object.fromEntries(Object.entries(DATAVERSE_REQUIREMENTS).filter(([table]) => table !== 'cd_repeatcontact').map(([table, columns]) => [table, { ...columns }]));
    delete tables.phonecall?.cd_casereferences;
    const found = await failures(environment({ tables }));
    expect(found.map((check) => [check.id, check.detail])).toEqual([
      ['dataverse-table:phonecall', 'Missing: cd_casereferences (text, at least 440).'],
      ['dataverse-table:cd_repeatcontact', 'The table cd_repeatcontact does not exist in this environment.'],
    ]);
    expect(found[1]?.fix).toContain('Power Apps → Tables → New table');
  });

  it('name a call back column that is missing or of another type, and say a type cannot be changed', async () => {
    const typed = { phonecall: { scheduledstart: 'DateTime', scheduledend: 'DateTime', lbs_callbackfor: 'String' } };
    const [phonecall] = await failures(environment({ prefix: 'lbs', typed }));
    expect(phonecall).toMatchObject({
      id: 'dataverse-table:phonecall',
      ok: false,
      detail: 'Missing: lbs_callbackattempts (whole number). Of another type: lbs_callbackfor is text, CivicDesk needs choice.',
    });
    expect(phonecall?.fix).toContain('Add the missing columns to phonecall');
    expect(phonecall?.fix).toContain('cannot be changed');
  });

  it('take Dataverse’s shared Activity privileges for the activity tables, and name a privilege the role lacks', async () => {
    const named = Object.entries(ROLE_PRIVILEGES['team-leader']).flatMap(([table, held]) =>
      held.map((privilege) => (['phonecall', 'cd_facetoface', 'email', 'letter', 'appointment', 'cd_webform', 'cd_webchat', 'activitypointer'].includes(table) ? `prv${privilege}Activity` : `prv${privilege}${table}`)),
    );
    expect(await failures(environment({ privileges: named }))).toEqual([]);
    const [lacking] = await failures(environment({ privileges: named.filter((name) => name !== 'prvAppendTocontact') }));
    expect(lacking).toMatchObject({ id: 'dataverse-privileges', ok: false, detail: 'The officer is missing the privilege: prvAppendTocontact.' });
  });

  it('name an anonymous contact that is not there, or that the officer may not read, with the privilege', async () => {
    const [missing] = await failures(environment({ contacts: {} }));
    expect(missing).toMatchObject({ id: 'dataverse-anonymous-contact', ok: false, detail: `The contact anonymousContactId names (${ANONYMOUS}) does not exist in Dataverse.`, fix: expect.stringContaining('"Anonymous reporter (council record)"') });
    expect(missing?.fix).toContain('civicdesk.config.json');
    const privileges = Object.entries(ROLE_PRIVILEGES['team-leader']).flatMap(([table, held]) => held.map((privilege) => `prv${privilege}${table}`));
    const refused = (await failures(environment({ privileges: privileges.filter((name) => name !== 'prvReadcontact') }))).find((check) => check.id === 'dataverse-anonymous-contact');
    expect(refused).toMatchObject({ ok: false, detail: expect.stringContaining('is missing prvReadcontact privilege'), fix: expect.stringContaining('prvReadcontact') });
  });

  it('refuse a resident’s own record as the anonymous contact, without putting their name in the report', async () => {
    const [resident] = await failures(environment({ prefix: 'lbs', contacts: { [ANONYMOUS]: { fullname: 'Ada Okafor', _lbs_householdid_value: USER, lbs_counciltaxreference: 'CT1234567' } } }));
    expect(resident).toMatchObject({ id: 'dataverse-anonymous-contact', ok: false, detail: `The contact anonymousContactId names (${ANONYMOUS}) looks like a resident's own record: it is linked to a household and has a council tax reference. Anonymous reports would be filed under this person, and resident search would no longer offer them.` });
    expect(JSON.stringify(resident)).not.toContain('Ada Okafor');
  });
});
