import { seededGuid } from '../graph/seed';
import { INTEGRATION_APP_ID } from './security-roles';
import { ACCESSIBILITY_NEED, MY_SOUTHWARK_STATUS, PREFERRED_CHANNEL, TENURE, WASTE_STREAM, WEEKDAY } from '../../back-office/dataverse/choices';
import type { TableNames } from '../../back-office/dataverse/names';
import type { TrainingDataset } from '../generator';
import { rowIdFor } from './row-ids';

export type StandInRow = Record<string, unknown>;

/** Dataverse writes instants to the second, in UTC with a Z. */
export function dataverseDateTime(iso: string): string {
  // The training data's instants are already full ISO in UTC: only the milliseconds go.
  if (iso.length === 24 && iso.endsWith('Z')) return `${iso.slice(0, 19)}Z`;
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Multi-select choices travel as one comma-separated string of values, or null. */
export function multiSelect<T extends string>(codes: readonly T[], value: (code: T) => number): string | null {
  return codes.length === 0 ? null : codes.map(value).join(',');
}

/**
 * Residents as contact rows. The directory's extra columns (the household's account
 * references, whether any vulnerability flag is held) are kept on the contact in the real
 * solution too, so that change tracking on contact alone keeps the directory current.
 */
export function contactRows(dataset: TrainingDataset, n: TableNames): StandInRow[] {
  const households = new Map(dataset.households.map((each) => [each.id, each]));
  const councilTax = new Map(dataset.councilTaxAccounts.map((each) => [each.householdId, each.reference]));
  const rent = new Map(dataset.rentAccounts.map((each) => [each.householdId, each.reference]));
  const vulnerable = new Set(dataset.flags.filter((flag) => flag.kind === 'vulnerability').map((flag) => flag.residentId));
  const markers = new Map<string, number>();
  for (const flag of dataset.flags) if (flag.kind === 'staff-safety') markers.set(flag.residentId, (markers.get(flag.residentId) ?? 0) + 1);
  const createdon = dataverseDateTime(dataset.generatedAt);
  const residents = dataset.residents.map((resident) => {
    const household = households.get(resident.householdId);
    const c = n.custom;
    return {
      contactid: rowIdFor(resident.id),
      salutation: resident.title ?? null,
      firstname: resident.givenName,
      lastname: resident.familyName,
      fullname: `${resident.givenName} ${resident.familyName}`,
      birthdate: resident.dateOfBirth,
      mobilephone: resident.contact.phones.find((phone) => phone.kind === 'mobile')?.number ?? null,
      telephone1: resident.contact.phones.find((phone) => phone.kind === 'landline')?.number ?? null,
      emailaddress1: resident.contact.email ?? null,
      address1_line1: household?.address.line1 ?? null,
      address1_postalcode: household?.address.postcode ?? null,
      preferredcontactmethodcode: PREFERRED_CHANNEL.value(resident.preferences.preferredChannel),
      donotsms: !resident.preferences.smsConsent,
      donotemail: !resident.preferences.emailConsent,
      createdon,
      statecode: 0,
      [n.lookup('householdid')]: rowIdFor(resident.householdId),
      [c('preferencesrecordedon')]: resident.preferences.recordedOn,
      [c('pronouns')]: resident.pronouns ?? null,
      [c('preferredlanguage')]: resident.language.preferred,
      [c('interpreterneeded')]: resident.language.interpreterNeeded,
      [c('accessibilityneeds')]: multiSelect(resident.accessibilityNeeds, ACCESSIBILITY_NEED.value),
      [c('mysouthwarkstatus')]: MY_SOUTHWARK_STATUS.value(resident.mySouthwark.status),
      [c('mysouthwarkregisteredon')]: resident.mySouthwark.registeredOn ?? null,
      [c('counciltaxreference')]: councilTax.get(resident.householdId) ?? null,
      [c('rentreference')]: rent.get(resident.householdId) ?? null,
      [c('staffsafetymarkercount')]: markers.get(resident.id) ?? 0,
      [c('hasvulnerabilityflag')]: vulnerable.has(resident.id),
      [c('relationshiptolead')]: null,
    };
  });
  return [...residents, { contactid: TRAINING_ANONYMOUS_CONTACT_ID, lastname: 'Anonymous reporter (council record)', fullname: 'Anonymous reporter (council record)', createdon, statecode: 0 }];
}

/**
 * The training council's anonymous contact (the setting anonymousContactId in live mode): the
 * customer of every anonymous case, because Dataverse makes no case without one. Not a
 * resident: the directory leaves it out by this id (back-office/dataverse/directory.ts). The id
 * sorts after every resident's (row-ids.ts), so pages of contacts begin with residents as before.
 */
export const TRAINING_ANONYMOUS_CONTACT_ID = 'fa000000-0000-4000-8000-00000000a017';

export function householdRows(dataset: TrainingDataset, n: TableNames): StandInRow[] {
  const c = n.custom;
  const createdon = dataverseDateTime(dataset.generatedAt);
  return dataset.households.map((household) => ({
    [c('householdid')]: rowIdFor(household.id),
    [c('name')]: `${household.address.line1}, ${household.address.postcode}`,
    [c('addressline1')]: household.address.line1,
    [c('addressline2')]: household.address.line2 ?? null,
    [c('town')]: household.address.town,
    [c('postcode')]: household.address.postcode,
    [c('streetname')]: household.address.streetName,
    [c('tenure')]: TENURE.value(household.tenure),
    [n.lookup('leadresidentid')]: rowIdFor(household.leadResidentId),
    [c('collectionday')]: WEEKDAY.value(household.wasteCollection.day),
    [c('wastestreams')]: multiSelect(household.wasteCollection.streams, WASTE_STREAM.value),
    statecode: 0,
    createdon,
  }));
}

export function systemUserRows(dataset: TrainingDataset): StandInRow[] {
  const createdon = dataverseDateTime(dataset.generatedAt);
  // The application user: Dataverse links it to its app registration by applicationid, and gives it no Entra user.
  const serviceAccount = { systemuserid: TRAINING_SERVICE_ACCOUNT, fullname: 'CivicDesk training service account', internalemailaddress: 'civicdesk.training@example.org', applicationid: INTEGRATION_APP_ID, createdon };
  return [
    ...dataset.staff.map((staff) => ({ systemuserid: rowIdFor(staff.id), fullname: staff.displayName, internalemailaddress: staff.email, azureactivedirectoryobjectid: staffObjectId(dataset, staff.id), createdon })),
    serviceAccount,
  ];
}

/** A training officer's Entra object id, the same the training Microsoft 365 gives them (graph/seed.ts): what links their token's oid to their systemuser. */
export const staffObjectId = (dataset: TrainingDataset, staffId: string): string => seededGuid(dataset.seed, 'staff', staffId);

/** Owns what is made here by no training officer (a test's case, say), as an application user would. */
export const TRAINING_SERVICE_ACCOUNT = '00000000-0000-4000-8000-00000000c1d0';
