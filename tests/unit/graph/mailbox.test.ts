import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGraphClient, type GraphClient } from '../../../main/core/graph/graph-client';
import { createMicrosoft365Service, type Microsoft365Service } from '../../../main/core/graph/microsoft365-service';
import { startGraphStandIn, type GraphStandIn } from '../../../main/core/training/graph/graph-stand-in';
import { GRAPH_SCOPES } from '../../../main/core/smart-working';
import { GRAPH_APP_ID, seed, TODAY } from './fixture';

/**
 * The contact mailbox as two officers work it: each signed in as themselves (their own token,
 * their own Graph client), against the Graph stand-in over https, as in a council's tenant.
 */
const [first, second] = seed.users.filter((user) => user.staffId && seed.mailbox.memberIds.includes(user.id));
if (!first || !second) throw new Error('The seed needs two officers with access to the contact mailbox.');
const outsider = seed.users.find((user) => !seed.mailbox.memberIds.includes(user.id));
const FORWARD_TO = { waste: 'waste.services@example.org' };

let standIn: GraphStandIn;
let clients: GraphClient[] = [];
const clock = { at: new Date(`${TODAY}T10:15:00Z`) };

function officer(user: { id: string; displayName: string }, scp = GRAPH_SCOPES.join(' ')): Microsoft365Service {
  const graph = createGraphClient({ accessToken: async () => `${user.id}|${scp}`, baseUrl: standIn.url, ca: standIn.ca, now: () => clock.at, sleep: async () => undefined });
  clients.push(graph);
  return createMicrosoft365Service({
    client: graph.client,
    settings: { ...seed.settings, contactMailbox: { address: seed.mailbox.address, forwardTo: FORWARD_TO } },
    me: () => ({ userId: user.id }),
    now: () => clock.at,
    sleep: async () => undefined,
    log: { info: () => undefined, warn: () => undefined },
    myName: () => user.displayName,
  });
}

beforeEach(async () => {
  // Each token names its user and scopes, so a test can sign in anyone with any consent.
  standIn = await startGraphStandIn({
    seed,
    verifyAccessToken: (token) => {
      const [oid, scp] = token.split('|');
      return oid && scp !== undefined ? { oid, scp, aud: GRAPH_APP_ID } : null;
    },
    now: () => clock.at,
  });
});
afterEach(async () => {
  for (const each of clients) each.close();
  clients = [];
  await standIn.close();
});

describe('the contact mailbox as a queue', () => {
  it('lists the inbox oldest first, and a colleague’s take shows in the other officer’s queue', async () => {
    const a = officer(first);
    const b = officer(second);
    const queue = await a.mailbox.queue();
    expect(queue.mailbox).toBe(seed.mailbox.address);
    expect(queue.emails.length).toBe(standIn.mailbox.inbox().length);
    const received = queue.emails.map((each) => each.receivedAt);
    expect([...received].sort()).toEqual(received);
    expect(queue.emails.every((each) => each.takenBy === null)).toBe(true);

    await b.mailbox.queue();
    const oldest = queue.emails[0]!;
    expect(await a.mailbox.take(oldest.id)).toMatchObject({ status: 'taken', email: { id: oldest.id, takenBy: first.displayName, takenByMe: true } });
    // B asks again: only the change comes back (delta), and it is in hand by A.
    const before = standIn.requests().length;
    const seenByB = (await b.mailbox.queue()).emails.find((each) => each.id === oldest.id);
    expect(seenByB).toMatchObject({ takenBy: first.displayName, takenByMe: false });
    expect(standIn.requests().slice(before).map((each) => each.path)).toEqual([`/users/${seed.mailbox.address}/mailFolders/inbox/messages/delta`]);
    expect(await b.mailbox.take(oldest.id)).toEqual({ status: 'taken-by-other', by: first.displayName });
  });

  it('two officers taking the same email at once: Exchange keeps one, and the other is told who', async () => {
    const a = officer(first);
    const b = officer(second);
    const [email] = (await a.mailbox.queue()).emails;
    const answers = await Promise.all([a.mailbox.take(email!.id), b.mailbox.take(email!.id)]);
    const taken = answers.filter((each) => each.status === 'taken');
    expect(taken).toHaveLength(1);
    const winner = taken[0]?.status === 'taken' ? taken[0].email.takenBy : null;
    expect(answers.find((each) => each.status !== 'taken')).toEqual({ status: 'taken-by-other', by: winner });
    expect(standIn.mailbox.inbox().find((each) => each.id === email!.id)?.categories.filter((each) => each.startsWith('In hand: '))).toEqual([`In hand: ${winner ?? ''}`]);
  });

  it('opens an email with its files; a filed one leaves every queue', async () => {
    const a = officer(first);
    const b = officer(second);
    const withFiles = (await a.mailbox.queue()).emails.find((each) => each.hasAttachments)!;
    const opened = await a.mailbox.open(withFiles.id);
    expect(opened.html.length).toBeGreaterThan(0);
    expect(opened.mailbox).toBe(seed.mailbox.address);
    const file = opened.attachments.find((each) => !each.inline)!;
    expect(file).toMatchObject({ name: expect.any(String), size: expect.any(Number), inlineBase64: null });
    const content = await a.mailbox.attachment(withFiles.id, file.id);
    expect(Buffer.from(content.base64, 'base64').length).toBe(file.size);

    await b.mailbox.queue();
    await a.mailbox.finish(withFiles.id);
    expect((await b.mailbox.queue()).emails.map((each) => each.id)).not.toContain(withFiles.id);
    // Filed twice (a resend): done, not an error.
    await expect(a.mailbox.finish(withFiles.id)).resolves.toBeUndefined();
  });

  it('refuses an officer without access to the mailbox, and one without the shared-mail consent', async () => {
    if (outsider) await expect(officer(outsider).mailbox.queue()).rejects.toThrow(/did not allow/);
    const noSharedMail = GRAPH_SCOPES.filter((scope) => !scope.startsWith('Mail.')).join(' ');
    await expect(officer(first, noSharedMail).mailbox.queue()).rejects.toThrow(/did not allow/);
    const readOnly = GRAPH_SCOPES.filter((scope) => scope !== 'Mail.Send.Shared').join(' ');
    const [email] = (await officer(first, readOnly).mailbox.queue()).emails;
    expect(await officer(first, readOnly).mailbox.send({ kind: 'reply', outboxId: randomUUID(), emailId: email!.id, text: 'Thank you.' })).toMatchObject({ status: 'failed', reason: expect.stringMatching(/Send As/) });
    expect(standIn.mailbox.sent()).toHaveLength(0);
  });
});

