import type { TableNames } from '../back-office/dataverse/names';

/**
 * What CivicDesk needs in Dataverse, in one place: every table, and every text column it
 * writes with the longest value it writes (the column must hold at least that many
 * characters). Names are written with the default publisher prefix `cd_`; the check swaps in
 * the council's own. docs/dataverse-tables.md says the same in words, and
 * tests/unit/tenant-readiness/requirements-match-docs.test.ts fails if the two differ.
 * (`activitypointer`, the view over every activity table, is not listed: Dataverse has it
 * wherever it has any activity table.)
 */
export const DATAVERSE_REQUIREMENTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  contact: { cd_pronouns: 50, cd_preferredlanguage: 20, cd_counciltaxreference: 10, cd_rentreference: 9, cd_relationshiptolead: 50 },
  cd_household: {},
  cd_counciltaxaccount: {},
  cd_rentaccount: {},
  cd_parkingpermit: {},
  incident: { cd_reference: 20, cd_location: 500, cd_postcode: 10, cd_servicestandard: 64, cd_capturedby: 64 },
  annotation: {},
  // On an attempt to call a resident back with no answer: the call back it was for.
  phonecall: { ...contactColumns(), phonenumber: 40, cd_callbackof: 36 },
  cd_facetoface: contactColumns(),
  // An email from the contact mailbox, answered: a contact like a call, naming its message in the mailbox (docs/dataverse-tables.md).
  email: { ...contactColumns(), cd_graphmessageid: 200 },
  letter: {},
  appointment: {},
  cd_webform: {},
  cd_webchat: {},
  cd_repeatcontact: { cd_name: 100, cd_channel: 12, cd_capturedby: 64, cd_team: 64, cd_queue: 100 },
  cd_qualityreview: { cd_name: 100, cd_staffid: 64, cd_team: 64, cd_queue: 100, cd_reviewedby: 64, cd_reviewername: 256, cd_answers: 8500, cd_comments: 2000 },
  cd_residentflag: {},
  cd_staffsafetymarker: {},
  cd_residentaccess: { cd_name: 100, cd_overridereason: 500 },
  cd_residentmessage: { subject: 200, description: 2000, cd_channel: 5, cd_purpose: 40, cd_templateid: 36, cd_notificationid: 36, cd_sentto: 320, cd_recipientsource: 6, cd_capturedby: 64, cd_interactionid: 36 },
  cd_agentstate: { cd_name: 100, cd_staffid: 64, cd_team: 64 },
  systemuser: {},
};

/**
 * Columns CivicDesk reads and writes that are not text, by the AttributeType Dataverse reports
 * for them (EntityDefinitions(…)/Attributes): a table missing one, or with one of another type,
 * fails its check. docs/dataverse-tables.md lists them with their types. Only those a council
 * must add, or that CivicDesk's call backs depend on, are listed here.
 */
export const DATAVERSE_TYPED_COLUMNS: Readonly<Record<string, Readonly<Record<string, ColumnType>>>> = {
  // Call backs (docs/dataverse-tables.md, "`phonecall` as a call back"): Dataverse's own schedule, and the council's two columns.
  phonecall: { scheduledstart: 'DateTime', scheduledend: 'DateTime', cd_callbackfor: 'Picklist', cd_callbackattempts: 'Integer' },
};

export type ColumnType = 'DateTime' | 'Picklist' | 'Integer';

/** How Power Apps names each type when a column is made. */
export const COLUMN_TYPE_WORDS: Readonly<Record<ColumnType, string>> = { DateTime: 'Date and time', Picklist: 'Choice', Integer: 'Whole number' };

/** The columns a call (`phonecall`) and a visit (`cd_facetoface`) both carry. */
function contactColumns(): Record<string, number> {
  return {
    subject: 200,
    description: 2000,
    cd_capturedby: 64,
    cd_team: 64,
    cd_queue: 100,
    cd_outcomesummary: 2000,
    cd_disposition: 64,
    cd_casereferences: 440,
    cd_interpreterlanguage: 20,
    cd_interpretersupplier: 40,
    cd_interpreterid: 60,
    cd_incompletereason: 500,
  };
}

/** A requirement's name under the council's publisher prefix: `cd_household` → `lbs_household`. */
export function underPrefix(name: string, names: TableNames): string {
  return name.startsWith('cd_') ? names.custom(name.slice('cd_'.length)) : name;
}
