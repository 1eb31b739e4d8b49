import { describeError } from './describe-error';

/**
 * What may reach a log line, so that a log file copied off a workstation holds nothing about a
 * resident and nothing that signs anyone in. Two rules, both applied by the logger itself
 * (main/core/log.ts), so a careless call site cannot break them:
 *
 * 1. Details are an allow-list of keys: ids of our own records, codes, statuses, counts,
 *    durations and the names of things (a call, a table, a service). Any other key keeps its
 *    place but not its value, so a line still shows that something was left out. A resident's
 *    name, phone, email, address, date of birth or reference has no key here, and neither has
 *    a resident's id: the audit trail, not the log, is where reads of a record are kept.
 * 2. Every string that does reach a line (the message too) has anything that looks like a
 *    token, an email address, a phone number, a UK postcode, a date, a street address or an
 *    OData filter replaced by a marker, in case one was written into a sentence.
 */

/** The keys a log line's details may carry, with why each is safe. */
export const LOGGABLE_KEYS: ReadonlySet<string> = new Set([
  // Which call, over which transport, and what the fault was (see describe-error.ts).
  'call', 'transport', 'error', 'status', 'code', 'failure', 'kind', 'reason', 'frames', 'cause', 'severity',
  // Ids CivicDesk makes for its own records (GUIDs), and the officer's own id.
  'caseId', 'accessId', 'contactId', 'messageId', 'submissionId', 'appointmentId', 'staffId', 'chatId', 'agentStateId',
  // The names of things in the product: a table, a service, a script and its step, a language, a phrase.
  'table', 'service', 'purpose', 'from', 'to', 'script', 'step', 'language', 'phraseId',
  // Free text, in our own words or a library's (MSAL's, with its personal-data logging off): redacted like the message.
  'message', 'problem',
  // Sizes and times, and CivicDesk's own version (an update).
  'count', 'characters', 'attempt', 'attempts', 'afterMs', 'durationMs', 'bytes', 'version',
]);

/** What a left-out value is shown as. */
export const LEFT_OUT = '[left out]';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const STREET = '(?:road|rd|street|st|avenue|ave|lane|ln|close|way|place|pl|grove|gardens|gdns|terrace|square|sq|crescent|cres|drive|dr|court|ct|hill|row|walk|mews|park|rise|estate|house|buildings)';

/**
 * Each pattern with its marker, in order: secrets first (a token can contain anything that
 * looks like an email or a number), then contact details, then dates and addresses.
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PATTERNS: readonly (readonly [RegExp, string | ((match: string) => string)])[] = [
  // Authorization: Bearer …, and token-like query or form parameters.
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [token]'],
  [/\b(access_token|refresh_token|id_token|client_secret|client_assertion|assertion|code|code_verifier|password|sig|key)=[^&\s"'<>]+/gi, '$1=[token]'],
  // A JWT (three base64url parts, the first always "eyJ": '{"' encoded).
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)?/g, '[token]'],
  // An OData or Graph query can filter on a name, phone or email: keep the parameter, not its value.
  // The value runs to the next parameter or the end of the line: a filter written out unencoded has spaces in it.
  [/(\$filter|\$search|\bfilter|\bsearch)=(?:"[^"\n]*"?|[^&"\n]*)/gi, '$1=[left out]'],
  [/\b[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/gi, '[email]'],
  // Opaque secrets (refresh tokens, keys): a long run of base64 with letters and digits, but
  // not a GUID (our own records' ids). '/' and '.' are left out of the run so file paths in
  // stack frames survive.
  [/(?<![A-Za-z0-9_+=~-])(?=[A-Za-z0-9_+=~-]*\d)(?=[A-Za-z0-9_+=~-]*[A-Za-z])[A-Za-z0-9_+=~-]{32,}/g, (run) => (GUID.test(run) ? run : '[token]')],
  // A date with its digits, as stored (1985-03-12, or at midnight as a date-time) or as typed (12/03/1985, 12.3.85).
  [/\b\d{4}-\d{2}-\d{2}(?:T00:00:00(?:\.0+)?Z?)?(?![\dT])/g, '[date]'],
  [/\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b/g, '[date]'],
  // A date in words, as said or printed: "12th March 1985", "12 of Mar 85", "March 12, 1985".
  [new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(?:\\d{4}|\\d{2})\\b`, 'gi'), '[date]'],
  [new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'gi'), '[date]'],
  // A UK phone number (0 or +44, then 9 or 10 more digits, however spaced). Not inside a GUID or a longer number.
  [/(?<![\w+-])(?:\+\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?|\(?0)\d(?:[\s().-]{0,2}\d){8,10}(?![\w-])/g, '[phone]'],
  // A UK postcode, with or without its space.
  [/\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/gi, '[postcode]'],
  // The officer's own user folder, which file paths in stack frames carry (C:\Users\jane.smith\…, /home/jsmith/…): not needed to find a fault.
  [/(?:\b[A-Za-z]:)?[\\/](?:Users|home)[\\/][^\\/\s)'"]+/g, '~'],
  // An address line: "Flat C, …", "12a Walworth Road", "111 Bradenham Court".
  [/\b(?:flat|apartment|unit)\s+[A-Za-z0-9]+\b,?/gi, '[address]'],
  [new RegExp(`\\b\\d+[a-z]?,?\\s+(?:[A-Za-z'’-]+\\s+){1,3}${STREET}\\b`, 'gi'), '[address]'],
];

/** A string with anything personal or secret replaced by a marker. */
export function redactText(text: string): string {
  let result = text;
  // Both branches are the same call: TypeScript picks replace's overload (text or function) by the type it can see.
  for (const [pattern, marker] of PATTERNS) result = typeof marker === 'string' ? result.replace(pattern, marker) : result.replace(pattern, marker);
  return result;
}

/** The longest a string in a log line may be: a stack or a message, not a document. */
const MOST_CHARACTERS = 2000;
/** How deep details may nest before the rest is left out. */
const MOST_DEPTH = 4;

/** A message or a detail's text as it may be logged: redacted, and shortened. */
export function loggableText(text: string): string {
  return redactText(text.length > MOST_CHARACTERS ? `${text.slice(0, MOST_CHARACTERS)}…` : text);
}

/**
 * Details as they may be logged: allowed keys only, each string redacted and shortened,
 * nested objects and arrays checked the same way.
 */
export function loggableDetails(details: Record<string, unknown>): Record<string, unknown> {
  return loggableObject(details, 0);
}

function loggableObject(details: object, depth: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) result[key] = LOGGABLE_KEYS.has(key) ? loggableValue(value, depth + 1) : LEFT_OUT;
  return result;
}

function loggableValue(value: unknown, depth: number): unknown {
  if (value === null || value === undefined || typeof value === 'boolean') return value ?? null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return loggableText(value);
  if (depth > MOST_DEPTH) return LEFT_OUT;
  if (Array.isArray(value)) return value.slice(0, 50).map((each) => loggableValue(each, depth + 1));
  // An Error is never logged as it is (its message may quote what it was given): only what describeError keeps.
  if (value instanceof Error) return loggableObject(describeError(value), depth);
  if (typeof value === 'object') return loggableObject(value, depth);
  return LEFT_OUT;
}
