import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_STATES } from '../../../shared/domain/agent-state';
import { APP_PRESENCE_EXPIRY, SET_PRESENCE_PAIRS, TEAMS_PRESENCE_FOR } from '../../../main/core/graph/app-presence';
import { officer, seed, startHarness, TEST_APP_ID, type Harness } from './fixture';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const setPresence = (harness: Harness, body: Record<string, unknown>, path = '/me/presence/setPresence') => harness.graph.client.api(path).post(body) as Promise<unknown>;

describe('the officer’s state as their Teams presence (presence: setPresence)', () => {
  it('maps every state to a pair Graph’s setPresence accepts, busy on a call and do not disturb in wrap-up', () => {
    for (const state of AGENT_STATES) expect(SET_PRESENCE_PAIRS, state).toContainEqual(TEAMS_PRESENCE_FOR[state]);
    expect(TEAMS_PRESENCE_FOR['on-a-call']).toEqual({ availability: 'Busy', activity: 'InACall' });
    expect(TEAMS_PRESENCE_FOR['wrap-up']).toEqual({ availability: 'DoNotDisturb', activity: 'Presenting' });
    expect(TEAMS_PRESENCE_FOR['on-a-break']).toEqual({ availability: 'Away', activity: 'Away' });
  });

  it('sets CivicDesk’s own session, named by its client id, and colleagues see it', async () => {
    const service = h.service();
    await service.setAppPresence(TEAMS_PRESENCE_FOR['on-a-call']);
    expect(h.standIn.presenceOf(officer.id)).toMatchObject({ availability: 'Busy', activity: 'InACall' });
    const colleagues = await service.presenceOf([officer.id]);
    expect(colleagues.get(officer.id)).toMatchObject({ availability: 'Busy', activity: 'InACall' });
    const sent = h.standIn.requests().filter((each) => each.path === '/me/presence/setPresence');
    expect(sent).toHaveLength(1);

    await service.setAppPresence(TEAMS_PRESENCE_FOR['wrap-up']);
    expect(h.standIn.presenceOf(officer.id)).toMatchObject({ availability: 'DoNotDisturb', activity: 'Presenting' });
    await service.setAppPresence(TEAMS_PRESENCE_FOR.available);
    expect(h.standIn.presenceOf(officer.id)).toMatchObject({ availability: 'Available', activity: 'Available' });
  });

  it('is beneath a presence the officer chose themselves, and ends when CivicDesk stops renewing it', async () => {
    const service = h.service();
    await service.setAppPresence(TEAMS_PRESENCE_FOR['on-a-break']);
    await service.setMyPresence({ availability: 'DoNotDisturb', forMinutes: 30 });
    expect(h.standIn.presenceOf(officer.id)).toMatchObject({ availability: 'DoNotDisturb', activity: 'DoNotDisturb' });
    await service.setMyPresence({ availability: 'Automatic', forMinutes: 5 });
    expect(h.standIn.presenceOf(officer.id)).toMatchObject({ availability: 'Away', activity: 'Away' });
    // APP_PRESENCE_EXPIRY is PT15M: after it, the session is gone and the seeded day shows again.
    expect(APP_PRESENCE_EXPIRY).toBe('PT15M');
    const before = h.clock.at;
    h.clock.at = new Date(before.getTime() + 16 * 60_000);
    try {
      expect(h.standIn.presenceOf(officer.id)).not.toEqual({ availability: 'Away', activity: 'Away' });
    } finally {
      h.clock.at = before;
    }
  });

  it('refuses a pair setPresence does not support, with Graph’s error shape', async () => {
    for (const [availability, activity] of [
      ['BeRightBack', 'BeRightBack'],
      ['Busy', 'Busy'],
      ['DoNotDisturb', 'DoNotDisturb'],
      ['Available', 'InACall'],
    ]) {
      const refused = setPresence(h, { sessionId: TEST_APP_ID, availability, activity, expirationDuration: 'PT15M' });
      await expect(refused, `${String(availability)}/${String(activity)}`).rejects.toMatchObject({ statusCode: 400, code: 'BadRequest' });
    }
    const raw = await fetchError(h, { sessionId: TEST_APP_ID, availability: 'BeRightBack', activity: 'BeRightBack' });
    expect(raw).toMatchObject({ error: { code: 'BadRequest', message: expect.any(String), innerError: { date: expect.any(String), 'request-id': expect.any(String) } } });
  });

  it('refuses a session not named by the calling app’s id, or none', async () => {
    await expect(setPresence(h, { sessionId: '00000000-0000-0000-0000-000000000001', availability: 'Available', activity: 'Available' })).rejects.toMatchObject({ statusCode: 400, code: 'BadRequest' });
    await expect(setPresence(h, { availability: 'Available', activity: 'Available' })).rejects.toMatchObject({ statusCode: 400, code: 'BadRequest' });
  });

  it('refuses an expiry outside 5 to 240 minutes', async () => {
    for (const expirationDuration of ['PT4M', 'PT5H', 'soon']) {
      await expect(setPresence(h, { sessionId: TEST_APP_ID, availability: 'Available', activity: 'Available', expirationDuration })).rejects.toMatchObject({ statusCode: 400 });
    }
    await expect(setPresence(h, { sessionId: TEST_APP_ID, availability: 'Available', activity: 'Available', expirationDuration: 'PT4H' })).resolves.toBeDefined();
  });

  it('refuses another user’s presence to a delegated token', async () => {
    const colleague = seed.users.find((user) => user.id !== officer.id)!;
    await expect(setPresence(h, { sessionId: TEST_APP_ID, availability: 'Available', activity: 'Available' }, `/users/${colleague.id}/presence/setPresence`)).rejects.toMatchObject({ statusCode: 403 });
  });

  it('refuses it without Presence.ReadWrite (403), and says so to the officer', async () => {
    const readOnly = await startHarness({ scp: 'User.Read Presence.Read Presence.Read.All' });
    try {
      await expect(readOnly.service().setAppPresence(TEAMS_PRESENCE_FOR.available)).rejects.toThrow(/permission/i);
      await expect(setPresence(readOnly, { sessionId: TEST_APP_ID, availability: 'Available', activity: 'Available' })).rejects.toMatchObject({ statusCode: 403, code: 'Forbidden' });
    } finally {
      await readOnly.close();
    }
  });

  it('clears the session, and says 404 when there is none', async () => {
    const service = h.service();
    await service.setAppPresence(TEAMS_PRESENCE_FOR['on-a-call']);
    await service.clearAppPresence();
    await expect(service.clearAppPresence()).rejects.toThrow();
    await expect(h.graph.client.api('/me/presence/clearPresence').post({ sessionId: TEST_APP_ID })).rejects.toMatchObject({ statusCode: 404 });
  });
});

/** The error body as Graph sends it, read without the SDK. */
async function fetchError(harness: Harness, body: unknown): Promise<unknown> {
  try {
    await harness.graph.client.api('/me/presence/setPresence').post(body);
  } catch (error) {
    return { error: { code: (error as { code?: string }).code, message: (error as Error).message, innerError: { date: (error as { date?: Date }).date?.toISOString(), 'request-id': (error as { requestId?: string }).requestId } } };
  }
  return null;
}
