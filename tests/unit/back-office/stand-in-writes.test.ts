import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundaryOf, parseHttpMessage, splitMultipart, statusOf } from '../../../main/core/back-office/dataverse/multipart';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { startHarness, type Harness } from './fixture';

/** The stand-in's writes, checked against the shapes Microsoft documents for the Web API. */
let harness: Harness;
const API = '/api/data/v9.2/';

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const common = { Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' };

async function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string; token?: string } = {}) {
  const headers: Record<string, string> = { Authorization: harness.authorization, ...common, ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const response = await harness.fetch(`${harness.standIn.url}${API}${path}`, { method, headers, body: options.body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const patch = (path: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  send('PATCH', path, { headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

const incident = (title: string) => ({ title, 'customerid_contact@odata.bind': `/contacts(${rowIdFor('res-000001')})`, cd_category: 100000000, cd_service: 100000000 });

function operation(contentId: string, method: string, path: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const head = Object.entries({ 'Content-Type': 'application/json', ...headers }).map(([name, value]) => `${name}: ${value}`);
  return ['Content-Type: application/http', 'Content-Transfer-Encoding: binary', `Content-ID: ${contentId}`, '', `${method} ${API}${path} HTTP/1.1`, ...head, '', JSON.stringify(body)].join('\r\n');
}

function changeSet(boundary: string, operations: string[]) {
  return [`Content-Type: multipart/mixed; boundary=${boundary}`, '', ...operations.map((each) => `--${boundary}\r\n${each}`), `--${boundary}--`].join('\r\n');
}

function batch(parts: string[]) {
  const boundary = `batch_${randomUUID()}`;
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: `${parts.map((each) => `--${boundary}\r\n${each}\r\n`).join('')}--${boundary}--\r\n` };
}

async function postBatch(parts: string[], prefer?: string, status = 200) {
  const { contentType, body } = batch(parts);
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (prefer) headers.Prefer = prefer;
  const response = await send('POST', '$batch', { headers, body });
  expect(response.status).toBe(status);
  const boundary = boundaryOf(response.headers.get('content-type'));
  expect(boundary).toMatch(/^batchresponse_/);
  return splitMultipart(response.text, boundary ?? '');
}

const incidentIds = () => new Set(harness.standIn.rows('incidents').map((row) => String(row.incidentid)));

describe('the stand-in writes as Dataverse does', () => {
  it('creates with If-None-Match: * and refuses a second create with 412 and Dataverse’s code', async () => {
    const id = randomUUID();
    const first = await patch(`incidents(${id})`, incident('Bin missed'), { 'If-None-Match': '*' });
    expect(first.status).toBe(204);
    expect(first.headers.get('odata-entityid')).toBe(`${harness.standIn.url}${API}incidents(${id})`);
    const again = await patch(`incidents(${id})`, incident('Bin missed again'), { 'If-None-Match': '*' });
    expect(again.status).toBe(412);
    expect(JSON.parse(again.text)).toEqual({ error: { code: '0x80040237', message: 'A record with matching key values already exists.' } });
    expect(harness.standIn.rows('incidents').filter((row) => row.incidentid === id)).toHaveLength(1);
    expect(harness.standIn.rows('incidents').find((row) => row.incidentid === id)?.title).toBe('Bin missed');
  });

  it('refuses any change to a completed activity but its state, as Dataverse does', async () => {
    const id = randomUUID();
    expect((await patch(`phonecalls(${id})`, { subject: 'Call', cd_capturedby: 'stf-001' }, { 'If-None-Match': '*' })).status).toBe(204);
    expect((await patch(`phonecalls(${id})`, { subject: 'Call: done', statecode: 1 }, { 'If-Match': '*' })).status).toBe(204);
    const changed = await patch(`phonecalls(${id})`, { subject: 'Call: changed afterwards' }, { 'If-Match': '*' });
    expect(changed.status).toBe(400);
    expect(JSON.parse(changed.text)).toMatchObject({ error: { message: 'Cannot update Closed or Cancelled Activity' } });
    expect(harness.standIn.rows('phonecalls').find((row) => row.activityid === id)?.subject).toBe('Call: done');
    // Opening it again is a change of state only.
    expect((await patch(`phonecalls(${id})`, { statecode: 0 }, { 'If-Match': '*' })).status).toBe(204);
    // A status reason must belong to its state: a call is Received or Made when completed, never Open.
    const mismatched = await patch(`phonecalls(${id})`, { statecode: 1, statuscode: 1 }, { 'If-Match': '*' });
    expect(mismatched.status).toBe(400);
    expect(JSON.parse(mismatched.text)).toMatchObject({ error: { message: '1 is not a valid status code for state code phonecallState.1' } });
    expect((await patch(`phonecalls(${id})`, { statecode: 1, statuscode: 4 }, { 'If-Match': '*' })).status).toBe(204);
  });

  it('gives rows an etag on read and updates only the version named in If-Match', async () => {
    const id = randomUUID();
    await patch(`incidents(${id})`, incident('Fly-tipping'), { 'If-None-Match': '*' });
    const read = await send('GET', `incidents(${id})?$select=title`);
    const etag = (JSON.parse(read.text) as Record<string, string>)['@odata.etag'];
    expect(etag).toMatch(/^W\/"\d+"$/);
    expect(read.headers.get('etag')).toBe(etag);
    const updated = await patch(`incidents(${id})?$select=title`, { title: 'Fly-tipping on the estate' }, { 'If-Match': etag ?? '', Prefer: 'return=representation' });
    expect(updated.status).toBe(200);
    const newEtag = (JSON.parse(updated.text) as Record<string, string>)['@odata.etag'];
    expect(newEtag).not.toBe(etag);
    expect(updated.headers.get('etag')).toBe(newEtag);
    const stale = await patch(`incidents(${id})`, { title: 'Someone else' }, { 'If-Match': etag ?? '' });
    expect(stale.status).toBe(412);
    expect(JSON.parse(stale.text)).toEqual({ error: { code: '0x80060882', message: "The version of the existing record doesn't match the RowVersion property provided." } });
    const missing = await patch(`incidents(${randomUUID()})`, { title: 'Nobody' }, { 'If-Match': '*' });
    expect(missing.status).toBe(404);
    expect((JSON.parse(missing.text) as { error: { code: string } }).error.code).toBe('0x80040217');
  });

  it('upserts without conditions and refuses unknown columns', async () => {
    const id = randomUUID();
    expect((await patch(`incidents(${id})`, incident('Graffiti'))).status).toBe(204);
    expect((await patch(`incidents(${id})`, { title: 'Graffiti removed' })).status).toBe(204);
    expect(harness.standIn.rows('incidents').find((row) => row.incidentid === id)?.title).toBe('Graffiti removed');
    const unknown = await patch(`incidents(${id})`, { nonsense: 1 });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.text)).toEqual({ error: { code: '0x80060888', message: "Could not find a property named 'nonsense' on type 'Microsoft.Dynamics.CRM.incident'." } });
  });

  it('answers WhoAmI', async () => {
    const who = await send('GET', 'WhoAmI');
    expect(who.status).toBe(200);
    expect(JSON.parse(who.text)).toMatchObject({ UserId: expect.any(String), BusinessUnitId: expect.any(String), OrganizationId: expect.any(String) });
  });

  it('applies a $batch change set all or nothing, echoing Content-IDs', async () => {
    const good = randomUUID();
    const note = randomUUID();
    const bad = randomUUID();
    const parts = await postBatch(
      [
        changeSet(`changeset_${randomUUID()}`, [
          operation('1', 'PATCH', `incidents(${good})`, incident('Pest control'), { 'If-None-Match': '*' }),
          operation('2', 'PATCH', `annotations(${note})`, { subject: 'photo.jpg', filename: 'photo.jpg', mimetype: 'image/jpeg', documentbody: 'aGVsbG8=', 'objectid_incident@odata.bind': `/incidents(${good})` }, { 'If-None-Match': '*' }),
        ]),
        changeSet(`changeset_${randomUUID()}`, [
          operation('3', 'PATCH', `incidents(${bad})`, incident('Noise'), { 'If-None-Match': '*' }),
          operation('4', 'PATCH', `annotations(${randomUUID()})`, { subject: 'x', nonsense: true }, { 'If-None-Match': '*' }),
        ]),
      ],
      'odata.continue-on-error',
    );
    expect(parts).toHaveLength(2);
    const applied = splitMultipart(parts[0]?.body ?? '', boundaryOf(parts[0]?.headers['content-type']) ?? '');
    expect(applied.map((part) => part.headers['content-id'])).toEqual(['1', '2']);
    const first = parseHttpMessage(applied[0]?.body ?? '');
    expect(first.startLine).toBe('HTTP/1.1 204 No Content');
    expect(first.headers['odata-entityid']).toBe(`${harness.standIn.url}${API}incidents(${good})`);
    // The failed change set answers with its one failing response, and nothing in it is kept.
    expect(parts[1]?.headers['content-id']).toBe('4');
    expect(statusOf(parseHttpMessage(parts[1]?.body ?? ''))).toBe(400);
    expect(incidentIds().has(good)).toBe(true);
    expect(incidentIds().has(bad)).toBe(false);
    const stored = harness.standIn.rows('annotations').find((row) => row.annotationid === note);
    expect(stored).toMatchObject({ _objectid_value: good, filesize: 5, isdocument: true });
  });

  it('stops a $batch at the first failure, answering 400 for the whole batch, unless asked to continue', async () => {
    const existing = randomUUID();
    await patch(`incidents(${existing})`, incident('Already here'), { 'If-None-Match': '*' });
    const after = randomUUID();
    const parts = await postBatch([
      operation('1', 'PATCH', `incidents(${existing})`, incident('Again'), { 'If-None-Match': '*' }),
      operation('2', 'PATCH', `incidents(${after})`, incident('Never run'), { 'If-None-Match': '*' }),
    ], undefined, 400);
    expect(parts).toHaveLength(1);
    expect(statusOf(parseHttpMessage(parts[0]?.body ?? ''))).toBe(412);
    expect(incidentIds().has(after)).toBe(false);
  });
});

describe('service protection limits', () => {
  it('answers 429 with Dataverse’s code and a Retry-After in whole seconds once a user’s requests run out', async () => {
    const limited = await startHarness({ limits: { windowMs: 60_000, maxRequests: 3 } });
    try {
      const get = (token: string) =>
        limited.fetch(`${limited.standIn.url}${API}WhoAmI`, { headers: { ...common, Authorization: `Bearer ${token}` } }).then(async (response) => ({ response, text: await response.text() }));
      const busy = limited.officerToken('stf-001');
      for (let i = 0; i < 3; i += 1) expect((await get(busy)).response.status).toBe(200);
      const refused = await get(busy);
      expect(refused.response.status).toBe(429);
      expect(refused.response.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(JSON.parse(refused.text)).toEqual({ error: { code: '0x80072322', message: 'Number of requests exceeded the limit of 3 over time window of 60 seconds.' } });
      // Limits are per user: someone else is still served.
      expect((await get(limited.officerToken('stf-002'))).response.status).toBe(200);
      expect(limited.standIn.counters()).toMatchObject({ accepted: 4, throttled: 1 });
    } finally {
      await limited.close();
    }
  });

  it('turns away requests over the concurrent limit', async () => {
    const limited = await startHarness({ limits: { maxConcurrent: 1 } });
    try {
      limited.standIn.faults.failNext(1, { delayMs: 200 });
      const get = () => limited.fetch(`${limited.standIn.url}${API}WhoAmI`, { headers: { ...common, Authorization: limited.authorization } }).then(async (response) => ({ status: response.status, text: await response.text() }));
      const slow = get();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const second = await get();
      expect(second.status).toBe(429);
      expect((JSON.parse(second.text) as { error: { code: string } }).error.code).toBe('0x80072326');
      expect((await slow).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
