import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDataverseBackOffice } from '../../../main/core/back-office/dataverse/dataverse-back-office';
import { BackOfficeError } from '../../../main/core/back-office/errors';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { makeLoopbackCertificate } from '../../../main/core/training/dataverse/certificate';
import { rowIdFor } from '../../../main/core/training/dataverse/row-ids';
import { startHarness, type Harness } from './fixture';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
beforeEach(() => {
  harness.standIn.faults.clear();
  harness.sleeps.length = 0;
});

const resident = rowIdFor('res-000001');

async function failureOf(promise: Promise<unknown>): Promise<BackOfficeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackOfficeError) return error;
    throw error;
  }
  throw new Error('expected a BackOfficeError');
}

describe('when the back office is busy, down or refuses', () => {
  it('waits out a 429 for as long as Retry-After says, then succeeds', async () => {
    harness.standIn.faults.failNext(2, { status: 429, retryAfterSeconds: 1 });
    const before = harness.standIn.requests().length;
    const record = await harness.backOffice().resident360(resident);
    expect(record?.resident.givenName).toBe('Hamza');
    expect(harness.sleeps).toEqual([1000, 1000]);
    // The contact, then its household, members, accounts, permits, cases, flags and staff-safety markers at once; and the two refused.
    expect(harness.standIn.requests().length - before).toBe(9 + 2);
  });

  it('says the system is busy, without waiting, when Retry-After is too long for someone on the phone', async () => {
    harness.standIn.faults.failNext(1, { status: 429, retryAfterSeconds: 300 });
    const error = await failureOf(harness.backOffice().listAccesses(resident));
    expect(error).toMatchObject({ failure: 'busy', status: 429, code: '0x80072322' });
    expect(error.message).toBe('The council’s system is busy just now. Wait a minute, then try again.');
    expect(harness.sleeps).toEqual([]);
  });

  it('retries a 503 with growing waits, then gives up with words staff can act on', async () => {
    harness.standIn.faults.failAlways({ status: 503 });
    const before = harness.standIn.requests().length;
    const error = await failureOf(harness.backOffice({ retry: { maxAttempts: 3, firstBackoffMs: 10 } }).contactHistory(resident, { pageSize: 5, cursor: null }));
    expect(error.failure).toBe('unavailable');
    expect(error.message).toMatch(/^The council’s system is not available just now\. Try again in a few minutes/);
    expect(harness.sleeps).toEqual([10, 20]);
    expect(harness.standIn.requests().length - before).toBe(3);
  });

  it('recovers from a 500 that clears', async () => {
    harness.standIn.faults.failNext(1, { status: 500 });
    const page = await harness.backOffice({ retry: { firstBackoffMs: 1 } }).contactHistory(resident, { pageSize: 5, cursor: null });
    expect(page.contacts.length).toBeGreaterThan(0);
    expect(harness.sleeps).toEqual([1]);
  });

  it('asks the person to sign in again on a 401, and does not retry it', async () => {
    harness.standIn.faults.failNext(1, { status: 401 });
    const before = harness.standIn.requests().length;
    const error = await failureOf(harness.backOffice().directory(null));
    expect(error).toMatchObject({ failure: 'sign-in', status: 401 });
    expect(error.message).toBe('Your sign-in to the council’s system has run out. Sign in again, then try once more.');
    expect(harness.standIn.requests().length - before).toBe(1);
  });

  it('says so plainly when the person lacks permission', async () => {
    harness.standIn.faults.failNext(1, { status: 403 });
    const error = await failureOf(harness.backOffice().listAccesses(resident));
    expect(error).toMatchObject({ failure: 'permission', status: 403, code: '0x80040220' });
    expect(error.message).toMatch(/^You do not have permission/);
  });

  it('treats a failing sign-in as a sign-in problem', async () => {
    const error = await failureOf(harness.backOffice({ getAccessToken: () => Promise.reject(new Error('interaction_required')) }).listAccesses(resident));
    expect(error.failure).toBe('sign-in');
  });

  it('is refused by the stand-in without a bearer token', async () => {
    const response = await harness.fetch(`${harness.standIn.url}/api/data/v9.2/contacts`, { headers: { Accept: 'application/json' } });
    expect(response.status).toBe(401);
  });
});

describe('the certificate is really checked', () => {
  it('will not talk to the stand-in when trusting a different certificate', async () => {
    const stranger = await makeLoopbackCertificate();
    const wrongTrust = httpsFetch(stranger.cert);
    try {
      const error = await failureOf(harness.backOffice({ fetch: wrongTrust }).resident360(resident));
      expect(error.failure).toBe('untrusted');
      expect(error.message).toMatch(/could not prove it is genuine/);
      // A refused certificate is never retried.
      expect(harness.sleeps).toEqual([]);
    } finally {
      wrongTrust.close();
    }
  });

  it('will not talk to it through Node’s own fetch, which trusts only the public authorities', async () => {
    const error = await failureOf(harness.backOffice({ fetch: globalThis.fetch }).listAccesses(resident));
    expect(error.failure).toBe('untrusted');
  });

  it('accepts only an https address for Dataverse', () => {
    expect(() => createDataverseBackOffice({ dataverseUrl: 'http://127.0.0.1:1', getAccessToken: async () => 't', fetch: harness.fetch })).toThrow(/https/);
  });

  it('reports an unreachable system after a few tries', async () => {
    const closed = await startHarness();
    const url = closed.standIn.url;
    await closed.close();
    const office = createDataverseBackOffice({ dataverseUrl: url, getAccessToken: async () => closed.tokens.app(url), fetch: harness.fetch, sleep: async () => undefined, retry: { maxAttempts: 2 } });
    expect(await failureOf(office.listAccesses(resident))).toMatchObject({ failure: 'unreachable' });
  });
});
