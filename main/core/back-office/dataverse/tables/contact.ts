import type { IsoDate } from '../../../../../shared/domain/dates';
import type { DirectoryEntry } from '../../../../../shared/domain/directory';
import type { PhoneNumber, Resident, Title } from '../../../../../shared/domain/resident';
import type { HouseholdMember } from '../../../../../shared/domain/resident-360';
import { ACCESSIBILITY_NEED, MY_SOUTHWARK_STATUS, PREFERRED_CHANNEL } from '../choices';
import type { TableNames } from '../names';
import { bool, choice, choices, date, lookup, requiredDate, requiredText, text, type Row } from '../row';

/** Residents are Dataverse contacts, with the council's columns added. */
export const CONTACTS = 'contacts';

/** Just enough to find a resident; also what change tracking follows for the directory. */
export function directoryColumns(n: TableNames): string[] {
  return [
    'contactid',
    n.lookup('householdid'),
    'firstname',
    'lastname',
    'birthdate',
    'address1_line1',
    'address1_postalcode',
    'mobilephone',
    'telephone1',
    'emailaddress1',
    n.custom('counciltaxreference'),
    n.custom('rentreference'),
    n.custom('hasvulnerabilityflag'),
  ];
}

export function residentColumns(n: TableNames): string[] {
  return [
    'contactid',
    n.lookup('householdid'),
    'salutation',
    'firstname',
    'lastname',
    'birthdate',
    'mobilephone',
    'telephone1',
    'emailaddress1',
    'preferredcontactmethodcode',
    'donotsms',
    'donotemail',
    'createdon',
    n.custom('preferencesrecordedon'),
    n.custom('pronouns'),
    n.custom('preferredlanguage'),
    n.custom('interpreterneeded'),
    n.custom('accessibilityneeds'),
    n.custom('mysouthwarkstatus'),
    n.custom('mysouthwarkregisteredon'),
  ];
}

export function householdMemberColumns(n: TableNames): string[] {
  return ['contactid', 'fullname', 'firstname', 'lastname', 'birthdate', n.custom('relationshiptolead')];
}

const TITLES: readonly Title[] = ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr'];

function phonesOf(row: Row): PhoneNumber[] {
  const phones: PhoneNumber[] = [];
  const mobile = text(row, 'mobilephone');
  const landline = text(row, 'telephone1');
  if (mobile) phones.push({ kind: 'mobile', number: mobile });
  if (landline) phones.push({ kind: 'landline', number: landline });
  return phones;
}

export function toResident(row: Row, n: TableNames): Resident {
  const email = text(row, 'emailaddress1');
  const registeredOn = date(row, n.custom('mysouthwarkregisteredon'));
  const resident: Resident = {
    id: requiredText(row, 'contactid').toLowerCase(),
    householdId: lookup(row, n.lookup('householdid')) ?? '',
    givenName: text(row, 'firstname') ?? '',
    familyName: requiredText(row, 'lastname'),
    dateOfBirth: requiredDate(row, 'birthdate'),
    contact: email ? { phones: phonesOf(row), email } : { phones: phonesOf(row) },
    preferences: {
      preferredChannel: choice(row, 'preferredcontactmethodcode', PREFERRED_CHANNEL) ?? 'letter',
      smsConsent: !bool(row, 'donotsms'),
      emailConsent: !bool(row, 'donotemail'),
      // With no date recorded, the record's own creation is the latest the resident can have told us.
      recordedOn: date(row, n.custom('preferencesrecordedon')) ?? requiredDate(row, 'createdon'),
    },
    language: { preferred: text(row, n.custom('preferredlanguage')) ?? 'en', interpreterNeeded: bool(row, n.custom('interpreterneeded')) },
    accessibilityNeeds: choices(row, n.custom('accessibilityneeds'), ACCESSIBILITY_NEED),
    mySouthwark: registeredOn
      ? { status: choice(row, n.custom('mysouthwarkstatus'), MY_SOUTHWARK_STATUS) ?? 'none', registeredOn }
      : { status: choice(row, n.custom('mysouthwarkstatus'), MY_SOUTHWARK_STATUS) ?? 'none' },
  };
  const title = text(row, 'salutation')?.replace(/\.$/, '');
  if (title && (TITLES as readonly string[]).includes(title)) resident.title = title as Title;
  const pronouns = text(row, n.custom('pronouns'));
  if (pronouns) resident.pronouns = pronouns;
  return resident;
}

export function toDirectoryEntry(row: Row, n: TableNames): DirectoryEntry {
  return {
    residentId: requiredText(row, 'contactid').toLowerCase(),
    householdId: lookup(row, n.lookup('householdid')) ?? '',
    givenName: text(row, 'firstname') ?? '',
    familyName: text(row, 'lastname') ?? '',
    dateOfBirth: date(row, 'birthdate') ?? '',
    addressLine: text(row, 'address1_line1') ?? '',
    postcode: text(row, 'address1_postalcode') ?? '',
    phones: phonesOf(row).map((phone) => phone.number),
    email: text(row, 'emailaddress1'),
    councilTaxReference: text(row, n.custom('counciltaxreference')),
    rentReference: text(row, n.custom('rentreference')),
    vulnerable: bool(row, n.custom('hasvulnerabilityflag')),
  };
}

export function toHouseholdMember(row: Row, n: TableNames, today: IsoDate): HouseholdMember {
  const name = text(row, 'fullname') ?? [text(row, 'firstname'), text(row, 'lastname')].filter(Boolean).join(' ');
  const member: HouseholdMember = { residentId: requiredText(row, 'contactid').toLowerCase(), name, age: ageOn(requiredDate(row, 'birthdate'), today) };
  const relationship = text(row, n.custom('relationshiptolead'));
  if (relationship) member.relationship = relationship;
  return member;
}

/** Whole years, counting a 29 February birthday from 1 March in other years. */
export function ageOn(dateOfBirth: IsoDate, today: IsoDate): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) >= dateOfBirth.slice(5) ? years : years - 1;
}
