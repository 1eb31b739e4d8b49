import { randomUUID } from 'node:crypto';
import { fillTemplate, MOST_SMS_CHARACTERS, type DeliveryStatus, type MessageChannel } from '../../../../shared/domain/resident-message';
import type { TrainingTemplate } from './templates';

/** Notify's error body: `{status_code, errors: [{error, message}]}`. */
export interface NotifyReply {
  status: number;
  body: unknown;
}

export const notifyError = (status: number, error: string, message: string): NotifyReply => ({ status, body: { status_code: status, errors: [{ error, message }] } });

export type KeyType = 'live' | 'team' | 'test';

/** A notification as the stand-in keeps it. */
export interface StoredNotification {
  id: string;
  type: MessageChannel;
  recipient: string;
  templateId: string;
  templateVersion: number;
  personalisation: Record<string, string>;
  reference: string | null;
  body: string;
  subject: string | null;
  keyType: KeyType;
  createdAt: number;
}

export interface NotifyWorld {
  origin: string;
  now(): number;
  templates: ReadonlyMap<string, TrainingTemplate>;
  notifications: StoredNotification[];
  /** The service's team members' numbers and addresses: a team key sends only to these. */
  team: ReadonlySet<string>;
  /** In trial mode a live key sends only to the team too (and 50 a day). */
  trialMode: boolean;
  /** How long a message takes to be delivered after it is sent. */
  deliveredAfterMs: number;
  /** Messages a day (not test keys'); Notify's trial mode allows 50. */
  dailyLimit: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Notify's documented test recipients: messages to these end in a failed delivery, so services
 * can see how their code handles one (docs.notifications.service.gov.uk, "Testing").
 */
const TEMPORARY_FAILURE = new Set(['07700900003', 'temp-fail@simulator.notify']);
const PERMANENT_FAILURE = new Set(['07700900002', 'perm-fail@simulator.notify']);

/** A UK mobile as Notify normalises it for comparison, or the reason it is not one (Notify's words). */
export function ukMobileOrProblem(text: string): { number: string } | { problem: string } {
  const digits = text.replace(/[\s\-().]/g, '');
  if (/[^\d+]/.test(digits)) return { problem: 'Must not contain letters or symbols' };
  const national = digits.startsWith('+44') ? digits.slice(3) : digits.startsWith('0044') ? digits.slice(4) : digits.startsWith('44') ? digits.slice(2) : digits.startsWith('0') ? digits.slice(1) : digits;
  if (!national.startsWith('7')) return { problem: 'Not a UK mobile number' };
  if (national.length > 10) return { problem: 'Too many digits' };
  if (national.length < 10) return { problem: 'Not enough digits' };
  return { number: `0${national}` };
}

const normalEmail = (text: string) => text.trim().toLowerCase();
const EMAIL = /^[^\s@",;:<>()[\]\\]+@[^\s@",;:<>()[\]\\]+\.[a-z]{2,}$/i;

/** What a notification's status is by now: Notify's sending, then delivered (or a test recipient's failure). */
export function statusOf(notification: StoredNotification, world: Pick<NotifyWorld, 'now' | 'deliveredAfterMs'>): DeliveryStatus {
  if (world.now() - notification.createdAt < world.deliveredAfterMs) return 'sending';
  if (TEMPORARY_FAILURE.has(notification.recipient)) return 'temporary-failure';
  if (PERMANENT_FAILURE.has(notification.recipient)) return 'permanent-failure';
  return 'delivered';
}

/** GET /v2/notifications/{id} and the list's items, in Notify's shape. */
export function notificationJson(notification: StoredNotification, world: NotifyWorld): Record<string, unknown> {
  const status = statusOf(notification, world);
  const created = new Date(notification.createdAt).toISOString();
  return {
    id: notification.id,
    reference: notification.reference,
    email_address: notification.type === 'email' ? notification.recipient : null,
    phone_number: notification.type === 'sms' ? notification.recipient : null,
    line_1: null,
    line_2: null,
    line_3: null,
    line_4: null,
    line_5: null,
    line_6: null,
    line_7: null,
    postcode: null,
    postage: null,
    type: notification.type,
    status,
    template: { id: notification.templateId, version: notification.templateVersion, uri: `${world.origin}/v2/template/${notification.templateId}/version/${notification.templateVersion}` },
    body: notification.body,
    subject: notification.subject,
    created_at: created,
    created_by_name: null,
    sent_at: created,
    completed_at: status === 'sending' ? null : new Date(notification.createdAt + world.deliveredAfterMs).toISOString(),
    scheduled_for: null,
    one_click_unsubscribe: null,
  };
}

function templateJson(template: TrainingTemplate, world: NotifyWorld): Record<string, unknown> {
  const at = new Date(world.now()).toISOString();
  return { id: template.id, name: `${template.purpose} (${template.type}, ${template.language})`, type: template.type, created_at: at, updated_at: null, created_by: 'training@southwark.example', version: template.version, body: template.body, subject: template.subject, letter_contact_block: null, postage: null };
}

/** Whether a JSON body is an object: Notify's schema refuses anything else. */
const asObject = (body: unknown): Record<string, unknown> | null => (typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null);

/** POST /v2/notifications/sms and /email, checked as Notify checks them, in Notify's words. */
export function sendNotification(type: MessageChannel, raw: unknown, keyType: KeyType, world: NotifyWorld): NotifyReply {
  const body = asObject(raw);
  if (!body) return notifyError(400, 'ValidationError', 'Request body must be a JSON object');
  const recipientField = type === 'sms' ? 'phone_number' : 'email_address';
  for (const field of [recipientField, 'template_id']) if (body[field] === undefined) return notifyError(400, 'ValidationError', `${field} is a required property`);
  if (typeof body.template_id !== 'string' || !UUID.test(body.template_id)) return notifyError(400, 'ValidationError', 'template_id is not a valid UUID');
  if (body.personalisation !== undefined && asObject(body.personalisation) === null) return notifyError(400, 'ValidationError', 'personalisation {} is not of type object');
  if (body.reference !== undefined && body.reference !== null && typeof body.reference !== 'string') return notifyError(400, 'ValidationError', 'reference is not of type string, null');
  if (typeof body[recipientField] !== 'string') return notifyError(400, 'ValidationError', `${recipientField} is not of type string`);
  let recipient: string;
  if (type === 'sms') {
    const checked = ukMobileOrProblem(body.phone_number as string);
    if ('problem' in checked) return notifyError(400, 'ValidationError', `phone_number ${checked.problem}`);
    recipient = checked.number;
  } else {
    if (!EMAIL.test((body.email_address as string).trim())) return notifyError(400, 'ValidationError', 'email_address Not a valid email address');
    recipient = normalEmail(body.email_address as string);
  }
  const template = world.templates.get((body.template_id as string).toLowerCase());
  if (!template) return notifyError(400, 'BadRequestError', 'Template not found');
  if (template.type !== type) return notifyError(400, 'BadRequestError', `${type} template is not suitable for ${template.type} notification`);
  const personalisation = Object.fromEntries(Object.entries(asObject(body.personalisation) ?? {}).map(([name, value]) => [name, String(value)]));
  const filled = fillTemplate(template, personalisation);
  if (filled.missing.length > 0) return notifyError(400, 'BadRequestError', `Missing personalisation: ${filled.missing.join(', ')}`);
  if (type === 'sms' && filled.body.length > MOST_SMS_CHARACTERS) return notifyError(400, 'BadRequestError', `Text messages cannot be longer than ${MOST_SMS_CHARACTERS} characters. Your message is ${filled.body.length} characters long.`);
  // Team and trial restrictions, as Notify applies them: a test key sends to anyone (nobody gets it).
  const inTeam = world.team.has(recipient);
  if (keyType === 'team' && !inTeam) return notifyError(400, 'BadRequestError', 'Can’t send to this recipient using a team-only API key');
  if (keyType === 'live' && world.trialMode && !inTeam) return notifyError(400, 'BadRequestError', 'Can’t send to this recipient when service is in trial mode – see https://www.notifications.service.gov.uk/trial-mode');
  if (keyType !== 'test') {
    const dayStart = new Date(world.now()).setUTCHours(0, 0, 0, 0);
    const today = world.notifications.filter((each) => each.keyType !== 'test' && each.createdAt >= dayStart).length;
    if (today >= world.dailyLimit) return notifyError(429, 'TooManyRequestsError', `Exceeded send limits (${world.dailyLimit}) for today`);
  }
  const notification: StoredNotification = {
    id: randomUUID(),
    type,
    recipient,
    templateId: template.id,
    templateVersion: template.version,
    personalisation,
    reference: typeof body.reference === 'string' ? body.reference : null,
    body: filled.body,
    subject: filled.subject,
    keyType,
    createdAt: world.now(),
  };
  world.notifications.push(notification);
  const content = type === 'sms' ? { body: filled.body, from_number: 'Southwark' } : { body: filled.body, subject: filled.subject, from_email: 'southwark.council@notifications.service.gov.uk', one_click_unsubscribe_url: null };
  return {
    status: 201,
    body: { id: notification.id, reference: notification.reference, content, uri: `${world.origin}/v2/notifications/${notification.id}`, template: { id: template.id, version: template.version, uri: `${world.origin}/v2/template/${template.id}` } },
  };
}

const STATUSES = ['created', 'sending', 'sent', 'delivered', 'pending', 'failed', 'technical-failure', 'temporary-failure', 'permanent-failure', 'accepted', 'received', 'cancelled'];
const PAGE = 250;

/** GET /v2/notifications: newest first, 250 a page, `older_than` for the next; filters as Notify has them. */
export function listNotifications(query: URLSearchParams, world: NotifyWorld): NotifyReply {
  const type = query.get('template_type');
  if (type !== null && !['sms', 'email', 'letter'].includes(type)) return notifyError(400, 'ValidationError', `template_type ${type} is not one of [sms, email, letter]`);
  const statuses = query.getAll('status');
  const unknown = statuses.find((status) => !STATUSES.includes(status));
  if (unknown) return notifyError(400, 'ValidationError', `status ${unknown} is not one of [${STATUSES.join(', ')}]`);
  const olderThan = query.get('older_than');
  if (olderThan !== null && !UUID.test(olderThan)) return notifyError(400, 'ValidationError', 'older_than is not a valid UUID');
  const reference = query.get('reference');
  let all = [...world.notifications].reverse();
  if (olderThan !== null) {
    const at = all.findIndex((each) => each.id === olderThan);
    all = at < 0 ? [] : all.slice(at + 1);
  }
  const wanted = all.filter((each) => (type === null || each.type === type) && (reference === null || each.reference === reference) && (statuses.length === 0 || statuses.includes(statusOf(each, world))));
  const page = wanted.slice(0, PAGE);
  const current = `${world.origin}/v2/notifications${query.size > 0 ? `?${query}` : ''}`;
  const links: Record<string, string> = { current };
  if (wanted.length > PAGE) {
    const next = new URLSearchParams(query);
    next.set('older_than', page.at(-1)!.id);
    links.next = `${world.origin}/v2/notifications?${next}`;
  }
  return { status: 200, body: { notifications: page.map((each) => notificationJson(each, world)), links } };
}

/** The routes after the key is checked. */
export function notifyRoute(request: { method: string; path: string; query: URLSearchParams; body: unknown }, keyType: KeyType, world: NotifyWorld): NotifyReply {
  const { method, path } = request;
  const sending = /^\/v2\/notifications\/(sms|email)$/.exec(path);
  if (sending) return method === 'POST' ? sendNotification(sending[1] as MessageChannel, request.body, keyType, world) : notifyError(405, 'MethodNotAllowed', 'The method is not allowed for the requested URL.');
  if (path === '/v2/notifications' && method === 'GET') return listNotifications(request.query, world);
  const one = /^\/v2\/notifications\/([^/]+)$/.exec(path);
  if (one && method === 'GET') {
    if (!UUID.test(one[1]!)) return notifyError(400, 'ValidationError', 'notification_id is not a valid UUID');
    const found = world.notifications.find((each) => each.id === one[1]!.toLowerCase());
    return found ? { status: 200, body: notificationJson(found, world) } : notifyError(404, 'NoResultFound', 'No result found');
  }
  const template = /^\/v2\/template\/([^/]+)(\/preview)?$/.exec(path);
  if (template && ((method === 'GET' && !template[2]) || (method === 'POST' && template[2]))) {
    if (!UUID.test(template[1]!)) return notifyError(400, 'ValidationError', 'id is not a valid UUID');
    const found = world.templates.get(template[1]!.toLowerCase());
    if (!found) return notifyError(404, 'NoResultFound', 'No result found');
    if (!template[2]) return { status: 200, body: templateJson(found, world) };
    const personalisation = asObject(asObject(request.body)?.personalisation) ?? {};
    const filled = fillTemplate(found, Object.fromEntries(Object.entries(personalisation).map(([name, value]) => [name, String(value)])));
    if (filled.missing.length > 0) return notifyError(400, 'BadRequestError', `Missing personalisation: ${filled.missing.join(', ')}`);
    return { status: 200, body: { id: found.id, type: found.type, version: found.version, body: filled.body, subject: filled.subject, html: found.type === 'email' ? `<p>${filled.body.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>` : null } };
  }
  return notifyError(404, 'NoResultFound', 'No result found');
}
