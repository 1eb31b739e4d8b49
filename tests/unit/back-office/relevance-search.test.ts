import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDataverseStandIn, type DataverseStandIn } from '../../../main/core/training/dataverse/stand-in';
import { editDistance } from '../../../main/core/training/dataverse/relevance-search';
import { createSearchProtection, DATAVERSE_SEARCH_LIMITS } from '../../../main/core/training/dataverse/service-protection';
import { TRAINING_ANONYMOUS_CONTACT_ID } from '../../../main/core/training/dataverse/rows-people';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { luceneQuery } from '../../../main/core/back-office/dataverse/resident-search';
import { BackOfficeError } from '../../../main/core/back-office/errors';
import type { BackOffice } from '../../../main/core/back-office/port';
import { dataset, startHarness, type Harness } from './fixture';
import { entraTokens } from '../support/entra-tokens';

/**
 * Dataverse search's query operation in the training stand-in, held to Microsoft's page
 * ("Dataverse Search query"): the request's shapes (entities as a JSON string, options as a
 * serialised dictionary), the response as a JSON string of Value, Count and the rest, top's
 * default and ceiling, Lucene's fuzzy `~`, and a refusal for each thing Dataverse refuses.
 */
let harness: Harness;
let backOffice: BackOffice;

beforeAll(async () => {
  // These tests ask many searches a second to check what comes back; Dataverse search's own limit is tested on its own below.
  harness = await startHarness({ searchLimits: false });
  backOffice = harness.backOffice();
});
afterAll(() => harness.close());

interface QueryResult {
  Id: string;
  EntityName: string;
  ObjectTypeCode: number;
  Attributes: Record<string, unknown>;
  Highlights: Record<string, string[]>;
  Score: number;
}
interface Answer {
  status: number;
  context?: string;
  response?: { Error: unknown; Value: QueryResult[]; Facets: unknown; QueryContext: unknown; Count: number };
  error?: { code: string; message: string };
}

