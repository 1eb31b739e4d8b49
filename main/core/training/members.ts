import { doubleBarrelled, familySurname, originFor, surnameFor, type NameForm } from './names';
import { clampAge, randomAge } from './people';
import { pickWeighted, type Random } from './random';
import { ENGLISH, ENGLISH_SPEAKER_ORIGINS, LANGUAGE_TABLE, type Language, type NameOrigin } from './word-lists';

/**
 * Who lives together. Families share a surname and mostly a language; grown-up children
 * of families who speak another language at home often prefer English; sharers in
 * private rented flats are unrelated. Partners of different heritage give children
 * double-barrelled names ('Smith-Okafor').
 */
export type MemberRole = 'lead' | 'partner' | 'child' | 'parent' | 'sharer';

export interface MemberPlan {
  role: MemberRole;
  form: NameForm;
  age: number;
  origin: NameOrigin;
  language: Language;
  familyName: string;
}

interface Family {
  origin: NameOrigin;
  surname: string;
}

const formOf = (random: Random): NameForm => (random.chance(0.5) ? 'female' : 'male');

function newFamily(random: Random, origin: NameOrigin): Family {
  let surname = familySurname(random, origin);
  // A few adults already carry a double-barrelled name from their own parents.
  if (random.chance(0.015)) surname = doubleBarrelled(surname, familySurname(random, pickWeighted(random, ENGLISH_SPEAKER_ORIGINS)));
  return { origin, surname };
}

function sharer(random: Random): MemberPlan {
  const language = pickWeighted(random, LANGUAGE_TABLE);
  const origin = originFor(random, language);
  const form = formOf(random);
  const family = newFamily(random, origin);
  return { role: 'sharer', form, age: Math.max(18, randomAge(random)), origin, language, familyName: surnameFor(family.surname, origin, form) };
}

export function planMembers(random: Random, size: number, sharersLikely: boolean): MemberPlan[] {
  const leadLanguage = pickWeighted(random, LANGUAGE_TABLE);
  const leadOrigin = originFor(random, leadLanguage);
  const leadForm = formOf(random);
  const leadAge = Math.max(18, randomAge(random));
  const family = newFamily(random, leadOrigin);
  const lead: MemberPlan = {
    role: 'lead',
    form: leadForm,
    age: leadAge,
    origin: leadOrigin,
    language: leadLanguage,
    familyName: surnameFor(family.surname, leadOrigin, leadForm),
  };
  const plans: MemberPlan[] = [lead];
  let partnerFamily: Family | undefined;
  // Grown-up children of a family that speaks another language often prefer English.
  const familyLanguage = (): Language => (leadLanguage.code !== 'en' && random.chance(0.45) ? ENGLISH : leadLanguage);

  for (let k = 1; k < size; k += 1) {
    if (k === 1 && random.chance(sharersLikely ? 0.45 : 0.7)) {
      const form: NameForm = random.chance(0.92) ? (leadForm === 'female' ? 'male' : 'female') : leadForm;
      const sameHeritage = random.chance(0.85);
      const origin = sameHeritage ? leadOrigin : pickWeighted(random, ENGLISH_SPEAKER_ORIGINS);
      partnerFamily = sameHeritage && random.chance(0.55) ? family : newFamily(random, origin);
      plans.push({
        role: 'partner',
        form,
        age: Math.max(18, clampAge(leadAge + random.int(-7, 7))),
        origin,
        language: sameHeritage && random.chance(0.9) ? leadLanguage : ENGLISH,
        familyName: surnameFor(partnerFamily.surname, partnerFamily.origin, form),
      });
      continue;
    }
    const childAge = leadAge - random.int(20, 38);
    const parentAge = leadAge + random.int(20, 32);
    if (childAge >= 16 && random.chance(0.8)) {
      const form = formOf(random);
      const own = surnameFor(family.surname, family.origin, form);
      const mixed = partnerFamily && partnerFamily !== family && random.chance(0.4);
      plans.push({
        role: 'child',
        form,
        age: childAge,
        origin: leadOrigin,
        language: familyLanguage(),
        familyName: mixed && partnerFamily ? doubleBarrelled(own, surnameFor(partnerFamily.surname, partnerFamily.origin, form)) : own,
      });
    } else if (parentAge <= 100 && random.chance(0.3)) {
      const form = formOf(random);
      plans.push({ role: 'parent', form, age: parentAge, origin: leadOrigin, language: leadLanguage, familyName: surnameFor(family.surname, family.origin, form) });
    } else {
      plans.push(sharer(random));
    }
  }
  return plans;
}
