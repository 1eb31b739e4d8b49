import type { ResidentFacts } from '../../shared/call-scripts/conditions';
import type { ResidentView } from '../../shared/contract/residents';
import { ageOn } from '../residents/age';

/**
 * What a script may know about the resident the contact is about: nothing until their
 * identity check has passed (the record is not on this computer before it), then the facts
 * its rules and words use. The language is given by name, as scripts say it to the resident.
 */
export function residentFacts(view: ResidentView | null, today: string, languageName: (code: string) => string): ResidentFacts {
  const record = view?.record;
  if (!record) return null;
  const { resident, household, flags } = record;
  return {
    vulnerable: flags.some((flag) => flag.kind === 'vulnerability'),
    hasTenancy: household !== null && (household.tenure === 'council-tenant' || household.tenure === 'temporary-accommodation'),
    preferredLanguage: languageName(resident.language.preferred),
    needsInterpreter: resident.language.interpreterNeeded,
    age: ageOn(resident.dateOfBirth, today),
    hasMySouthwark: resident.mySouthwark.status === 'active',
    firstName: resident.givenName,
    fullName: `${resident.givenName} ${resident.familyName}`,
  };
}
