import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import type { TrainingSummary } from '../../shared/contract/session';
import { CASE_CATEGORIES } from '../../shared/domain/case';
import { createStandardsRegistry } from '../../shared/service-standards';
import { loadScriptLibrary, type ScriptLibrary } from './call-scripts/script-library';
import { createScriptLookups } from './call-scripts/script-lookups';
import { BANK_HOLIDAY_CACHE_FILE_NAME, loadBankHolidays, refreshBankHolidays, type HolidaySource } from './service-standards/holiday-refresh';
import { identityPolicy, maxAttachmentBytes, showUnreviewedPhrases, type LoadedConfig } from './config/deployment-config';
import { createEventHub, type EventHub } from './ipc/event-hub';
import { createRouter, NotPossible, type Router, type RouterLog } from './ipc/router';
import { checkExternalUrl } from './security/external-url';
import { parseDeepLink } from './security/deep-link';
import { createSessionService } from './session/session-service';
import { guardWhileLocked } from './session/lock-guard';
import { roleRefusal } from './ipc/call-roles';
import { createLockCalls } from './session/lock-calls';
import { isBackOfficeError } from './back-office/errors';
import type { BackOffice, CaseBackOffice, CouncilBackOffice } from './back-office/port';
import { createCaseService } from './cases/case-service';
import { createContactService } from './contacts/contact-service';
import { createTeamService } from './team/team-service';
import { createQualityService } from './quality/quality-service';
import { loadQualityForm } from './quality/quality-form-file';
import type { QualityForm } from '../../shared/quality/quality-form';
import { isoDateInLondon } from '../../shared/service-standards/iso-date';
import { createAuditTrail } from './residents/audit-trail';
import { createAuditQueueFile } from './residents/audit-queue-file';
import { createResidentService } from './residents/resident-service';
import { createOnlineSearch } from './residents/online-search';
import type { DataverseStandIn } from './training/dataverse/stand-in';
import { loadPhraseLibrary, phraseBook, type PhraseLibrary } from './languages/phrase-library';
import { generateTrainingData, summariseTrainingData } from './training/generator';
import type { TrainingDataset } from './training/types';
import { createSimulatedCalls } from './training/simulated-calls';
import { interpreterLines } from './languages/interpreter-lines';
import { loadLanguageTable } from './languages/language-table';
import { createMemoryOnlySecretStore, type SecretStore } from './secrets/secret-store';
import { createDataKeys } from './secrets/data-keys';
import { createDataverseBackOffice } from './back-office/dataverse/dataverse-back-office';
import { createSmartWorking } from './smart-working';
import type { TrainingMicrosoft365 } from './training/microsoft365';
import type { NotifyStandIn } from './training/notify/stand-in';
import { createTranslationService } from './translation/translation-service';
import { createTranslatorConnector } from './translation/translator-connector';
import { createNotifyConnector } from './notify/notify-connector';
import { createMessageService } from './notify/message-service';
import { createCallbackService } from './callbacks/callback-service';
import { createWaitingLinks } from './waiting-links';
import { createAgentStateService } from './agent-state/agent-state-service';
import { checkTenantFromApp } from './tenant-readiness/in-app';

export interface CoreLog extends RouterLog {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
}

export interface CoreOptions {
  config: LoadedConfig;
  appVersion: string;
  log: CoreLog;
  /** Size of the synthetic borough in training mode; the default suits a quick start. */
  training?: { seed?: number; residents?: number };
  /** The clock; training data is dated to today so due dates and "overdue" look real. */
  now?: () => Date;
  /** The shipped resources folder (call scripts, ...). */
  resourcesDir: string;
  /** Where this computer keeps CivicDesk's own files (the bank-holiday cache); none in tests. */
  dataDir?: string;
  /** Live mode only: fetch GOV.UK's bank holidays. Training mode never goes out to the internet. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /**
   * Opens an already-checked URL in the system browser. The desktop shell provides it; the
   * browser host has no system browser to hand and leaves it out.
   */
  openExternal?: (url: string) => Promise<void>;
  /**
   * Opens the customer-facing window (the resident's screen). The desktop shell provides it;
   * the browser host leaves it out, and the page opens the view in a window of its own.
   */
  openCustomerWindow?: () => Promise<void>;
  /**
   * The operating system's keychain (the sign-in's token cache, the translator key). Without
   * one, the sign-in is kept for this run only, and CivicDesk says so.
   */
  secrets?: SecretStore;
  /** Opens Microsoft's sign-in page in the system browser, checked against the authority (desktop shell only). */
  openSignInPage?: (url: string, authority: string) => Promise<void>;
}

