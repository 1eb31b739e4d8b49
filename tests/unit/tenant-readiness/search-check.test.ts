import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { startDataverseStandIn, type DataverseStandIn } from '../../../main/core/training/dataverse/stand-in';
import { searchCheck } from '../../../main/core/tenant-readiness/search-check';
import { generateTrainingData } from '../../../main/core/training/generator';
import { tableNames } from '../../../main/core/back-office/dataverse/names';
import { entraTokens } from '../support/entra-tokens';

/**
 * The readiness check that Dataverse search is on and indexes contacts' names, asked with
 * searchstatus: against the training stand-in (search on, and an environment where it is off),
 * then the other answers Microsoft documents, each with its fix.
 */
const dataset = generateTrainingData({ residents: 50 });
const tokens = entraTokens();
const started: { standIn: DataverseStandIn; fetch: ReturnType<typeof httpsFetch> }[] = [];

async function environment(relevanceSearch: boolean) {
  const standIn = await startDataverseStandIn({ dataset, verifyAccessToken: tokens.verifyAccessToken, relevanceSearch });
  const fetch = httpsFetch(standIn.ca);
  started.push({ standIn, fetch });
  const agent = dataset.staff.find((member) => member.role === 'agent')?.id ?? '';
  return async (path: string) => {
    const response = await fetch(`${standIn.url}/api/data/v9.2/${path}`, { headers: { Authorization: `Bearer ${tokens.officer(standIn.url, dataset, agent)}`, Accept: 'application/json', 'OData-Version': '4.0' } });
    return { status: response.status, body: JSON.parse(await response.text()) as unknown };
  };
}

let on: Awaited<ReturnType<typeof environment>>;
let off: Awaited<ReturnType<typeof environment>>;
beforeAll(async () => {
  on = await environment(true);
  off = await environment(false);
});
afterAll(async () => {
  for (const { standIn, fetch } of started) {
    fetch.close();
    await standIn.close();
  }
});

const names = tableNames('cd');
const status = (value: unknown) => () => Promise.resolve({ status: 200, body: { response: JSON.stringify({ value }) } });

describe('the readiness check for Dataverse search', () => {
  it('passes where search is on and indexes the contact’s names (the training tenant), as an agent asks', async () => {
    const answer = await on('searchstatus');
    expect(answer.status).toBe(200);
    const value = (JSON.parse((answer.body as { response: string }).response) as { value: { status: string; entitystatusresults: { entitylogicalname: string; searchableindexedfieldinfomap: Record<string, unknown> }[] } }).value;
    expect(value.status).toBe('provisioned');
    expect(Object.keys(value.entitystatusresults[0]?.searchableindexedfieldinfomap ?? {})).toEqual(expect.arrayContaining(['contactid', 'firstname', 'lastname', 'fullname']));
    expect(await searchCheck(on, names)).toMatchObject({ ok: true, detail: 'Dataverse search is on, searches contacts’ first and last names, and returns the columns a result shows.' });
  });

  it('fails where search is not switched on, saying where to switch it on', async () => {
    const check = await searchCheck(off, names);
    expect(check.ok).toBe(false);
    expect(check.detail).toBe('Dataverse search is not switched on for this environment (status: notprovisioned).');
    expect(check.fix).toMatch(/Power Platform admin center → Environments → Settings → Product → Features → Dataverse search/);
  });

  it('says to wait while it is being switched on', async () => {
    const check = await searchCheck(status({ status: 'provisioninginprogress', entitystatusresults: [] }), names);
    expect([check.ok, check.detail, check.fix]).toEqual([false, 'Dataverse search is still being switched on for this environment (status: provisioninginprogress).', 'Wait for it to finish (it can take an hour), then run the check again.']);
  });

  it('fails where the Contact table is not indexed, or its names are not, saying how to add them', async () => {
    const noContact = await searchCheck(status({ status: 'provisioned', entitystatusresults: [{ entitylogicalname: 'account', searchableindexedfieldinfomap: { name: {} } }] }), names);
    expect([noContact.ok, noContact.detail]).toEqual([false, 'Dataverse search is on, but the Contact table is not in its index.']);
    expect(noContact.fix).toMatch(/Manage search index.*First Name and Last Name.*Quick Find view/);
    const noSurname = await searchCheck(status({ status: 'provisioned', entitystatusresults: [{ entitylogicalname: 'contact', searchableindexedfieldinfomap: { fullname: {}, firstname: {} } }] }), names);
    expect([noSurname.ok, noSurname.detail]).toEqual([false, 'Dataverse search indexes the Contact table but not lastname.']);
  });

  it('fails where the index cannot return what a result shows (the Quick Find view’s view columns), naming them', async () => {
    const namesOnly = { firstname: {}, lastname: {}, fullname: {}, birthdate: {}, address1_line1: {}, address1_postalcode: {}, mobilephone: {}, telephone1: {}, emailaddress1: {}, cd_counciltaxreference: {} };
    const check = await searchCheck(status({ status: 'provisioned', entitystatusresults: [{ entitylogicalname: 'contact', searchableindexedfieldinfomap: namesOnly }] }), names);
    expect([check.ok, check.detail]).toEqual([false, "Dataverse search indexes contacts' names but cannot return cd_rentreference, cd_hasvulnerabilityflag, which a result shows."]);
    expect(check.fix).toMatch(/^Add cd_rentreference, cd_hasvulnerabilityflag to the view columns of the Contact table's Quick Find view/);
    // Under a council's own publisher prefix, its own column names.
    const lbs = await searchCheck(status({ status: 'provisioned', entitystatusresults: [{ entitylogicalname: 'contact', searchableindexedfieldinfomap: namesOnly }] }), tableNames('lbs'));
    expect(lbs.detail).toMatch(/cannot return lbs_counciltaxreference, lbs_rentreference, lbs_hasvulnerabilityflag,/);
  });

  it('fails, with Dataverse’s reason, where the status cannot be read', async () => {
    const refused = await searchCheck(() => Promise.resolve({ status: 403, body: { error: { code: '0x80040220', message: 'Principal user is missing a privilege.' } } }), names);
    expect([refused.ok, refused.detail]).toEqual([false, 'Dataverse did not say whether search is on (searchstatus answered 403: 0x80040220: Principal user is missing a privilege).']);
    expect((await searchCheck(() => Promise.resolve({ status: 200, body: { response: 'not json' } }), names)).ok).toBe(false);
  });
});
