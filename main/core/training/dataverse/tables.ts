import * as choices from '../../back-office/dataverse/choices';
import type { TableNames } from '../../back-office/dataverse/names';
import { bool, date, datetime, guid, int, labelled, money, standard, states, text, to, type Column, type TableDefinition } from './schema';
import { rowIdFor } from './row-ids';
import { TRAINING_SERVICE_ACCOUNT, type StandInRow } from './rows-people';

/** The tables as docs/dataverse-tables.md describes them, under the given publisher prefix. */
export function tableDefinitions(n: TableNames): TableDefinition[] {
  const c = n.custom;
  const households = c('households');
  const incidentState = states(['Active', 'Resolved', 'Cancelled']);
  const activity = (logicalName: string, entitySet: string, extra: Record<string, Column>): TableDefinition => ({
    entitySet,
    logicalName,
    key: 'activityid',
    primaryName: 'subject',
    columns: {
      activityid: guid,
      subject: text,
      description: text,
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
    [c('disposition')]: text,
    [c('resolvedatfirstcontact')]: bool,
    [c('contactstate')]: labelled(choices.CONTACT_STATE),
    [c('capturedby')]: text,
    [c('queue')]: text,
    [c('service')]: labelled(choices.CASE_SERVICE),
    [c('offeredat')]: datetime,
    [c('waitseconds')]: int,
    [c('answeredwithintarget')]: bool,
    [c('handleseconds')]: int,
    [c('afterworkseconds')]: int,
    [c('outcomes')]: labelled(choices.CONTACT_OUTCOME_KIND, 'choices'),
    [c('outcomesummary')]: text,
    [c('couldbeonline')]: bool,
    [c('onlinerouteoffered')]: bool,
    [c('feedback')]: labelled(choices.FEEDBACK_RATING),
    [c('casereferences')]: text,
    [c('interpreterlanguage')]: text,
    [c('interpretersupplier')]: text,
    [c('interpreterid')]: text,
    [c('interpreterminutes')]: int,
    [c('incompletereason')]: text,
    // The London day it was answered, and the officer's team then: what the Team place groups by.
    [c('contactday')]: date,
    [c('team')]: text,
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
        salutation: text,
        firstname: text,
        lastname: text,
        fullname: text,
        birthdate: date,
        ...{ mobilephone: text, telephone1: text, emailaddress1: text },
        ...{ address1_line1: text, address1_postalcode: text },
        preferredcontactmethodcode: labelled(choices.PREFERRED_CHANNEL),
        donotsms: bool,
        donotemail: bool,
        ...standard,
        [n.lookup('householdid')]: to(households),
        [c('preferencesrecordedon')]: date,
        [c('pronouns')]: text,
        [c('preferredlanguage')]: text,
        [c('interpreterneeded')]: bool,
        [c('accessibilityneeds')]: labelled(choices.ACCESSIBILITY_NEED, 'choices'),
        [c('mysouthwarkstatus')]: labelled(choices.MY_SOUTHWARK_STATUS),
        [c('mysouthwarkregisteredon')]: date,
        [c('counciltaxreference')]: text,
        [c('rentreference')]: text,
        [c('hasvulnerabilityflag')]: bool,
        // A rollup column (COUNT of the resident's active cd_staffsafetymarker rows): what an agent may know of them.
        [c('staffsafetymarkercount')]: int,
        [c('relationshiptolead')]: text,
      },
    },
    {
      entitySet: households,
      logicalName: c('household'),
      key: c('householdid'),
      primaryName: c('name'),
      columns: {
        [c('householdid')]: guid,
        [c('name')]: text,
        [c('addressline1')]: text,
        [c('addressline2')]: text,
        [c('town')]: text,
        [c('postcode')]: text,
        [c('streetname')]: text,
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
        [c('reference')]: text,
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
        [c('reference')]: text,
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
        [c('reference')]: text,
        [n.lookup('residentid')]: to('contacts'),
        [n.lookup('householdid')]: to(households),
        [c('kind')]: labelled(choices.PERMIT_KIND),
        [c('zone')]: text,
        [c('vehicleregistration')]: text,
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
        ticketnumber: text,
        [c('reference')]: text,
        title: text,
        statecode: incidentState,
        prioritycode: labelled(choices.CASE_PRIORITY),
        _customerid_value: to('contacts'),
        _ownerid_value: to('systemusers'),
        _parentcaseid_value: to('incidents'),
        [n.lookup('householdid')]: to(households),
        [c('category')]: labelled(choices.CASE_CATEGORY),
        [c('service')]: labelled(choices.CASE_SERVICE),
        [c('receivedon')]: date,
        [c('dueon')]: date,
        [c('closedon')]: date,
        createdon: datetime,
        description: text,
        [c('location')]: text,
        [c('postcode')]: text,
        [c('contactpreference')]: labelled(choices.CONTACT_PREFERENCE),
        [c('servicestandard')]: text,
        [c('anonymous')]: bool,
        [c('capturedat')]: datetime,
        [c('capturedby')]: text,
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
      // A case's attachments and answers; a resident's language-preference note.
      bindings: { objectid_incident: '_objectid_value', objectid_contact: '_objectid_value' },
      columns: {
        annotationid: guid,
        subject: text,
        notetext: text,
        filename: text,
        mimetype: text,
        documentbody: text,
        filesize: int,
        isdocument: bool,
        _objectid_value: to('incidents'),
        createdon: datetime,
      },
      derive: noteFileSize,
    },
    activity('activitypointer', 'activitypointers', { activitytypecode: text }),
    // A phone call's status reasons: Open; Made or Received when completed; Canceled.
    { ...activity('phonecall', 'phonecalls', { ...directed, ...interaction, phonenumber: text, statuscode: int }), creatable: true, bindings: contactBindings('phonecall'), derive: ownedByCaller, statuses: { 0: [1], 1: [2, 4], 2: [3] } },
    activity('email', 'emails', directed),
    activity('letter', 'letters', directed),
    activity('appointment', 'appointments', wrapUp),
    { ...activity(c('facetoface'), c('facetofaces'), { ...wrapUp, ...interaction }), creatable: true, bindings: contactBindings(c('facetoface')), derive: ownedByCaller },
    activity(c('webform'), c('webforms'), wrapUp),
    activity(c('webchat'), c('webchats'), wrapUp),
    {
      entitySet: c('residentflags'),
      logicalName: c('residentflag'),
      key: c('residentflagid'),
      primaryName: c('name'),
      columns: {
        [c('residentflagid')]: guid,
        [c('name')]: text,
        [n.lookup('residentid')]: to('contacts'),
        [c('kind')]: labelled(choices.FLAG_KIND),
        [c('type')]: labelled(choices.FLAG_TYPE),
        [c('note')]: text,
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
        [c('name')]: text,
        [n.lookup('residentid')]: to('contacts'),
        [c('marker')]: labelled(choices.FLAG_TYPE),
        [c('note')]: text,
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
        [c('name')]: text,
        [n.lookup('residentid')]: to('contacts'),
        [c('staffid')]: text,
        [c('staffname')]: text,
        [c('accessedat')]: datetime,
        [c('reason')]: labelled(choices.ACCESS_REASON),
        [c('identitycheck')]: labelled(choices.IDENTITY_CHECK),
        [c('overridereason')]: text,
        [c('fromcopy')]: bool,
        [c('copyreadat')]: datetime,
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
        [c('name')]: text,
        [c('channel')]: text,
        [c('contactday')]: date,
        [c('capturedby')]: text,
        [c('team')]: text,
        [c('queue')]: text,
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
        [c('name')]: text,
        [n.lookup('phonecallid')]: to('phonecalls'),
        [n.lookup('facetofaceid')]: to(c('facetofaces')),
        [c('staffid')]: text,
        [c('team')]: text,
        [c('queue')]: text,
        [c('contactday')]: date,
        [c('reviewedby')]: text,
        [c('reviewername')]: text,
        [c('reviewedat')]: datetime,
        [c('formversion')]: int,
        [c('score')]: int,
        [c('passed')]: bool,
        [c('criticalfail')]: bool,
        [c('answers')]: text,
        [c('comments')]: text,
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
      columns: { systemuserid: guid, fullname: text, internalemailaddress: text, createdon: datetime },
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
