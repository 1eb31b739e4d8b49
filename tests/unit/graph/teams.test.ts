import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NotPossible } from '../../../main/core/ipc/router';
import { GRAPH_SCOPES } from '../../../main/core/smart-working';
import { caseFor, officer, seed, startHarness, type Harness } from './fixture';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  h.standIn.faults.clear();
  h.sleeps.length = 0;
});

const experts = (service: string) => {
  const team = seed.teams.find((candidate) => candidate.service === service)!;
  return team.memberIds.filter((id) => seed.users.find((user) => user.id === id)?.staffId === undefined);
};
let counter = 0;
/** A fresh outbox message id for each send. */
const messageId = () => `00000000-0000-4000-8000-${String((counter += 1)).padStart(12, '0')}`;

describe('the officer in Microsoft 365', () => {
  it('reads profile, photo and presence in one $batch', async () => {
    const before = h.standIn.requests().length;
    const me = await h.service().me();
    const sent = h.standIn.requests().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.path).toBe('/$batch');
    expect(sent[0]?.batched).toEqual(['GET /me?$select=id,displayName,jobTitle,department,mail', 'GET /me/photo/$value', 'GET /me/presence']);
    expect(me.profile).toEqual({ id: officer.id, displayName: officer.displayName, jobTitle: officer.jobTitle, department: officer.department, mail: officer.mail });
    const hasPhoto = parseInt(officer.id.charAt(0), 16) % 2 === 0;
    if (hasPhoto) expect(me.photo).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    else expect(me.photo).toBeNull();
    expect(me.presence.userId).toBe(officer.id);
    expect(me.presence.preferredUntil).toBeNull();
  });

  it('still shows my profile when Graph throttled part of that $batch, sending only that part again', async () => {
    h.standIn.faults.throttleInBatch({ times: 1, retryAfterSeconds: 5 });
    const before = h.standIn.requests().length;
    const me = await h.service().me();
    expect(me.profile.id).toBe(officer.id);
    expect(h.sleeps).toEqual([5000]);
    expect(h.standIn.requests().slice(before).map((request) => request.batched)).toEqual([
      ['GET /me?$select=id,displayName,jobTitle,department,mail', 'GET /me/photo/$value', 'GET /me/presence'],
      ['GET /me?$select=id,displayName,jobTitle,department,mail'],
    ]);
  });

  it('sets a preferred presence for a while, then goes back to automatic', async () => {
    const service = h.service();
    const busy = await service.setMyPresence({ availability: 'DoNotDisturb', forMinutes: 90 });
    expect(busy).toMatchObject({ userId: officer.id, availability: 'DoNotDisturb', activity: 'DoNotDisturb' });
    expect(busy.preferredUntil).toBe(new Date(h.clock.at.getTime() + 90 * 60_000).toISOString());
    expect(h.standIn.presenceOf(officer.id).availability).toBe('DoNotDisturb');
    const automatic = await service.setMyPresence({ availability: 'Automatic', forMinutes: 5 });
    expect(automatic.preferredUntil).toBeNull();
    expect(h.standIn.requests().some((request) => request.path === '/me/presence/clearUserPreferredPresence')).toBe(true);
  });

  it('finds colleagues in the directory by the start of their names', async () => {
    const target = seed.users[5]!;
    const found = await h.service().searchPeople(target.displayName.split(' ')[0]!.slice(0, 3));
    expect(found.map((colleague) => colleague.id)).toContain(target.id);
    expect(found.every((colleague) => colleague.mail?.endsWith('@example.org'))).toBe(true);
    // With everyone's presence from one getPresencesByUserId, as for a team.
    expect(found.find((colleague) => colleague.id === target.id)?.presence).toMatchObject({ userId: target.id, availability: expect.not.stringMatching(/^PresenceUnknown$/) });
    expect(h.standIn.requests().at(-1)?.path).toBe('/communications/getPresencesByUserId');
  });

  it('still lists the people found, as presence unknown, when Graph will not give their presence', async () => {
    const target = seed.users[5]!;
    const query = target.displayName.split(' ')[0]!.slice(0, 3);
    // A 500 on a POST is not tried again, so the presence stays unknown.
    h.standIn.faults.fail({ status: 500, times: 1, path: '/communications/getPresencesByUserId' });
    const found = await h.service().searchPeople(query);
    expect(found.map((colleague) => colleague.id)).toContain(target.id);
    expect(found.every((colleague) => colleague.presence.availability === 'PresenceUnknown')).toBe(true);
  });

  it('lists the service teams from the settings with their Teams names', async () => {
    const teams = await h.service().serviceTeams();
    expect(teams).toHaveLength(seed.teams.length);
    expect(teams.find((team) => team.service === 'housing-repairs')).toMatchObject({ name: 'Housing Repairs', canEscalate: true });
    expect(teams.find((team) => team.service === 'parking')).toMatchObject({ name: 'Parking Services', canEscalate: false });
  });

  it('shows a team with presence: members page by page, then one getPresencesByUserId', async () => {
    const team = seed.teams.find((candidate) => candidate.service === 'council-tax')!;
    expect(team.memberIds.length).toBeGreaterThan(10);
    const service = h.service();
    const before = h.standIn.requests().length;
    const members = await service.teamPresence(team.id);
    const sent = h.standIn.requests().slice(before);
    expect(sent.filter((request) => request.path.endsWith('/members')).length).toBeGreaterThan(1);
    expect(sent.filter((request) => request.path === '/communications/getPresencesByUserId')).toHaveLength(1);
    expect(members.map((member) => member.id)).toEqual(team.memberIds);
    for (const member of members) expect(member.presence.availability).toBe(h.standIn.presenceOf(member.id).availability);
    // User.ReadBasic.All gives no job titles, so no profile is read for them.
    expect(sent.filter((request) => request.path === '/$batch')).toHaveLength(0);
    expect(members.every((member) => member.jobTitle === null)).toBe(true);
  });

  it('gets colleagues\' basic profile only with User.ReadBasic.All, as Graph gives it: no job title or department', async () => {
    const expert = seed.users.find((user) => user.id === experts('waste')[0])!;
    const basic = (await h.graph.client.api(`/users/${expert.id}`).get()) as Record<string, unknown>;
    expect(basic).toMatchObject({ id: expert.id, displayName: expert.displayName, mail: expert.mail, userPrincipalName: expert.userPrincipalName, jobTitle: null, department: null, officeLocation: null, mobilePhone: null });
    // One's own profile is whole with User.Read.
    const me = (await h.graph.client.api('/me').get()) as Record<string, unknown>;
    expect(me).toMatchObject({ jobTitle: officer.jobTitle, department: officer.department });
    const wide = await startHarness({ scp: 'User.Read User.Read.All' });
    try {
      expect(await wide.graph.client.api(`/users/${expert.id}`).get()).toMatchObject({ jobTitle: expert.jobTitle, department: expert.department });
    } finally {
      await wide.close();
    }
    const found = await h.service().searchPeople(expert.displayName);
    expect(found.find((colleague) => colleague.id === expert.id)?.jobTitle).toBeNull();
  });

  it('sees presence change as the clock moves', async () => {
    const team = seed.teams[0]!;
    const first = (await h.service().teamPresence(team.id)).map((member) => member.presence.availability);
    h.clock.at = new Date(h.clock.at.getTime() + 5 * 60_000);
    const later = (await h.service().teamPresence(team.id)).map((member) => member.presence.availability);
    expect(later).not.toEqual(first);
  });
});

