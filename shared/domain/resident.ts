import type { WasteCollection } from './account';
import type { IsoDate } from './dates';

/**
 * A postal address as the council writes it on a letter. `line1` is what a DPA check asks
 * for ("first line of your address"), so it always holds the flat or house number.
 */
export interface PostalAddress {
  /** 'Flat 12, Bradenham Court' or '27 Ashcombe Grove'. */
  line1: string;
  /** The estate when line1 names a block in one: 'Kingsbridge Estate'. */
  line2?: string;
  town: string;
  /** Full postcode with its space: 'SE17 2DW'. */
  postcode: string;
  /** The street or estate the bin round is planned by. */
  streetName: string;
}

/**
 * How the household holds its home. Council tenants and people in temporary accommodation
 * pay rent to the council, so only they have a rent account.
 */
export type Tenure =
  | 'council-tenant'
  | 'temporary-accommodation'
  | 'leaseholder'
  | 'owner-occupier'
  | 'private-renter';

export const TENURES: readonly Tenure[] = [
  'council-tenant',
  'temporary-accommodation',
  'leaseholder',
  'owner-occupier',
  'private-renter',
];

/** People aged 16 and over registered at one address. */
export interface Household {
  id: string;
  address: PostalAddress;
  tenure: Tenure;
  /** The person the council writes to first: the liable person or the tenant. */
  leadResidentId: string;
  residentIds: string[];
  wasteCollection: WasteCollection;
}

export interface PhoneNumber {
  kind: 'mobile' | 'landline';
  /** Written as a UK caller would say it: '07700 900123', '020 7946 0123'. */
  number: string;
}

export interface ContactDetails {
  phones: PhoneNumber[];
  email?: string;
}

/** 'sms' is separate from 'phone' because texting needs its own consent. */
export type PreferredChannel = 'phone' | 'sms' | 'email' | 'letter';

/**
 * What the resident agreed to. Kept apart from the details themselves because holding a
 * mobile number is not consent to text it.
 */
export interface ContactPreferences {
  preferredChannel: PreferredChannel;
  smsConsent: boolean;
  emailConsent: boolean;
  /** When the resident last told us, so stale consent can be re-confirmed. */
  recordedOn: IsoDate;
}

export interface LanguageNeeds {
  /** BCP-47 code: 'en', 'es', 'syl' (Sylheti is not Bengali), 'bfi' (British Sign Language). */
  preferred: string;
  /** Book the interpreter line (or a BSL interpreter) before the conversation starts. */
  interpreterNeeded: boolean;
}

/** Reasonable adjustments the resident has asked for (Equality Act 2010). */
export type AccessibilityNeed =
  | 'large-print'
  | 'braille'
  | 'easy-read'
  | 'audio-format'
  | 'bsl-interpreter'
  | 'hearing-loop'
  | 'text-relay'
  | 'step-free-access'
  | 'extra-time'
  | 'home-visit';

export const ACCESSIBILITY_NEEDS: readonly AccessibilityNeed[] = [
  'large-print',
  'braille',
  'easy-read',
  'audio-format',
  'bsl-interpreter',
  'hearing-loop',
  'text-relay',
  'step-free-access',
  'extra-time',
  'home-visit',
];

/** The resident's online account; agents offer it to those who could self-serve next time. */
export type MySouthwarkStatus = 'none' | 'pending-verification' | 'active' | 'locked';

export interface MySouthwarkAccount {
  status: MySouthwarkStatus;
  /** Absent when status is 'none'. */
  registeredOn?: IsoDate;
}

export type Title = 'Mr' | 'Mrs' | 'Ms' | 'Miss' | 'Mx' | 'Dr';

export interface Resident {
  id: string;
  householdId: string;
  title?: Title;
  givenName: string;
  /** As the resident writes it: 'García López', 'Smith-Okafor', 'Ní Bhriain', 'de Souza'. */
  familyName: string;
  /** Only when the resident has told us: 'she/her', 'he/him', 'they/them'. */
  pronouns?: string;
  dateOfBirth: IsoDate;
  contact: ContactDetails;
  preferences: ContactPreferences;
  language: LanguageNeeds;
  accessibilityNeeds: AccessibilityNeed[];
  mySouthwark: MySouthwarkAccount;
}
