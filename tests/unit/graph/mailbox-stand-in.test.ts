import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildGraphSeed } from '../../../main/core/training/graph/seed';
import { trainingStaff } from '../../../main/core/training/staff';
import { GRAPH_SCOPES } from '../../../main/core/smart-working';
import { residents, startHarness, TODAY, type Harness } from './fixture';

/** Residents of whom half have an email address: the mailbox's senders are drawn from them. */
const writers = residents.map((resident, i) => ({ ...resident, email: i % 2 === 0 ? `resident.${String(i + 1)}@example.net` : null }));
const staff = trainingStaff(1);
const mailSeed = buildGraphSeed({ staff, residents: writers, today: TODAY, seed: 7 });
const box = mailSeed.mailbox;
const mb = `/users/${encodeURIComponent(box.address)}`;
const PROPERTY = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name CivicDeskOutboxId';
const byProperty = (value: string) => `singleValueExtendedProperties/Any(ep: ep/id eq '${PROPERTY}' and ep/value eq '${value}')`;

interface Message {
  id: string;
  '@odata.etag': string;
  '@removed'?: { reason: string };
  subject?: string;
  categories?: string[];
  isDraft?: boolean;
  from?: { emailAddress: { name: string; address: string } };
  toRecipients?: { emailAddress: { address: string } }[];
  body?: { content: string };
  hasAttachments?: boolean;
  conversationId?: string;
  singleValueExtendedProperties?: { id: string; value: string }[];
}
interface DeltaPage {
  value: Message[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: mailSeed });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  h.standIn.faults.clear();
  h.sleeps.length = 0;
});

/** Follows nextLinks to the deltaLink, as a client must: every page's messages, and the link. */
async function deltaRound(harness: Harness, first: string, pageSize = 5): Promise<{ messages: Message[]; pages: number; deltaLink: string }> {
  let page = (await harness.graph.client.api(first).header('Prefer', `odata.maxpagesize=${String(pageSize)}`).get()) as DeltaPage;
  const messages = [...page.value];
  let pages = 1;
  while (page['@odata.nextLink']) {
    expect(page['@odata.nextLink']).toContain('$skiptoken=');
    page = (await harness.graph.client.api(page['@odata.nextLink']).header('Prefer', `odata.maxpagesize=${String(pageSize)}`).get()) as DeltaPage;
    messages.push(...page.value);
    pages += 1;
  }
  expect(page['@odata.deltaLink']).toContain('$deltatoken=');
  return { messages, pages, deltaLink: page['@odata.deltaLink']! };
}

const inboxMessage = (index: number) => h.standIn.mailbox.inbox()[index]!;

