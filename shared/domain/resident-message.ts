import type { IsoDateTime } from './dates';
import type { Resident } from './resident';

/**
 * Texts and emails to residents, sent through GOV.UK Notify. The words are the council's
 * Notify templates; CivicDesk only fills in their ((placeholders)).
 */
export const MESSAGE_PURPOSES = ['online-link', 'case-reference', 'callback-confirmation', 'appointment-reminder'] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

export type MessageChannel = 'sms' | 'email';

/** What each purpose's templates must be given (Notify refuses a message missing any of them). */
export const PURPOSE_FIELDS: Record<MessagePurpose, readonly string[]> = {
  'online-link': ['service', 'link'],
  'case-reference': ['reference', 'service', 'due_date'],
  'callback-confirmation': ['window', 'reason'],
  'appointment-reminder': ['date', 'time', 'place'],
};

/** A template as Notify holds it, named in the deployment file for a purpose, channel and language. */
export interface MessageTemplate {
  purpose: MessagePurpose;
  channel: MessageChannel;
  /** BCP-47, as the language table writes it; 'en' always exists. */
  language: string;
  templateId: string;
  version: number;
  subject: string | null;
  body: string;
}

/**
 * Notify's own limit: a text is at most 918 characters (6 fragments of 153), counted after
 * the placeholders are filled in. Longer ones are refused, so CivicDesk says so first.
 */
export const MOST_SMS_CHARACTERS = 918;

const PLACEHOLDER = /\(\(([^()?]+?)(?:\?\?([^()]*))?\)\)/g;

/** The placeholders a template needs, as Notify reads them (names are not case-sensitive). */
export function placeholdersOf(template: Pick<MessageTemplate, 'body' | 'subject'>): string[] {
  const names = new Set<string>();
  for (const text of [template.subject ?? '', template.body]) {
    for (const match of text.matchAll(PLACEHOLDER)) if (match[2] === undefined) names.add(match[1]!.trim().toLowerCase());
  }
  return [...names];
}

/**
 * The exact text Notify sends: each ((name)) replaced, ((name??text)) showing text when name is
 * "yes" or true. A placeholder without a value stays missing: the caller refuses to send.
 */
export function fillTemplate(template: Pick<MessageTemplate, 'body' | 'subject'>, personalisation: Readonly<Record<string, string>>): { subject: string | null; body: string; missing: string[] } {
  const values = new Map(Object.entries(personalisation).map(([name, value]) => [name.trim().toLowerCase(), value]));
  const missing = placeholdersOf(template).filter((name) => !values.get(name)?.trim());
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (whole, rawName: string, shown: string | undefined) => {
      const value = values.get(rawName.trim().toLowerCase());
      if (shown !== undefined) return value === 'yes' || value === 'true' ? shown : '';
      return value?.trim() ? value : whole;
    });
  return { subject: template.subject === null ? null : fill(template.subject), body: fill(template.body), missing };
}

/** The template for a purpose and channel in the resident's language, or English when the council has no translation. */
export function templateFor(templates: readonly MessageTemplate[], purpose: MessagePurpose, channel: MessageChannel, language: string): MessageTemplate | null {
  const of = templates.filter((template) => template.purpose === purpose && template.channel === channel);
  const base = language.split('-')[0];
  return of.find((template) => template.language === language) ?? of.find((template) => template.language === base) ?? of.find((template) => template.language === 'en') ?? null;
}

/** Where a message may go: the record's mobile or email with the matching consent, or one the resident gives now. */
export type MessageRecipient = { source: 'record'; to: string } | { source: 'given'; to: string };

/** Why a channel cannot be used from the record, in plain words for the officer; null when it can. */
export function recordRecipient(resident: Pick<Resident, 'contact' | 'preferences'>, channel: MessageChannel): { to: string } | { refused: string } {
  if (channel === 'sms') {
    const mobile = resident.contact.phones.find((phone) => phone.kind === 'mobile');
    if (!resident.preferences.smsConsent) return { refused: 'The resident has not agreed to texts. Ask them, and if they agree, type the mobile number they give you.' };
    if (!mobile) return { refused: 'There is no mobile number on the record. If the resident wants a text, type the number they give you.' };
    return { to: mobile.number };
  }
  if (!resident.preferences.emailConsent) return { refused: 'The resident has not agreed to emails. Ask them, and if they agree, type the address they give you.' };
  if (!resident.contact.email) return { refused: 'There is no email address on the record. If the resident wants an email, type the address they give you.' };
  return { to: resident.contact.email };
}

/** A UK mobile number as Notify takes it: 07…, +447… or 447…, spaces and dashes allowed. */
export function ukMobile(text: string): string | null {
  const digits = text.replace(/[\s\-().]/g, '');
  const national = digits.startsWith('+44') ? `0${digits.slice(3)}` : digits.startsWith('44') ? `0${digits.slice(2)}` : digits;
  return /^07\d{9}$/.test(national) ? national : null;
}

/** An address Notify would accept: one @, a dot in the domain, no spaces. */
export function emailAddress(text: string): string | null {
  const trimmed = text.trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(trimmed) && trimmed.length <= 320 ? trimmed : null;
}

/** Notify's delivery statuses, and which are final. */
export type DeliveryStatus = 'created' | 'sending' | 'pending' | 'sent' | 'delivered' | 'permanent-failure' | 'temporary-failure' | 'technical-failure';
export const FINAL_STATUSES: readonly DeliveryStatus[] = ['delivered', 'permanent-failure', 'temporary-failure', 'technical-failure'];

/**
 * A text or email as written on this computer, kept until Notify has it (the outbox) and after,
 * with its delivery status. Its id is the Notify `reference` and the Dataverse activity's id, so
 * sending it again after a lost answer finds the first one instead of sending a second.
 */
export interface ResidentMessage {
  id: string;
  staffId: string;
  residentId: string;
  interactionId: string | null;
  caseId: string | null;
  purpose: MessagePurpose;
  channel: MessageChannel;
  templateId: string;
  language: string;
  recipient: MessageRecipient;
  personalisation: Record<string, string>;
  /** What the officer saw and the resident gets. */
  subject: string | null;
  body: string;
  writtenAt: IsoDateTime;
  /** 'waiting' in the outbox; 'sent' once Notify has it; 'failed' when it cannot go as it is. */
  state: 'waiting' | 'sent' | 'failed';
  notificationId: string | null;
  sentAt: IsoDateTime | null;
  delivery: DeliveryStatus | null;
  /** The council's system has it as an activity on the resident. */
  recorded: boolean;
  /** The last reason it did not go, in plain words. */
  failure: string | null;
  attempts: number;
}