export interface Core {
  router: Router;
  events: EventHub;
  /** Stops what the core started (the training back office's local server). */
  close(): Promise<void>;
  /** A `civicdesk://` link from the operating system; refused links are logged, not acted on. */
  openDeepLink(url: string): boolean;
  /**
   * Reads now what the first page asks for as it opens but main reads on first use (the call
   * scripts, the council's message templates, the training borough's summary), while nobody
   * waits: parsing the scripts' YAML and starting training's Notify stand-in held main's
   * thread for a few hundred milliseconds after a new page's first requests, and who is signed
   * in, the officer's key and their first search waited behind it.
   */
  readAhead(): Promise<void>;
  /** Training mode's Dataverse stand-in (null in live mode), for tests to look inside. */
  trainingStandIn(): Promise<DataverseStandIn | null>;
  /** Training mode's identity and Graph stand-ins (null in live mode), for tests to look inside. */
  trainingMicrosoft365(): Promise<TrainingMicrosoft365 | null>;
  /** Training's GOV.UK Notify stand-in, started on first use (null in live mode). */
  trainingNotify(): Promise<NotifyStandIn | null>;
}

/**
 * Builds everything the main process does, with its dependencies passed in, so the desktop
 * shell and the browser host run exactly the same services and handlers.
 */