describe('asking experts', () => {
  it('uses the 1:1 chat, and the same one the next time', async () => {
    const [expert] = experts('housing-repairs');
    const service = h.service();
    const first = await service.askExpert({ messageId: messageId(), writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Can you look at this?', colleagueIds: [expert!] });
    const second = await service.askExpert({ messageId: messageId(), writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'And this?', colleagueIds: [expert!] });
    expect(first.status).toBe('sent');
    expect(second.status).toBe('sent');
    if (first.status !== 'sent' || second.status !== 'sent') return;
    expect(first.chatId).toMatch(/@unq\.gbl\.spaces$/);
    expect(second.chatId).toBe(first.chatId);
    // A new service (as after a restart) still finds the same 1:1 chat.
    const third = await h.service().askExpert({ messageId: messageId(), writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Again', colleagueIds: [expert!] });
    expect(third.status === 'sent' && third.chatId).toBe(first.chatId);
  });

  it('posts the link and only the parts the council allows', async () => {
    const [expert] = experts('housing-repairs');
    const id = messageId();
    const result = await h.service().askExpert({ messageId: id, writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Is this <b>damp</b>?', colleagueIds: [expert!] });
    expect(result).toMatchObject({ status: 'sent', late: false });
    const posted = h.standIn.messages().find((message) => message.content.includes(`CivicDesk message ${id}`))!;
    expect(posted.fromUserId).toBe(officer.id);
    expect(posted.content).toContain('civicdesk://case/3f2b8c1e-5d4a-4e7b-9c1d-2a3b4c5d6e7f');
    expect(posted.content).toContain('Is this &lt;b&gt;damp&lt;/b&gt;?');
    expect(posted.content).toContain('Black mould');
    // The default policy leaves out the description and the resident reference.
    expect(posted.content).not.toContain('extractor fan');
    expect(posted.content).not.toContain('RES-88231');
  });

  it('makes one group chat per case and set of people, and reuses it', async () => {
    const people = experts('housing-repairs').slice(0, 2);
    const service = h.service();
    const first = await service.askExpert({ messageId: messageId(), writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Both of you?', colleagueIds: people });
    const again = await service.askExpert({ messageId: messageId(), writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Anyone?', colleagueIds: [...people].reverse() });
    expect(first.status === 'sent' && first.chatId).toMatch(/@thread\.v2$/);
    expect(again.status === 'sent' && again.chatId).toBe(first.status === 'sent' && first.chatId);
  });

  it('after a restart, finds the group chat by its topic and members, so a stored question is not posted twice', async () => {
    const people = experts('housing-repairs').slice(0, 2);
    const before = h.service();
    const input = (note: string, colleagueIds = people) => ({ messageId: messageId(), writtenAt: h.clock.at.toISOString(), case: caseFor({ reference: 'HR-2026-07731' }), note, colleagueIds });
    const opened = await before.askExpert(input('Who knows this estate?'));
    if (opened.status !== 'sent') throw new Error('not sent');
    const lost = input('Is the contractor booked?');
    h.standIn.faults.applyThenFail({ times: 1 }); // Teams stores the question; CivicDesk hears a 500
    expect((await before.askExpert(lost)).status).toBe('retry');

    // CivicDesk restarts: nothing is remembered but the outbox, which sends the question again.
    const after = h.service();
    const resent = await after.askExpert(lost);
    expect(resent).toMatchObject({ status: 'sent', chatId: opened.chatId });
    expect(h.standIn.messages().filter((message) => message.content.includes(lost.messageId))).toHaveLength(1);

    // The same topic with other people is another conversation.
    const others = await after.askExpert(input('And parking?', [people[0]!, experts('parking')[0]!]));
    expect(others.status === 'sent' && others.chatId).not.toBe(opened.chatId);
  });

  it('marks a message sent late when it waited in the outbox', async () => {
    const [expert] = experts('council-tax');
    const writtenAt = new Date(h.clock.at.getTime() - 45 * 60_000).toISOString();
    const id = messageId();
    const result = await h.service().askExpert({ messageId: id, writtenAt, case: caseFor(), note: 'Written offline', colleagueIds: [expert!] });
    expect(result).toMatchObject({ status: 'sent', late: true });
    const posted = h.standIn.messages().find((message) => message.content.includes(id))!;
    expect(posted.content).toMatch(/Sent late: written at \d\d:\d\d, sent at \d\d:\d\d when CivicDesk was back online\./);
  });

  it('waits out a 429 for as long as Retry-After says, then sends', async () => {
    const [expert] = experts('council-tax');
    h.standIn.faults.throttle({ times: 1, retryAfterSeconds: 7 });
    const result = await h.service().askExpert({ messageId: messageId(), writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Throttled', colleagueIds: [expert!] });
    expect(h.sleeps).toEqual([7000]);
    expect(result.status).toBe('sent');
  });

  it('does not post twice when a 500 came back after the message was stored', async () => {
    const [expert] = experts('waste');
    const id = messageId();
    const input = { messageId: id, writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Missed bin', colleagueIds: [expert!] };
    const service = h.service();
    await service.askExpert(input); // make the chat first, so the fault lands on the message post
    const repeat = { ...input, messageId: messageId() };
    h.standIn.faults.applyThenFail({ times: 1 }); // the chat is known, so this lands on the message POST
    const first = await service.askExpert(repeat);
    expect(first.status).toBe('retry');
    const second = await service.askExpert(repeat);
    expect(second.status).toBe('sent');
    expect(h.standIn.messages().filter((message) => message.content.includes(repeat.messageId))).toHaveLength(1);
  });

  it('answers from memory for a message already sent', async () => {
    const [expert] = experts('waste');
    const input = { messageId: messageId(), writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Once only', colleagueIds: [expert!] };
    const service = h.service();
    await service.askExpert(input);
    await service.askExpert(input);
    expect(h.standIn.messages().filter((message) => message.content.includes(input.messageId))).toHaveLength(1);
  });

  it('says retry when the connection drops, and failed for a colleague who does not exist', async () => {
    const [expert] = experts('waste');
    h.standIn.faults.dropConnection({ times: 1 });
    const dropped = await h.service().askExpert({ messageId: messageId(), writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Dropped', colleagueIds: [expert!] });
    expect(dropped.status).toBe('retry');
    const missing = await h.service().askExpert({
      messageId: messageId(),
      writtenAt: h.clock.at.toISOString(),
      case: caseFor(),
      note: 'Nobody',
      colleagueIds: ['99999999-9999-4999-8999-999999999999'],
    });
    expect(missing).toMatchObject({ status: 'failed' });
  });

  it('reads replies oldest first in plain text, leaving out Teams notices', async () => {
    const people = experts('adult-social-care').slice(0, 2);
    const id = messageId();
    const sent = await h.service().askExpert({ messageId: id, writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Care package?', colleagueIds: people });
    if (sent.status !== 'sent' || !sent.chatId) throw new Error('not sent');
    h.standIn.reply({ chatId: sent.chatId, fromUserId: people[0]!, html: '<p>Yes &amp; I&#39;ll <b>call</b> them</p>' });
    h.standIn.reply({ chatId: sent.chatId, fromUserId: people[1]!, html: '<p>Thanks</p>' });
    const replies = await h.service().replies(sent.chatId);
    expect(replies).toHaveLength(3);
    expect(replies[0]).toMatchObject({ fromCivicDesk: true, from: officer.displayName });
    expect(replies[1]).toMatchObject({ fromCivicDesk: false, text: "Yes & I'll call them" });
    expect(replies[2]?.text).toBe('Thanks');
  });

  it('lists the chats the officer is in (GET /me/chats), as Graph does', async () => {
    const [expert] = experts('council-tax');
    const sent = await h.service().askExpert({ messageId: messageId(), writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Which band?', colleagueIds: [expert!] });
    if (sent.status !== 'sent') throw new Error('not sent');
    const page = (await h.graph.client.api('/me/chats').get()) as { value: { id: string; chatType: string }[] };
    expect(page.value.map((chat) => chat.id)).toContain(sent.chatId);
    expect(page.value.find((chat) => chat.id === sent.chatId)?.chatType).toBe('oneOnOne');
  });

  it("filters the officer's chats by topic as Graph does, quotes doubled, with members when asked", async () => {
    const people = experts('waste').slice(0, 2);
    const members = [officer.id, ...people].map((userId) => ({ '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: ['owner'], 'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${userId}')` }));
    await h.graph.client.api('/chats').post({ chatType: 'group', topic: "Case O'Brien's bins", members });
    const filter = encodeURIComponent("topic eq 'Case O''Brien''s bins'");
    const page = (await h.graph.client.api('/me/chats').filter(filter).expand('members').get()) as { value: { topic: string; members: { userId: string }[] }[] };
    expect(page.value.map((chat) => chat.topic)).toEqual(["Case O'Brien's bins"]);
    expect(page.value[0]!.members.map((member) => member.userId).sort()).toEqual([officer.id, ...people].sort());
    await expect(h.graph.client.api('/me/chats').filter(encodeURIComponent("startswith(topic, 'Case')")).get()).rejects.toMatchObject({ statusCode: 400 });
  });

  it('follows paging for a long chat', async () => {
    const [expert] = experts('parking');
    const sent = await h.service().askExpert({ messageId: messageId(), writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Long chat', colleagueIds: [expert!] });
    if (sent.status !== 'sent' || !sent.chatId) throw new Error('not sent');
    for (let i = 0; i < 60; i += 1) h.standIn.reply({ chatId: sent.chatId, fromUserId: expert!, html: `<p>Line ${String(i)}</p>` });
    const replies = await h.service().replies(sent.chatId);
    expect(replies.length).toBeGreaterThan(60);
    expect(replies.at(-1)?.text).toBe('Line 59');
  });
});

describe('escalating', () => {
  it('posts to the service channel with a subject', async () => {
    const id = messageId();
    const result = await h.service().escalate({ messageId: id, writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Third report', service: 'housing-repairs' });
    expect(result).toMatchObject({ status: 'sent', chatId: null });
    const channel = seed.settings.escalationChannels['housing-repairs']!;
    const posted = h.standIn.messages().find((message) => message.content.includes(id))!;
    expect(posted.channel).toEqual(channel);
    expect(posted.subject).toBe('Case HR-2026-00412: Housing repairs');
  });

  it('says plainly when a service has no escalation channel', async () => {
    const result = await h.service().escalate({ messageId: messageId(), writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Blocked bay', service: 'parking' });
    expect(result).toEqual({
      status: 'failed',
      reason: "Escalation to parking is not set up: ask your Microsoft 365 administrator to add its channel to CivicDesk's settings.",
    });
  });

  it('does not post twice after a 500 on a channel', async () => {
    const input = { messageId: messageId(), writtenAt: h.clock.at.toISOString(), case: caseFor(), note: 'Twice?', service: 'council-tax' };
    h.standIn.faults.applyThenFail({ times: 1 });
    expect((await h.service().escalate(input)).status).toBe('retry');
    const service = h.service();
    h.standIn.faults.applyThenFail({ times: 1 });
    const again = { ...input, messageId: messageId() };
    expect((await service.escalate(again)).status).toBe('retry');
    expect((await service.escalate(again)).status).toBe('sent');
    expect(h.standIn.messages().filter((message) => message.content.includes(again.messageId))).toHaveLength(1);
  });
});

describe('escalating when the officer is not in the team', () => {
  it('says so plainly, and posts nothing, when Teams refuses because the officer is not a member', async () => {
    const team = seed.teams.find((candidate) => candidate.service === 'housing-repairs')!;
    const without = { ...seed, teams: seed.teams.map((each) => (each.id === team.id ? { ...each, memberIds: each.memberIds.filter((id) => id !== officer.id) } : each)) };
    const outside = await startHarness({ seed: without });
    try {
      const channel = seed.settings.escalationChannels['housing-repairs']!;
      const path = `/teams/${channel.teamId}/channels/${encodeURIComponent(channel.channelId)}/messages`;
      // Teams refuses a non-member both reading and posting in the channel.
      await expect(outside.graph.client.api(path).get()).rejects.toMatchObject({ statusCode: 403, code: 'Forbidden' });
      await expect(outside.graph.client.api(path).post({ body: { contentType: 'html', content: '<p>Hello</p>' } })).rejects.toMatchObject({ statusCode: 403, code: 'Forbidden' });
      const result = await outside.service().escalate({ messageId: messageId(), writtenAt: outside.clock.at.toISOString(), case: caseFor(), note: 'Third report', service: 'housing-repairs' });
      expect(result).toEqual({
        status: 'failed',
        reason: "You are not a member of the Housing Repairs team in Teams, so CivicDesk cannot post there for you. Ask the team's owner to add you, or ask your team leader to escalate.",
      });
      expect(outside.standIn.messages()).toHaveLength(0);
    } finally {
      await outside.close();
    }
  });

  it('keeps the general refusal when the officer is a member and Teams still refuses (a permission not consented)', async () => {
    const noRead = await startHarness({ scp: GRAPH_SCOPES.filter((scope) => scope !== 'ChannelMessage.Read.All').join(' ') });
    try {
      const result = await noRead.service().escalate({ messageId: messageId(), writtenAt: noRead.clock.at.toISOString(), case: caseFor(), note: 'Third report', service: 'housing-repairs' });
      expect(result).toEqual({ status: 'failed', reason: 'Microsoft 365 did not allow this. Ask your Microsoft 365 administrator to check CivicDesk has permission.' });
    } finally {
      await noRead.close();
    }
  });
});

describe('reads when Microsoft 365 is in trouble', () => {
  it('tries a 503 again and gets there', async () => {
    h.standIn.faults.fail({ status: 503, times: 2 });
    const teams = await h.service().serviceTeams();
    expect(teams.length).toBeGreaterThan(0);
    expect(h.sleeps).toEqual([1000, 1000]);
  });

  it('tries a 500 on a read again with back-off', async () => {
    h.standIn.faults.fail({ status: 500, times: 2 });
    await h.service().teamPresence(seed.teams[0]!.id);
    expect(h.sleeps).toEqual([1000, 2000]);
  });

  it('says Microsoft 365 cannot be reached when it keeps failing', async () => {
    h.standIn.faults.fail({ status: 500, times: 10 });
    await expect(h.service().teamPresence(seed.teams[0]!.id)).rejects.toThrow(NotPossible);
    h.standIn.faults.clear();
    h.standIn.faults.fail({ status: 500, times: 10 });
    await expect(h.service().me()).rejects.toThrow(/Microsoft 365 cannot be reached just now/);
  });
});
