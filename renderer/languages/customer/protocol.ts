import type { LanguageEntry, WorldRegion, WritingDirection } from '../../../shared/languages/language-table';

/**
 * How the officer's page and the customer-facing view talk: a BroadcastChannel between two
 * pages of the same origin (two windows of the desktop app, or two tabs of the browser host).
 * The customer view never touches the bridge: everything it shows comes in these messages, and
 * only what a resident may see is put in them.
 */
export const CUSTOMER_VIEW_CHANNEL = 'civicdesk-customer-view';

/** One language as the resident sees it in the picker: no supplier names, nothing about staff. */
export interface PickerLanguage {
  code: string;
  englishName: string;
  autonym: string | null;
  script: string;
  direction: WritingDirection;
  region: WorldRegion;
  /** Other names, so a resident typing 'Bangla' or 'Farsi' finds theirs. */
  aliases: string[];
}

/** A phrase as the resident sees it. */
export interface PhraseOnScreen {
  text: string;
  lang: string;
  dir: WritingDirection;
  script: string;
  english: string;
  /** False shows "This translation has not been checked by a qualified translator". */
  reviewed: boolean;
}

/** GovMetric's three ratings, as the resident gives them at the end of a visit. */
export type VisitRating = 'good' | 'average' | 'poor';

export const VISIT_RATINGS: readonly VisitRating[] = ['good', 'average', 'poor'];

/** From the officer's page to the customer view. */
export type ToCustomer =
  | { kind: 'show-language-picker'; languages: PickerLanguage[] }
  | { kind: 'show-phrase'; phrase: PhraseOnScreen }
  /** The resident's own rating of the visit: the question, the three answers, and what to say once they choose. */
  | { kind: 'ask-rating'; question: PhraseOnScreen; answers: Record<VisitRating, PhraseOnScreen>; thanks: PhraseOnScreen }
  | { kind: 'clear' };

/**
 * The idle lock, from the officer's page (renderer/lock/): the customer view covers itself while
 * the workstation is locked, over whatever it was showing, and shows it again on resume.
 * Carried as `{ from: 'staff-lock', locked }`, apart from the messages above, so the lock never
 * replaces what the resident was shown.
 */
export const LOCK_MESSAGE_FROM = 'staff-lock';

export function readLockToCustomer(data: unknown): { locked: boolean } | null {
  if (!isObject(data) || data.from !== LOCK_MESSAGE_FROM || typeof data.locked !== 'boolean') return null;
  return { locked: data.locked };
}

/** From the customer view to the officer's page. */
export type FromCustomer =
  /** The view has (re)loaded and wants whatever it should be showing. */
  | { kind: 'ready' }
  | { kind: 'language-chosen'; code: string }
  /** The resident's answer to 'ask-rating'. */
  | { kind: 'rating-given'; rating: VisitRating }
  /** The view's window is closing. */
  | { kind: 'closed' };

export type CustomerViewMessage = { from: 'staff'; message: ToCustomer } | { from: 'customer'; message: FromCustomer };

/** The slice of BroadcastChannel both sides use, so tests can hand in their own. */
export interface MessageChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export type OpenChannel = () => MessageChannelLike | null;

/** The real channel, or null where the browser has none. */
export const openBroadcastChannel: OpenChannel = () => (typeof BroadcastChannel === 'function' ? new BroadcastChannel(CUSTOMER_VIEW_CHANNEL) : null);

const DIRECTIONS: readonly unknown[] = ['ltr', 'rtl'];
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isString = (value: unknown, most = 2000): value is string => typeof value === 'string' && value.length <= most;
const isRating = (value: unknown): value is VisitRating => (VISIT_RATINGS as readonly unknown[]).includes(value);
const isCode = (value: unknown): value is string => isString(value, 40) && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(value);

function isPickerLanguage(value: unknown): value is PickerLanguage {
  return (
    isObject(value) &&
    isCode(value.code) &&
    isString(value.englishName, 200) &&
    (value.autonym === null || isString(value.autonym, 200)) &&
    isString(value.script, 8) &&
    DIRECTIONS.includes(value.direction) &&
    isString(value.region, 40) &&
    Array.isArray(value.aliases) &&
    value.aliases.every((alias) => isString(alias, 200))
  );
}

function isPhrase(value: unknown): value is PhraseOnScreen {
  return isObject(value) && isString(value.text) && isCode(value.lang) && DIRECTIONS.includes(value.dir) && isString(value.script, 8) && isString(value.english) && typeof value.reviewed === 'boolean';
}

/** The three answers, each a phrase, and nothing else. */
function isRatingAnswers(value: unknown): value is Record<VisitRating, PhraseOnScreen> {
  return isObject(value) && Object.keys(value).length === VISIT_RATINGS.length && VISIT_RATINGS.every((rating) => isPhrase(value[rating]));
}

/** What the customer view accepts: a well-formed message from the officer's page, else null. */
export function readToCustomer(data: unknown): ToCustomer | null {
  if (!isObject(data) || data.from !== 'staff' || !isObject(data.message)) return null;
  const message = data.message;
  if (message.kind === 'clear') return { kind: 'clear' };
  if (message.kind === 'show-phrase' && isPhrase(message.phrase)) return { kind: 'show-phrase', phrase: message.phrase };
  if (message.kind === 'ask-rating' && isPhrase(message.question) && isRatingAnswers(message.answers) && isPhrase(message.thanks)) {
    const { good, average, poor } = message.answers;
    return { kind: 'ask-rating', question: message.question, answers: { good, average, poor }, thanks: message.thanks };
  }
  if (message.kind === 'show-language-picker' && Array.isArray(message.languages) && message.languages.length <= 5000 && message.languages.every(isPickerLanguage)) {
    return { kind: 'show-language-picker', languages: message.languages };
  }
  return null;
}

/** What the officer's page accepts from the customer view, else null. */
export function readFromCustomer(data: unknown): FromCustomer | null {
  if (!isObject(data) || data.from !== 'customer' || !isObject(data.message)) return null;
  const message = data.message;
  if (message.kind === 'ready' || message.kind === 'closed') return { kind: message.kind };
  if (message.kind === 'language-chosen' && isCode(message.code)) return { kind: 'language-chosen', code: message.code };
  if (message.kind === 'rating-given' && isRating(message.rating)) return { kind: 'rating-given', rating: message.rating };
  return null;
}

/** The picker's copy of a table entry: what a resident may see, and no more. */
export function pickerLanguage(entry: LanguageEntry): PickerLanguage {
  return { code: entry.code, englishName: entry.englishName, autonym: entry.autonym, script: entry.script, direction: entry.direction, region: entry.region, aliases: [...entry.aliases] };
}

/** Back to the table's shape, so the shared search and grouping work on it (no supplier names). */
export function asLanguageEntry(language: PickerLanguage): LanguageEntry {
  return { ...language, cldrEnglishName: null, autonymSource: null, supplierNames: {} };
}
