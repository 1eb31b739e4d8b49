import type { TableNames } from '../back-office/dataverse/names';
import { failed, passed, type ReadinessCheck } from './check';
import { errorText, type ServiceAnswer } from './tenant';

type Get = (path: string) => Promise<ServiceAnswer>;

export const ANONYMOUS_CONTACT_CHECK = 'dataverse-anonymous-contact';
export const ANONYMOUS_CONTACT_TITLE = 'The contact anonymous reports are filed under (anonymousContactId)';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAKE_ONE = 'Make a contact just for anonymous reports, with no household or accounts, such as "Anonymous reporter (council record)" (Power Apps → Contacts → New), then put its id (id=… in the address bar) in anonymousContactId in civicdesk.config.json.';

/**
 * Dataverse makes no case without a customer, so every anonymous case names the contact in
 * anonymousContactId. It must exist and the officer must be able to read it, or Dataverse
 * refuses each anonymous case. It must also not be a resident's own record: anonymous reports
 * would then be filed under that person, and resident search (which leaves this contact out)
 * would stop offering them. A resident's record is told by what CivicDesk reads for residents:
 * a household, or a council tax or rent reference. Only those are read, never a name: if the
 * setting named a resident by mistake, this check (which is not a resident's view, so is not
 * audited) reads no more of them than it needs to say so.
 */
export async function anonymousContactCheck(get: Get, names: TableNames, contactId: string): Promise<ReadinessCheck> {
  if (!GUID.test(contactId)) return failed(ANONYMOUS_CONTACT_CHECK, ANONYMOUS_CONTACT_TITLE, `anonymousContactId (${contactId || 'empty'}) is not a contact's id (a GUID).`, MAKE_ONE);
  const household = names.lookup('householdid');
  const references = [names.custom('counciltaxreference'), names.custom('rentreference')];
  const answer = await get(`contacts(${contactId})?$select=contactid,${household},${references.join(',')}`);
  if (answer.status === 404) return failed(ANONYMOUS_CONTACT_CHECK, ANONYMOUS_CONTACT_TITLE, `The contact anonymousContactId names (${contactId}) does not exist in Dataverse.`, MAKE_ONE);
  if (answer.status === 403) {
    return failed(
      ANONYMOUS_CONTACT_CHECK,
      ANONYMOUS_CONTACT_TITLE,
      `The officer may not read the contact anonymousContactId names (${contactId}): ${errorText(answer.body)}.`,
      'Give the officer\'s security role the privilege prvReadcontact (Read on Contact) at a level that reaches this contact, such as Organization, then run the check again.',
    );
  }
  if (answer.status !== 200) return failed(ANONYMOUS_CONTACT_CHECK, ANONYMOUS_CONTACT_TITLE, `Dataverse answered ${answer.status} for the contact ${contactId}: ${errorText(answer.body)}.`, 'Check this computer reaches Dataverse and run the check again.');
  const row = (answer.body ?? {}) as Record<string, unknown>;
  const marks = [row[household] ? 'is linked to a household' : '', ...references.map((column) => (row[column] ? `has a ${column === references[0] ? 'council tax' : 'rent'} reference` : ''))].filter(Boolean);
  if (marks.length > 0) {
    return failed(
      ANONYMOUS_CONTACT_CHECK,
      ANONYMOUS_CONTACT_TITLE,
      `The contact anonymousContactId names (${contactId}) looks like a resident's own record: it ${marks.join(' and ')}. Anonymous reports would be filed under this person, and resident search would no longer offer them.`,
      MAKE_ONE,
    );
  }
  return passed(ANONYMOUS_CONTACT_CHECK, ANONYMOUS_CONTACT_TITLE, `The contact ${contactId} exists, the officer can read it, and it has no household or accounts, so it is not a resident's record.`);
}
