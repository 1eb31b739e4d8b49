import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_SCOPES } from '../../../main/core/smart-working';
import { ROUTE_PERMISSIONS, scopesFor } from '../../../main/core/training/graph/permissions';
import { officer, seed, startHarness, TEST_APP_ID, type Harness } from './fixture';

const channel = seed.settings.escalationChannels['housing-repairs']!;
const team = `/teams/${channel.teamId}`;
const channelMessages = `${team}/channels/${encodeURIComponent(channel.channelId)}/messages`;
const business = `/solutions/bookingBusinesses/${encodeURIComponent(seed.bookingsBusinessId)}`;
const appointment = `${business}/appointments/${seed.appointments[0]!.id}`;

/** One call of each kind CivicDesk makes, with the least-privileged permission Graph documents for it. */
const CALLS: { method: 'GET' | 'POST' | 'PATCH'; path: string; body?: unknown; least: string; code: string }[] = [
  { method: 'GET', path: '/me', least: 'User.Read', code: 'Authorization_RequestDenied' },
  { method: 'GET', path: `/users/${officer.id}`, least: 'User.ReadBasic.All', code: 'Authorization_RequestDenied' },
  { method: 'GET', path: '/me/presence', least: 'Presence.Read', code: 'Forbidden' },
  { method: 'POST', path: '/me/presence/setUserPreferredPresence', body: { availability: 'Busy', activity: 'Busy', expirationDuration: 'PT1H' }, least: 'Presence.ReadWrite', code: 'Forbidden' },
  { method: 'POST', path: '/me/presence/setPresence', body: { sessionId: TEST_APP_ID, availability: 'Busy', activity: 'InACall', expirationDuration: 'PT15M' }, least: 'Presence.ReadWrite', code: 'Forbidden' },
  { method: 'POST', path: '/communications/getPresencesByUserId', body: { ids: [officer.id] }, least: 'Presence.Read.All', code: 'Forbidden' },
  { method: 'GET', path: team, least: 'Team.ReadBasic.All', code: 'Forbidden' },
  { method: 'GET', path: `${team}/members`, least: 'TeamMember.Read.All', code: 'Forbidden' },
  { method: 'GET', path: `${team}/channels/${encodeURIComponent(channel.channelId)}`, least: 'Channel.ReadBasic.All', code: 'Forbidden' },
  { method: 'GET', path: channelMessages, least: 'ChannelMessage.Read.All', code: 'Forbidden' },
  { method: 'POST', path: channelMessages, body: { body: { contentType: 'html', content: '<p>Hello</p>' } }, least: 'ChannelMessage.Send', code: 'Forbidden' },
  { method: 'GET', path: '/me/chats', least: 'Chat.ReadBasic', code: 'Forbidden' },
  { method: 'GET', path: business, least: 'Bookings.Read.All', code: 'Forbidden' },
  { method: 'GET', path: `${business}/staffMembers`, least: 'Bookings.Read.All', code: 'Forbidden' },
  { method: 'GET', path: appointment, least: 'Bookings.Read.All', code: 'Forbidden' },
  { method: 'PATCH', path: appointment, body: { serviceNotes: 'Note' }, least: 'BookingsAppointment.ReadWrite.All', code: 'Forbidden' },
  { method: 'GET', path: '/me/calendarView?startDateTime=2026-11-27T00:00:00Z&endDateTime=2026-11-28T00:00:00Z', least: 'Calendars.ReadBasic', code: 'Forbidden' },
  { method: 'POST', path: '/me/onlineMeetings', body: { subject: 'Follow-up' }, least: 'OnlineMeetings.ReadWrite', code: 'Forbidden' },
  { method: 'GET', path: `/users/${encodeURIComponent(seed.mailbox.address)}/mailFolders/inbox/messages/delta`, least: 'Mail.Read.Shared', code: 'ErrorAccessDenied' },
];

