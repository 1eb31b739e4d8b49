import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundaryOf, parseHttpMessage, splitMultipart, statusOf } from '../../../main/core/back-office/dataverse/multipart';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { startDataverseStandIn, type DataverseStandIn } from '../../../main/core/training/dataverse/stand-in';
import { dataset } from './fixture';
import { entraTokens } from '../support/entra-tokens';

/**
 * The stand-in refuses what Dataverse refuses about the data, from its table schema: text
 * longer than its column, a case with no customer, a value of the wrong type, a choice value
 * that is not an option, a lookup bound to a table it cannot point at. Each refusal is
 * Dataverse's status, code and words, on a create (POST), an upsert (PATCH) and inside a
 * $batch; and the valid write next to it is taken.
 */
const tokens = entraTokens();
let standIn: DataverseStandIn;
let fetch: ReturnType<typeof httpsFetch>;
const API = '/api/data/v9.2/';
const resident = rowIdFor('res-000001');

beforeAll(async () => {
  standIn = await startDataverseStandIn({ dataset, verifyAccessToken: tokens.verifyAccessToken });
  fetch = httpsFetch(standIn.ca);
});
afterAll(async () => {
  fetch.close();
  await standIn.close();
});

const headers = { Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0', 'Content-Type': 'application/json' };

async function send(method: string, path: string, body: unknown, extra: Record<string, string> = {}) {
  const response = await fetch(`${standIn.url}${API}${path}`, { method, headers: { Authorization: `Bearer ${tokens.app(standIn.url)}`, ...headers, ...extra }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

const post = (entitySet: string, body: Record<string, unknown>) => send('POST', entitySet, body);
const upsert = (path: string, body: Record<string, unknown>) => send('PATCH', path, body);

const aCase = (overrides: Record<string, unknown> = {}) => ({ title: 'Bin missed', description: 'Not collected on Tuesday.', 'customerid_contact@odata.bind': `/contacts(${resident})`, cd_category: 100000000, ...overrides });
const caseIds = () => new Set(standIn.rows('incidents').map((row) => String(row.incidentid)));

const tooLong = (column: string, entity: string, length: number) => ({
  error: { code: '0x80044331', message: `A validation error occurred.  The length of the '${column}' attribute of the '${entity}' entity exceeded the maximum allowed length of '${length}'.` },
});

describe('text no longer than its column', () => {
  it('refuses a case description over 2,000 characters on create and upsert, and takes one of exactly 2,000', async () => {
    expect(await post('incidents', aCase({ description: 'x'.repeat(2001) }))).toMatchObject({ status: 400, body: tooLong('description', 'incident', 2000) });
    const id = randomUUID();
    expect(await upsert(`incidents(${id})`, aCase({ description: 'x'.repeat(2001) }))).toMatchObject({ status: 400, body: tooLong('description', 'incident', 2000) });
    expect(caseIds().has(id)).toBe(false);
    expect((await upsert(`incidents(${id})`, aCase({ description: 'x'.repeat(2000) }))).status).toBe(204);
    expect(standIn.rows('incidents').find((row) => row.incidentid === id)?.description).toHaveLength(2000);
  });

  it('refuses a case title over 200 characters, and an update that makes it too long', async () => {
    expect(await post('incidents', aCase({ title: 't'.repeat(201) }))).toMatchObject({ status: 400, body: tooLong('title', 'incident', 200) });
    const id = randomUUID();
    expect((await upsert(`incidents(${id})`, aCase({ title: 't'.repeat(200) }))).status).toBe(204);
    expect(await send('PATCH', `incidents(${id})`, { title: 't'.repeat(201) }, { 'If-Match': '*' })).toMatchObject({ status: 400, body: tooLong('title', 'incident', 200) });
    expect(standIn.rows('incidents').find((row) => row.incidentid === id)?.title).toBe('t'.repeat(200));
  });

  it('holds a call’s notes to 2,000 and a note’s text to 100,000, as Microsoft’s table reference gives them', async () => {
    expect(await post('phonecalls', { subject: 'Call', description: 'n'.repeat(2001) })).toMatchObject({ status: 400, body: tooLong('description', 'phonecall', 2000) });
    expect((await post('phonecalls', { subject: 'Call', description: 'n'.repeat(2000) })).status).toBe(204);
    const note = (notetext: string) => ({ subject: 'Answers', notetext, 'objectid_incident@odata.bind': `/incidents(${String(standIn.rows('incidents')[0]?.incidentid)})` });
    expect(await post('annotations', note('a'.repeat(100_001)))).toMatchObject({ status: 400, body: tooLong('notetext', 'annotation', 100000) });
    expect((await post('annotations', note('a'.repeat(100_000)))).status).toBe(204);
  });

  it('holds the council’s own columns to the lengths docs/dataverse-tables.md gives', async () => {
    const id = randomUUID();
    expect(await upsert(`phonecalls(${id})`, { subject: 'Call', cd_casereferences: 'C'.repeat(441) })).toMatchObject({ status: 400, body: tooLong('cd_casereferences', 'phonecall', 440) });
    expect((await upsert(`phonecalls(${id})`, { subject: 'Call', cd_casereferences: 'C'.repeat(440) })).status).toBe(204);
  });
});

describe('a case’s customer', () => {
  it('refuses a case with no customer, as Dataverse does whatever the form says, and makes nothing', async () => {
    const before = standIn.rows('incidents').length;
    const { 'customerid_contact@odata.bind': _left, ...anonymous } = aCase();
    expect(await post('incidents', anonymous)).toMatchObject({ status: 400, body: { error: { code: '0x80040203', message: 'You should specify a parent contact or account.' } } });
    const id = randomUUID();
    expect((await upsert(`incidents(${id})`, anonymous)).status).toBe(400);
    expect(standIn.rows('incidents')).toHaveLength(before);
  });

  it('takes a case for the council’s anonymous contact, and an update that leaves the customer alone', async () => {
    const id = randomUUID();
    expect((await upsert(`incidents(${id})`, aCase())).status).toBe(204);
    expect((await send('PATCH', `incidents(${id})`, { title: 'Bin missed twice' }, { 'If-Match': '*' })).status).toBe(204);
    expect(standIn.rows('incidents').find((row) => row.incidentid === id)).toMatchObject({ title: 'Bin missed twice', _customerid_value: resident });
  });
});

describe('values of the column’s type', () => {
  it('refuses a string where a whole number, a yes/no, a date or a choice goes, as the OData reader does', async () => {
    const call = (values: Record<string, unknown>) => post('phonecalls', { subject: 'Call', ...values });
    expect(await call({ cd_waitseconds: 'forty' })).toMatchObject({ status: 400, body: { error: { code: '0x80060888', message: "Cannot convert the literal 'forty' to the expected type 'Edm.Int32'." } } });
    expect(await call({ cd_answeredwithintarget: 'yes' })).toMatchObject({ status: 400, body: { error: { code: '0x80060888', message: "Cannot convert the literal 'yes' to the expected type 'Edm.Boolean'." } } });
    expect(await call({ cd_contactday: '3 November' })).toMatchObject({ status: 400, body: { error: { code: '0x80060888', message: "Cannot convert the literal '3 November' to the expected type 'Edm.Date'." } } });
    expect(await call({ actualstart: 'soon' })).toMatchObject({ status: 400, body: { error: { code: '0x80060888' } } });
    expect(await call({ subject: 42 })).toMatchObject({ status: 400, body: { error: { code: '0x80060888', message: "Cannot convert the literal '42' to the expected type 'Edm.String'." } } });
    expect((await call({ cd_waitseconds: 40, cd_answeredwithintarget: true, cd_contactday: '2026-11-03', actualstart: '2026-11-03T09:00:00Z' })).status).toBe(204);
  });

  it('still refuses a column the table does not have, in the words it used before', async () => {
    expect(await post('incidents', aCase({ cd_favouritecolour: 'blue' }))).toMatchObject({
      status: 400,
      body: { error: { code: '0x80060888', message: "Could not find a property named 'cd_favouritecolour' on type 'Microsoft.Dynamics.CRM.incident'." } },
    });
  });
});

describe('choice values', () => {
  it('refuses a value that is not one of the choice’s options, with Dataverse’s code, and takes one that is', async () => {
    expect(await post('incidents', aCase({ cd_category: 100000099 }))).toMatchObject({
      status: 400,
      body: { error: { code: '0x8004431A', message: "A validation error occurred.  The value 100000099 of 'cd_category' on record of type 'incident' is outside the valid range." } },
    });
    expect(await post('phonecalls', { subject: 'Call', cd_outcomes: '100000000,100000077' })).toMatchObject({ status: 400, body: { error: { code: '0x8004431A' } } });
    expect((await post('phonecalls', { subject: 'Call', cd_outcomes: '100000000,100000002' })).status).toBe(204);
    expect((await post('incidents', aCase({ cd_category: 100000002 }))).status).toBe(204);
  });
});

describe('lookups', () => {
  it('refuses binding a lookup to a table it cannot point at, and takes each table it can', async () => {
    const someCase = String(standIn.rows('incidents')[0]?.incidentid);
    expect(await post('incidents', aCase({ 'customerid_contact@odata.bind': `/incidents(${someCase})` }))).toMatchObject({
      status: 400,
      body: { error: { code: '0x80060888', message: expect.stringContaining("'Microsoft.Dynamics.CRM.incident' was found, but it is not assignable to the expected type 'Microsoft.Dynamics.CRM.contact'") } },
    });
    // A note may regard a case or a contact.
    expect((await post('annotations', { subject: 'Language preference', notetext: 'Spanish', 'objectid_contact@odata.bind': `/contacts(${resident})` })).status).toBe(204);
    expect((await post('annotations', { subject: 'Answers', notetext: 'Yes', 'objectid_incident@odata.bind': `/incidents(${someCase})` })).status).toBe(204);
  });
});

describe('$batch', () => {
  function part(method: string, path: string, body: unknown, contentId: string) {
    return ['Content-Type: application/http', 'Content-Transfer-Encoding: binary', `Content-ID: ${contentId}`, '', `${method} ${API}${path} HTTP/1.1`, 'Content-Type: application/json', '', JSON.stringify(body)].join('\r\n');
  }
  function changeSet(operations: string[]) {
    const boundary = `changeset_${randomUUID()}`;
    return [`Content-Type: multipart/mixed; boundary=${boundary}`, '', ...operations.map((each) => `--${boundary}\r\n${each}`), `--${boundary}--`].join('\r\n');
  }
  async function postBatch(parts: string[], prefer?: string) {
    const boundary = `batch_${randomUUID()}`;
    const body = `${parts.map((each) => `--${boundary}\r\n${each}\r\n`).join('')}--${boundary}--\r\n`;
    const extra: Record<string, string> = { 'Content-Type': `multipart/mixed; boundary=${boundary}` };
    if (prefer) extra.Prefer = prefer;
    const response = await fetch(`${standIn.url}${API}$batch`, { method: 'POST', headers: { Authorization: `Bearer ${tokens.app(standIn.url)}`, ...headers, ...extra }, body });
    const text = await response.text();
    return { status: response.status, parts: splitMultipart(text, boundaryOf(response.headers.get('content-type')) ?? '') };
  }
  const errorOf = (body: string) => JSON.parse(parseHttpMessage(body).body) as unknown;

  it('answers the whole batch 400 with the failed operation’s error when a change set fails, and keeps nothing of it', async () => {
    const good = randomUUID();
    const bad = randomUUID();
    const answer = await postBatch([changeSet([part('PATCH', `incidents(${good})`, aCase(), '1'), part('PATCH', `incidents(${bad})`, aCase({ description: 'x'.repeat(2001) }), '2')])]);
    expect(answer.status).toBe(400);
    expect(answer.parts).toHaveLength(1);
    expect(statusOf(parseHttpMessage(answer.parts[0]?.body ?? ''))).toBe(400);
    expect(errorOf(answer.parts[0]?.body ?? '')).toEqual(tooLong('description', 'incident', 2000));
    expect(caseIds().has(good)).toBe(false);
    expect(caseIds().has(bad)).toBe(false);
  });

  it('answers 400 and stops when a request outside a change set fails', async () => {
    const after = randomUUID();
    const { 'customerid_contact@odata.bind': _left, ...anonymous } = aCase();
    const answer = await postBatch([part('POST', 'incidents', anonymous, '1'), part('PATCH', `incidents(${after})`, aCase(), '2')]);
    expect(answer.status).toBe(400);
    expect(answer.parts).toHaveLength(1);
    expect(errorOf(answer.parts[0]?.body ?? '')).toEqual({ error: { code: '0x80040203', message: 'You should specify a parent contact or account.' } });
    expect(caseIds().has(after)).toBe(false);
  });

  it('answers 200 with each failure in its place when asked to continue on error, and makes the rest', async () => {
    const bad = randomUUID();
    const good = randomUUID();
    const answer = await postBatch([changeSet([part('PATCH', `incidents(${bad})`, aCase({ cd_category: 1 }), '1')]), changeSet([part('PATCH', `incidents(${good})`, aCase(), '2')])], 'odata.continue-on-error');
    expect(answer.status).toBe(200);
    expect(answer.parts).toHaveLength(2);
    expect(errorOf(answer.parts[0]?.body ?? '')).toMatchObject({ error: { code: '0x8004431A' } });
    expect(caseIds().has(bad)).toBe(false);
    expect(caseIds().has(good)).toBe(true);
  });

  it('answers 200 when every operation succeeds', async () => {
    const id = randomUUID();
    const answer = await postBatch([changeSet([part('PATCH', `incidents(${id})`, aCase(), '1')])]);
    expect(answer.status).toBe(200);
    expect(caseIds().has(id)).toBe(true);
  });
});
