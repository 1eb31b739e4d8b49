import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { AGGREGATE_LIMIT } from '../../../main/core/training/dataverse/apply';
import { startDataverseStandIn } from '../../../main/core/training/dataverse/stand-in';
import { asOf, dataset, startHarness, type Harness } from './fixture';

/**
 * $apply as Microsoft documents it for Dataverse (webapi/query/aggregate-data), refusals
 * included. Every figure expected here is worked out from the stand-in's stored rows, not
 * written down, so a wrong sum or a lost group fails.
 */
let harness: Harness;
const FORMATTED = 'OData.Community.Display.V1.FormattedValue';
const ANNOTATIONS = `odata.include-annotations="${FORMATTED}"`;

type Row = Record<string, unknown>;
type Body = Row & { value?: Row[]; error?: { code: string; message: string } };

/** Waits on some calls, none on others, and none at all for one officer: so nulls are there to ignore. */
const waitFor = (index: number) => (index % 4 === 0 ? null : (index * 37) % 301);
/** Teams that differ only in case, which SQL Server counts as one. */
const teamFor = (index: number) => [null, 'Waste', 'Housing', 'waste', 'Council tax'][index % 5] ?? null;
let quietOfficer = '';

beforeAll(async () => {
  harness = await startHarness();
  const calls = harness.standIn.rows('phonecalls');
  quietOfficer = String(calls[0]?._ownerid_value);
  calls.forEach((call, index) => {
    const wait = call._ownerid_value === quietOfficer ? null : waitFor(index);
    harness.standIn.mutate.update('phonecalls', String(call.activityid), { cd_waitseconds: wait, cd_team: teamFor(index) });
  });
});
afterAll(() => harness.close());