const send = (h: Harness, call: (typeof CALLS)[number]) => {
  const request = h.graph.client.api(call.path);
  if (call.method === 'GET') return request.get() as Promise<unknown>;
  if (call.method === 'PATCH') return request.patch(call.body) as Promise<unknown>;
  return request.post(call.body) as Promise<unknown>;
};

describe('the Graph stand-in checks the token\'s delegated permissions on every call', () => {
  // A token with a scope no call here accepts: signed in, but consented to nothing CivicDesk uses.
  let none: Harness;
  beforeAll(async () => {
    none = await startHarness({ scp: 'openid' });
  });
  afterAll(async () => {
    await none.close();
  });

  it.each(CALLS)('$method $path is refused without $least, with Graph\'s $code', async (call) => {
    await expect(send(none, call)).rejects.toMatchObject({ statusCode: 403, code: call.code });
    const allowed = await startHarness({ scp: call.least });
    try {
      // Allowed: it is answered (a refusal would reject this with the 403).
      await send(allowed, call);
    } finally {
      await allowed.close();
    }
  });

  it('says "Insufficient privileges to complete the operation." for a directory call, as Graph does', async () => {
    await expect(none.graph.client.api('/me').get()).rejects.toMatchObject({ statusCode: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
  });

  it('checks each request inside a $batch on its own', async () => {
    const partly = await startHarness({ scp: 'User.Read' });
    try {
      const reply = (await partly.graph.client.api('/$batch').post({
        requests: [
          { id: 'me', method: 'GET', url: '/me' },
          { id: 'presence', method: 'GET', url: '/me/presence' },
        ],
      })) as { responses: { id: string; status: number; body: { error?: { code: string } } }[] };
      const byId = new Map(reply.responses.map((response) => [response.id, response]));
      expect(byId.get('me')?.status).toBe(200);
      expect(byId.get('presence')).toMatchObject({ status: 403, body: { error: { code: 'Forbidden' } } });
    } finally {
      await partly.close();
    }
  });

  it('accepts a higher-privileged permission Graph lists for the call', async () => {
    const higher = await startHarness({ scp: 'Chat.ReadWrite' });
    try {
      await expect(higher.graph.client.api('/me/chats').get()).resolves.toMatchObject({ value: [] });
    } finally {
      await higher.close();
    }
  });

  it('refuses a token made for another resource (Dataverse) with Graph\'s 401 "Invalid audience"', async () => {
    const dataverse = await startHarness({ aud: 'https://127.0.0.1:8443' });
    try {
      await expect(dataverse.graph.client.api('/me').get()).rejects.toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken', message: 'Access token validation failure. Invalid audience.' });
    } finally {
      await dataverse.close();
    }
    for (const aud of ['00000003-0000-0000-c000-000000000000', 'https://graph.microsoft.com']) {
      const graph = await startHarness({ aud });
      try {
        await expect(graph.graph.client.api('/me').get()).resolves.toMatchObject({ id: officer.id });
      } finally {
        await graph.close();
      }
    }
  });
});

describe('CivicDesk\'s Graph scopes', () => {
  it('are each the least-privileged permission of a call it makes, so none is asked for without need', () => {
    const leastOfSome = new Set(ROUTE_PERMISSIONS.map((route) => route.scopes[0]));
    const chatCalls = [scopesFor('POST', '/chats'), scopesFor('GET', '/chats/x/messages'), scopesFor('POST', '/chats/x/messages')].map((route) => route?.scopes[0]);
    expect(chatCalls).toEqual(['Chat.Create', 'Chat.Read', 'ChatMessage.Send']);
    expect(GRAPH_SCOPES.filter((scope) => !leastOfSome.has(scope))).toEqual([]);
  });

  it('are each listed in docs/microsoft-365.md with what they are for and whether they need admin consent', () => {
    const docs = readFileSync('docs/microsoft-365.md', 'utf8');
    for (const scope of GRAPH_SCOPES) expect(docs).toMatch(new RegExp(`^  \\| \`${scope.replace(/\./g, '\\.')}\` \\| .+ \\| (yes|no) \\|$`, 'm'));
  });
});
