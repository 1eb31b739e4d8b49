import { htmlToText } from '../../graph/case-message';
import { badRequest, graphError, type GraphReply } from './graph-errors';
import { pageOf } from './paging';
import { accessDenied } from './permissions';
import { seededGuid, type SeedMailbox } from './seed';
import {
  context,
  MAIL_FOLDERS,
  type GraphWorld,
  type MailAddress,
  type MailFolder,
  type MailSyncState,
  type Route,
  type RouteRequest,
  type StoredAttachment,
  type StoredMail,
} from './world';

/** Graph's default page of messages, for a list and for a delta without Prefer: odata.maxpagesize. */
const MESSAGES_PAGE = 10;
/** The most a delta page may hold, whatever Prefer asks. */
const LARGEST_DELTA_PAGE = 1000;
/** bodyPreview is the first 255 characters of the body's text. */
const PREVIEW_LENGTH = 255;
/** An OData string literal doubles its quotes. */
const LITERAL = "'((?:[^']|'')*)'";
/** The documented way to find a message by a custom property (singlevalueextendedproperty-get.md). */
const PROPERTY_FILTER = new RegExp(`^singleValueExtendedProperties/any\\((\\w+):\\s*\\1/id eq ${LITERAL} and \\1/value eq ${LITERAL}\\)$`, 'i');
const PROPERTY_EXPAND = new RegExp(`^singleValueExtendedProperties\\(\\$filter=id eq ${LITERAL}\\)$`, 'i');
/** The one form of extended property id the stand-in keeps: a named string property in a property set. */
const PROPERTY_ID = /^String \{([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\} Name (\S+)$/i;
const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const UPDATABLE = new Set(['categories', 'isRead']);
/** Updatable by Graph only while isDraft is true (message-update.md); refused on a received message. */
const DRAFT_ONLY = new Set(['subject', 'body', 'toRecipients', 'ccRecipients', 'bccRecipients', 'from', 'sender', 'replyTo', 'internetMessageId']);

const unquote = (literal: string) => literal.replace(/''/g, "'");
const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** Exchange-looking ids: long, opaque, URL-safe; a moved or sent message gets a new one. */
const messageIdFrom = (guid: string) => `AAMkAGI2${Buffer.from(guid.replace(/-/g, ''), 'hex').toString('base64url')}`;
const folderId = (folder: MailFolder) => `AQMkADAw${base64url(`civicdesk-folder-${folder}`)}`;
const changeKeyFor = (version: number) => `CQAAABYAAAA${base64url(`civicdesk-change-${String(version)}`)}`;
const etagOf = (mail: StoredMail) => `W/"${mail.changeKey}"`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The text a reader sees first: no script or style, as plain text (the chat's reading of HTML), spaces folded. */
export function previewOf(html: string): string {
  return htmlToText(html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' '))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, PREVIEW_LENGTH);
}

/** What is inside <body>, for quoting under a reply or forward. */
const innerHtml = (html: string) => /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;

/** Named string properties are matched on a lower-case GUID and the name as given. */
function canonicalProperty(id: string): string | null {
  const match = PROPERTY_ID.exec(id.trim());
  return match ? `String {${match[1]!.toLowerCase()}} Name ${match[2]!}` : null;
}

const recipientJson = (address: MailAddress) => ({ emailAddress: { name: address.name ?? address.address, address: address.address } });

/** A message as Graph's message resource gives it, in Graph's order of properties. */
function messageJson(mail: StoredMail) {
  return {
    '@odata.etag': etagOf(mail),
    id: mail.id,
    createdDateTime: mail.createdDateTime,
    lastModifiedDateTime: mail.lastModifiedDateTime,
    changeKey: mail.changeKey,
    categories: [...mail.categories],
    receivedDateTime: mail.receivedDateTime,
    sentDateTime: mail.sentDateTime,
    // Inline pictures are part of the body: Graph's hasAttachments leaves them out.
    hasAttachments: mail.attachments.some((attachment) => !attachment.isInline),
    internetMessageId: mail.internetMessageId,
    subject: mail.subject,
    bodyPreview: previewOf(mail.html),
    importance: 'normal',
    parentFolderId: folderId(mail.folder),
    conversationId: mail.conversationId,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: mail.isRead,
    isDraft: mail.isDraft,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(mail.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    body: { contentType: 'html', content: mail.html },
    sender: recipientJson(mail.sender),
    from: recipientJson(mail.from),
    toRecipients: mail.toRecipients.map(recipientJson),
    ccRecipients: mail.ccRecipients.map(recipientJson),
    bccRecipients: [],
    replyTo: mail.replyTo.map(recipientJson),
    flag: { flagStatus: 'notFlagged' },
  };
}

type MessageJson = ReturnType<typeof messageJson>;
const SELECTABLE: ReadonlySet<string> = new Set<keyof MessageJson>([
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'receivedDateTime', 'sentDateTime', 'hasAttachments', 'internetMessageId',
  'subject', 'bodyPreview', 'importance', 'parentFolderId', 'conversationId', 'isDeliveryReceiptRequested', 'isReadReceiptRequested', 'isRead', 'isDraft',
  'webLink', 'inferenceClassification', 'body', 'sender', 'from', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'flag',
]);

/** $select as Graph reads it: the names asked for, null for everything, or its refusal of a name it does not know. */
function parseSelect(value: string | null, now: Date): string[] | null | GraphReply {
  if (value === null || value.trim() === '') return null;
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.find((name) => !SELECTABLE.has(name));
  if (unknown) return graphError(400, 'RequestBroker--ParseUri', `Could not find a property named '${unknown}' on type 'microsoft.graph.message'.`, now);
  return names;
}

/** Only what $select names, and id and @odata.etag always, as Graph answers a $select. */
function selected(json: MessageJson, names: string[] | null): Record<string, unknown> {
  if (names === null) return json;
  const picked: Record<string, unknown> = { '@odata.etag': json['@odata.etag'], id: json.id };
  for (const name of names) picked[name] = json[name as keyof MessageJson];
  return picked;
}

function attachmentJson(attachment: StoredAttachment) {
  return {
    '@odata.type': '#microsoft.graph.fileAttachment',
    '@odata.mediaContentType': attachment.contentType,
    id: attachment.id,
    lastModifiedDateTime: attachment.lastModifiedDateTime,
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.bytes.length,
    isInline: attachment.isInline,
    contentId: attachment.contentId,
    contentLocation: null,
    contentBytes: attachment.bytes.toString('base64'),
  };
}

/** A recipients array as Graph takes it, or null when it is not one. */
function readRecipients(value: unknown): MailAddress[] | null {
  if (!Array.isArray(value)) return null;
  const read: MailAddress[] = [];
  for (const item of value as { emailAddress?: { name?: unknown; address?: unknown } }[]) {
    const address = item?.emailAddress?.address;
    if (typeof address !== 'string') return null;
    const name = item.emailAddress?.name;
    read.push({ name: typeof name === 'string' ? name : null, address });
  }
  return read;
}

/** The mailbox's folders go by their well-known names (any case) or by their ids. */
function folderNamed(value: string): MailFolder | null {
  const lower = value.toLowerCase();
  return MAIL_FOLDERS.find((folder) => folder === lower || folderId(folder) === value) ?? null;
}

/** A new version, change key and modified time: every change to a message takes all three. */
function touch(world: GraphWorld, mail: StoredMail): void {
  mail.version = world.nextMailVersion();
  mail.changeKey = changeKeyFor(mail.version);
  mail.lastModifiedDateTime = world.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A message leaves its folder: a delta of that folder reports it as removed from now on. */
function leave(world: GraphWorld, mail: StoredMail): void {
  world.removedMail.push({ id: mail.id, folder: mail.folder, version: world.nextMailVersion() });
}

function newMessageId(world: GraphWorld): string {
  return messageIdFrom(seededGuid(world.mailVersion(), 'mail-id', world.mail.length, world.removedMail.length, world.now().getTime()));
}

type NewMail = Omit<StoredMail, 'id' | 'changeKey' | 'version' | 'createdDateTime' | 'lastModifiedDateTime'> & { id?: string; createdDateTime?: string };

/** Puts a message in the mailbox with a fresh id (unless given), version and change key. */
export function storeMail(world: GraphWorld, mail: NewMail): StoredMail {
  const at = world.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const stored: StoredMail = { ...mail, id: mail.id ?? newMessageId(world), changeKey: '', version: 0, createdDateTime: mail.createdDateTime ?? at, lastModifiedDateTime: at };
  touch(world, stored);
  world.mail.push(stored);
  return stored;
}

function attachmentsFrom(world: GraphWorld, files: readonly { name: string; contentType: string; bytes: Buffer; isInline?: boolean; contentId?: string | null }[], key: string, at: string): StoredAttachment[] {
  return files.map((file, index) => ({
    id: `AAMkAGI2${Buffer.from(seededGuid(0, 'attachment', key, index, world.mailVersion()).replace(/-/g, ''), 'hex').toString('base64url')}`,
    name: file.name,
    contentType: file.contentType,
    bytes: file.bytes,
    isInline: file.isInline ?? false,
    contentId: file.contentId ?? null,
    lastModifiedDateTime: at,
  }));
}

/** An email from outside arriving in the Inbox: the seed's, or one a test or training scenario delivers. */
export function deliverMail(
  world: GraphWorld,
  mail: { id?: string; fromName: string; fromAddress: string; subject: string; html: string; receivedAt: Date; isRead?: boolean; attachments: { name: string; contentType: string; bytes: Buffer; isInline?: boolean; contentId?: string | null }[] },
): StoredMail {
  const box = world.seed.mailbox;
  const at = mail.receivedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const key = mail.id ?? `${mail.fromAddress}:${at}:${String(world.mail.length)}`;
  const from = { name: mail.fromName, address: mail.fromAddress };
  const stored = storeMail(world, {
    ...(mail.id ? { id: messageIdFrom(mail.id) } : {}),
    folder: 'inbox',
    createdDateTime: at,
    receivedDateTime: at,
    sentDateTime: at,
    internetMessageId: `<${seededGuid(0, 'internet-message', key).replace(/-/g, '')}@mail.example.net>`,
    conversationId: `AAQkAGI2${Buffer.from(seededGuid(0, 'conversation', key).replace(/-/g, ''), 'hex').toString('base64url')}`,
    subject: mail.subject,
    html: mail.html,
    from,
    sender: from,
    toRecipients: [{ name: box.displayName, address: box.address }],
    ccRecipients: [],
    replyTo: [],
    categories: [],
    isRead: mail.isRead ?? false,
    isDraft: false,
    attachments: attachmentsFrom(world, mail.attachments, key, at),
    singleValueExtendedProperties: [],
    repliesTo: null,
    forwards: null,
  });
  // Nobody has touched it since it arrived.
  stored.lastModifiedDateTime = at;
  return stored;
}

/** The seed's emails into the world's mailbox, oldest first. */
export function stockMailbox(world: GraphWorld): void {
  for (const message of world.seed.mailbox.messages) {
    deliverMail(world, {
      id: message.id,
      fromName: message.from.name,
      fromAddress: message.from.address,
      subject: message.subject,
      html: message.html,
      receivedAt: new Date(message.receivedDateTime),
      isRead: message.isRead,
      attachments: message.attachments.map((attachment) => ({ ...attachment, bytes: Buffer.from(attachment.contentBytes, 'base64') })),
    });
  }
}

/** The preference a client sent (Prefer: odata.maxpagesize=N), within what Graph allows. */
function pageSizeFrom(prefer: string | undefined): number | null {
  const asked = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer ?? '')?.[1];
  return asked ? Math.max(1, Math.min(LARGEST_DELTA_PAGE, Number(asked))) : null;
}

/** What a reply or forward quotes: Outlook's header block, then the original's body. */
function quoted(mail: StoredMail): string {
  const who = (address: MailAddress) => `${escapeHtml(address.name ?? address.address)} &lt;${escapeHtml(address.address)}&gt;`;
  return (
    '<hr style="display:inline-block;width:98%" tabindex="-1">' +
    `<div id="divRplyFwdMsg" dir="ltr"><b>From:</b> ${who(mail.from)}<br><b>Sent:</b> ${escapeHtml(mail.sentDateTime ?? mail.receivedDateTime)}<br>` +
    `<b>To:</b> ${mail.toRecipients.map(who).join('; ')}<br><b>Subject:</b> ${escapeHtml(mail.subject)}</div>` +
    `<div>${innerHtml(mail.html)}</div>`
  );
}

const prefixed = (prefix: string, subject: string) => (subject.toUpperCase().startsWith(prefix.toUpperCase()) ? subject : `${prefix}${subject}`);

interface DraftRequest {
  comment: string | null;
  body: { contentType: string; content: string } | null;
  toRecipients: MailAddress[] | null;
  ccRecipients: MailAddress[] | null;
  properties: { id: string; value: string }[];
}

/** A createReply or createForward body as Graph reads it, or its refusal. */
function readDraftRequest(body: unknown, now: Date): DraftRequest | GraphReply {
  const given = (body ?? {}) as { comment?: unknown; message?: unknown; toRecipients?: unknown };
  if (given.comment !== undefined && typeof given.comment !== 'string') return badRequest(now, 'comment must be a string.');
  const message = (given.message ?? {}) as { body?: { contentType?: unknown; content?: unknown }; toRecipients?: unknown; ccRecipients?: unknown; singleValueExtendedProperties?: unknown };
  // "Specifying both a comment and the body property of the message parameter returns 400" (message-createreply.md).
  if (typeof given.comment === 'string' && message.body !== undefined) return graphError(400, 'ErrorInvalidRequest', 'Specify either a comment or the body of the message, not both.', now);
  const to = given.toRecipients ?? message.toRecipients;
  const toRecipients = to === undefined ? null : readRecipients(to);
  const ccRecipients = message.ccRecipients === undefined ? null : readRecipients(message.ccRecipients);
  if ((to !== undefined && !toRecipients) || (message.ccRecipients !== undefined && !ccRecipients)) return badRequest(now, 'Recipients must be a list of { emailAddress: { address } }.');
  const properties: { id: string; value: string }[] = [];
  if (message.singleValueExtendedProperties !== undefined) {
    if (!Array.isArray(message.singleValueExtendedProperties)) return badRequest(now, 'singleValueExtendedProperties must be a list.');
    for (const property of message.singleValueExtendedProperties as { id?: unknown; value?: unknown }[]) {
      const id = typeof property?.id === 'string' ? canonicalProperty(property.id) : null;
      if (!id || typeof property.value !== 'string') return badRequest(now, "This training stand-in keeps extended properties of the form 'String {GUID} Name <name>' with a string value.");
      properties.push({ id, value: property.value });
    }
  }
  const content = message.body?.content;
  return {
    comment: typeof given.comment === 'string' ? given.comment : null,
    body: typeof content === 'string' ? { contentType: String(message.body?.contentType ?? 'text').toLowerCase(), content } : null,
    toRecipients,
    ccRecipients,
    properties,
  };
}

/** The draft's own words: the comment or message body, as HTML. */
function draftTop(request: DraftRequest): string {
  if (request.body) return request.body.contentType === 'html' ? innerHtml(request.body.content) : `<div>${escapeHtml(request.body.content).replace(/\n/g, '<br>')}</div>`;
  return request.comment ? `<div>${escapeHtml(request.comment).replace(/\n/g, '<br>')}</div>` : '';
}

export function mailRoutes(world: GraphWorld): Route[] {
  const now = () => world.now();
  const box = () => world.seed.mailbox;
  const mailboxAddress = () => ({ name: box().displayName, address: box().address });

  /** The contact mailbox, if `{mb}` names it and the caller has Full Access on it; else Exchange's refusal. */
  const mailboxFor = (request: RouteRequest, mb: string): SeedMailbox | GraphReply => {
    const wanted = mb.toLowerCase();
    const found = box();
    if (wanted !== found.address.toLowerCase() && wanted !== found.id.toLowerCase()) return graphError(404, 'ErrorInvalidUser', `The requested user '${mb}' is invalid.`, now());
    // Exchange checks the mailbox's own permissions after the token's scopes, and says no more than "denied".
    return found.memberIds.includes(request.me) ? found : accessDenied(now());
  };
  const itemNotFound = () => graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.', now());
  const find = (id: string) => world.mail.find((mail) => mail.id === id);
  const isReply = (value: unknown): value is GraphReply => typeof value === 'object' && value !== null && 'status' in value;
  const entity = (mail: StoredMail) => ({ '@odata.context': context(world, `users('${box().address}')/messages/$entity`), ...messageJson(mail) });

  /** The message `{mb}` and `{id}` name, or the refusal. */
  const messageFor = (request: RouteRequest, mb: string, id: string): StoredMail | GraphReply => {
    const mailbox = mailboxFor(request, mb);
    if (isReply(mailbox)) return mailbox;
    return find(id) ?? itemNotFound();
  };

  /** Delta: changes to a folder since a token, in pages; the tokens are the stand-in's own, held in the world. */
  const delta = (request: RouteRequest, mb: string, folderName: string): GraphReply => {
    const mailbox = mailboxFor(request, mb);
    if (isReply(mailbox)) return mailbox;
    const folder = folderNamed(folderName);
    if (!folder) return itemNotFound();
    // Graph's links name the mailbox as an address, not percent-encoded.
    const path = `/users/${mb}/mailFolders/${folderName}/messages/delta`;
    const skip = request.query.get('$skiptoken');
    const token = request.query.get('$deltatoken');
    let state: MailSyncState;
    if (skip !== null || token !== null) {
      const known = world.mailSyncStates.get(skip ?? token ?? '');
      const kind = skip !== null ? 'page' : 'delta';
      // A token the service never made, or lost: Graph answers 410 and the client starts a full sync (delta-query-overview.md).
      if (!known || known.kind !== kind || known.folder !== folder) {
        return graphError(410, 'SyncStateNotFound', 'The sync state for this request was not found or has expired. Start a full synchronization again.', now(), {
          Location: `${world.origin()}/v1.0${path}`,
        });
      }
      state = kind === 'page' ? known : { kind: 'page', folder, since: known.upTo, upTo: world.mailVersion(), offset: 0, select: known.select };
    } else {
      const select = parseSelect(request.query.get('$select'), now());
      if (isReply(select)) return select;
      state = { kind: 'page', folder, since: null, upTo: world.mailVersion(), offset: 0, select: select?.join(',') ?? null };
    }
    const names = state.select === null ? null : state.select.split(',');
    const since = state.since;
    const changed =
      since === null
        ? world.mail.filter((mail) => mail.folder === folder).sort((a, b) => a.receivedDateTime.localeCompare(b.receivedDateTime) || a.id.localeCompare(b.id))
        : world.mail.filter((mail) => mail.folder === folder && mail.version > since && mail.version <= state.upTo);
    const removed =
      since === null
        ? []
        : world.removedMail.filter((gone) => gone.folder === folder && gone.version > since && gone.version <= state.upTo && !world.mail.some((mail) => mail.id === gone.id && mail.folder === folder));
    const items = [
      ...changed.map((mail) => ({ version: mail.version, json: { '@odata.type': '#microsoft.graph.message', ...selected(messageJson(mail), names) } })),
      ...removed.map((gone) => ({ version: gone.version, json: { '@odata.type': '#microsoft.graph.message', id: gone.id, '@removed': { reason: 'deleted' } } })),
    ];
    if (since !== null) items.sort((a, b) => a.version - b.version);
    const asked = pageSizeFrom(request.headers.prefer);
    const size = asked ?? MESSAGES_PAGE;
    const page = items.slice(state.offset, state.offset + size).map((item) => item.json);
    const more = state.offset + size < items.length;
    const next: MailSyncState = more ? { ...state, offset: state.offset + size } : { kind: 'delta', folder, since: null, upTo: state.upTo, offset: 0, select: state.select };
    const issued = base64url(`civicdesk-sync:${folder}:${String(world.mailSyncStates.size + 1)}:${String(next.upTo)}`);
    world.mailSyncStates.set(issued, next);
    const link = `${world.origin()}/v1.0${path}?${more ? '$skiptoken' : '$deltatoken'}=${issued}`;
    return {
      status: 200,
      headers: asked === null ? {} : { 'Preference-Applied': `odata.maxpagesize=${String(asked)}` },
      body: {
        '@odata.context': context(world, `Collection(message)`),
        [more ? '@odata.nextLink' : '@odata.deltaLink']: link,
        value: page,
      },
    };
  };

  /** A folder's messages: $select, $top, $orderby on receivedDateTime, and the extended-property filter. */
  const list = (request: RouteRequest, mb: string, folderName: string): GraphReply => {
    const mailbox = mailboxFor(request, mb);
    if (isReply(mailbox)) return mailbox;
    const folder = folderNamed(folderName);
    if (!folder) return itemNotFound();
    const select = parseSelect(request.query.get('$select'), now());
    if (isReply(select)) return select;
    let found = world.mail.filter((mail) => mail.folder === folder);
    const filter = request.query.get('$filter');
    if (filter !== null) {
      const match = PROPERTY_FILTER.exec(filter.trim());
      const id = match ? canonicalProperty(unquote(match[2]!)) : null;
      if (!match || !id) return graphError(400, 'ErrorInvalidUrlQueryFilter', `This training stand-in filters messages only by singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…'), not: ${filter}`, now());
      const value = unquote(match[3]!);
      found = found.filter((mail) => mail.singleValueExtendedProperties.some((property) => property.id === id && property.value === value));
    }
    const expand = request.query.get('$expand');
    const expandMatch = expand === null ? null : PROPERTY_EXPAND.exec(expand.trim());
    if (expand !== null && !expandMatch) return badRequest(now(), `This training stand-in expands only singleValueExtendedProperties($filter=id eq '…'), not: ${expand}`);
    const expandId = expandMatch ? canonicalProperty(unquote(expandMatch[1]!)) : null;
    const order = /^receivedDateTime(?:\s+(asc|desc))?$/i.exec((request.query.get('$orderby') ?? 'receivedDateTime desc').trim());
    if (!order) return badRequest(now(), 'This training stand-in orders messages only by receivedDateTime asc or desc.');
    const descending = (order[1] ?? 'asc').toLowerCase() === 'desc';
    found.sort((a, b) => (descending ? -1 : 1) * (a.receivedDateTime.localeCompare(b.receivedDateTime) || a.id.localeCompare(b.id)));
    const value = found.map((mail) => {
      const json = selected(messageJson(mail), select);
      if (!expandMatch) return json;
      return { ...json, singleValueExtendedProperties: mail.singleValueExtendedProperties.filter((property) => property.id === expandId).map((property) => ({ ...property })) };
    });
    return { status: 200, body: pageOf(value, { origin: world.origin(), path: request.path, query: request.query, pageSize: MESSAGES_PAGE, context: `users('${mailbox.address}')/mailFolders('${folder}')/messages` }) };
  };

  /** A reply or forward made as a draft in Drafts, from the mailbox, quoting the original. */
  const makeDraft = (request: RouteRequest, mb: string, id: string, kind: 'reply' | 'forward'): GraphReply => {
    const original = messageFor(request, mb, id);
    if (isReply(original)) return original;
    const asked = readDraftRequest(request.body, now());
    if (isReply(asked)) return asked;
    const at = now().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const replyTo = original.replyTo.length > 0 ? original.replyTo : [original.from];
    const draft = storeMail(world, {
      folder: 'drafts',
      receivedDateTime: at,
      sentDateTime: at,
      internetMessageId: `<${seededGuid(world.mailVersion(), 'draft', original.id).replace(/-/g, '')}@example.org>`,
      conversationId: original.conversationId,
      subject: kind === 'reply' ? prefixed('RE: ', original.subject) : prefixed('FW: ', original.subject),
      html: `<html><body>${draftTop(asked)}${quoted(original)}</body></html>`,
      from: mailboxAddress(),
      sender: mailboxAddress(),
      toRecipients: asked.toRecipients ?? (kind === 'reply' ? replyTo.map((address) => ({ ...address })) : []),
      ccRecipients: asked.ccRecipients ?? [],
      replyTo: [],
      categories: [],
      isRead: true,
      isDraft: true,
      attachments: kind === 'forward' ? attachmentsFrom(world, original.attachments, `forward:${original.id}`, at) : [],
      singleValueExtendedProperties: asked.properties,
      repliesTo: kind === 'reply' ? original.id : null,
      forwards: kind === 'forward' ? original.id : null,
    });
    return { status: 201, body: entity(draft) };
  };

  return [
    ['GET', /^\/users\/([^/]+)\/mailFolders\/([^/]+)\/messages\/delta$/, delta],
    ['GET', /^\/users\/([^/]+)\/mailFolders\/([^/]+)\/messages$/, list],
    [
      'GET',
      /^\/users\/([^/]+)\/messages\/([^/]+)$/,
      (request, mb, id) => {
        const mail = messageFor(request, mb, id);
        if (isReply(mail)) return mail;
        const select = parseSelect(request.query.get('$select'), now());
        if (isReply(select)) return select;
        return { status: 200, body: { '@odata.context': context(world, `users('${box().address}')/messages/$entity`), ...selected(messageJson(mail), select) } };
      },
    ],
    [
      // Only categories and isRead: the queue's "in hand" mark and read state. If-Match guards a take.
      'PATCH',
      /^\/users\/([^/]+)\/messages\/([^/]+)$/,
      (request, mb, id) => {
        const mail = messageFor(request, mb, id);
        if (isReply(mail)) return mail;
        const ifMatch = request.headers['if-match'];
        if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etagOf(mail)) {
          return graphError(412, 'ErrorIrresolvableConflict', 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.', now());
        }
        const changes = (request.body ?? {}) as Record<string, unknown>;
        for (const name of Object.keys(changes)) {
          if (UPDATABLE.has(name)) continue;
          if (DRAFT_ONLY.has(name) && !mail.isDraft) return graphError(400, 'ErrorInvalidPropertyUpdateSentMessage', 'Update operation is invalid for property of a sent message.', now());
          return graphError(400, 'ErrorInvalidProperty', `The property '${name}' cannot be updated by this training stand-in: only categories and isRead.`, now());
        }
        const categories = changes.categories;
        if (categories !== undefined && !(Array.isArray(categories) && categories.every((each) => typeof each === 'string'))) return badRequest(now(), 'categories must be a list of strings.');
        if (changes.isRead !== undefined && typeof changes.isRead !== 'boolean') return badRequest(now(), 'isRead must be true or false.');
        if (categories !== undefined) mail.categories = [...new Set(categories as string[])];
        if (typeof changes.isRead === 'boolean') mail.isRead = changes.isRead;
        touch(world, mail);
        return { status: 200, body: entity(mail) };
      },
    ],
    [
      'GET',
      /^\/users\/([^/]+)\/messages\/([^/]+)\/attachments$/,
      (request, mb, id) => {
        const mail = messageFor(request, mb, id);
        if (isReply(mail)) return mail;
        return { status: 200, body: { '@odata.context': context(world, `users('${box().address}')/messages('${mail.id}')/attachments`), value: mail.attachments.map(attachmentJson) } };
      },
    ],
    [
      'GET',
      /^\/users\/([^/]+)\/messages\/([^/]+)\/attachments\/([^/]+)$/,
      (request, mb, id, attachmentId) => {
        const mail = messageFor(request, mb, id);
        if (isReply(mail)) return mail;
        const attachment = mail.attachments.find((candidate) => candidate.id === attachmentId);
        if (!attachment) return itemNotFound();
        return { status: 200, body: { '@odata.context': context(world, `users('${box().address}')/messages('${mail.id}')/attachments/$entity`), ...attachmentJson(attachment) } };
      },
    ],
    [
      // Exchange gives a moved message a new id in its new folder (message-move.md).
      'POST',
      /^\/users\/([^/]+)\/messages\/([^/]+)\/move$/,
      (request, mb, id) => {
        const mail = messageFor(request, mb, id);
        if (isReply(mail)) return mail;
        const destinationId = (request.body as { destinationId?: unknown } | null)?.destinationId;
        const destination = typeof destinationId === 'string' ? folderNamed(destinationId) : null;
        if (!destination) return graphError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.', now());
        leave(world, mail);
        mail.id = newMessageId(world);
        mail.folder = destination;
        touch(world, mail);
        return { status: 201, body: entity(mail) };
      },
    ],
    ['POST', /^\/users\/([^/]+)\/messages\/([^/]+)\/createReply$/, (request, mb, id) => makeDraft(request, mb, id, 'reply')],
    ['POST', /^\/users\/([^/]+)\/messages\/([^/]+)\/createForward$/, (request, mb, id) => makeDraft(request, mb, id, 'forward')],
    [
      // Sends a draft: it leaves Drafts and a copy, with a new id, is saved in Sent Items (message-send.md).
      'POST',
      /^\/users\/([^/]+)\/messages\/([^/]+)\/send$/,
      (request, mb, id) => {
        const draft = messageFor(request, mb, id);
        if (isReply(draft)) return draft;
        if (!draft.isDraft) return graphError(400, 'ErrorInvalidOperation', 'Only a draft can be sent: this message has been sent or received already.', now());
        const recipients = [...draft.toRecipients, ...draft.ccRecipients];
        if (recipients.length === 0 || recipients.some((recipient) => !ADDRESS.test(recipient.address))) {
          return graphError(400, 'ErrorInvalidRecipients', "At least one recipient isn't valid. All recipients must be resolved before a message can be submitted.", now());
        }
        const at = now().toISOString().replace(/\.\d{3}Z$/, 'Z');
        leave(world, draft);
        world.mail.splice(world.mail.indexOf(draft), 1);
        storeMail(world, { ...draft, id: newMessageId(world), folder: 'sentitems', isDraft: false, sentDateTime: at, receivedDateTime: at, createdDateTime: draft.createdDateTime });
        return { status: 202 };
      },
    ],
  ];
}
