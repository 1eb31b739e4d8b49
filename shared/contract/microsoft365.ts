import { z } from 'zod';

/**
 * Microsoft 365 for smart working: the officer's own sign-in, Teams presence and chat,
 * escalation to a service's channel, and the service-point day from Microsoft Bookings.
 * Everything here is what the renderer may see: no access token, refresh token, id token or
 * code ever crosses the contract (tests/unit/microsoft365/no-secrets.test.ts).
 */

/** Where the sign-in is kept between runs of CivicDesk. */
export type SignInKept =
  /** Encrypted by the operating system's keychain (Electron safeStorage). */
  | 'keychain'
  /** In memory only: this computer offers no real keychain, so CivicDesk refuses to write it down. */
  | 'this-session-only';

export type AccountStatus =
  | { signedIn: false; signingIn: boolean; kept: SignInKept; keptReason: string | null; problem: string | null }
  | {
      signedIn: true;
      signingIn: false;
      kept: SignInKept;
      /** Why the sign-in is not kept, in plain words, when kept is 'this-session-only'. */
      keptReason: string | null;
      problem: null;
      /** The Entra object id: the `oid` claim, the id Graph knows the officer by. */
      userId: string;
      name: string;
      username: string;
    };

/** Teams availability values a person can choose (Graph's `setUserPreferredPresence`). */
export const CHOOSABLE_AVAILABILITY = ['Available', 'Busy', 'DoNotDisturb', 'BeRightBack', 'Away'] as const;
export type ChoosableAvailability = (typeof CHOOSABLE_AVAILABILITY)[number];

/** Every availability Graph reports; dots and words in the renderer cover each. */
export const AVAILABILITY = [...CHOOSABLE_AVAILABILITY, 'AvailableIdle', 'BusyIdle', 'Offline', 'PresenceUnknown'] as const;
export type Availability = (typeof AVAILABILITY)[number];

export interface Presence {
  userId: string;
  availability: Availability;
  /** Graph's activity, for example InACall, InAMeeting, Presenting, Away. */
  activity: string;
}

export interface MyPresence extends Presence {
  /** When the presence the officer chose runs out, if they chose one. */
  preferredUntil: string | null;
}

export interface Colleague {
  id: string;
  displayName: string;
  jobTitle: string | null;
  department: string | null;
  mail: string | null;
}

export interface ColleagueWithPresence extends Colleague {
  presence: Presence;
}

export interface Me {
  profile: Colleague;
  /** The officer's photo as a data: URL (a small JPEG), or null when they have none. */
  photo: string | null;
  presence: MyPresence;
}

/** A service's Teams team: its members are the experts to ask, its channel the place to escalate. */
export interface ServiceTeam {
  service: string;
  teamId: string;
  name: string;
  /** Whether escalation is set up for this service (a channel id is configured). */
  canEscalate: boolean;
}

export interface ChatReply {
  id: string;
  from: string;
  /** Plain text: the chat's HTML with tags taken out, never rendered as HTML. */
  text: string;
  sentAt: string;
  /** True for the message CivicDesk posted itself. */
  fromCivicDesk: boolean;
}

export type TeamsSendResult =
  | { status: 'sent'; chatId: string | null; sentAt: string; late: boolean }
  /** Microsoft 365 could not be reached or was busy: keep it in the outbox and try again. */
  | { status: 'retry'; reason: string }
  /** It cannot be sent as it is (no such colleague, channel not set up): say so, keep it. */
  | { status: 'failed'; reason: string };

export interface Appointment {
  id: string;
  /** The Bookings service, for example "Housing advice". */
  service: string;
  start: string;
  end: string;
  customerName: string;
  customerPhone: string | null;
  /** The resident's record in the back office, when the booking carries it. */
  residentId: string | null;
  staffNames: string[];
  /** A Teams meeting's join link, for video appointments. */
  joinUrl: string | null;
  checkedInAt: string | null;
  notes: string;
}

export interface CalendarEvent {
  id: string;
  subject: string;
  start: string;
  end: string;
  location: string | null;
  joinUrl: string | null;
}

export interface ServicePointDay {
  date: string;
  appointments: Appointment[];
  calendar: CalendarEvent[];
}

const graphId = z.string().min(1).max(200);
const caseText = (max: number) => z.string().max(max);

/**
 * What the renderer says about a case when asking about it. Main decides which of these go
 * into the message, by the council's summary policy (deployment file `teams.summaryIncludes`).
 */
export const caseForColleagues = z.strictObject({
  caseId: z.uuid(),
  reference: caseText(40).nullable(),
  /** The service's key, as cases and the deployment file name it: 'waste', 'housing-repairs'. */
  service: caseText(64).min(1),
  /** The service and the type of case as staff say them: 'Waste and recycling', 'Missed bin collection'. */
  serviceName: caseText(120).min(1),
  category: caseText(120),
  priority: z.enum(['emergency', 'urgent', 'routine']),
  dueOn: z.iso.date().nullable(),
  summary: caseText(200),
  description: caseText(10_000),
  /** The resident's reference in the back office (never their name or address). */
  residentReference: caseText(64).nullable(),
});
export type CaseForColleagues = z.output<typeof caseForColleagues>;

/** A message waiting in the outbox: its id is made when written, so a resend posts it once. */
const outboxMessage = {
  messageId: z.uuid(),
  writtenAt: z.iso.datetime(),
  case: caseForColleagues,
  /** What the officer asks or why they escalate, in their words. */
  note: z.string().trim().min(1, 'Say what you need to know.').max(2000),
};

export const askExpertInput = z.strictObject({ ...outboxMessage, colleagueIds: z.array(graphId).min(1, 'Choose at least one colleague.').max(10) });
export const escalateInput = z.strictObject({ ...outboxMessage, service: caseText(64).min(1) });

export const setPresenceInput = z.strictObject({
  availability: z.enum([...CHOOSABLE_AVAILABILITY, 'Automatic']),
  /** How long the choice lasts; Automatic ignores it. */
  forMinutes: z.number().int().min(5).max(7 * 24 * 60),
});

export const bookFollowUpInput = z.strictObject({
  fromAppointmentId: graphId,
  start: z.iso.datetime(),
  minutes: z.number().int().min(10).max(240),
  video: z.boolean(),
  notes: z.string().max(1000),
});
