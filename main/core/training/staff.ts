import type { StaffRole, StaffUser } from '../../../shared/domain/staff';
import type { StaffPools } from './activity';
import { familySurname, givenName, mailboxPart, surnameFor, type NameForm } from './names';
import { createRandom, deriveSeed, pickWeighted } from './random';
import { ENGLISH_SPEAKER_ORIGINS } from './word-lists';

/**
 * Colleagues for training: four contact-centre teams of seven agents and a team leader,
 * and the two appointment-only service points. Emails use example.org so a training
 * session can never message a real mailbox.
 */
const CONTACT_CENTRE_TEAMS = ['Contact Centre – Blue', 'Contact Centre – Green', 'Contact Centre – Amber', 'Contact Centre – Purple'];
const SERVICE_POINTS = ['Service Point – Walworth', 'Service Point – Peckham'];
const AGENTS_PER_TEAM = 7;
const OFFICERS_PER_SERVICE_POINT = 4;

interface Seat {
  role: StaffRole;
  team: string;
}

function seats(): Seat[] {
  const list: Seat[] = [];
  for (const team of CONTACT_CENTRE_TEAMS) {
    list.push({ role: 'team-leader', team });
    for (let i = 0; i < AGENTS_PER_TEAM; i += 1) list.push({ role: 'agent', team });
  }
  for (const team of SERVICE_POINTS) {
    for (let i = 0; i < OFFICERS_PER_SERVICE_POINT; i += 1) list.push({ role: 'service-point-officer', team });
  }
  return list;
}

export function trainingStaff(seed: number): StaffUser[] {
  const random = createRandom(deriveSeed(seed, 'staff'));
  const usedEmails = new Set<string>();
  return seats().map((seat, index) => {
    const origin = pickWeighted(random, ENGLISH_SPEAKER_ORIGINS);
    const form: NameForm = random.chance(0.55) ? 'female' : 'male';
    const given = givenName(random, origin, form);
    const family = surnameFor(familySurname(random, origin), origin, form);
    const local = `${mailboxPart(given)}.${mailboxPart(family)}`;
    let email = `${local}@example.org`;
    for (let n = 2; usedEmails.has(email); n += 1) email = `${local}${n}@example.org`;
    usedEmails.add(email);
    return {
      id: `stf-${String(index + 1).padStart(3, '0')}`,
      displayName: `${given} ${family}`,
      email,
      role: seat.role,
      team: seat.team,
    };
  });
}

export function staffPools(staff: readonly StaffUser[]): StaffPools {
  return {
    agents: staff.filter((s) => s.role === 'agent'),
    servicePointOfficers: staff.filter((s) => s.role === 'service-point-officer'),
    teamLeaders: staff.filter((s) => s.role === 'team-leader'),
  };
}
