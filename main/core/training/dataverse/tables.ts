import * as choices from '../../back-office/dataverse/choices';
import type { TableNames } from '../../back-office/dataverse/names';
import { bool, date, datetime, guid, int, labelled, memo, money, requiredAs, standard, states, text, to, type Column, type TableDefinition } from './schema';
import { rowIdFor } from './row-ids';
import { TRAINING_SERVICE_ACCOUNT, type StandInRow } from './rows-people';

/**
 * The tables as docs/dataverse-tables.md describes them, under the given publisher prefix.
 * Lengths and required levels of Dataverse's own columns are Microsoft's, from its table
 * reference (MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/
 * annotation.md, phonecall.md, contact.md, systemuser.md; the case's from Dynamics 365's
 * "Case (Incident) table/entity reference"). The council's text columns are as long as
 * the docs say; one the docs give no length has Dataverse's default for a new column
 * (100 characters, 2,000 for multiple lines of text).
 */
export function tableDefinitions(n: TableNames): TableDefinition[] {
  const c = n.custom;
  // A council table's primary name column: business required, as Power Apps makes it.
  const primaryName = requiredAs('ApplicationRequired', text());
  const households = c('households');
  const incidentState = states(['Active', 'Resolved', 'Cancelled']);
  const activity = (logicalName: string, entitySet: string, extra: Record<string, Column>): TableDefinition => ({
    entitySet,
    logicalName,
    key: 'activityid',
    primaryName: 'subject',
    columns: {
      activityid: guid,
      // Business required on Dataverse's forms only: the Web API takes an activity without one.
      subject: requiredAs('ApplicationRequired', text(200)),
      description: memo(2000),
      actualstart: datetime,
      createdon: datetime,
      statecode: states(['Open', 'Completed', 'Canceled', 'Scheduled']),
      _regardingobjectid_value: to('contacts'),
      _ownerid_value: to('systemusers'),
      ...extra,
    },
  });
  const wrapUp = { [c('outcome')]: labelled(choices.CONTACT_OUTCOME), [n.lookup('caseid')]: to('incidents') };
  const directed = { ...wrapUp, directioncode: bool };
  // Every call and visit, written by CivicDesk as its own activity (docs/dataverse-tables.md, "Contacts").
  const interaction = {
    actualend: datetime,
    [c('disposition')]: text(64),
    [c('resolvedatfirstcontact')]: bool,
    [c('contactstate')]: labelled(choices.CONTACT_STATE),
    [c('capturedby')]: text(64),
    [c('queue')]: text(100),
    [c('service')]: labelled(choices.CASE_SERVICE),
    [c('offeredat')]: datetime,
    [c('waitseconds')]: int,
    [c('answeredwithintarget')]: bool,
    [c('handleseconds')]: int,
    [c('afterworkseconds')]: int,
    [c('outcomes')]: labelled(choices.CONTACT_OUTCOME_KIND, 'choices'),
    [c('outcomesummary')]: memo(2000),
    [c('couldbeonline')]: bool,
    [c('onlinerouteoffered')]: bool,
    [c('feedback')]: labelled(choices.FEEDBACK_RATING),
    [c('casereferences')]: text(440),
    [c('interpreterlanguage')]: text(20),
    [c('interpretersupplier')]: text(40),
    [c('interpreterid')]: text(60),
    [c('interpreterminutes')]: int,
    [c('incompletereason')]: text(500),
    // The London day it was answered, and the officer's team then: what the Team place groups by.
    [c('contactday')]: date,
    [c('team')]: text(64),
  };
  // A contact is regarding its resident, and names the case it raised.
  const contactBindings = (activityLogicalName: string) => ({ [`regardingobjectid_contact_${activityLogicalName}`]: '_regardingobjectid_value', [`${n.prefix}_CaseId`]: n.lookup('caseid') });
  // Dataverse makes the calling user an activity's owner: here, the officer who recorded it.
  const ownedByCaller = (values: StandInRow) => ({ _ownerid_value: values._ownerid_value ?? ownerOf(values[c('capturedby')]) });

  return [
    {
      entitySet: 'contacts',
      logicalName: 'contact',
      key: 'contactid',
      primaryName: 'fullname',
      tracked: true,
      // CivicDesk changes a resident's language with a PATCH (If-Match: *).
      creatable: true,
      columns: {
        contactid: guid,
        salutation: text(100),
        firstname: text(50),
        lastname: requiredAs('ApplicationRequired', text(50)),
        fullname: text(160),
        birthdate: date,
        ...{ mobilephone: text(50), telephone1: text(50), emailaddress1: text(100) },
        ...{ address1_line1: text(250), address1_postalcode: text(20) },
        preferredcontactmethodcode: labelled(choices.PREFERRED_CHANNEL),
        donotsms: bool,
        donotemail: bool,
        ...standard,
        [n.lookup('householdid')]: to(households),
        [c('preferencesrecordedon')]: date,
        [c('pronouns')]: text(50),
        [c('preferredlanguage')]: text(20),
        [c('interpreterneeded')]: bool,
        [c('accessibilityneeds')]: labelled(choices.ACCESSIBILITY_NEED, 'choices'),
        [c('mysouthwarkstatus')]: labelled(choices.MY_SOUTHWARK_STATUS),
        [c('mysouthwarkregisteredon')]: date,
        [c('counciltaxreference')]: text(10),
        [c('rentreference')]: text(9),
        [c('hasvulnerabilityflag')]: bool,
        // A rollup column (COUNT of the resident's active cd_staffsafetymarker rows): what an agent may know of them.
        [c('staffsafetymarkercount')]: int,
        [c('relationshiptolead')]: text(50),
      },
    },
    {
      entitySet: households,
      logicalName: c('household'),
      key: c('householdid'),
      primaryName: c('name'),
      columns: {
        [c('householdid')]: guid,
        [c('name')]: primaryName,
        [c('addressline1')]: text(),
        [c('addressline2')]: text(),
        [c('town')]: text(),
        [c('postcode')]: text(),
        [c('streetname')]: text(),
        [c('tenure')]: labelled(choices.TENURE),
        [n.lookup('leadresidentid')]: to('contacts'),
        [c('collectionday')]: labelled(choices.WEEKDAY),
        [c('wastestreams')]: labelled(choices.WASTE_STREAM, 'choices'),
        ...standard,
      },
    },
    {
      entitySet: c('counciltaxaccounts'),
      logicalName: c('counciltaxaccount'),
      key: c('counciltaxaccountid'),
      primaryName: c('reference'),
      columns: {
        [c('counciltaxaccountid')]: guid,
        [c('reference')]: primaryName,
        [n.lookup('householdid')]: to(households),
        [n.lookup('liableresidentid')]: to('contacts'),
        [c('band')]: labelled(choices.COUNCIL_TAX_BAND),
        [c('annualcharge')]: money,
        [c('balance')]: money,
        [c('discounts')]: labelled(choices.COUNCIL_TAX_DISCOUNT, 'choices'),
        [c('paymentmethod')]: labelled(choices.PAYMENT_METHOD),
        [c('ebilling')]: bool,
        [c('recoverystage')]: labelled(choices.RECOVERY_STAGE),
        ...standard,
      },
    },
    {
      entitySet: c('rentaccounts'),
      logicalName: c('rentaccount'),
      key: c('rentaccountid'),
      primaryName: c('reference'),
      columns: {
        [c('rentaccountid')]: guid,
        [c('reference')]: primaryName,
        [n.lookup('householdid')]: to(households),
        [n.lookup('tenantid')]: to('contacts'),
        [c('tenancytype')]: labelled(choices.TENANCY_TYPE),
        [c('tenancystartdate')]: date,
        [c('weeklyrent')]: money,
        [c('weeklyservicecharge')]: money,
        [c('balance')]: money,
        [c('paymentmethod')]: labelled(choices.PAYMENT_METHOD),
        ...standard,
      },
    },
    {
      entitySet: c('parkingpermits'),
      logicalName: c('parkingpermit'),
      key: c('parkingpermitid'),
      primaryName: c('reference'),
      columns: {
        [c('parkingpermitid')]: guid,
        [c('reference')]: primaryName,
        [n.lookup('residentid')]: to('contacts'),
        [n.lookup('householdid')]: to(households),
        [c('kind')]: labelled(choices.PERMIT_KIND),
        [c('zone')]: text(),
        [c('vehicleregistration')]: text(),
        [c('validfrom')]: date,
        [c('validuntil')]: date,
        ...standard,
      },
    },
    {
      entitySet: 'incidents',
      logicalName: 'incident',
      key: 'incidentid',
      primaryName: 'title',
      columns: {
        incidentid: guid,
        ticketnumber: text(100),
        [c('reference')]: text(20),
        title: requiredAs('ApplicationRequired', text(200)),
        statecode: incidentState,
        prioritycode: labelled(choices.CASE_PRIORITY),
        // The one column here Dataverse itself insists on: a case without a customer is refused, whatever the form says.
        _customerid_value: requiredAs('SystemRequired', to('contacts'), { code: '0x80040203', message: 'You should specify a parent contact or account.' }),
        _ownerid_value: to('systemusers'),
        _parentcaseid_value: to('incidents'),
        [n.lookup('householdid')]: to(households),
        [c('category')]: labelled(choices.CASE_CATEGORY),
        [c('service')]: labelled(choices.CASE_SERVICE),
        [c('receivedon')]: date,
        [c('dueon')]: date,
        [c('closedon')]: date,
        createdon: datetime,
        description: memo(2000),
        [c('location')]: text(500),
        [c('postcode')]: text(10),
        [c('contactpreference')]: labelled(choices.CONTACT_PREFERENCE),
        [c('servicestandard')]: text(64),
        [c('anonymous')]: bool,
        [c('capturedat')]: datetime,
        [c('capturedby')]: text(64),
      },
      creatable: true,
      bindings: { customerid_contact: '_customerid_value' },
      // Dataverse numbers the case and makes the calling user its owner: here, the officer who captured it.
      derive: (values) => ({ ticketnumber: values.ticketnumber ?? caseReference(), _ownerid_value: values._ownerid_value ?? ownerOf(values[c('capturedby')]) }),
    },
    {
      entitySet: 'annotations',
      logicalName: 'annotation',
      key: 'annotationid',
      primaryName: 'subject',
      creatable: true,
      // A case's attachments and answers; a resident's language-preference note; what did not fit
      // in a call's or visit's own columns (annotation.objectid takes activities too, custom ones included).
      bindings: { objectid_incident: '_objectid_value', objectid_contact: '_objectid_value', objectid_phonecall: '_objectid_value', objectid_email: '_objectid_value', [`objectid_${c('facetoface')}`]: '_objectid_value' },
      columns: {
        annotationid: guid,
        subject: requiredAs('ApplicationRequired', text(500)),
        notetext: memo(100000),
        filename: text(255),
        mimetype: text(256),
        // A String column with the TextArea format, not a Memo: a file up to about 750 MB as base64.
        documentbody: text(1073741823),
        filesize: int,
        isdocument: bool,
        _objectid_value: to('incidents', 'contacts', 'phonecalls', 'emails', c('facetofaces')),
        createdon: datetime,
      },
      derive: noteFileSize,
    },
    activity('activitypointer', 'activitypointers', { activitytypecode: text(64) }),
    // A phone call's status reasons: Open; Made or Received when completed; Canceled.
    {
      ...activity('phonecall', 'phonecalls', {
        ...directed,
        ...interaction,
        phonenumber: text(200),
        statuscode: int,
        // Dataverse's own schedule of an activity; a call back is a phone call scheduled ahead.
        scheduledstart: datetime,
        scheduledend: datetime,
        [c('callbackfor')]: labelled(choices.CALLBACK_FOR),
        [c('callbackattempts')]: int,
        // On an attempt with no answer: the call back it was for.
        [c('callbackof')]: text(36),
      }), creatable: true, bindings: contactBindings('phonecall'), derive: ownedByCaller, statuses: { 0: [1], 1: [2, 4], 2: [3] } },
    // Email statuses (Microsoft's email table reference): Open is Draft or Failed; Completed is
    // Completed, Sent, Received, Pending Send or Sending; Canceled. CivicDesk records an email
    // from the contact mailbox, once answered, as Received, naming its message in the mailbox.
    {
      ...activity('email', 'emails', { ...directed, ...interaction, statuscode: int, [c('graphmessageid')]: text(200) }),
      creatable: true,
      bindings: contactBindings('email'),
      derive: ownedByCaller,
      statuses: { 0: [1, 8], 1: [2, 3, 4, 6, 7], 2: [5] },
    },
    activity('letter', 'letters', directed),
    activity('appointment', 'appointments', wrapUp),
    { ...activity(c('facetoface'), c('facetofaces'), { ...wrapUp, ...interaction }), creatable: true, bindings: contactBindings(c('facetoface')), derive: ownedByCaller },
    activity(c('webform'), c('webforms'), wrapUp),
    activity(c('webchat'), c('webchats'), wrapUp),
    // Texts and emails sent to residents through GOV.UK Notify, recorded by CivicDesk (docs/dataverse-tables.md, `cd_residentmessage`).
    {
      ...activity(c('residentmessage'), c('residentmessages'), {
        directioncode: bool,
        [c('channel')]: text(5),
        [c('purpose')]: text(40),
        [c('templateid')]: text(36),
        [c('notificationid')]: text(36),
        [c('sentto')]: text(320),
        [c('recipientsource')]: text(6),
        [c('capturedby')]: text(64),
        [c('interactionid')]: text(36),
        [n.lookup('caseid')]: to('incidents'),
      }),
      creatable: true,
      bindings: contactBindings(c('residentmessage')),
      derive: ownedByCaller,
    },
    {
      entitySet: c('residentflags'),
      logicalName: c('residentflag'),
      key: c('residentflagid'),
      primaryName: c('name'),
      columns: {
        [c('residentflagid')]: guid,
        [c('name')]: primaryName,
        [n.lookup('residentid')]: to('contacts'),
        [c('kind')]: labelled(choices.FLAG_KIND),
        [c('type')]: labelled(choices.FLAG_TYPE),
        [c('note')]: text(),
        [c('raisedon')]: date,
        [c('reviewdate')]: date,
        [n.lookup('raisedbyid')]: to('systemusers'),
        ...standard,
      },
    },
    {
      // Staff-safety markers, in a table of their own so that Dataverse's security roles keep them
      // from agents (docs/dataverse-tables.md): only team leaders and service-point officers read it.
      entitySet: c('staffsafetymarkers'),
      logicalName: c('staffsafetymarker'),
      key: c('staffsafetymarkerid'),
      primaryName: c('name'),
      columns: {
        [c('staffsafetymarkerid')]: guid,
        [c('name')]: primaryName,
        [n.lookup('residentid')]: to('contacts'),
        [c('marker')]: labelled(choices.FLAG_TYPE),
        [c('note')]: text(),
        [c('raisedon')]: date,
        [c('reviewdate')]: date,
        [n.lookup('raisedbyid')]: to('systemusers'),
        ...standard,
      },
    },
    {
      entitySet: c('residentaccesses'),
      logicalName: c('residentaccess'),
      key: c('residentaccessid'),
      primaryName: c('name'),
      creatable: true,
      bindings: { [`${n.prefix}_ResidentId`]: n.lookup('residentid') },
      columns: {
        [c('residentaccessid')]: guid,
        [c('name')]: primaryName,
        [n.lookup('residentid')]: to('contacts'),
        [c('staffid')]: text(),
        [c('staffname')]: text(),
        [c('accessedat')]: datetime,
        [c('reason')]: labelled(choices.ACCESS_REASON),
        [c('identitycheck')]: labelled(choices.IDENTITY_CHECK),
        [c('overridereason')]: text(500),
        [c('fromcopy')]: bool,
        [c('copyreadat')]: datetime,
        ...standard,
      },
    },
    {
      // Each officer's state changes, for the team view; create-only, its id the workstation's (docs/dataverse-tables.md).
      entitySet: c('agentstates'),
      logicalName: c('agentstate'),
      key: c('agentstateid'),
      primaryName: c('name'),
      creatable: true,
      columns: {
        [c('agentstateid')]: guid,
        [c('name')]: primaryName,
        [c('staffid')]: text(64),
        [c('team')]: text(64),
        [c('state')]: labelled(choices.AGENT_STATE),
        [c('previousstate')]: labelled(choices.AGENT_STATE),
        [c('startedat')]: datetime,
        [c('stateday')]: date,
        [c('cause')]: labelled(choices.AGENT_STATE_CAUSE),
        ...standard,
      },
    },
    {
      // A contact the same resident made again about the same service within the true-resolution
      // window: one row per earlier contact, its id the contact's (docs/dataverse-tables.md).
      entitySet: c('repeatcontacts'),
      logicalName: c('repeatcontact'),
      key: c('repeatcontactid'),
      primaryName: c('name'),
      creatable: true,
      columns: {
        [c('repeatcontactid')]: guid,
        [c('name')]: primaryName,
        [c('channel')]: text(12),
        [c('contactday')]: date,
        [c('capturedby')]: text(64),
        [c('team')]: text(64),
        [c('queue')]: text(100),
        [c('service')]: labelled(choices.CASE_SERVICE),
        [c('resolvedatfirstcontact')]: bool,
        [c('contactedagainon')]: date,
        _ownerid_value: to('systemusers'),
        ...standard,
      },
    },
    {
      // A team leader's quality review of one contact (docs/dataverse-tables.md, "Quality reviews").
      entitySet: c('qualityreviews'),
      logicalName: c('qualityreview'),
      key: c('qualityreviewid'),
      primaryName: c('name'),
      creatable: true,
      bindings: { [`${n.prefix}_PhoneCallId`]: n.lookup('phonecallid'), [`${n.prefix}_FaceToFaceId`]: n.lookup('facetofaceid'), ownerid: '_ownerid_value' },
      columns: {
        [c('qualityreviewid')]: guid,
        [c('name')]: primaryName,
        [n.lookup('phonecallid')]: to('phonecalls'),
        [n.lookup('facetofaceid')]: to(c('facetofaces')),
        [c('staffid')]: text(64),
        [c('team')]: text(64),
        [c('queue')]: text(100),
        [c('contactday')]: date,
        [c('reviewedby')]: text(64),
        [c('reviewername')]: text(256),
        [c('reviewedat')]: datetime,
        [c('formversion')]: int,
        [c('score')]: int,
        [c('passed')]: bool,
        [c('criticalfail')]: bool,
        [c('answers')]: memo(8500),
        [c('comments')]: memo(2000),
        [c('acknowledgedat')]: datetime,
        _ownerid_value: to('systemusers'),
        ...standard,
      },
      // Dataverse makes the caller (the reviewer) the owner unless the row is given another:
      // CivicDesk gives it to the officer reviewed, so their own read shows it to them.
      derive: (values) => ({ _ownerid_value: values._ownerid_value ?? ownerOf(values[c('reviewedby')]) }),
    },
    {
      entitySet: 'systemusers',
      logicalName: 'systemuser',
      key: 'systemuserid',
      primaryName: 'fullname',
      columns: { systemuserid: guid, fullname: text(200), internalemailaddress: text(100), azureactivedirectoryobjectid: guid, applicationid: guid, createdon: datetime },
    },
  ];
}

