import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendBatch } from '../../../main/core/graph/batch';
import { createGraphClient } from '../../../main/core/graph/graph-client';
import { createMicrosoft365Service } from '../../../main/core/graph/microsoft365-service';
import { NotPossible } from '../../../main/core/ipc/router';
import { allPages, type Page } from '../../../main/core/graph/paging';
import { retryAfterMs } from '../../../main/core/graph/retry';
import { caseFor, officer, seed, startHarness, type Harness } from './fixture';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('the Graph client against the stand-in', () => {
  it('is refused with Graph\'s error when the token is missing or wrong', async () => {
    for (const token of ['', 'not-a-token']) {
      const graph = createGraphClient({ accessToken: () => Promise.resolve(token), baseUrl: h.standIn.url, ca: h.standIn.ca });
      await expect(graph.client.api('/me').get()).rejects.toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken' });
      graph.close();
    }
  });

  it('adds the token once, from the auth handler', async () => {
    const me = (await h.graph.client.api('/me').get()) as { id: string };
    expect(me.id).toBe(officer.id);
  });

  it('does not trust the stand-in without its certificate', async () => {
    const graph = createGraphClient({ accessToken: () => Promise.resolve('test-token'), baseUrl: h.standIn.url, retry: { maxAttempts: 1 } });
    await expect(graph.client.api('/me').get()).rejects.toMatchObject({ statusCode: -1 });
    graph.close();
  });

  it('honours Retry-After on a read, and gives up after the most attempts', async () => {
    h.sleeps.length = 0;
    h.standIn.faults.throttle({ times: 2, retryAfterSeconds: 3 });
    await h.graph.client.api('/me').get();
    expect(h.sleeps).toEqual([3000, 3000]);
    h.sleeps.length = 0;
    h.standIn.faults.throttle({ times: 10, retryAfterSeconds: 2 });
    await expect(h.graph.client.api('/me').get()).rejects.toMatchObject({ statusCode: 429, code: 'TooManyRequests' });
    expect(h.sleeps).toEqual([2000, 2000, 2000]);
    h.standIn.faults.clear();
  });

  it('does not retry a POST that failed with a 500', async () => {
    h.sleeps.length = 0;
    h.standIn.faults.fail({ status: 500, times: 1 });
    await expect(h.graph.client.api('/communications/getPresencesByUserId').post({ ids: [officer.id] })).rejects.toMatchObject({ statusCode: 500 });
    expect(h.sleeps).toEqual([]);
  });

  it('tries a $batch of reads again after a 500, as it changes nothing', async () => {
    h.sleeps.length = 0;
    h.standIn.faults.fail({ status: 500, times: 1 });
    const answers = await sendBatch(h.batchSender, [{ id: '1', method: 'GET', url: '/me' }]);
    expect(answers.get('1')?.status).toBe(200);
    expect(h.sleeps).toEqual([1000]);
  });

  it('sends only the requests Graph throttled inside a batch again, after the longest Retry-After', async () => {
    h.sleeps.length = 0;
    const before = h.standIn.requests().length;
    h.standIn.faults.throttleInBatch({ times: 2, retryAfterSeconds: 4 });
    const ids = seed.users.slice(0, 3).map((user) => user.id);
    const answers = await sendBatch(h.batchSender, ids.map((id, index) => ({ id: String(index), method: 'GET', url: `/users/${id}` })));
    expect([...answers.values()].map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(h.sleeps).toEqual([4000]);
    expect(h.standIn.requests().slice(before).map((request) => request.batched.length)).toEqual([3, 2]);
  });

  it('answers 429 for a request still throttled after three more tries', async () => {
    h.sleeps.length = 0;
    h.standIn.faults.throttleInBatch({ times: 4, retryAfterSeconds: 2 });
    const answers = await sendBatch(h.batchSender, [{ id: 'me', method: 'GET', url: '/me' }]);
    expect(answers.get('me')?.status).toBe(429);
    expect(h.sleeps).toEqual([2000, 2000, 2000]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-11-27T10:00:00Z');
    expect(retryAfterMs('12', now)).toBe(12_000);
    expect(retryAfterMs('Fri, 27 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('follows nextLink paging, up to a limit', async () => {
    const team = seed.teams[0]!;
    const first = (await h.graph.client.api(`/teams/${team.id}/members`).get()) as Page<{ userId: string }>;
    expect(first['@odata.nextLink']).toBeDefined();
    expect((await allPages(h.graph.client, first)).map((member) => member.userId)).toEqual(team.memberIds);
    expect(await allPages(h.graph.client, first, 1)).toHaveLength(10);
  });

  it('sends more than 20 requests as several batches', async () => {
    const before = h.standIn.requests().length;
    const ids = seed.users.slice(0, 25).map((user) => user.id);
    const answers = await sendBatch(h.batchSender, ids.map((id, index) => ({ id: String(index), method: 'GET', url: `/users/${id}` })));
    expect(h.standIn.requests().slice(before)).toHaveLength(2);
    expect([...answers.values()].map((answer) => (answer.body as { id: string }).id).sort()).toEqual([...ids].sort());
  });
});

describe('when the officer is not signed in', () => {
  it('passes on what to do, for reads and sends', async () => {
    const words = 'Sign in to Microsoft 365 first (the button is in the status bar).';
    const graph = createGraphClient({ accessToken: () => Promise.reject(new NotPossible(words)), baseUrl: h.standIn.url, ca: h.standIn.ca });
    const service = createMicrosoft365Service({ client: graph, settings: seed.settings, me: () => ({ userId: officer.id }), log: { info: () => undefined, warn: () => undefined } });
    await expect(service.serviceTeams()).rejects.toThrow(words);
    const sent = await service.askExpert({
      messageId: '11111111-1111-4111-8111-111111111111',
      writtenAt: new Date().toISOString(),
      case: caseFor(),
      note: 'Hello',
      colleagueIds: [seed.teams[0]!.memberIds[0]!],
    });
    expect(sent).toEqual({ status: 'retry', reason: words });
    graph.close();
  });
});
