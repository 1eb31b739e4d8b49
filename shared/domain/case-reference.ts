import type { IsoDate } from './dates';

/** Crockford's base 32: no I, L, O or U, so a reference read out over the phone is not misheard. */
const LETTERS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The reference a resident is given the moment a case is raised, online or offline:
 * 'CD-261204-7K3M9Q'. It is made on this computer from the case's own id (random) and the day
 * it came in, so the same case always has the same reference, and it is written to Dataverse
 * with the case (cd_reference), which keeps it. Six letters a day: about a billion each day,
 * so two cases the same day sharing one is vanishingly unlikely.
 */
export function caseReference(caseId: string, receivedOn: IsoDate): string {
  const hex = caseId.replace(/-/g, '');
  // The first 32 bits of a version 4 id are random: 30 of them make six letters.
  let bits = Number.parseInt(hex.slice(0, 8), 16) >>> 2;
  let letters = '';
  for (let index = 0; index < 6; index += 1) {
    letters = (LETTERS[bits & 31] ?? '0') + letters;
    bits >>>= 5;
  }
  return `CD-${receivedOn.slice(2, 4)}${receivedOn.slice(5, 7)}${receivedOn.slice(8, 10)}-${letters}`;
}

