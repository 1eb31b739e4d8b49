import type { AttachmentContent, EmailAddress, EmailAttachment, MailQueue, MailSendResult, OpenedEmail, QueuedEmail, SendMailInput, TakeEmailResult } from '../../../shared/contract/mail';
import { NotPossible } from '../ipc/router';
import { describeFailure, ownProblem, reading, statusOf } from './graph-errors';
import type { ServiceContext } from './service-context';

/** The council's contact mailbox, and where each service's emails are forwarded (the deployment file). */
export interface ContactMailboxSettings {
  address: string;
  /** Each service's mailbox, keyed as cases name the service (waste, council-tax, …). */
  forwardTo: Readonly<Record<string, string>>;
}

/** A message as Graph gives it, with the fields CivicDesk asks for. */
interface GraphMessage {
  id: string;
  '@odata.etag'?: string;
  '@removed'?: { reason: string };
  subject?: string | null;
  bodyPreview?: string | null;
  receivedDateTime?: string;
  hasAttachments?: boolean;
  categories?: string[];
  from?: { emailAddress?: { name?: string | null; address?: string | null } } | null;
  toRecipients?: { emailAddress?: { name?: string | null; address?: string | null } }[];
  body?: { contentType?: string; content?: string };
}

interface GraphAttachment {
  '@odata.type'?: string;
  id: string;
  name?: string | null;
  contentType?: string | null;
  size?: number;
  isInline?: boolean;
  contentId?: string | null;
  contentBytes?: string | null;
}

