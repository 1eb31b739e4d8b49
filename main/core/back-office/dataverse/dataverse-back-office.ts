import type { CouncilBackOffice } from '../port';
import { saveContacts } from './contact-recording';
import { acknowledgeQualityReview, qualityReviewsOf, readContactForReview, readQualityReview, reviewedContactIds, saveQualityReview } from './quality-reviews';
import { channelShiftOver, contactsToday, recentTeams, teamContacts, teamFigures } from './team-figures';
import { createCaseSender } from './case-submission';
import { updateCase } from './case-update';
import { checkReachability } from './reachability';
import { createDataverseClient, type DataverseClientOptions } from './client';
import { columnLengthsOnce, contactLengthsOnce } from './column-lengths';
import { readCaseHistory } from './case-history';
import { readCollectionDay } from './collection-day';
import { readContactHistory } from './contact-history';
import type { AdapterContext, BackOfficeLog } from './context';
import { readDirectory } from './directory';
import { tableNames } from './names';
import { listResidentAccesses, recordResidentAccess } from './resident-access';
import { readResidentMessages, recordResidentMessage } from './resident-message';
import { callbackAttempted, callbackDone, listCallbacks, promiseCallback } from './callbacks';
import { latestAgentStates, recordAgentState } from './agent-state';
import { setResidentLanguage } from './resident-language';
import { readResident360 } from './resident-360';
import { searchResidents } from './resident-search';
import { readCallerWithPhone } from './caller-lookup';

export interface DataverseBackOfficeOptions extends DataverseClientOptions {
  /** The publisher prefix the council's tables were made under; 'cd' unless configured. */
  publisherPrefix?: string;
  /** The contact an anonymous case names as its customer (the setting anonymousContactId). */
  anonymousContactId?: string;
  /** Rows per page for long reads. Dataverse sends at most 5,000 whatever is asked. */
  pageSize?: number;
  /** The clock: what counts as a recently closed case, and ages. */
  now?: () => Date;
  log?: BackOfficeLog;
}

/** The live back office: the council's Dataverse environment through its Web API. */
export function createDataverseBackOffice(options: DataverseBackOfficeOptions): CouncilBackOffice {
  const client = createDataverseClient(options);
  const log = options.log ?? { warn: () => undefined };
  const names = tableNames(options.publisherPrefix);
  const context: AdapterContext = {
    client,
    names,
    anonymousContactId: options.anonymousContactId?.toLowerCase() ?? null,
    columnLengths: columnLengthsOnce({ client, log }),
    contactLengths: contactLengthsOnce({ client, log }, names.custom('outcomesummary')),
    pageSize: Math.min(5000, Math.max(1, Math.floor(options.pageSize ?? 5000))),
    now: options.now ?? (() => new Date()),
    log,
    sleep: options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
  };
  const submitCases = createCaseSender(context);
  return {
    directory: (deltaToken, options) => readDirectory(context, deltaToken, options),
    searchResidents: (text, top) => searchResidents(context, text, top),
    resident360: (residentId) => readResident360(context, residentId),
    callerWithPhone: (phone) => readCallerWithPhone(context, phone),
    contactHistory: (residentId, historyOptions) => readContactHistory(context, residentId, historyOptions),
    collectionDay: (postcode) => readCollectionDay(context, postcode),
    caseHistory: (residentId, caseId) => readCaseHistory(context, residentId, caseId),
    recordAccess: (access) => recordResidentAccess(context, access),
    listAccesses: (residentId) => listResidentAccesses(context, residentId),
    recordMessage: (message) => recordResidentMessage(context, message),
    residentMessages: (residentId) => readResidentMessages(context, residentId),
    promiseCallback: (promise) => promiseCallback(context, promise),
    callbacks: (staffId) => listCallbacks(context, staffId),
    callbackAttempted: (attempt) => callbackAttempted(context, attempt),
    callbackDone: (callbackId) => callbackDone(context, callbackId),
    recordAgentState: (change) => recordAgentState(context, change),
    latestAgentStates: (team, today) => latestAgentStates(context, team, today),
    setLanguage: (residentId, language, interpreterNeeded, consent) => setResidentLanguage(context, residentId, language, interpreterNeeded, consent),
    submitCases,
    updateCase: (update) => updateCase(context, update),
    reachability: () => checkReachability(context),
    caseTextLengths: async () => {
      const lengths = await context.columnLengths();
      return { summary: lengths.caseTitle, description: lengths.caseDescription, source: lengths.source };
    },
    saveContacts: (contacts, recordedBy) => saveContacts(context, contacts, recordedBy),
    teamFigures: (scope, range, counter) => teamFigures(context, scope, range, counter),
    channelShiftOver: (scope, ranges, counter) => channelShiftOver(context, scope, ranges, counter),
    recentTeams: (range) => recentTeams(context, range),
    contactsToday: (scope, today) => contactsToday(context, scope, today),
    teamContacts: (scope, range, drillDown, service, top) => teamContacts(context, scope, range, drillDown, service, top),
    contactForReview: (id, channel) => readContactForReview(context, id, channel),
    qualityReview: (id) => readQualityReview(context, id),
    saveQualityReview: (review) => saveQualityReview(context, review),
    qualityReviewsOf: (staffId) => qualityReviewsOf(context, staffId),
    reviewedContactIds: (staffId, from, to) => reviewedContactIds(context, staffId, from, to),
    acknowledgeQualityReview: (id, at) => acknowledgeQualityReview(context, id, at),
  };
}
