import { pickWeighted, type Random } from './random';
import { ENGLISH_SPEAKER_ORIGINS, type Language, type NameOrigin } from './word-lists';

/** Used only to choose a given name and a surname form; not stored on the resident. */
export type NameForm = 'female' | 'male';

export function originFor(random: Random, language: Language): NameOrigin {
  return language.origins.length > 0 ? random.pick(language.origins) : pickWeighted(random, ENGLISH_SPEAKER_ORIGINS);
}

export function givenName(random: Random, origin: NameOrigin, form: NameForm): string {
  return random.pick(form === 'female' ? origin.female : origin.male);
}

/**
 * A surname as the family would hand it down (the unmarked form). Spanish- and
 * Portuguese-speaking families often carry two parts ('García López', 'da Silva Santos').
 */
export function familySurname(random: Random, origin: NameOrigin): string {
  const first = random.pick(origin.family);
  if (!random.chance(origin.compoundRate) || first.includes(' ')) return first;
  const second = random.pick(origin.family);
  return second === first || second.includes(' ') ? first : `${first} ${second}`;
}

/** The form a person writes: Polish, Lithuanian, Russian and Irish surnames change for women. */
export function surnameFor(surname: string, origin: NameOrigin, form: NameForm): string {
  if (form === 'male') return surname;
  const whole = origin.feminine.get(surname);
  if (whole) return whole;
  return surname
    .split(' ')
    .map((part) => origin.feminine.get(part) ?? part)
    .join(' ');
}

/** Two families joined, as a child of 'Smith' and 'Okafor' may be 'Smith-Okafor'. */
export function doubleBarrelled(first: string, second: string): string {
  return first === second ? first : `${first}-${second}`;
}

const UNFOLDABLE: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE',
};

/** 'Bogusław Wiśniewski' -> 'boguslaw wisniewski': mailbox names are plain ASCII. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁđĐıßæÆøØœŒ]/g, (ch) => UNFOLDABLE[ch] ?? '')
    .toLowerCase();
}

const mailboxParts = new Map<string, string>();

/** Memoised: names repeat thousands of times and folding normalises Unicode each time. */
export function mailboxPart(text: string): string {
  let part = mailboxParts.get(text);
  if (part === undefined) {
    part = asciiFold(text).replace(/[^a-z0-9]+/g, '');
    mailboxParts.set(text, part);
  }
  return part;
}