describe('the training contact mailbox seed', () => {
  it('has about twelve emails from residents with an address, and one from a stranger, before 09:00 on the day', () => {
    expect(box).toMatchObject({ address: 'contact@example.org', displayName: 'Council contact centre' });
    expect([...box.memberIds].sort()).toEqual(mailSeed.users.filter((user) => user.staffId).map((user) => user.id).sort());
    expect(box.messages.length).toBeGreaterThanOrEqual(10);
    const nine = Date.parse(`${TODAY}T09:00:00Z`);
    const known = new Map(writers.filter((each) => each.email).map((each) => [each.email, each.name]));
    for (const message of box.messages) {
      const before = nine - Date.parse(message.receivedDateTime);
      expect(before).toBeGreaterThanOrEqual(60 * 60_000);
      expect(before).toBeLessThanOrEqual(9 * 24 * 60 * 60_000);
      if (message.from.address !== 'someone.unknown@example.net') expect(known.get(message.from.address)).toBe(message.from.name);
    }
    expect(box.messages.some((message) => message.from.address === 'someone.unknown@example.net')).toBe(true);
    const html = box.messages.map((message) => message.html).join('\n');
    expect(html).toMatch(/<img src="https:\/\/tracker\.example\.net\/pixel\.gif\?id=/);
    expect(html).toMatch(/<script>/);
    expect(html).toMatch(/onclick=/);
    expect(html).toMatch(/<a href="https:/);
    const files = box.messages.flatMap((message) => message.attachments);
    expect(files.filter((file) => !file.isInline).map((file) => file.name)).toEqual(expect.arrayContaining(['bin-photo.png', 'council-tax-bill.pdf']));
    expect(files.find((file) => file.isInline)).toMatchObject({ contentId: expect.any(String) as string, contentType: 'image/png' });
  });

  it('is the same for the same seed, and leaves the rest of the seed as it was without addresses', () => {
    expect(JSON.stringify(buildGraphSeed({ staff, residents: writers, today: TODAY, seed: 7 }))).toBe(JSON.stringify(mailSeed));
    // The appointment book carries the residents as given, addresses and all, for later days.
    const { mailbox: _withAddresses, appointmentBook: _bookWith, ...rest } = mailSeed;
    const { mailbox: _without, appointmentBook: _bookWithout, ...before } = buildGraphSeed({ staff, residents, today: TODAY, seed: 7 });
    expect(JSON.stringify(rest)).toBe(JSON.stringify(before));
  });
});

describe('the contact mailbox in the Graph stand-in', () => {
  it('gives every inbox message once over a paged first delta, then exactly what changed', async () => {
    const first = await deltaRound(h, `${mb}/mailFolders/inbox/messages/delta?$select=subject,categories,from`);
    expect(first.pages).toBeGreaterThan(1);
    expect(first.messages.map((message) => message.id).sort()).toEqual(h.standIn.mailbox.inbox().map((message) => message.id).sort());
    expect(first.messages[0]).toEqual({ '@odata.type': '#microsoft.graph.message', '@odata.etag': expect.stringMatching(/^W\/"/) as string, id: expect.any(String) as string, subject: expect.any(String) as string, categories: expect.any(Array) as string[], from: expect.any(Object) as object });

    const delivered = h.standIn.mailbox.deliver({ fromName: 'Resident 3', fromAddress: 'resident.3@example.net', subject: 'Fly-tipping in the alley', html: '<p>Mattresses again.</p>' });
    const tagged = inboxMessage(0);
    await h.graph.client.api(`${mb}/messages/${tagged.id}`).patch({ categories: ['In hand: Test Officer'] });
    const moved = inboxMessage(1);
    const archived = (await h.graph.client.api(`${mb}/messages/${moved.id}/move`).post({ destinationId: 'archive' })) as Message;
    expect(archived.id).not.toBe(moved.id);

    const second = await deltaRound(h, first.deltaLink);
    expect(second.messages).toHaveLength(3);
    const byId = new Map(second.messages.map((message) => [message.id, message]));
    expect(byId.get(delivered.id)).toMatchObject({ subject: 'Fly-tipping in the alley' });
    expect(byId.get(tagged.id)).toMatchObject({ categories: ['In hand: Test Officer'] });
    expect(byId.get(moved.id)).toEqual({ '@odata.type': '#microsoft.graph.message', id: moved.id, '@removed': { reason: 'deleted' } });
    // Nothing since: an empty round, with a new link.
    const third = await deltaRound(h, second.deltaLink);
    expect(third.messages).toEqual([]);
  });

  it('refuses a delta token it never made with 410 SyncStateNotFound', async () => {
    await expect(h.graph.client.api(`${mb}/mailFolders/inbox/messages/delta?$deltatoken=bm90LWEtdG9rZW4`).get()).rejects.toMatchObject({ statusCode: 410, code: 'SyncStateNotFound' });
    await expect(h.graph.client.api(`${mb}/mailFolders/inbox/messages/delta?$skiptoken=bm90LWEtdG9rZW4`).get()).rejects.toMatchObject({ statusCode: 410, code: 'SyncStateNotFound' });
  });

  it('reads a message with $select, its attachments, and says ErrorItemNotFound for one that is not there', async () => {
    const withFile = box.messages.find((message) => message.attachments.some((file) => file.name === 'bin-photo.png'))!;
    const inInbox = h.standIn.mailbox.inbox().find((message) => message.subject === withFile.subject)!;
    const message = (await h.graph.client.api(`${mb}/messages/${inInbox.id}`).select('subject,hasAttachments').get()) as Message;
    expect(Object.keys(message).filter((key) => !key.startsWith('@odata.context')).sort()).toEqual(['@odata.etag', 'hasAttachments', 'id', 'subject']);
    expect(message.hasAttachments).toBe(true);
    const attachments = (await h.graph.client.api(`${mb}/messages/${inInbox.id}/attachments`).get()) as { value: { '@odata.type': string; name: string; contentBytes: string; size: number; isInline: boolean }[] };
    expect(attachments.value[0]).toMatchObject({ '@odata.type': '#microsoft.graph.fileAttachment', name: 'bin-photo.png', isInline: false });
    expect(Buffer.from(attachments.value[0]!.contentBytes, 'base64').subarray(1, 4).toString()).toBe('PNG');
    await expect(h.graph.client.api(`${mb}/messages/AAMkAGI2bm90aGVyZQ`).get()).rejects.toMatchObject({ statusCode: 404, code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' });
  });

  it('refuses an update with a stale If-Match (412 ErrorIrresolvableConflict) and changes nothing', async () => {
    const target = inboxMessage(2);
    const read = (await h.graph.client.api(`${mb}/messages/${target.id}`).get()) as Message;
    const updated = (await h.graph.client.api(`${mb}/messages/${target.id}`).header('If-Match', read['@odata.etag']).patch({ isRead: true })) as Message;
    expect(updated['@odata.etag']).not.toBe(read['@odata.etag']);
    await expect(h.graph.client.api(`${mb}/messages/${target.id}`).header('If-Match', read['@odata.etag']).patch({ categories: ['In hand: Someone'] })).rejects.toMatchObject({
      statusCode: 412,
      code: 'ErrorIrresolvableConflict',
    });
    expect(h.standIn.mailbox.inbox().find((message) => message.id === target.id)?.categories).toEqual(target.categories);
    await expect(h.graph.client.api(`${mb}/messages/${target.id}`).patch({ subject: 'Changed' })).rejects.toMatchObject({ statusCode: 400 });
  });

  it('sends a reply from the mailbox to the original sender, found afterwards by its extended property in Sent Items', async () => {
    const original = inboxMessage(3);
    const draft = (await h.graph.client.api(`${mb}/messages/${original.id}/createReply`).post({
      comment: 'Thank you: we have booked a collection.',
      message: { singleValueExtendedProperties: [{ id: PROPERTY, value: 'outbox-reply-1' }] },
    })) as Message;
    expect(draft).toMatchObject({ isDraft: true, subject: `RE: ${original.subject}`, from: { emailAddress: { address: box.address } }, toRecipients: [{ emailAddress: { address: original.from } }] });
    expect(draft.body?.content).toContain('Thank you: we have booked a collection.');
    const inDrafts = (await h.graph.client.api(`${mb}/mailFolders/drafts/messages`).filter(byProperty('outbox-reply-1')).get()) as { value: Message[] };
    expect(inDrafts.value.map((message) => message.id)).toEqual([draft.id]);

    await h.graph.client.api(`${mb}/messages/${draft.id}/send`).post({});
    const sent = h.standIn.mailbox.sent().filter((message) => message.properties[PROPERTY] === 'outbox-reply-1');
    expect(sent).toEqual([expect.objectContaining({ from: box.address, to: [original.from], subject: `RE: ${original.subject}`, repliesTo: original.id, forwards: null })]);
    const found = (await h.graph.client
      .api(`${mb}/mailFolders/sentitems/messages`)
      .filter(byProperty('outbox-reply-1'))
      .expand(`singleValueExtendedProperties($filter=id eq '${PROPERTY}')`)
      .select('id,sentDateTime')
      .top(1)
      .get()) as { value: Message[] };
    expect(found.value).toHaveLength(1);
    expect(found.value[0]?.id).toBe(sent[0]?.id);
    expect(found.value[0]?.singleValueExtendedProperties).toEqual([{ id: PROPERTY, value: 'outbox-reply-1' }]);
    expect(((await h.graph.client.api(`${mb}/mailFolders/drafts/messages`).filter(byProperty('outbox-reply-1')).get()) as { value: Message[] }).value).toEqual([]);
    // The sent copy is no draft: sending it again is refused.
    await expect(h.graph.client.api(`${mb}/messages/${sent[0]!.id}/send`).post({})).rejects.toMatchObject({ statusCode: 400, code: 'ErrorInvalidOperation' });
  });

  it('forwards an email with its attachment, which is on the sent copy', async () => {
    const withFile = h.standIn.mailbox.inbox().find((message) => message.subject === box.messages.find((each) => each.attachments.some((file) => file.name === 'council-tax-bill.pdf'))?.subject)!;
    const draft = (await h.graph.client.api(`${mb}/messages/${withFile.id}/createForward`).post({
      comment: 'For the council tax team.',
      toRecipients: [{ emailAddress: { address: 'council.tax@example.org' } }],
      message: { singleValueExtendedProperties: [{ id: PROPERTY, value: 'outbox-forward-1' }] },
    })) as Message;
    expect(draft.subject).toBe(`FW: ${withFile.subject}`);
    await h.graph.client.api(`${mb}/messages/${draft.id}/send`).post({});
    expect(h.standIn.mailbox.sent().find((message) => message.properties[PROPERTY] === 'outbox-forward-1')).toMatchObject({ to: ['council.tax@example.org'], attachmentNames: ['council-tax-bill.pdf'], forwards: withFile.id });
  });

  it('refuses to send a received email, and a draft with no valid recipient', async () => {
    await expect(h.graph.client.api(`${mb}/messages/${inboxMessage(0).id}/send`).post({})).rejects.toMatchObject({ statusCode: 400, code: 'ErrorInvalidOperation' });
    const draft = (await h.graph.client.api(`${mb}/messages/${inboxMessage(0).id}/createForward`).post({ comment: 'Nobody' })) as Message;
    await expect(h.graph.client.api(`${mb}/messages/${draft.id}/send`).post({})).rejects.toMatchObject({ statusCode: 400, code: 'ErrorInvalidRecipients' });
  });

  it('refuses a $filter it does not know, as Graph refuses an invalid one', async () => {
    await expect(h.graph.client.api(`${mb}/mailFolders/inbox/messages`).filter("subject eq 'x'").get()).rejects.toMatchObject({ statusCode: 400, code: 'ErrorInvalidUrlQueryFilter' });
  });

  it('lists the inbox newest first by default, oldest first on asking, in pages', async () => {
    const page = (await h.graph.client.api(`${mb}/mailFolders/inbox/messages`).select('receivedDateTime').orderby('receivedDateTime asc').top(3).get()) as { value: { receivedDateTime: string }[]; '@odata.nextLink'?: string };
    expect(page.value).toHaveLength(3);
    expect(page['@odata.nextLink']).toMatch(/(\$|%24)skiptoken=/);
    const received = page.value.map((message) => message.receivedDateTime);
    expect([...received].sort()).toEqual(received);
  });

  it('answers 404 ErrorInvalidUser for a mailbox that is not there', async () => {
    await expect(h.graph.client.api('/users/nobody%40example.org/mailFolders/inbox/messages').get()).rejects.toMatchObject({ statusCode: 404, code: 'ErrorInvalidUser' });
  });

  it('is tried again by the client when Graph throttles it', async () => {
    h.standIn.faults.throttle({ times: 1, retryAfterSeconds: 3 });
    const page = (await h.graph.client.api(`${mb}/mailFolders/inbox/messages`).get()) as { value: Message[] };
    expect(page.value.length).toBeGreaterThan(0);
    expect(h.sleeps).toEqual([3000]);
  });
});

describe('who may use the contact mailbox', () => {
  const without = (...left: string[]) => GRAPH_SCOPES.filter((scope) => !left.includes(scope)).join(' ');

  it('refuses an update without Mail.ReadWrite.Shared (403 ErrorAccessDenied), and reads with Mail.Read.Shared', async () => {
    const reader = await startHarness({ seed: mailSeed, scp: `${without('Mail.ReadWrite.Shared')} Mail.Read.Shared` });
    try {
      const [first] = reader.standIn.mailbox.inbox();
      await expect(reader.graph.client.api(`${mb}/messages/${first!.id}`).get()).resolves.toMatchObject({ id: first!.id });
      await expect(reader.graph.client.api(`${mb}/messages/${first!.id}`).patch({ isRead: true })).rejects.toMatchObject({ statusCode: 403, code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' });
      await expect(reader.graph.client.api(`${mb}/messages/${first!.id}/createReply`).post({ comment: 'Hello' })).rejects.toMatchObject({ statusCode: 403, code: 'ErrorAccessDenied' });
    } finally {
      await reader.close();
    }
  });

  it('refuses to send without Mail.Send.Shared', async () => {
    const noSend = await startHarness({ seed: mailSeed, scp: without('Mail.Send.Shared') });
    try {
      const [first] = noSend.standIn.mailbox.inbox();
      const draft = (await noSend.graph.client.api(`${mb}/messages/${first!.id}/createReply`).post({ comment: 'Hello' })) as Message;
      await expect(noSend.graph.client.api(`${mb}/messages/${draft.id}/send`).post({})).rejects.toMatchObject({ statusCode: 403, code: 'ErrorAccessDenied' });
      expect(noSend.standIn.mailbox.sent()).toEqual([]);
    } finally {
      await noSend.close();
    }
  });

  it('refuses someone without Full Access on the mailbox, whatever their scopes', async () => {
    const expert = mailSeed.users.find((user) => !box.memberIds.includes(user.id))!;
    const outsider = await startHarness({ seed: mailSeed, oid: expert.id });
    try {
      await expect(outsider.graph.client.api(`${mb}/mailFolders/inbox/messages/delta`).get()).rejects.toMatchObject({ statusCode: 403, code: 'ErrorAccessDenied' });
    } finally {
      await outsider.close();
    }
  });
});