async function get(path: string, prefer?: string) {
  const headers: Record<string, string> = { Authorization: harness.authorization, Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' };
  if (prefer) headers.Prefer = prefer;
  const response = await harness.fetch(`${harness.standIn.url}/api/data/v9.2/${path}`, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as Body };
}

const apply = (entitySet: string, expression: string, prefer?: string) => get(`${entitySet}?$apply=${encodeURIComponent(expression)}`, prefer);

/** Ascending, nulls first, numbers as numbers: the order the groups should come in. */
function ascending(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const [x, y] = [a[i] ?? null, b[i] ?? null];
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/** The groups a groupby should make, worked out here from the stored rows. */
function groupsOf(rows: readonly Row[], columns: readonly string[]): { keys: unknown[]; rows: Row[] }[] {
  const groups = new Map<string, { keys: unknown[]; rows: Row[] }>();
  for (const row of rows) {
    const keys = columns.map((column) => row[column] ?? null);
    const id = JSON.stringify(keys);
    const group = groups.get(id) ?? { keys, rows: [] };
    groups.set(id, group);
    group.rows.push(row);
  }
  return [...groups.values()].sort((a, b) => ascending(a.keys, b.keys));
}

const incidents = () => harness.standIn.rows('incidents');
const calls = () => harness.standIn.rows('phonecalls');
const numbers = (rows: readonly Row[], column: string) => rows.map((row) => row[column]).filter((value): value is number => typeof value === 'number');
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('$apply on the Dataverse stand-in', () => {
  it('lists the distinct values of a column with groupby, in ascending order', async () => {
    const answer = await apply('incidents', 'groupby((statecode))');
    expect(answer.status).toBe(200);
    expect(answer.body['@odata.context']).toBe(`${harness.standIn.url}/api/data/v9.2/$metadata#incidents`);
    const expected = groupsOf(incidents(), ['statecode']).map(({ keys }) => ({ statecode: keys[0] }));
    expect(expected.length).toBeGreaterThan(1);
    expect(answer.body.value).toEqual(expected);
  });

  it('counts rows per group, with formatted values for the choice and the count only when asked', async () => {
    const labels = ['Active', 'Resolved', 'Cancelled'];
    const groups = groupsOf(incidents(), ['statecode']);
    const plain = await apply('incidents', 'groupby((statecode),aggregate($count as count))');
    expect(plain.body.value).toEqual(groups.map(({ keys, rows }) => ({ statecode: keys[0], count: rows.length })));
    const annotated = await apply('incidents', 'groupby((statecode),aggregate($count as count))', ANNOTATIONS);
    expect(annotated.headers.get('preference-applied')).toBe(ANNOTATIONS);
    expect(annotated.body.value).toEqual(
      groups.map(({ keys, rows }) => ({ [`statecode@${FORMATTED}`]: labels[Number(keys[0])], statecode: keys[0], [`count@${FORMATTED}`]: String(rows.length), count: rows.length })),
    );
  });

  it('groups by a lookup under its _x_value name, showing the name of the row it points at', async () => {
    const names = new Map(harness.standIn.rows('systemusers').map((user) => [user.systemuserid, user.fullname]));
    const answer = await apply('incidents', 'groupby((_ownerid_value),aggregate($count as cases))', ANNOTATIONS);
    const expected = groupsOf(incidents(), ['_ownerid_value']).map(({ keys, rows }) => ({
      [`_ownerid_value@${FORMATTED}`]: names.get(keys[0]),
      _ownerid_value: keys[0],
      [`cases@${FORMATTED}`]: rows.length.toLocaleString('en-GB'),
      cases: rows.length,
    }));
    expect(expected.length).toBeGreaterThan(5);
    expect(answer.body.value).toEqual(expected);
  });

  it('puts every row without a value in one group, first, with no formatted value', async () => {
    const answer = await apply('incidents', 'groupby((_parentcaseid_value),aggregate($count as n))', ANNOTATIONS);
    const rows = incidents();
    const withoutParent = rows.filter((row) => row._parentcaseid_value === null).length;
    const parents = new Set(rows.map((row) => row._parentcaseid_value).filter((value) => value !== null));
    expect(withoutParent).toBeGreaterThan(0);
    expect(answer.body.value).toHaveLength(parents.size + 1);
    expect(answer.body.value?.[0]).toEqual({ _parentcaseid_value: null, [`n@${FORMATTED}`]: String(withoutParent), n: withoutParent });
    expect(answer.body.value?.slice(1).map((group) => group._parentcaseid_value)).toEqual([...parents].sort());
  });

  it('groups by several columns at once, whatever the spacing', async () => {
    const answer = await apply('incidents', ' groupby( ( statecode , prioritycode ) , aggregate( $count  as  n ) ) ');
    const expected = groupsOf(incidents(), ['statecode', 'prioritycode']).map(({ keys, rows }) => ({ statecode: keys[0], prioritycode: keys[1], n: rows.length }));
    expect(expected.length).toBeGreaterThan(3);
    expect(answer.status).toBe(200);
    expect(answer.body.value).toEqual(expected);
  });

  it('sums, averages, finds the least and most and counts distinct values, ignoring empty ones', async () => {
    const answer = await apply(
      'phonecalls',
      'groupby((_ownerid_value),aggregate(cd_waitseconds with sum as total,cd_waitseconds with average as mean,cd_waitseconds with min as shortest,cd_waitseconds with max as longest,cd_waitseconds with countdistinct as distinct,$count as calls))',
    );
    expect(answer.status).toBe(200);
    const expected = groupsOf(calls(), ['_ownerid_value']).map(({ keys, rows }) => {
      const waits = numbers(rows, 'cd_waitseconds');
      const none = waits.length === 0;
      return {
        _ownerid_value: keys[0],
        total: none ? null : sum(waits),
        mean: none ? null : expect.closeTo(sum(waits) / waits.length, 9),
        shortest: none ? null : Math.min(...waits),
        longest: none ? null : Math.max(...waits),
        distinct: new Set(waits).size,
        calls: rows.length,
      };
    });
    expect(answer.body.value).toEqual(expected);
    // The officer with no waits recorded gets nulls, not zeros; averages of whole numbers keep their fraction.
    expect(answer.body.value?.find((group) => group._ownerid_value === quietOfficer)).toMatchObject({ total: null, mean: null, shortest: null, longest: null, distinct: 0 });
    expect(answer.body.value?.some((group) => typeof group.mean === 'number' && !Number.isInteger(group.mean))).toBe(true);
  });

  it('aggregates a whole table into one row, and formats each figure as its column reads', async () => {
    const answer = await apply('phonecalls', 'aggregate(cd_waitseconds with sum as total,cd_waitseconds with max as longest,actualstart with min as earliest,$count as calls)', ANNOTATIONS);
    const rows = calls();
    const waits = numbers(rows, 'cd_waitseconds');
    const earliest = rows.map((row) => String(row.actualstart)).sort()[0];
    expect(sum(waits)).toBeGreaterThan(1000);
    expect(answer.body.value).toEqual([
      {
        [`total@${FORMATTED}`]: sum(waits).toLocaleString('en-GB'),
        total: sum(waits),
        [`longest@${FORMATTED}`]: String(Math.max(...waits)),
        longest: Math.max(...waits),
        [`earliest@${FORMATTED}`]: expect.stringMatching(/^\d\d\/\d\d\/\d{4}, \d\d:\d\d$/),
        earliest,
        [`calls@${FORMATTED}`]: rows.length.toLocaleString('en-GB'),
        calls: rows.length,
      },
    ]);
  });

  it('sums money exactly and shows it in pounds', async () => {
    const accounts = harness.standIn.rows('cd_counciltaxaccounts');
    const balances = numbers(accounts, 'cd_balance');
    const owed = Math.round(sum(balances) * 100) / 100;
    const answer = await apply('cd_counciltaxaccounts', 'aggregate(cd_balance with sum as owed,cd_annualcharge with average as typical)', ANNOTATIONS);
    const charges = numbers(accounts, 'cd_annualcharge');
    const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
    expect(answer.body.value).toEqual([
      {
        [`owed@${FORMATTED}`]: pounds.format(owed),
        owed,
        [`typical@${FORMATTED}`]: pounds.format(sum(charges) / charges.length),
        typical: expect.closeTo(sum(charges) / charges.length, 6),
      },
    ]);
  });

  it('filters inside $apply before grouping', async () => {
    const answer = await apply('incidents', "filter(statecode eq 0 and prioritycode ne null)/groupby((prioritycode),aggregate($count as n,_customerid_value with countdistinct as residents))");
    const open = incidents().filter((row) => row.statecode === 0 && row.prioritycode !== null);
    const expected = groupsOf(open, ['prioritycode']).map(({ keys, rows }) => ({ prioritycode: keys[0], n: rows.length, residents: new Set(rows.map((row) => row._customerid_value)).size }));
    expect(open.length).toBeLessThan(incidents().length);
    expect(answer.body.value).toEqual(expected);
  });

  it('answers one row from aggregate over no rows, and no rows from groupby', async () => {
    const none = "filter(subject eq 'no call was ever about this')";
    const whole = await apply('phonecalls', `${none}/aggregate($count as calls,cd_waitseconds with sum as total,cd_waitseconds with average as mean,cd_waitseconds with min as shortest,cd_waitseconds with max as longest,cd_waitseconds with countdistinct as distinct)`);
    expect(whole.status).toBe(200);
    expect(whole.body.value).toEqual([{ calls: 0, total: null, mean: null, shortest: null, longest: null, distinct: 0 }]);
    const grouped = await apply('phonecalls', `${none}/groupby((statecode),aggregate($count as calls))`);
    expect(grouped.status).toBe(200);
    expect(grouped.body.value).toEqual([]);
  });

  it('treats text differing only in case as one value, as SQL Server does', async () => {
    const rows = calls();
    const answer = await apply('phonecalls', 'groupby((cd_team),aggregate($count as n,cd_team with countdistinct as spellings))');
    const count = (team: string | null) => rows.filter((row) => (typeof row.cd_team === 'string' ? row.cd_team.toLowerCase() : null) === team).length;
    const firstWaste = rows.find((row) => row.cd_team === 'Waste' || row.cd_team === 'waste')?.cd_team;
    expect(count('waste')).toBeGreaterThan(rows.filter((row) => row.cd_team === 'Waste').length);
    expect(answer.body.value).toEqual([
      { cd_team: null, n: count(null), spellings: 0 },
      { cd_team: 'Council tax', n: count('council tax'), spellings: 1 },
      { cd_team: 'Housing', n: count('housing'), spellings: 1 },
      { cd_team: firstWaste, n: count('waste'), spellings: 1 },
    ]);
  });
});

describe('what Dataverse refuses in $apply', () => {
  const badQuery = (message: string | RegExp) => ({ code: '0x80060888', message: typeof message === 'string' ? message : expect.stringMatching(message) });

  it('refuses an aggregate over more rows than the limit, which is 50,000 unless a test lowers it', async () => {
    expect(AGGREGATE_LIMIT).toBe(50_000);
    const limit = dataset.cases.length - 1;
    const standIn = await startDataverseStandIn({ dataset, now: () => asOf, aggregateLimit: limit, verifyAccessToken: harness.tokens.verifyAccessToken });
    const fetch = httpsFetch(standIn.ca);
    const ask = async (expression: string) => {
      const response = await fetch(`${standIn.url}/api/data/v9.2/incidents?$apply=${encodeURIComponent(expression)}`, { headers: { Authorization: `Bearer ${harness.tokens.app(standIn.url)}` } });
      return { status: response.status, body: JSON.parse(await response.text()) as Body };
    };
    try {
      const rows = standIn.rows('incidents');
      expect(rows).toHaveLength(limit + 1);
      const refusal = { error: { code: '0x8004E023', message: 'AggregateQueryRecordLimit exceeded. Cannot perform this operation.' } };
      for (const expression of ['aggregate($count as n)', 'groupby((statecode),aggregate($count as n))', 'groupby((statecode))']) {
        const over = await ask(expression);
        expect(over.status).toBe(400);
        expect(over.body).toEqual(refusal);
      }
      // The limit counts the rows left after the filter: exactly the limit is allowed.
      const atLimit = await ask(`filter(incidentid ne ${String(rows[0]?.incidentid)})/aggregate($count as n)`);
      expect(atLimit.status).toBe(200);
      expect(atLimit.body.value).toEqual([{ n: limit }]);
    } finally {
      fetch.close();
      await standIn.close();
    }
    // The ordinary stand-in answers the same question over the same rows.
    expect((await apply('incidents', 'aggregate($count as n)')).body.value).toEqual([{ n: limit + 1 }]);
  });

  it('refuses groupby on dates and times', async () => {
    for (const column of ['createdon', 'cd_receivedon']) {
      const answer = await apply('incidents', `groupby((statecode,${column}),aggregate($count as n))`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: badQuery("groupby with datetime values isn't supported.") });
    }
  });

  it('refuses sums and averages of anything but whole numbers and money, and least or most of text, yes/no and ids', async () => {
    const refused: [string, string][] = [
      ['incidents', 'title with sum as t'],
      ['incidents', 'statecode with average as t'],
      ['incidents', 'cd_receivedon with sum as t'],
      ['incidents', '_ownerid_value with average as t'],
      ['incidents', 'title with min as t'],
      ['incidents', 'incidentid with max as t'],
      ['incidents', '_customerid_value with min as t'],
      ['phonecalls', 'directioncode with max as t'],
    ];
    for (const [entitySet, item] of refused) {
      const column = item.split(' ')[0] ?? '';
      const answer = await apply(entitySet, `aggregate(${item})`);
      expect(answer.status, item).toBe(400);
      expect(answer.body.error, item).toEqual(badQuery(new RegExp(`cannot be used on the column '${column}'`)));
    }
    // The same columns are fine where Dataverse allows them.
    expect((await apply('incidents', 'aggregate(cd_receivedon with max as latest,statecode with min as lowest,title with countdistinct as titles)')).status).toBe(200);
  });

  it('refuses multi-select columns in groupby and in aggregates', async () => {
    for (const expression of ['groupby((cd_outcomes))', 'aggregate(cd_outcomes with countdistinct as n)', 'aggregate(cd_outcomes with min as n)']) {
      const answer = await apply('phonecalls', expression);
      expect(answer.status, expression).toBe(400);
      expect(answer.body.error, expression).toEqual(badQuery(/multi-select column 'cd_outcomes' is not supported\.$/));
    }
  });

  it('names an unknown column as it does in any query', async () => {
    const unknown = { error: badQuery("Could not find a property named 'nonsense' on type 'Microsoft.Dynamics.CRM.incident'.") };
    for (const expression of ['groupby((nonsense))', 'aggregate(nonsense with sum as t)', 'filter(nonsense eq 1)/aggregate($count as n)']) {
      const answer = await apply('incidents', expression);
      expect(answer.status, expression).toBe(400);
      expect(answer.body, expression).toEqual(unknown);
    }
  });

  it('refuses $orderby in Dataverse’s words, and the other query options alongside $apply', async () => {
    const grouped = `$apply=${encodeURIComponent('groupby((statecode),aggregate($count as n))')}`;
    const ordered = await get(`incidents?${grouped}&$orderby=n desc`);
    expect(ordered.status).toBe(400);
    expect(ordered.body).toEqual({ error: badQuery('The query node SingleValueOpenPropertyAccess is not supported.') });
    for (const option of ['$select=statecode', '$top=1', '$filter=statecode eq 0', '$expand=customerid_contact', '$skiptoken=1', '$count=true']) {
      const name = option.split('=')[0] ?? '';
      const answer = await get(`incidents?${grouped}&${option}`);
      expect(answer.status, option).toBe(400);
      expect(answer.body.error, option).toEqual({ code: '0x8004d241', message: expect.stringMatching(new RegExp(`^The training stand-in does not support \\${name} together with \\$apply`)) });
    }
  });

  it('refuses transformations beyond one filter and then one groupby or aggregate', async () => {
    const refused = [
      'compute(statecode add 1 as next)',
      'topcount(2,statecode)',
      'bottomcount(2,statecode)',
      'concat(aggregate($count as a),aggregate($count as b))',
      'expand(customerid_contact,filter(statecode eq 0))',
      "search('leak')",
      'groupby((statecode))/groupby((prioritycode))',
      'groupby((statecode),aggregate($count as n))/filter(n gt 1)',
      'aggregate($count as n)/aggregate($count as m)',
      'filter(statecode eq 0)/filter(prioritycode eq 1)/aggregate($count as n)',
      'groupby((statecode),topcount(1,statecode))',
    ];
    for (const expression of refused) {
      const answer = await apply('incidents', expression);
      expect(answer.status, expression).toBe(400);
      expect(answer.body.error, expression).toEqual(badQuery(/^The \$apply transformation '\w+'.* is not supported\.$/));
    }
    const filterOnly = await apply('incidents', 'filter(statecode eq 0)');
    expect(filterOnly.status).toBe(400);
    expect(filterOnly.body.error?.message).toMatch(/^The training stand-in does not support \$apply=filter\(…\) on its own/);
  });

  it('refuses an alias used twice or named like a column, and a column grouped twice', async () => {
    const twice = await apply('incidents', 'aggregate($count as n,title with countdistinct as N)');
    expect(twice.status).toBe(400);
    expect(twice.body).toEqual({ error: badQuery("The alias 'N' is used twice in $apply.") });
    const column = await apply('incidents', 'groupby((statecode),aggregate($count as title))');
    expect(column.status).toBe(400);
    expect(column.body).toEqual({ error: badQuery("The alias 'title' is the name of a column of incident.") });
    const grouped = await apply('incidents', 'groupby((statecode,prioritycode,statecode))');
    expect(grouped.status).toBe(400);
    expect(grouped.body).toEqual({ error: badQuery("The column 'statecode' appears twice in groupby.") });
  });

  it('reports a syntax error with its position', async () => {
    const errors: [string, string][] = [
      ['groupby((statecode)', "Syntax error at position 19 in 'groupby((statecode)': expected ')'."],
      ['aggregate($count count)', "Syntax error at position 17 in 'aggregate($count count)': expected 'as'."],
      ['groupby((statecode))x', "Syntax error at position 20 in 'groupby((statecode))x': expected '/'."],
      ['aggregate(title with countdistinct)', "Syntax error at position 34 in 'aggregate(title with countdistinct)': expected 'as'."],
      ['', "Syntax error at position 0 in '': expected a transformation."],
      ["filter(title eq 'open)/aggregate($count as n)", "Syntax error at position 45 in 'filter(title eq 'open)/aggregate($count as n)': expected the closing ' of a string."],
    ];
    for (const [expression, message] of errors) {
      const answer = await apply('incidents', expression);
      expect(answer.status, expression).toBe(400);
      expect(answer.body, expression).toEqual({ error: badQuery(message) });
    }
    const method = await apply('incidents', 'aggregate(title with median as m)');
    expect(method.body.error).toEqual(badQuery(/^'median' at position 21 is not an aggregate method/));
  });

  it('refuses $apply on a change-tracked read, as it refuses $filter there', async () => {
    const answer = await apply('contacts', 'groupby((statecode))', 'odata.track-changes');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: badQuery('The "$apply" query parameter isn\'t supported when Change Tracking is enabled.') });
  });
});

describe('what a client downloads', () => {
  it('counts the rows sent as rows, by table, and none for an aggregate', async () => {
    const before = harness.standIn.counters().rowsServed.phonecalls ?? 0;
    const grouped = await apply('phonecalls', 'groupby((cd_team),aggregate($count as calls))');
    expect(grouped.body.value?.length).toBeGreaterThan(0);
    expect(harness.standIn.counters().rowsServed.phonecalls ?? 0).toBe(before);
    const listed = await get('phonecalls?$select=activityid&$top=7');
    expect(listed.body.value).toHaveLength(7);
    const one = String(listed.body.value?.[0]?.activityid);
    await get(`phonecalls(${one})?$select=activityid`);
    expect(harness.standIn.counters().rowsServed.phonecalls).toBe(before + 8);
  });
});