export function createCore(options: CoreOptions): Core {
  const { config, log } = options;
  const events = createEventHub();
  const now = options.now ?? (() => new Date());
  const today = now().toISOString().slice(0, 10);
  const training = config.mode === 'training' ? generateTrainingData({ ...options.training, asOf: today }) : null;
  const session = createSessionService({ config, appVersion: options.appVersion, trainingStaff: training?.staff ?? [], events, now });
  const standards = createStandardsRegistry();
  const simulateCall = training ? createSimulatedCalls(training) : null;
  // The synthetic borough is made once and never changes (the stand-in keeps what officers
  // change), so its summary is counted once, as main starts (readAhead): counting 320,000
  // residents' cases held main's thread for 60-120 ms each time the Dashboard opened, just as a
  // new PC's officer first searched.
  let trainingSummary: TrainingSummary | null = null;
  const waitingLinks = createWaitingLinks((count) => events.emit('deepLink.waiting', { count }), now);

  // Scripts are read once (as main starts: readAhead below), then kept: an administrator's edit takes effect on restart.
  let library: Promise<ScriptLibrary> | null = null;
  const scriptLibrary = () =>
    (library ??= loadScriptLibrary(path.join(options.resourcesDir, 'scripts'), { standards: new Set(standards.all().map((each) => each.id)), categories: new Set(CASE_CATEGORIES) }).then((loaded) => {
      for (const problem of loaded.problems) log.warn('call script left out', { ...problem });
      return loaded;
    }));

  // Phrase packs likewise: read on first use, checked, kept until restart.
  let phrases: Promise<PhraseLibrary> | null = null;
  const phraseLibrary = () =>
    (phrases ??= loadPhraseLibrary(options.resourcesDir).then((loaded) => {
      for (const problem of loaded.problems) if (problem.severity === 'failure') log.warn('phrase left out', { ...problem });
      return loaded;
    }));

  const holidays = loadHolidays(options, log);

  // Each officer's key for what this computer keeps about residents: in the keychain where there
  // is a real one, else for this run only (main/core/secrets/data-keys.ts).
  const dataKeys = createDataKeys(options.secrets ?? createMemoryOnlySecretStore('There is no keychain here, so what CivicDesk keeps is sealed with a key held only until it closes.'));
  // Training's one identity stand-in is started with its back office (below), which signs officers in to Dataverse through it.
  const trainingIdentity = async () => (trainingOffice ? (await trainingOffice).identity : null);
  const smartWorking = createSmartWorking({ config, training, session, events, log, now, secrets: options.secrets, openSignInPage: options.openSignInPage, trainingIdentity });

  // Training serves its data through a local Dataverse stand-in, so trainees use the same
  // adapter as live. Live mode reaches the council's Dataverse as the signed-in officer.
  // The quality form is read on first use and kept, like the scripts (training's history of
  // reviews is scored by it, so training reads it at the start).
  let qualityForm: Promise<QualityForm | null> | null = null;
  const qualityFormFile = () =>
    (qualityForm ??= loadQualityForm(options.resourcesDir).then((loaded) => {
      for (const problem of loaded.problems) log.warn('quality form problem', { problem });
      return loaded.form;
    }));
  // The Dataverse stand-in (a server with its own certificate) is loaded only in training.
  const trainingOffice = training
    ? Promise.all([qualityFormFile(), import('./training/dataverse/training-back-office')]).then(([form, { createTrainingBackOffice }]) => createTrainingBackOffice(training, { log, teamHistory: { qualityForm: form }, caller: () => session.current().user?.id ?? null }))
    : null;
  const liveOffice = config.mode === 'live' && options.fetch ? liveBackOffice(config.config.dataverseUrl, config.config.anonymousContactId, options.fetch, (scopes) => smartWorking.accessToken(scopes), now, log) : null;
  const backOffice = async (): Promise<BackOffice | null> => (trainingOffice ? (await trainingOffice).backOffice : liveOffice);
  // The audit queue outlives the app only where there is a data folder and a real keychain (the
  // desktop app); the browser host passes neither, so there it waits in memory for this run.
  const audit = createAuditTrail({ backOffice, log, now, keep: options.dataDir && options.secrets ? createAuditQueueFile({ dir: options.dataDir, secrets: options.secrets, log }) : null });
  const residents = createResidentService({ backOffice, user: () => session.current().user, audit, now, identityPolicy: identityPolicy(config), log });
  const onlineSearch = createOnlineSearch({ backOffice, user: () => session.current().user });
  // A record opened by one officer is never readable by the next one at the same computer.
  session.onUserChanged(() => residents.closeAll());
  // Training signs the acting officer in to the back office as soon as they are known, while the
  // window draws, rather than in the first screen's first read: MSAL's sign-in against the
  // training identity took that read about 600 ms. A sign-in that fails here is tried again by the read.
  const signInToBackOffice = () => {
    const staffId = session.current().user?.id;
    if (trainingOffice && staffId) void trainingOffice.then((office) => office.signIn(staffId)).catch(() => undefined);
  };
  signInToBackOffice();
  session.onUserChanged(signInToBackOffice);
  const lookups = createScriptLookups({ backOffice, revealedRecord: (accessId) => residents.revealedRecord(accessId) });
  const caseOffice = async (): Promise<CaseBackOffice | null> => (trainingOffice ? (await trainingOffice).backOffice : liveOffice);
  // Captured-by is whoever main's session says is signed in: the renderer cannot claim to be someone else.
  const cases = createCaseService({ caseOffice, user: () => session.current().user, maxAttachmentBytes: maxAttachmentBytes(config) });
  const contactOffice = async (): Promise<CouncilBackOffice | null> => (trainingOffice ? (await trainingOffice).backOffice : liveOffice);
  const contacts = createContactService({ contactOffice, user: () => session.current().user, queueServices: session.current().queueServices, trueResolutionDays: session.current().trueResolutionDays });
  const quality = createQualityService({
    office: contactOffice,
    user: () => session.current().user,
    now,
    form: qualityFormFile,
  });
  const team = createTeamService({
    teamOffice: contactOffice,
    user: () => session.current().user,
    today: () => isoDateInLondon(now()),
    now,
    trueResolutionDays: session.current().trueResolutionDays,
    presenceOf: (staffIds) => smartWorking.presenceOfStaff(staffIds),
  });
  // The officer's state: their Teams presence (when signed in to Microsoft 365) and the team view's record of it.
  const agentState = createAgentStateService({ backOffice, user: () => session.current().user, setAppPresence: (pair) => smartWorking.setAppPresence(pair), log });
  // Back-office failures carry words a person can act on: pass those on, not "something went wrong".
  const plainly = async <T>(work: () => Promise<T> | T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (isBackOfficeError(error)) throw new NotPossible(error.message);
      throw error;
    }
  };
  const translator = createTranslatorConnector({ config, secrets: options.secrets });
  const notify = createNotifyConnector({ config, secrets: options.secrets });
  const messages = createMessageService({ connection: () => notify.connection(), revealedResidentId: (accessId) => residents.revealedRecord(accessId)?.resident.id ?? null, backOffice, user: () => session.current().user, now, log });
  const callbacks = createCallbackService({ backOffice, user: () => session.current().user, now, log });
  const translation = createTranslationService({ translator: () => translator.translator(), user: () => session.current().user, log });

  const router = createRouter(
    guardWhileLocked({
      'session.get': () => session.current(),
      ...createLockCalls({
        live: config.mode === 'live',
        session,
        signIn: async (context) => smartWorking.handlers['account.signIn']({}, context),
        signOut: async (context) => smartWorking.handlers['account.signOut']({}, context),
        signOutIfSignedIn: () => smartWorking.signOutIfSignedIn(),
        forgetOpens: () => residents.closeAll(),
      }),
      'session.actAsTrainingUser': async ({ staffId }) => {
        const info = session.actAsTrainingUser(staffId);
        // Microsoft 365 was signed in as the trainee's previous colleague: that sign-in goes with them.
        await smartWorking.signOutIfSignedIn();
        return info;
      },
      'training.summary': (): TrainingSummary => {
        if (!training) throw new NotPossible('Training data is only available in training mode.');
        return (trainingSummary ??= summaryOf(training));
      },
      'deepLink.take': () => waitingLinks.take(),
      'training.simulateCall': () => {
        if (!simulateCall) throw new NotPossible('Simulated calls are only available in training mode.');
        const call = simulateCall();
        waitingLinks.add(call.link);
        if (call.link.kind === 'call') residents.ring(call.link.callerNumber);
        return call;
      },
      'scripts.list': async () => {
        const loaded = await scriptLibrary();
        return { scripts: loaded.scripts, problems: loaded.problems };
      },
      'scripts.lookup': (request) => plainly(() => lookups(request)),
      'standards.get': async () => {
        const current = await holidays;
        return { standards: standards.all(), holidays: [...current.holidays].sort(), holidaySource: current.source };
      },
      'directory.changes': ({ deltaToken, offset, read }) => plainly(() => residents.directorySlice(deltaToken, offset, read)),
      'directory.searchOnline': ({ text, top }) => plainly(() => onlineSearch.search(text, top)),
      'residents.open': ({ residentId, reason }) => plainly(() => residents.open(residentId, reason)),
      'residents.openCaller': ({ callerNumber }) => plainly(async () => ({ view: await residents.openCaller(callerNumber) })),
      'residents.checkIdentity': ({ accessId, answers }) => residents.checkIdentity(accessId, answers),
      'residents.overrideIdentity': ({ accessId, reason }) => residents.overrideIdentity(accessId, reason),
      'residents.close': ({ accessIds }) => residents.close(accessIds),
      'residents.caseHistory': ({ accessId, caseId }) => plainly(() => residents.caseHistory(accessId, caseId)),
      'residents.contactHistory': ({ accessId, cursor, channels }) => plainly(() => residents.contactHistory(accessId, cursor, channels)),
      'audit.accesses': ({ residentId }) => plainly(() => residents.accesses(residentId)),
      'audit.recordSnapshotReads': ({ reads }) => plainly(() => residents.recordSnapshotReads(reads)),
      'cases.submit': ({ cases: submissions }) => plainly(() => cases.submit(submissions)),
      'cases.update': (update) => plainly(() => cases.update(update)),
      'cases.textLengths': () => plainly(() => cases.textLengths()),
      'contacts.save': ({ contacts: submissions }) => plainly(() => contacts.save(submissions)),
      'backOffice.reachability': () => plainly(() => cases.reachability()),
      'team.choices': () => plainly(() => team.choices()),
      'team.view': ({ scope, period }) => plainly(() => team.view(scope, period)),
      'team.officersNow': ({ team: name }) => plainly(() => team.officersNow(name)),
      'team.contacts': ({ scope, period, drillDown, service }) => plainly(() => team.contacts(scope, period, drillDown, service)),
      'quality.form': () => quality.form(),
      'quality.sample': ({ staffId, month }) => plainly(() => quality.sample(staffId, month)),
      'quality.forContact': ({ contactId }) => plainly(async () => ({ review: await quality.forContact(contactId) })),
      'quality.save': (input) => plainly(() => quality.save(input)),
      'quality.mine': () => plainly(() => quality.mine()),
      'quality.acknowledge': ({ id }) => plainly(() => quality.acknowledge(id)),
      'languages.phrases': async ({ language }) => phraseBook(await phraseLibrary(), language, showUnreviewedPhrases(config)),
      'languages.table': () => loadLanguageTable(options.resourcesDir),
      'languages.interpreterLines': () => interpreterLines(config),
      'residents.setLanguage': ({ accessId, language, interpreterNeeded, consent }) => plainly(() => residents.setLanguage(accessId, language, interpreterNeeded, consent)),
      'translation.translate': (request) => translation.translate(request),
      'links.openExternal': async ({ url }) => {
        const check = checkExternalUrl(url, config.externalLinkHosts);
        if (!check.ok) throw new NotPossible(check.reason);
        if (!options.openExternal) throw new NotPossible(`This browser version of CivicDesk cannot open other sites for you. Copy the address instead: ${check.url}`);
        await options.openExternal(check.url);
        return { opened: true } as const;
      },
      'customerView.open': async () => {
        if (!options.openCustomerWindow) return { opened: false };
        await options.openCustomerWindow();
        return { opened: true };
      },
      ...smartWorking.handlers,
      // The Tenant readiness page: the checks of `npm run tenant:check`, as the officer signed in now.
      'messages.templates': () => messages.templates(),
      'messages.send': (input) => messages.send(input),
      'messages.status': ({ notificationIds }) => messages.status(notificationIds),
      'messages.forResident': ({ accessId }) => plainly(() => messages.forResident(accessId)),
      'callbacks.promise': (input) => callbacks.promise(input),
      'callbacks.list': () => plainly(() => callbacks.list()),
      'callbacks.attempted': (input) => plainly(() => callbacks.attempted(input)),
      'callbacks.done': (input) => plainly(() => callbacks.done(input)),
      'agentState.reflect': ({ state }) => agentState.reflect(state),
      'agentState.record': ({ changes }) => plainly(() => agentState.record(changes)),
      'tenant.readiness': (_input, context) =>
        checkTenantFromApp({
          config,
          accountStatus: async () => smartWorking.handlers['account.status']({}, context),
          role: () => session.current().user?.role ?? null,
          accessToken: (scopes) => smartWorking.accessToken(scopes),
          fetch: options.fetch ? (url, init) => (options.fetch as NonNullable<CoreOptions['fetch']>)(url, { ...init }) : undefined,
          trainingDataverse: async () => (trainingOffice ? (await trainingOffice).standIn : null),
          trainingMicrosoft365: () => smartWorking.trainingStandIns(),
        }),
      'storage.dataKey': async () => {
        const user = session.current().user;
        if (!user) throw new NotPossible('Nobody is signed in on this computer, so there is nothing of yours to open.');
        const { key, kept } = await dataKeys.forOfficer(user.id);
        return { key, kept };
      },
      'storage.forgetDataKey': async () => {
        const user = session.current().user;
        if (user) await dataKeys.forget(user.id);
        return { forgotten: true as const };
      },
      'account.signOut': async (input, context) => {
        // Signing out leaves no resident open: the records the officer had open are forgotten first.
        residents.closeAll();
        return smartWorking.handlers['account.signOut'](input, context);
      },
    }, () => session.isLocked()),
    log,
    // Every call is checked against the role table first (main/core/ipc/call-roles.ts, docs/roles.md).
    (name) => roleRefusal(name, session.current().user),
  );

  return {
    router,
    events,
    async close() {
      await audit.close();
      await (await trainingOffice)?.close();
      await translator.close();
      await notify.close();
      await smartWorking.close();
    },
    openDeepLink(url) {
      const parsed = parseDeepLink(url);
      if (!parsed.ok) {
        log.warn('refused a civicdesk link', { reason: parsed.reason });
        return false;
      }
      waitingLinks.add(parsed.link);
      // The caller's record starts being read now, while the workstation takes the link.
      if (parsed.link.kind === 'call' && !session.isLocked()) residents.ring(parsed.link.callerNumber);
      return true;
    },
    // Each is kept once read, and tried again on the page's own asking if it failed here.
    readAhead: async () => {
      if (training) trainingSummary ??= summaryOf(training);
      await Promise.allSettled([scriptLibrary(), messages.templates()]);
    },
    trainingStandIn: async () => (trainingOffice ? (await trainingOffice).standIn : null),
    trainingMicrosoft365: () => smartWorking.trainingStandIns(),
    trainingNotify: () => notify.standIn(),
  };
}

