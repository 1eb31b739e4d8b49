import { spokenDate } from '../domain/spoken-date';
import type { AnswerInput } from './schema';

export interface AddressAnswer {
  line1: string;
  postcode: string;
}

export interface EvidenceItem {
  name: string;
  type: string;
  size: number;
}

export type AnswerValue = string | number | boolean | AddressAnswer | EvidenceItem[];

/**
 * A refused answer; `late` when the only problem is a date outside a service standard's
 * window: the agent is told, and may still go on with it (the case then says so).
 */
export type AnswerCheck = { ok: true; value: AnswerValue | null } | { ok: false; message: string; late?: { value: AnswerValue; note: string } };

export interface AnswerRules {
  optional: boolean;
  /** 'YYYY-MM-DD', the day of the contact. */
  today: string;
  /** A service standard's name and its due date for something that happened on `from`. */
  standard?: (id: string, from: string) => { name: string; dueDate: string } | undefined;
}

// The shape of a UK postcode, with or without the space; the back office checks it exists.
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

export const normalisePostcode = (postcode: string): string => {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
};

const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/**
 * Checks an answer against what the question asks for. Messages say what to do, in plain
 * English, because an agent reads them with a resident waiting. `null` means "not answered",
 * allowed only for optional questions.
 */
export function checkAnswer(input: AnswerInput, raw: unknown, options: AnswerRules): AnswerCheck {
  const blank = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  if (blank && input.kind !== 'evidence') {
    return options.optional ? { ok: true, value: null } : { ok: false, message: 'This question needs an answer before you go on.' };
  }
  switch (input.kind) {
    case 'text': {
      if (typeof raw !== 'string') return { ok: false, message: 'Type the answer as text.' };
      const value = raw.trim();
      return value.length > input.maxLength ? { ok: false, message: `Keep this to ${input.maxLength} characters or fewer (it is ${value.length}).` } : { ok: true, value };
    }
    case 'number': {
      const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isFinite(value)) return { ok: false, message: 'Enter a number, using digits (for example 3).' };
      if (input.integer && !Number.isInteger(value)) return { ok: false, message: 'Enter a whole number (for example 3).' };
      if (input.min !== undefined && value < input.min) return { ok: false, message: `Enter ${input.min} or more.` };
      if (input.max !== undefined && value > input.max) return { ok: false, message: `Enter ${input.max} or less.` };
      return { ok: true, value };
    }
    case 'date': {
      // Typed as the caller says it, day first: "3/12", "3 Dec 2026", "yesterday", "last Tuesday".
      const date = typeof raw === 'string' ? (isIsoDate(raw.trim()) ? raw.trim() : spokenDate(raw, { today: options.today })) : null;
      if (date === null) return { ok: false, message: 'Enter the date as the caller says it, day first: for example 27/3/2025, 27 March, or yesterday.' };
      if (input.notFuture && date > options.today) return { ok: false, message: `${longDate(date)} is in the future. Check the date with the caller.` };
      if (input.notPast && date < options.today) return { ok: false, message: `${longDate(date)} is in the past. Check the date with the caller.` };
      const window = input.withinStandard ? options.standard?.(input.withinStandard, date) : undefined;
      if (window && window.dueDate < options.today) {
        const note = `Reported after the ${window.name} window, which ended on ${longDate(window.dueDate)}.`;
        return { ok: false, message: `${longDate(date)} is outside the ${window.name} window: it had to be reported by ${longDate(window.dueDate)}. Check the date with the caller. If it is right, go on with it anyway and the case will say it was reported late.`, late: { value: date, note } };
      }
      return { ok: true, value: date };
    }
    case 'choice': {
      const option = input.options.find((each) => each.value === raw);
      return option ? { ok: true, value: option.value } : { ok: false, message: 'Choose one of the options.' };
    }
    case 'yes-no':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : { ok: false, message: 'Choose yes or no.' };
    case 'address': {
      const address = raw as Partial<AddressAnswer>;
      const line1 = typeof address?.line1 === 'string' ? address.line1.trim() : '';
      const postcode = typeof address?.postcode === 'string' ? address.postcode.trim() : '';
      if (!line1) return { ok: false, message: 'Enter the first line of the address (house number and street).' };
      if (!POSTCODE.test(postcode)) return { ok: false, message: 'Enter a full postcode, for example SE1 2QH.' };
      return { ok: true, value: { line1, postcode: normalisePostcode(postcode) } };
    }
    case 'evidence': {
      const items = Array.isArray(raw) ? (raw as EvidenceItem[]) : [];
      if (input.required && items.length === 0) return { ok: false, message: 'Add at least one photo or document.' };
      return { ok: true, value: items.map(({ name, type, size }) => ({ name, type, size })) };
    }
  }
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "Tuesday 1 December 2026", the way GOV.UK writes dates. Built by hand because Chromium's
 * trimmed ICU and Node's full ICU do not always agree on punctuation.
 */
export const longDate = (iso: string): string => {
  const date = new Date(`${iso}T00:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
};

/** How an answer reads in a sentence the agent says, or in a case's fields. */
export function describeAnswer(input: AnswerInput | undefined, value: AnswerValue): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((item) => item.name).join(', ');
  if (typeof value === 'object') return `${value.line1}, ${value.postcode}`;
  if (input?.kind === 'choice') return input.options.find((option) => option.value === value)?.label ?? String(value);
  if (input?.kind === 'date' && typeof value === 'string') return longDate(value);
  if (input?.kind === 'number' && input.unit) return `${value} ${input.unit}`;
  return String(value);
}