describe('a reply or forward is sent exactly once', () => {
  async function firstEmail(service: Microsoft365Service) {
    return (await service.mailbox.queue()).emails[0]!;
  }

  it('a reply goes from the contact mailbox to the sender, and a resend sends nothing more', async () => {
    const a = officer(first);
    const email = await firstEmail(a);
    const outboxId = randomUUID();
    expect(await a.mailbox.send({ kind: 'reply', outboxId, emailId: email.id, text: 'We will collect it on Friday.' })).toMatchObject({ status: 'sent' });
    expect(await a.mailbox.send({ kind: 'reply', outboxId, emailId: email.id, text: 'We will collect it on Friday.' })).toMatchObject({ status: 'sent' });
    const sent = standIn.mailbox.sent();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ from: seed.mailbox.address, to: [email.from.address], subject: `RE: ${email.subject}`, repliesTo: email.id });
    expect(sent[0]?.html).toContain('We will collect it on Friday.');
  });

  it('the draft made and the answer lost (500): sent again, the draft is sent, once', async () => {
    const a = officer(first);
    const email = await firstEmail(a);
    const outboxId = randomUUID();
    standIn.faults.applyThenFail({ times: 1 });
    expect(await a.mailbox.send({ kind: 'reply', outboxId, emailId: email.id, text: 'Thank you.' })).toMatchObject({ status: 'retry' });
    expect(standIn.mailbox.sent()).toHaveLength(0);
    expect(await a.mailbox.send({ kind: 'reply', outboxId, emailId: email.id, text: 'Thank you.' })).toMatchObject({ status: 'sent' });
    expect(standIn.mailbox.sent()).toHaveLength(1);
  });

  it('sent and the answer lost: sent again, it is found in Sent Items and not sent twice', async () => {
    const a = officer(first);
    const email = await firstEmail(a);
    const outboxId = randomUUID();
    // The draft is made and its answer lost; on the next try the send is applied and its answer lost.
    standIn.faults.applyThenFail({ times: 1 });
    expect(await a.mailbox.send({ kind: 'reply', outboxId, emailId: email.id, text: 'Thank you.' })).toMatchObject({ status: 'retry' });
    standIn.faults.applyThenFail({ times: 1 });
    expect(await a.mailbox.send({ kind: 'reply', outboxId, emailId: email.id, text: 'Thank you.' })).toMatchObject({ status: 'retry' });
    expect(standIn.mailbox.sent()).toHaveLength(1);
    expect(await a.mailbox.send({ kind: 'reply', outboxId, emailId: email.id, text: 'Thank you.' })).toMatchObject({ status: 'sent' });
    expect(standIn.mailbox.sent()).toHaveLength(1);
  });

  it('while Microsoft 365 is down or throttling, it waits; then goes once', async () => {
    const a = officer(first);
    const email = await firstEmail(a);
    const outboxId = randomUUID();
    standIn.faults.fail({ status: 500, times: 10 });
    expect(await a.mailbox.send({ kind: 'reply', outboxId, emailId: email.id, text: 'Thank you.' })).toMatchObject({ status: 'retry' });
    standIn.faults.clear();
    standIn.faults.throttle({ times: 2, retryAfterSeconds: 1 });
    expect(await a.mailbox.send({ kind: 'reply', outboxId, emailId: email.id, text: 'Thank you.' })).toMatchObject({ status: 'sent' });
    expect(standIn.mailbox.sent()).toHaveLength(1);
  });

  it('a forward goes to the service’s mailbox with the email’s files; an unknown service is refused', async () => {
    const a = officer(first);
    const withFiles = (await a.mailbox.queue()).emails.find((each) => each.hasAttachments)!;
    const files = (await a.mailbox.open(withFiles.id)).attachments.filter((each) => !each.inline).map((each) => each.name);
    expect(await a.mailbox.send({ kind: 'forward', outboxId: randomUUID(), emailId: withFiles.id, service: 'waste', text: 'For the crew.' })).toMatchObject({ status: 'sent' });
    const [forwarded] = standIn.mailbox.sent();
    expect(forwarded).toMatchObject({ from: seed.mailbox.address, to: [FORWARD_TO.waste], forwards: withFiles.id });
    for (const name of files) expect(forwarded?.attachmentNames).toContain(name);
    expect(await a.mailbox.send({ kind: 'forward', outboxId: randomUUID(), emailId: withFiles.id, service: 'planning', text: '' })).toMatchObject({ status: 'failed', reason: expect.stringContaining('No mailbox is set up for planning') });
  });
});