async function query(body: unknown, options: { authorization?: string; method?: string; standIn?: DataverseStandIn } = {}): Promise<Answer> {
  const standIn = options.standIn ?? harness.standIn;
  const fetch = options.standIn ? httpsFetch(standIn.ca) : harness.fetch;
  try {
    const response = await fetch(`${standIn.url}/api/search/v2.0/query`, {
      method: options.method ?? 'POST',
      headers: { Authorization: options.authorization ?? harness.authorization, 'Content-Type': 'application/json', Accept: 'application/json', 'OData-Version': '4.0' },
      body: options.method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = (text === '' ? {} : JSON.parse(text)) as { '@odata.context'?: string; response?: string; error?: { code: string; message: string } };
    return { status: response.status, context: parsed['@odata.context'], response: parsed.response ? (JSON.parse(parsed.response) as Answer['response']) : undefined, error: parsed.error };
  } finally {
    if (options.standIn) (fetch as ReturnType<typeof httpsFetch>).close();
  }
}

const contactEntity = (extra: Record<string, unknown> = {}) => JSON.stringify([{ name: 'contact', selectColumns: ['firstname', 'lastname', 'birthdate'], searchColumns: ['firstname', 'lastname'], ...extra }]);

// A surname only one family in the borough has, long enough for a slip to be a fuzzy match.
const counts = new Map<string, number>();
for (const resident of dataset.residents) counts.set(resident.familyName, (counts.get(resident.familyName) ?? 0) + 1);
const rare = dataset.residents.find((resident) => resident.familyName.length >= 6 && /^[A-Za-z]+$/.test(resident.familyName) && counts.get(resident.familyName) === 1);
if (!rare) throw new Error('The test borough has no surname of six letters or more held by one resident.');
const surname = rare.familyName;
// Two letters swapped in the middle: one slip to Lucene (a transposition), a name nobody has.
const swapped = `${surname.slice(0, 2)}${surname[3]}${surname[2]}${surname.slice(4)}`;

describe('Dataverse search in the training stand-in: what comes back', () => {
  it('answers in Microsoft’s shape: a response string holding Value, Facets, QueryContext and Count (-1 unless asked)', async () => {
    const answer = await query({ search: surname, entities: contactEntity() });
    expect(answer.status).toBe(200);
    expect(answer.context).toMatch(/\/api\/data\/v9\.2\/\$metadata#Microsoft\.Dynamics\.CRM\.searchqueryResponse$/);
    expect(answer.response?.Error).toBeNull();
    expect(answer.response?.Count).toBe(-1);
    expect(answer.response?.Facets).toEqual({});
    expect(answer.response?.QueryContext).toBeNull();
    const [first] = answer.response?.Value ?? [];
    expect(first).toMatchObject({ Id: rowIdFor(rare.id), EntityName: 'contact', ObjectTypeCode: 2 });
    expect(first?.Attributes).toEqual({ '@search.objecttypecode': 2, firstname: rare.givenName, lastname: surname, birthdate: rare.dateOfBirth });
    expect(first?.Highlights).toEqual({ lastname: [`{crmhit}${surname}{/crmhit}`] });
    expect(first?.Score).toBeGreaterThan(0);
    expect((await query({ search: surname, entities: contactEntity(), count: true })).response?.Count).toBe(1);
  });

  it('without selectColumns or searchColumns, searches and returns only the primary name (fullname)', async () => {
    const answer = await query({ search: `${rare.givenName} ${surname}`, entities: JSON.stringify([{ name: 'contact' }]), options: "{'searchmode': 'all'}" });
    expect(answer.response?.Value.map((each) => each.Attributes)).toEqual([{ '@search.objecttypecode': 2, fullname: `${rare.givenName} ${surname}` }]);
  });

  it('finds a name with a slip only with Lucene’s fuzzy ~ (at most two edits), and a prefix with *', async () => {
    expect(dataset.residents.some((resident) => resident.familyName.toLowerCase() === swapped.toLowerCase())).toBe(false);
    const simple = await query({ search: swapped, entities: contactEntity() });
    expect(simple.response?.Value).toEqual([]);
    const fuzzy = await query({ search: `${swapped}~1`, entities: contactEntity(), options: "{'querytype': 'lucene'}" });
    expect(fuzzy.response?.Value.map((each) => each.Id)).toContain(rowIdFor(rare.id));
    expect(fuzzy.response?.Value.find((each) => each.Id === rowIdFor(rare.id))?.Highlights.lastname).toEqual([`{crmhit}${surname}{/crmhit}`]);
    const prefix = await query({ search: `${surname.slice(0, 4)}*`, entities: contactEntity() });
    expect(prefix.response?.Value.map((each) => each.Id)).toContain(rowIdFor(rare.id));
    expect(editDistance('stephen', 'stpehen', 2)).toBe(1);
    expect(editDistance('stephen', 'steven', 2)).toBe(2);
    expect(editDistance('stephen', 'stefan', 2)).toBe(3);
  });

  it('any word by default, every word with searchmode all; - leaves out and + insists', async () => {
    const other = dataset.residents.find((resident) => resident.givenName !== rare.givenName && resident.familyName !== surname) ?? rare;
    const any = await query({ search: `${surname} ${other.familyName}`, entities: contactEntity(), top: 100 });
    const ids = any.response?.Value.map((each) => each.Id) ?? [];
    expect(ids).toContain(rowIdFor(rare.id));
    expect(ids).toContain(rowIdFor(other.id));
    expect((await query({ search: `${surname} ${other.familyName}`, entities: contactEntity(), options: "{'searchmode': 'all'}" })).response?.Value).toEqual([]);
    const without = await query({ search: `${surname} -${rare.givenName}`, entities: contactEntity() });
    expect(without.response?.Value).toEqual([]);
    const insisting = await query({ search: `${surname} +${other.familyName}`, entities: contactEntity(), top: 100 });
    expect(insisting.response?.Value.map((each) => each.Id)).not.toContain(rowIdFor(rare.id));
  });

  it('returns 50 by default and pages with top and skip', async () => {
    // Every resident has a given name; a prefix of one letter in each of several finds many.
    const many = { search: 'a* e* i* o* u*', entities: contactEntity(), count: true };
    const first = await query(many);
    const total = first.response?.Count ?? 0;
    expect(total).toBeGreaterThan(100);
    expect(first.response?.Value).toHaveLength(50);
    const page = await query({ ...many, top: 10, skip: 10 });
    const wide = await query({ ...many, top: 100 });
    expect(page.response?.Value.map((each) => each.Id)).toEqual(wide.response?.Value.slice(10, 20).map((each) => each.Id));
    expect(wide.response?.Value).toHaveLength(100);
  });

  it('applies the entity’s filter and the top-level filter', async () => {
    const all = await query({ search: surname, entities: contactEntity({ filter: 'statecode eq 0' }) });
    expect(all.response?.Value).toHaveLength(1);
    const none = await query({ search: surname, entities: contactEntity({ filter: 'statecode eq 1' }) });
    expect(none.response?.Value).toEqual([]);
    expect((await query({ search: surname, entities: contactEntity(), filter: `contactid ne ${rowIdFor(rare.id)}` })).response?.Value).toEqual([]);
  });

  it('leaves out rows the caller may not read, as Dataverse search trims by security role', async () => {
    const tokens = entraTokens();
    const standIn = await startDataverseStandIn({ dataset, verifyAccessToken: tokens.verifyAccessToken, roles: (roles) => ({ ...roles, agent: { ...roles.agent, contact: [] } }) });
    try {
      const agent = dataset.staff.find((member) => member.role === 'agent')?.id ?? '';
      const leader = dataset.staff.find((member) => member.role === 'team-leader')?.id ?? '';
      const asAgent = await query({ search: surname, entities: contactEntity() }, { standIn, authorization: `Bearer ${tokens.officer(standIn.url, dataset, agent)}` });
      expect([asAgent.status, asAgent.response?.Value]).toEqual([200, []]);
      const asLeader = await query({ search: surname, entities: contactEntity() }, { standIn, authorization: `Bearer ${tokens.officer(standIn.url, dataset, leader)}` });
      expect(asLeader.response?.Value).toHaveLength(1);
    } finally {
      await standIn.close();
    }
  });
});

describe('Dataverse search in the training stand-in: what it refuses', () => {
  const refused = async (body: unknown, status = 400) => {
    const answer = await query(body);
    expect(answer.status).toBe(status);
    expect(answer.error?.code).toMatch(/^0x[0-9A-Fa-f]{8}$/);
    return answer.error?.message ?? '';
  };

  it('a request with no search text, or an empty one', async () => {
    expect(await refused({ entities: contactEntity() })).toMatch(/'search' parameter is required/);
    expect(await refused({ search: '   ' })).toMatch(/'search' parameter is required/);
  });

  it('search text over 100 characters', async () => {
    expect(await refused({ search: 'a'.repeat(101) })).toMatch(/101 characters.*at most 100/);
    expect((await query({ search: `${surname}${' '.repeat(100 - surname.length)}` })).status).toBe(200);
  });

  it('top over 100, or top and skip that are not whole numbers of 0 or more', async () => {
    expect(await refused({ search: surname, top: 101 })).toMatch(/at most 100 results/);
    expect(await refused({ search: surname, top: -1 })).toMatch(/'top'/);
    expect(await refused({ search: surname, skip: 1.5 })).toMatch(/'skip'/);
    expect((await query({ search: surname, top: 100 })).status).toBe(200);
  });

  it('entities that are not a JSON string of search entities', async () => {
    expect(await refused({ search: surname, entities: [{ name: 'contact' }] })).toMatch(/must be a string/);
    expect(await refused({ search: surname, entities: '{name: contact' })).toMatch(/not a JSON array/);
    expect(await refused({ search: surname, entities: JSON.stringify([{ selectColumns: ['fullname'] }]) })).toMatch(/has no name/);
  });

  it('a table not enabled for search, and a column the table does not have', async () => {
    expect(await refused({ search: surname, entities: JSON.stringify([{ name: 'account' }]) })).toMatch(/'account' is not enabled for Dataverse search/);
    expect(await refused({ search: surname, entities: contactEntity({ selectColumns: ['shoesize'] }) })).toMatch(/'shoesize' is not in the table 'contact'/);
  });

  it('a search column outside the contact’s Quick Find view', async () => {
    expect(await refused({ search: surname, entities: contactEntity({ searchColumns: ['birthdate'] }) })).toMatch(/'birthdate' of 'contact' is not searchable: add it to the table's Quick Find view/);
  });

  it('a parameter the searchquery operation does not take (fuzzy belongs to suggest and autocomplete)', async () => {
    expect(await refused({ search: surname, fuzzy: true })).toMatch(/'fuzzy' .* not a valid parameter for the operation 'searchquery'/);
  });

  it('options that are not a dictionary, or name a query type or search mode there is not', async () => {
    expect(await refused({ search: surname, options: '["lucene"]' })).toMatch(/not a serialised dictionary/);
    expect(await refused({ search: surname, options: "{'querytype': 'semantic'}" })).toMatch(/querytype 'semantic'/);
    expect(await refused({ search: surname, options: "{'searchmode': 'most'}" })).toMatch(/searchmode 'most'/);
  });

  it('a fuzzy term of more than two edits, which Lucene does not allow', async () => {
    expect(await refused({ search: `${surname}~3`, options: "{'querytype': 'lucene'}" })).toMatch(/at most 2 edits/);
  });

  it('a filter on a column the table does not have', async () => {
    expect(await refused({ search: surname, entities: contactEntity({ filter: 'shoesize eq 9' }) })).toMatch(/shoesize/);
  });

  it('a body that is not JSON, and a GET', async () => {
    expect(await refused('search=smith')).toMatch(/not JSON/);
    expect((await query(null, { method: 'GET' })).status).toBe(405);
  });

  it('what it does not model (phrases, facets, orderby) says so with 501, never ignoring it', async () => {
    expect(await refused({ search: `"${surname}"` }, 501)).toMatch(/training stand-in does not support/);
    expect(await refused({ search: surname, facets: '["entityname,count:100"]' }, 501)).toMatch(/facets/);
    expect(await refused({ search: surname, orderby: '["createdon desc"]' }, 501)).toMatch(/orderby/);
  });

  it('an environment where Dataverse search is not switched on', async () => {
    const tokens = entraTokens();
    const standIn = await startDataverseStandIn({ dataset, verifyAccessToken: tokens.verifyAccessToken, relevanceSearch: false });
    try {
      const answer = await query({ search: surname }, { standIn, authorization: `Bearer ${tokens.app(standIn.url)}` });
      expect(answer.status).toBe(400);
      expect(answer.error?.message).toMatch(/Dataverse search is not enabled for this environment/);
    } finally {
      await standIn.close();
    }
  });

  it('no token, as for every Dataverse request', async () => {
    expect((await query({ search: surname }, { authorization: '' })).status).toBe(401);
  });
});

describe('Dataverse search’s own limits in the training stand-in', () => {
  it('refuses a user’s second search within the second with 429 and Retry-After, and serves another user meanwhile', async () => {
    const tokens = entraTokens();
    const standIn = await startDataverseStandIn({ dataset, verifyAccessToken: tokens.verifyAccessToken });
    try {
      const [first, second] = dataset.staff.filter((member) => member.role === 'agent');
      if (!first || !second) throw new Error('The test borough has fewer than two agents.');
      const as = (staffId: string) => ({ standIn, authorization: `Bearer ${tokens.officer(standIn.url, dataset, staffId)}` });
      expect((await query({ search: surname }, as(first.id))).status).toBe(200);
      const refused = await query({ search: surname }, as(first.id));
      expect(refused.status).toBe(429);
      expect(refused.error?.message).toMatch(/one request a second/);
      expect((await query({ search: surname }, as(second.id))).status).toBe(200);
    } finally {
      await standIn.close();
    }
  });

  it('says how long to wait, serves the user again after the second, and holds the organization to 150 a minute', () => {
    let clock = 0;
    const limits = createSearchProtection(DATAVERSE_SEARCH_LIMITS, () => clock);
    expect(limits.admit('officer-1')).toBeNull();
    clock = 400;
    expect(limits.admit('officer-1')?.headers['Retry-After']).toBe('1');
    clock = 1000;
    expect(limits.admit('officer-1')).toBeNull();
    for (let user = 2; user <= 149; user += 1) expect(limits.admit(`officer-${user}`)).toBeNull();
    const organization = limits.admit('officer-150');
    expect(organization?.status).toBe(429);
    expect(organization?.headers['Retry-After']).toBe('59');
    clock = 60_001;
    expect(limits.admit('officer-150')).toBeNull();
  });
});

describe('residents from Dataverse search through the live adapter', () => {
  it('asks with Lucene: each name word as a prefix and with one slip (two from eight letters), numbers left to the local search', () => {
    expect(luceneQuery('Mary  OKAFOR 12/3/1960')).toBe('mary* mary~1 okafor* okafor~1');
    expect(luceneQuery('Al Fitzgerald')).toBe('al* fitzgerald* fitzgerald~2');
    expect(luceneQuery('Zoë')).toBe('zoe*');
    expect(luceneQuery('SE17 2DW')).toBe('');
    expect(luceneQuery('12 03 1960')).toBe('');
    expect(luceneQuery('abcdefghij '.repeat(20)).length).toBeLessThanOrEqual(100);
  });

  it('finds a resident by a surname typed with a slip, as a directory entry like the local copy’s', async () => {
    const hits = await backOffice.searchResidents?.(`${rare.givenName} ${swapped}`, 10);
    const hit = hits?.find((each) => each.entry.residentId === rowIdFor(rare.id));
    expect(hit?.matched).toEqual(['name']);
    const local = (await backOffice.directory(null)).entries.find((entry) => entry.residentId === rowIdFor(rare.id));
    // The household link is the one column not asked of search (see resident-search.ts).
    expect(hit?.entry).toEqual({ ...local, householdId: '' });
    expect(hits?.[0]?.entry.residentId).toBe(rowIdFor(rare.id));
    const request = harness.standIn.requests().filter((each) => each.target === '/api/search/v2.0/query').at(-1);
    expect(request?.method).toBe('POST');
  });

  it('never offers the council’s anonymous contact, and gives at most top', async () => {
    const hits = (await backOffice.searchResidents?.('anonymous reporter council record', 5)) ?? [];
    expect(hits.some((hit) => hit.entry.residentId === TRAINING_ANONYMOUS_CONTACT_ID)).toBe(false);
    expect(((await backOffice.searchResidents?.('a e i o u', 7)) ?? []).length).toBe(7);
  });

  it('asks nothing for a query with no name in it', async () => {
    const before = harness.standIn.requests().length;
    expect(await backOffice.searchResidents?.('12/03/1960', 10)).toEqual([]);
    expect(harness.standIn.requests().length).toBe(before);
  });

  it('says plainly when Dataverse search is off for the environment', async () => {
    const tokens = entraTokens();
    const standIn = await startDataverseStandIn({ dataset, verifyAccessToken: tokens.verifyAccessToken, relevanceSearch: false });
    const fetch = httpsFetch(standIn.ca);
    try {
      const { createDataverseBackOffice } = await import('../../../main/core/back-office/dataverse/dataverse-back-office');
      const office = createDataverseBackOffice({ dataverseUrl: standIn.url, getAccessToken: () => Promise.resolve(tokens.app(standIn.url)), fetch, sleep: () => Promise.resolve() });
      const failure = await office.searchResidents?.(surname, 10).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BackOfficeError);
      expect((failure as BackOfficeError).failure).toBe('rejected');
    } finally {
      fetch.close();
      await standIn.close();
    }
  });
});

describe('the stand-in’s slow directory, for tests that search while the copy is still arriving', () => {
  it('holds back only the named officer’s directory pages, by the time asked, and nothing else of theirs', async () => {
    const agents = dataset.staff.filter((member) => member.role === 'agent');
    const [slowed, other] = agents;
    if (!slowed || !other) throw new Error('The test borough has fewer than two agents.');
    const timed = async (staffId: string, path: string, prefer?: string) => {
      const started = performance.now();
      const headers: Record<string, string> = { Authorization: `Bearer ${harness.officerToken(staffId)}`, Accept: 'application/json', 'OData-Version': '4.0' };
      if (prefer) headers.Prefer = prefer;
      const response = await harness.fetch(`${harness.standIn.url}/api/data/v9.2/${path}`, { headers });
      await response.text();
      return { status: response.status, ms: performance.now() - started };
    };
    harness.standIn.slowDirectory({ delayMs: 1000, staffId: slowed.id });
    try {
      const directoryPage = await timed(slowed.id, 'contacts?$select=contactid', 'odata.track-changes,odata.maxpagesize=50');
      expect(directoryPage.status).toBe(200);
      expect(directoryPage.ms).toBeGreaterThanOrEqual(990);
      expect((await timed(other.id, 'contacts?$select=contactid', 'odata.track-changes,odata.maxpagesize=50')).ms).toBeLessThan(900);
      // A resident's own record, or a filtered read, is no directory page.
      expect((await timed(slowed.id, `contacts?$select=contactid&$filter=lastname eq '${surname}'`)).ms).toBeLessThan(900);
    } finally {
      harness.standIn.slowDirectory(null);
    }
    expect((await timed(slowed.id, 'contacts?$select=contactid', 'odata.track-changes,odata.maxpagesize=50')).ms).toBeLessThan(900);
  });
});