/** The systemuser behind a training officer's staff id; the training service account for anything else. */
function ownerOf(staffId: unknown): string {
  return typeof staffId === 'string' && /^stf-\d+$/.test(staffId) ? rowIdFor(staffId) : TRAINING_SERVICE_ACCOUNT;
}

let casesMade = 0;

/** Dataverse numbers new cases itself ('CAS-01001-B7X2K9'); the stand-in does likewise. */
function caseReference(): string {
  casesMade += 1;
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let tail = '';
  for (let i = 0; i < 6; i += 1) tail += letters[Math.floor(Math.random() * letters.length)];
  return `CAS-${String(10000 + casesMade).padStart(5, '0')}-${tail}`;
}

/** Dataverse works out a note's file size from its document body; clients cannot set it. */
function noteFileSize(values: StandInRow): StandInRow {
  const body = typeof values.documentbody === 'string' ? values.documentbody : '';
  if (body === '') return { isdocument: values.isdocument ?? false, filesize: 0 };
  const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
  return { isdocument: true, filesize: Math.floor((body.length * 3) / 4) - padding };
}

/** A change to the schema: a test's, or a readiness check's broken environment (a table or column dropped, a length shortened). */
export type AlterTables = (definitions: TableDefinition[]) => TableDefinition[];

/**
 * The tables altered by `alter`, with the seed rows cut to fit them: a dropped table's rows go,
 * and a dropped column is left out of every row, as if the environment had never had it.
 */
export function alteredSchema(
  definitions: TableDefinition[],
  rows: ReadonlyMap<string, readonly StandInRow[]>,
  alter?: AlterTables,
): { definitions: TableDefinition[]; rows: ReadonlyMap<string, readonly StandInRow[]> } {
  if (!alter) return { definitions, rows };
  const altered = alter(definitions);
  const fitted = new Map<string, StandInRow[]>();
  for (const definition of altered) {
    const kept = rows.get(definition.entitySet);
    if (!kept) continue;
    fitted.set(definition.entitySet, kept.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => column in definition.columns))));
  }
  return { definitions: altered, rows: fitted };
}