/** The training borough's size, as its banner and the Dashboard give it. */
function summaryOf(training: TrainingDataset): TrainingSummary {
  let openCases = 0;
  for (const each of training.cases) if (each.status === 'open') openCases += 1;
  return { ...summariseTrainingData(training), seed: training.seed, openCases };
}

/** The council's Dataverse, reached as the signed-in officer (their token, their security roles). */
function liveBackOffice(dataverseUrl: string, anonymousContactId: string, fetch: NonNullable<CoreOptions['fetch']>, accessToken: (scopes: string[]) => Promise<string>, now: () => Date, log: CoreLog) {
  const environment = dataverseUrl.replace(/\/$/, '');
  return createDataverseBackOffice({
    dataverseUrl: environment,
    getAccessToken: () => accessToken([`${environment}/user_impersonation`]),
    fetch: (url, init) => fetch(url, init ?? {}),
    now,
    log,
    anonymousContactId,
  });
}

/**
 * Bank holidays for the working-day clock: the cache or shipped data at once, refreshed from
 * GOV.UK in the background in live mode (training mode stays off the internet).
 */
async function loadHolidays(options: CoreOptions, log: CoreLog): Promise<{ holidays: ReadonlySet<string>; source: HolidaySource }> {
  const cacheFile = options.dataDir ? path.join(options.dataDir, BANK_HOLIDAY_CACHE_FILE_NAME) : '';
  const store = { cacheFile, readFile: (file: string) => (file ? readFile(file, 'utf8') : Promise.reject(Object.assign(new Error('no data folder'), { code: 'ENOENT' }))) };
  if (options.config.mode === 'live' && options.dataDir && options.fetch) {
    const fetcher = options.fetch;
    const refreshed = await refreshBankHolidays({ ...store, fetch: (url, init) => fetcher(url, init), writeFile: (file, data) => writeFile(file, data, 'utf8'), now: options.now ?? (() => new Date()) });
    if (!refreshed.ok) log.warn('bank holidays not refreshed', { reason: refreshed.reason });
    return { holidays: refreshed.holidays, source: refreshed.source };
  }
  const loaded = await loadBankHolidays(store);
  return { holidays: loaded.holidays, source: loaded.source };
}