interface DeltaPage {
  value: GraphMessage[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

const QUEUE_FIELDS = 'subject,bodyPreview,receivedDateTime,hasAttachments,categories,from';
/** The category that says who has an email in hand: Outlook shows it to anyone looking at the mailbox too. */
const IN_HAND = 'In hand: ';
/**
 * CivicDesk's own named property on a reply or forward, holding its outbox id: Exchange keeps
 * it on the draft and on the sent copy, and Graph can find a message by it, so a resend after a
 * lost answer finds what the first try made. The GUID is CivicDesk's property set; it never changes.
 */
export const OUTBOX_PROPERTY = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name CivicDeskOutboxId';
/** A page of the queue: Graph's default is 10, its most for messages 1,000. */
const PAGE_SIZE = 100;
/** A guard against a delta that never ends (a mailbox of 100,000 emails is 1,000 pages). */
const MOST_PAGES = 1_000;
/** Inline pictures bigger than this are not carried into the page; they are listed as files. */
const INLINE_MOST_BYTES = 1024 * 1024;

const addressOf = (value: GraphMessage['from']): EmailAddress => ({ name: value?.emailAddress?.name ?? null, address: value?.emailAddress?.address ?? '' });

export function inHandOf(categories: readonly string[] | undefined): string | null {
  const category = (categories ?? []).find((each) => each.startsWith(IN_HAND));
  return category ? category.slice(IN_HAND.length) : null;
}

/**
 * The council's contact mailbox as a queue for officers signed in to Microsoft 365:
 * - the queue is the Inbox, kept up to date with a delta query (only changes after the first
 *   read), so every officer's list refreshes cheaply and sees what colleagues took;
 * - taking an email adds an "In hand: <name>" category with If-Match on the message's change
 *   key, so if two officers take it at once Exchange refuses the second (412) and they are told
 *   who has it;
 * - a reply or forward is made as a draft carrying its outbox id and then sent; a resend looks
 *   for that id in Sent Items and Drafts first, so one reply is ever sent;
 * - a handled email is moved to the Archive folder, which takes it out of every queue.
 */
export function createMailboxArea(context: ServiceContext, settings: () => ContactMailboxSettings | null, myName: () => string) {
  const inbox = new Map<string, GraphMessage>();
  let deltaLink: string | null = null;
  let readAt = '';

  const mailbox = (): ContactMailboxSettings => {
    const found = settings();
    if (!found) throw new NotPossible('No contact mailbox is set up for CivicDesk. Ask your Microsoft 365 administrator to name it in the deployment file (contactMailbox).');
    return found;
  };
  const base = () => `/users/${encodeURIComponent(mailbox().address)}`;
  const messagePath = (id: string) => `${base()}/messages/${encodeURIComponent(id)}`;

  const queued = (message: GraphMessage): QueuedEmail => {
    const takenBy = inHandOf(message.categories);
    return {
      id: message.id,
      from: addressOf(message.from),
      subject: message.subject ?? '',
      preview: message.bodyPreview ?? '',
      receivedAt: message.receivedDateTime ?? '',
      hasAttachments: message.hasAttachments ?? false,
      takenBy,
      takenByMe: takenBy !== null && takenBy === myName(),
    };
  };

  /** One round of the delta query: from the start when there is no link yet, or when Exchange has forgotten ours. */
  async function catchUp(): Promise<void> {
    const first = deltaLink ?? `${base()}/mailFolders/inbox/messages/delta?$select=${QUEUE_FIELDS}`;
    const fresh = deltaLink === null;
    let page: DeltaPage;
    try {
      page = (await context.client().api(first).header('Prefer', `odata.maxpagesize=${String(PAGE_SIZE)}`).get()) as DeltaPage;
    } catch (error) {
      // 410 Gone: the sync state has expired or was reset; Graph asks for a full read again.
      if (!fresh && statusOf(error) === 410) {
        deltaLink = null;
        inbox.clear();
        return catchUp();
      }
      throw error;
    }
    const seen = fresh ? new Map<string, GraphMessage>() : inbox;
    for (let pages = 1; ; pages += 1) {
      for (const message of page.value) {
        if (message['@removed']) seen.delete(message.id);
        else seen.set(message.id, { ...seen.get(message.id), ...message });
      }
      if (page['@odata.deltaLink'] || !page['@odata.nextLink'] || pages >= MOST_PAGES) break;
      page = (await context.client().api(page['@odata.nextLink']).header('Prefer', `odata.maxpagesize=${String(PAGE_SIZE)}`).get()) as DeltaPage;
    }
    if (fresh) {
      inbox.clear();
      for (const [id, message] of seen) inbox.set(id, message);
    }
    deltaLink = page['@odata.deltaLink'] ?? null;
    readAt = context.now().toISOString();
  }

  async function readMessage(id: string, select: string): Promise<GraphMessage | null> {
    try {
      return (await context.client().api(messagePath(id)).select(select).get()) as GraphMessage;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  /** Writes the categories only if nobody has changed the email since it was read. */
  async function setCategories(message: GraphMessage, categories: string[]): Promise<GraphMessage | 'changed' | 'gone'> {
    try {
      const request = context.client().api(messagePath(message.id));
      if (message['@odata.etag']) request.header('If-Match', message['@odata.etag']);
      return (await request.patch({ categories })) as GraphMessage;
    } catch (error) {
      const status = statusOf(error);
      if (status === 412) return 'changed';
      if (status === 404) return 'gone';
      throw error;
    }
  }

  async function findByOutboxId(folder: 'sentitems' | 'drafts', outboxId: string): Promise<GraphMessage | null> {
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${OUTBOX_PROPERTY}' and ep/value eq '${outboxId}')`;
    const page = (await context.client().api(`${base()}/mailFolders/${folder}/messages`).filter(filter).select('id,sentDateTime,lastModifiedDateTime').top(1).get()) as { value: (GraphMessage & { sentDateTime?: string; lastModifiedDateTime?: string })[] };
    return page.value[0] ?? null;
  }

  function sendFailure(error: unknown, reading: boolean): MailSendResult {
    const own = ownProblem(error);
    if (own) return { status: 'retry', reason: own.message };
    const status = statusOf(error);
    if (status === 404 && !reading) return { status: 'failed', reason: 'That email is no longer in the contact mailbox (a colleague may have filed it). Nothing was sent.' };
    const described = describeFailure(status);
    return { status: described.kind, reason: described.kind === 'failed' && status === 403 ? 'Microsoft 365 did not let you send from the contact mailbox. Ask your Microsoft 365 administrator to give you Send As or Send on Behalf on it.' : described.reason };
  }

  return {
    async queue(): Promise<MailQueue> {
      await reading(() => catchUp());
      const emails = [...inbox.values()].map(queued).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
      return { mailbox: mailbox().address, emails, readAt };
    },

    async take(emailId: string): Promise<TakeEmailResult> {
      const mine = `${IN_HAND}${myName()}`;
      return reading(async () => {
        // Twice at most: a change by someone else (a colleague marking it read) is not a take.
        for (let attempt = 0; attempt < 3; attempt += 1) {
          const message = await readMessage(emailId, QUEUE_FIELDS);
          if (!message) {
            inbox.delete(emailId);
            return { status: 'gone' };
          }
          const holder = inHandOf(message.categories);
          if (holder !== null && holder !== myName()) {
            inbox.set(emailId, message);
            return { status: 'taken-by-other', by: holder };
          }
          if (holder === myName()) return { status: 'taken', email: queued(message) };
          const written = await setCategories(message, [...(message.categories ?? []), mine]);
          if (written === 'gone') return { status: 'gone' };
          if (written === 'changed') continue;
          const updated = { ...message, ...written };
          inbox.set(emailId, updated);
          return { status: 'taken', email: queued(updated) };
        }
        throw new NotPossible('The email kept changing while you took it. Look at the Email place again and take it once more.');
      });
    },

    async open(emailId: string): Promise<OpenedEmail> {
      return reading(async () => {
        const message = await readMessage(emailId, `${QUEUE_FIELDS},body,toRecipients`);
        if (!message) throw new NotPossible('That email is no longer in the contact mailbox: a colleague may have filed it. Look at the Email place again.');
        const listed = message.hasAttachments ? ((await context.client().api(`${messagePath(emailId)}/attachments`).get()) as { value: GraphAttachment[] }).value : [];
        const attachments: EmailAttachment[] = listed
          .filter((each) => (each['@odata.type'] ?? '#microsoft.graph.fileAttachment') === '#microsoft.graph.fileAttachment')
          .map((each) => ({
            id: each.id,
            name: each.name ?? 'attachment',
            contentType: each.contentType ?? 'application/octet-stream',
            size: each.size ?? 0,
            inline: each.isInline ?? false,
            contentId: each.contentId ?? null,
            inlineBase64: each.isInline && each.contentBytes && (each.size ?? 0) <= INLINE_MOST_BYTES ? each.contentBytes : null,
          }));
        return { ...queued(message), mailbox: mailbox().address, html: message.body?.content ?? '', to: (message.toRecipients ?? []).map((each) => addressOf(each)), attachments };
      });
    },

    async attachment(emailId: string, attachmentId: string): Promise<AttachmentContent> {
      return reading(async () => {
        const found = (await context.client().api(`${messagePath(emailId)}/attachments/${encodeURIComponent(attachmentId)}`).get()) as GraphAttachment;
        if (!found.contentBytes) throw new NotPossible('That attachment is not a file CivicDesk can carry over (it may be a link or another email). Open it in Outlook.');
        return { name: found.name ?? 'attachment', contentType: found.contentType ?? 'application/octet-stream', base64: found.contentBytes };
      });
    },

    async send(input: SendMailInput): Promise<MailSendResult> {
      let forwardTo: string | null = null;
      try {
        if (input.kind === 'forward') {
          forwardTo = mailbox().forwardTo[input.service] ?? null;
          if (!forwardTo) return { status: 'failed', reason: `No mailbox is set up for ${input.service}. Choose another service, or ask your administrator to add it to the deployment file.` };
        }
        const sent = await findByOutboxId('sentitems', input.outboxId);
        if (sent) return { status: 'sent', sentAt: (sent as { sentDateTime?: string }).sentDateTime ?? context.now().toISOString() };
        const draft = await findByOutboxId('drafts', input.outboxId);
        if (draft) {
          await context.client().api(`${messagePath(draft.id)}/send`).post({});
          return { status: 'sent', sentAt: context.now().toISOString() };
        }
      } catch (error) {
        return sendFailure(error, true);
      }
      try {
        const property = { singleValueExtendedProperties: [{ id: OUTBOX_PROPERTY, value: input.outboxId }] };
        const made = (await (input.kind === 'reply'
          ? context.client().api(`${messagePath(input.emailId)}/createReply`).post({ message: property, comment: input.text })
          : context.client().api(`${messagePath(input.emailId)}/createForward`).post({ message: property, comment: input.text, toRecipients: [{ emailAddress: { address: forwardTo } }] }))) as GraphMessage;
        await context.client().api(`${messagePath(made.id)}/send`).post({});
        return { status: 'sent', sentAt: context.now().toISOString() };
      } catch (error) {
        // A draft made and not sent, or sent with the answer lost: the next try finds it by its id.
        return sendFailure(error, false);
      }
    },

    /** Handled: moved to Archive, out of every officer's queue. One gone already is done. */
    async finish(emailId: string): Promise<void> {
      await reading(async () => {
        try {
          await context.client().api(`${messagePath(emailId)}/move`).post({ destinationId: 'archive' });
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
        }
        inbox.delete(emailId);
      });
    },

    services: (): string[] => Object.keys(mailbox().forwardTo).sort(),
  };
}

export type MailboxArea = ReturnType<typeof createMailboxArea>;
