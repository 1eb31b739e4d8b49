import type { IsoDate } from '../../../shared/domain/dates';
import type {
  AccessibilityNeed,
  ContactDetails,
  ContactPreferences,
  MySouthwarkAccount,
  PhoneNumber,
  PreferredChannel,
  Title,
} from '../../../shared/domain/resident';
import { fromDayNumber } from './calendar';
import { mailboxPart, type NameForm } from './names';
import { pickWeighted, weightedTable, type Random } from './random';

/**
 * Adults by age band, shaped like the borough (a young inner-London population). The older
 * bands are drawn a little thin because households add parents on top, which brings the
 * share aged 65 or over to about 9%, the council's own figure.
 */
const AGE_BANDS = weightedTable<readonly [number, number]>([
  [[16, 19], 5],
  [[20, 24], 9],
  [[25, 29], 13],
  [[30, 34], 14],
  [[35, 39], 12],
  [[40, 44], 10],
  [[45, 49], 8.5],
  [[50, 54], 7.5],
  [[55, 59], 6.5],
  [[60, 64], 5.5],
  [[65, 74], 4.4],
  [[75, 84], 2.1],
  [[85, 100], 0.8],
]);

export const MIN_AGE = 16;
export const MAX_AGE = 100;

export function randomAge(random: Random): number {
  const [low, high] = pickWeighted(random, AGE_BANDS);
  return random.int(low, high);
}

export function clampAge(age: number): number {
  return Math.min(MAX_AGE, Math.max(MIN_AGE, age));
}

const DAY_MS = 86_400_000;
/** The run's day split into parts, kept between calls: every resident shares it. */
let runDay = { day: Number.NaN, year: 0, month: 0, date: 0 };

/** A birthday that makes the person exactly `age` on the day numbered `today`. */
export function dateOfBirthFor(random: Random, age: number, today: number): IsoDate {
  if (runDay.day !== today) {
    const parts = new Date(today * DAY_MS);
    runDay = { day: today, year: parts.getUTCFullYear(), month: parts.getUTCMonth(), date: parts.getUTCDate() };
  }
  const { year, month, date } = runDay;
  // On 29 February, a birth year without one has its birthday on the 28th.
  const birthday = (y: number): number => {
    const ms = Date.UTC(y, month, date);
    return new Date(ms).getUTCMonth() === month ? ms / DAY_MS : ms / DAY_MS - 1;
  };
  return fromDayNumber(random.int(birthday(year - age - 1) + 1, birthday(year - age)));
}

export function ageOn(dateOfBirth: IsoDate, asOf: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Ofcom's drama ranges: numbers that can never ring a real person. */
export function dramaMobile(random: Random): string {
  return `07700 900${String(random.int(0, 999)).padStart(3, '0')}`;
}

export function dramaLandline(random: Random): string {
  return `020 7946 0${String(random.int(0, 999)).padStart(3, '0')}`;
}

/** Addresses at RFC 2606 domains, which can never deliver to anyone. */
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

export function exampleEmail(random: Random, given: string, family: string, birthYear: number): string {
  const g = mailboxPart(given) || 'resident';
  const f = mailboxPart(family) || 'mail';
  const style = random.int(0, 3);
  const local =
    style === 0 ? `${g}.${f}` : style === 1 ? `${g}.${f}${birthYear % 100}` : style === 2 ? `${g.charAt(0)}${f}${random.int(1, 99)}` : `${f}.${g}${random.int(1, 9)}`;
  return `${local}@${random.pick(EMAIL_DOMAINS)}`;
}

export function contactDetailsFor(
  random: Random,
  age: number,
  householdLandline: string | undefined,
  email: () => string,
): ContactDetails {
  const older = age >= 65;
  const phones: PhoneNumber[] = [];
  if (random.chance(older ? 0.6 : 0.93)) phones.push({ kind: 'mobile', number: dramaMobile(random) });
  if (householdLandline && random.chance(older ? 0.95 : 0.6)) phones.push({ kind: 'landline', number: householdLandline });
  // Some older residents have no email at all: 32% of over-60s have no internet at home.
  const hasEmail = random.chance(age >= 75 ? 0.3 : older ? 0.5 : 0.8);
  return hasEmail ? { phones, email: email() } : { phones };
}

export function preferencesFor(random: Random, age: number, details: ContactDetails, today: number): ContactPreferences {
  const hasMobile = details.phones.some((p) => p.kind === 'mobile');
  const emailConsent = details.email !== undefined && random.chance(0.8);
  const smsConsent = hasMobile && random.chance(0.75);
  const options: (readonly [PreferredChannel, number])[] = [['letter', age >= 75 ? 40 : 8]];
  if (details.phones.length > 0) options.push(['phone', 35]);
  if (emailConsent) options.push(['email', 40]);
  if (smsConsent) options.push(['sms', 20]);
  return {
    preferredChannel: pickWeighted(random, weightedTable(options)),
    smsConsent,
    emailConsent,
    recordedOn: fromDayNumber(today - random.int(0, 3 * 365)),
  };
}

const NEEDS = weightedTable<AccessibilityNeed>([
  ['large-print', 25],
  ['step-free-access', 22],
  ['hearing-loop', 14],
  ['extra-time', 14],
  ['easy-read', 9],
  ['home-visit', 7],
  ['audio-format', 4],
  ['text-relay', 3],
  ['braille', 2],
]);

export function accessibilityNeedsFor(random: Random, age: number, signsLanguage: boolean): AccessibilityNeed[] {
  const needs = new Set<AccessibilityNeed>();
  if (signsLanguage) needs.add('bsl-interpreter');
  const rate = age >= 75 ? 0.3 : age >= 65 ? 0.12 : 0.05;
  if (random.chance(rate)) {
    needs.add(pickWeighted(random, NEEDS));
    if (random.chance(0.25)) needs.add(pickWeighted(random, NEEDS));
  }
  return [...needs];
}

/** About a third of residents hold a My Southwark account; fewer among the least online. */
export function mySouthwarkFor(random: Random, age: number, hasEmail: boolean, today: number): MySouthwarkAccount {
  const rate = hasEmail ? (age >= 75 ? 0.2 : 0.45) : 0.03;
  if (!random.chance(rate)) return { status: 'none' };
  const roll = random.next();
  const status = roll < 0.88 ? 'active' : roll < 0.96 ? 'pending-verification' : 'locked';
  return { status, registeredOn: fromDayNumber(today - random.int(1, 6 * 365)) };
}

export interface Courtesy {
  title?: Title;
  pronouns?: string;
}

export function courtesyFor(random: Random, form: NameForm, age: number): Courtesy {
  const nonBinary = random.chance(0.008);
  const pronouns = nonBinary ? 'they/them' : random.chance(0.1) ? (form === 'female' ? 'she/her' : 'he/him') : undefined;
  let title: Title | undefined;
  if (nonBinary) title = random.chance(0.7) ? 'Mx' : undefined;
  else if (random.chance(0.04)) title = undefined;
  else if (age >= 30 && random.chance(0.025)) title = 'Dr';
  else if (form === 'male') title = 'Mr';
  else {
    const roll = random.next();
    title = age < 25 ? (roll < 0.6 ? 'Miss' : 'Ms') : roll < 0.45 ? 'Ms' : roll < 0.8 ? 'Mrs' : 'Miss';
  }
  const courtesy: Courtesy = {};
  if (title) courtesy.title = title;
  if (pronouns) courtesy.pronouns = pronouns;
  return courtesy;
}
