import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tableNames } from '../../back-office/dataverse/names';
import type { TrainingDataset } from '../generator';
import { makeLoopbackCertificate } from './certificate';
import { createFaults, faultResponse, type FaultControls } from './faults';
import { createRequestHandler, type StandInResponse } from './handler';
import { createSearchProtection, createServiceProtection, DATAVERSE_LIMITS, DATAVERSE_SEARCH_LIMITS, type Admission, type SearchLimits, type ServiceProtectionCounters, type ServiceProtectionLimits } from './service-protection';
import type { StandInRow } from './rows-people';
import { contactRows, householdRows, staffObjectId, systemUserRows, TRAINING_SERVICE_ACCOUNT } from './rows-people';
import { councilTaxAccountRows, parkingPermitRows, rentAccountRows } from './rows-accounts';
import { activityRows, followedBy, incidentRows, later, residentFlagRows, staffSafetyMarkerRows } from './rows-casework';
import { callerForToken, INTEGRATION_APP_ID, securityRoles, type KnownUser, type RolePrivileges, type TokenRules } from './security-roles';
import type { AccessTokenClaims } from '../identity/access-token';
import type { StaffRole } from '../../../../shared/domain/staff';
import { rowIdFor } from './row-ids';
import { createStore, type SeedRows, type StoredTable } from './store';
import { alteredSchema, tableDefinitions, type AlterTables } from './tables';
import { readBody } from '../request-body';
import { teamHistoryRows, type TeamHistoryOptions } from '../team-history';
import { indexSome, SEARCH_QUERY_PATH, type SearchableTable } from './relevance-search';

export interface StandInOptions {
  dataset: TrainingDataset;
  /** The most rows in one page whatever a client asks; Dataverse's is 5,000. */
  maxPageSize?: number;
  publisherPrefix?: string;
  now?: () => Date;
  /**
   * Dataverse's service protection limits, per bearer token. Off unless given; `true` means
   * Dataverse's own figures, and any figure left out is Dataverse's.
   */
  limits?: true | Partial<ServiceProtectionLimits>;
  /**
   * Execution time charged against the limits for each operation, on top of the time the
   * stand-in really takes. An in-memory write takes microseconds; Dataverse spends tens of
   * milliseconds on a create (plug-ins, auditing, indexes), and that is what its combined
   * execution-time limit meters. 0 (the default) charges only the real time.
   */
  modelledMsPerOperation?: number;
  /** The most rows one $apply may aggregate after its filter; Dataverse's is 50,000. Tests lower it to reach the refusal. */
  aggregateLimit?: number;
  /**
   * Eight weeks of the contact centre's calls and visits (team-history.ts), about 60,000 unless
   * a number is given, for the Team place's figures. Off unless asked: most tests need none.
   */
  teamHistory?: boolean | TeamHistoryOptions;
  /** Alters the tables (drop a table or a column, shorten a length); the seed rows are cut to fit. */
  tables?: AlterTables;
  /**
   * Checks an access token as Dataverse checks it against Entra: the training identity's
   * verifyToken (signature, issuer, times). Left out, no token verifies and every request is
   * refused with 401: the stand-in never takes a bearer string on trust.
   */
  verifyAccessToken?: (token: string) => AccessTokenClaims | null;
  /** Alters the security roles (take a privilege away) before any request is answered. */
  roles?: (roles: Readonly<Record<StaffRole, RolePrivileges>>) => Readonly<Record<StaffRole, RolePrivileges>>;
  /**
   * Dataverse search (POST /api/search/v2.0/query, relevance-search.ts): on unless false, for
   * the contact table over its Quick Find view's find columns. false is an environment where
   * an administrator has not switched it on.
   */
  relevanceSearch?: boolean;
  /**
   * Dataverse search's own limits (one request a second per user, 150 a minute for the
   * organization): on, as on every real tenant, unless false; any figure left out is Microsoft's.
   */
  searchLimits?: false | Partial<SearchLimits>;
}

/** A directory read made slow on purpose, so a test can search while the local copy is still arriving. */
export interface SlowDirectory {
  /** Added before each page of the change-tracked contact read (the directory) is answered. */
  delayMs: number;
  /** Only this officer's reads (a training staff id); every caller's when absent. */
  staffId?: string;
}

/** The contact table's Quick Find find columns, as a council's administrator would set them for CivicDesk. */
export const CONTACT_FIND_COLUMNS = ['fullname', 'firstname', 'lastname', 'emailaddress1', 'telephone1', 'mobilephone', 'address1_postalcode'] as const;
/** Its view columns: what else the index holds for search to return (the directory's columns). */
const contactViewColumns = (names: ReturnType<typeof tableNames>) => ['birthdate', 'address1_line1', names.custom('counciltaxreference'), names.custom('rentreference'), names.custom('hasvulnerabilityflag')];

export interface StandInCounters extends ServiceProtectionCounters {
  /** Every request that reached the stand-in. */
  received: number;
  /** Requests a fault switch answered or cut off. */
  faulted: number;
  /** Rows sent to clients by table (entity set), not counting $apply's aggregates: what a PC downloaded. */
  rowsServed: Record<string, number>;
}

export interface RecordedRequest {
  method: string;
  target: string;
  prefer: string | null;
}

export interface DataverseStandIn {
  /** The environment's address, as a council would configure dataverseUrl: 'https://127.0.0.1:PORT'. */
  url: string;
  /** The stand-in's certificate (PEM): the only thing a client should trust for it. */
  ca: string;
  close(): Promise<void>;
  faults: FaultControls;
  /** Changes made as if by someone else in the back office, for change tracking to report. */
  mutate: {
    update(entitySet: string, id: string, values: StandInRow): void;
    remove(entitySet: string, id: string): void;
  };
  /** Every request so far, oldest first. */
  requests(): readonly RecordedRequest[];
  /** The rows a table holds now, as stored (every column), for tests to count. */
  rows(entitySet: string): StandInRow[];
  counters(): StandInCounters;
  /** Slows the directory's pages (null: back to normal). From inside the process only, like the faults. */
  slowDirectory(setting: SlowDirectory | null): void;
  /**
   * Settles once every seed row is made (while idle, or when first needed). Benchmarks wait
   * for it, so the stand-in's own work on the host's thread is not in what they measure: a
   * council's Dataverse is not on the agent's PC.
   */
  allRowsMade: Promise<void>;
}

/**
 * Bodies larger than this are refused: room for a $batch of cases with their attachments
 * (up to 20 files of 10 MB each per case, sent as base64).
 */
const LARGEST_BODY = 256 * 1024 * 1024;

/**
 * The training back office: the generated borough served as Dataverse rows over https on
 * 127.0.0.1, for the subset of the Web API the live adapter uses. Training mode and the tests
 * run the real adapter against it, so the code path is the live one.
 */
export async function startDataverseStandIn(options: StandInOptions): Promise<DataverseStandIn> {
  // The certificate first: building the rows takes a moment, and whoever started the stand-in gets on meanwhile.
  const certificate = await makeLoopbackCertificate();
  const { dataset } = options;
  const names = tableNames(options.publisherPrefix);
  // Every table but the contacts (the directory) and the staff is made when first needed or
  // while the stand-in is idle (fillWhileIdle below): the contact history alone is over two
  // million rows at borough scale. The counts are known now, so versions stay as they were.
  const vulnerabilities = dataset.flags.filter((flag) => flag.kind === 'vulnerability').length;
  const rows = new Map<string, StandInRow[] | SeedRows>([
    ['contacts', contactRows(dataset, names)],
    [names.custom('households'), later(dataset.households.length, () => householdRows(dataset, names))],
    ['systemusers', systemUserRows(dataset)],
    [names.custom('counciltaxaccounts'), later(dataset.councilTaxAccounts.length, () => councilTaxAccountRows(dataset, names))],
    [names.custom('rentaccounts'), later(dataset.rentAccounts.length, () => rentAccountRows(dataset, names))],
    [names.custom('parkingpermits'), later(dataset.parkingPermits.length, () => parkingPermitRows(dataset, names))],
    ['incidents', later(dataset.cases.length, () => incidentRows(dataset, names))],
    [names.custom('residentflags'), later(vulnerabilities, () => residentFlagRows(dataset, names))],
    [names.custom('staffsafetymarkers'), later(dataset.flags.length - vulnerabilities, () => staffSafetyMarkerRows(dataset, names))],
    ...activityRows(dataset, names),
  ]);
  if (options.teamHistory) {
    // The residents' own activities are in these tables already: the history goes after them.
    const history = teamHistoryRows(dataset, names, options.teamHistory === true ? {} : options.teamHistory);
    for (const [entitySet, more] of history) rows.set(entitySet, followedBy(rows.get(entitySet), more));
  }
  // Altered tables (tests, broken tenants; small) are cut to fit from rows made at once.
  const schema = options.tables
    ? alteredSchema(tableDefinitions(names), new Map([...rows].map(([entitySet, seed]) => [entitySet, 'count' in seed ? [...seed.rows()] : seed])), options.tables)
    : { definitions: tableDefinitions(names), rows };
  const store = createStore(schema.definitions, schema.rows);
  const faults = createFaults();
  const recorded: RecordedRequest[] = [];
  const rowsServed: Record<string, number> = {};
  let origin = '';
  const roles = (options.roles ?? ((same) => same))(securityRoles(names));
  const users = new Map<string, KnownUser>(dataset.staff.map((member) => [staffObjectId(dataset, member.id), { systemUserId: rowIdFor(member.id), role: member.role }]));
  const applications = new Map<string, KnownUser>([[INTEGRATION_APP_ID, { systemUserId: TRAINING_SERVICE_ACCOUNT, role: 'system-administrator' }]]);
  const rules = (): TokenRules => ({ verify: options.verifyAccessToken ?? (() => null), audience: origin, users, applications, roles });
  const nobody = { userId: '00000000-0000-0000-0000-000000000000', may: () => false };
  const handle = createRequestHandler({
    // The server has refused any token that does not name a user before the handler runs; were one to slip through, it may do nothing.
    caller: (authorization) => {
      const outcome = callerForToken(authorization, rules());
      return 'caller' in outcome ? outcome.caller : nobody;
    },
    store,
    origin: () => origin,
    largestPage: Math.min(5000, Math.max(1, options.maxPageSize ?? 5000)),
    aggregateLimit: options.aggregateLimit,
    now: options.now ?? (() => new Date()),
    served: (entitySet, rows) => {
      rowsServed[entitySet] = (rowsServed[entitySet] ?? 0) + rows;
    },
    searchable: () => (options.relevanceSearch === false ? null : searchable),
  });
  const searchProtection = options.searchLimits === false ? null : createSearchProtection({ ...DATAVERSE_SEARCH_LIMITS, ...options.searchLimits });
  const protection = options.limits ? createServiceProtection({ ...DATAVERSE_LIMITS, ...(options.limits === true ? {} : options.limits) }) : null;
  const tally = { received: 0, faulted: 0 };
  const searchable = new Map<string, SearchableTable>([['contact', { entitySet: 'contacts', objectTypeCode: 2, findColumns: CONTACT_FIND_COLUMNS, viewColumns: contactViewColumns(names) }]]);
  let slow: SlowDirectory | null = null;
  /** A page of the directory: the contact table read whole with change tracking, or a next or delta link of that read. */
  const isDirectoryPage = (target: string, prefer: string | undefined) => {
    const url = new URL(target, 'https://stand-in.invalid');
    if (url.pathname !== '/api/data/v9.2/contacts') return false;
    return /odata\.track-changes/.test(prefer ?? '') || url.searchParams.has('$skiptoken') || url.searchParams.has('$deltatoken');
  };
  const directoryDelayFor = (target: string, prefer: string | undefined, caller: { userId: string }) => {
    if (!slow || !isDirectoryPage(target, prefer)) return 0;
    if (slow.staffId !== undefined && caller.userId !== rowIdFor(slow.staffId)) return 0;
    return slow.delayMs;
  };

  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    };
    tally.received += 1;
    // Concurrency counts from the moment a request arrives, as its upload takes the service's time too.
    const admission: Admission | StandInResponse | null = protection ? protection.admit(header('authorization') ?? '') : null;
    // The request stays concurrent until its answer is written or its connection is cut.
    let executionMs = 0;
    response.on('close', () => {
      if (admission && 'done' in admission) admission.done(executionMs);
    });
    const answer = (reply: StandInResponse) => {
      response.writeHead(reply.status, reply.headers);
      response.end(reply.body);
    };
    readBody(request, LARGEST_BODY, (body) => {
      recorded.push({ method: request.method ?? 'GET', target: request.url ?? '/', prefer: header('prefer') ?? null });
      // The token first, as in front of the real service: nothing else is looked at for a request Dataverse would not accept.
      const checked = callerForToken(header('authorization'), rules());
      if ('refused' in checked) {
        answer(checked.refused);
        return;
      }
      if (admission && !('done' in admission)) {
        answer(admission);
        return;
      }
      const searchRefusal = request.method === 'POST' && new URL(request.url ?? '/', 'https://stand-in.invalid').pathname === SEARCH_QUERY_PATH ? searchProtection?.admit(checked.caller.userId) : null;
      if (searchRefusal) {
        answer(searchRefusal);
        return;
      }
      const standInRequest = {
        method: request.method ?? 'GET',
        target: request.url ?? '/',
        headers: {
          authorization: header('authorization'),
          prefer: header('prefer'),
          'content-type': header('content-type'),
          'if-match': header('if-match'),
          'if-none-match': header('if-none-match'),
        },
        body,
      };
      const run = (): StandInResponse => {
        const started = performance.now();
        const reply = handle(standInRequest);
        executionMs += performance.now() - started + (options.modelledMsPerOperation ?? 0) * (reply.operations ?? 1);
        return reply;
      };
      const fault = faults.next();
      if (fault) tally.faulted += 1;
      const directoryDelay = directoryDelayFor(standInRequest.target, standInRequest.headers.prefer, checked.caller);
      if (!fault && directoryDelay > 0) setTimeout(() => answer(run()), directoryDelay);
      else if (!fault) answer(run());
      else if ('status' in fault) answer(faultResponse(fault));
      else if ('delayMs' in fault) setTimeout(() => answer(run()), fault.delayMs);
      else if ('duplicate' in fault) {
        run();
        answer(run());
      } else if (fault.connection === 'accept-then-fail') {
        run();
        request.socket.destroy();
      } else request.socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The seed rows still waiting are made a slice at a time while no request has come for half
  // a second, so a new PC's directory download is not slowed by them; a request that needs a
  // table before then makes it whole there and then. Then Dataverse search's index, a column at
  // a time, as a real environment has it before anyone searches. Then each change-tracked
  // table's rows in key order, as Dataverse's clustered index holds them: sorting 320,000
  // contacts took the first page of a new PC's directory read about 300 ms.
  const sorted = new Set<StoredTable>();
  const sortSome = (): boolean => {
    const next = store.tables().find((table) => table.definition.tracked && !sorted.has(table));
    if (!next) return false;
    next.inKeyOrder();
    sorted.add(next);
    return true;
  };
  let seen = -1;
  let filling: NodeJS.Timeout | undefined;
  let allMade: () => void = () => undefined;
  const allRowsMade = new Promise<void>((resolve) => (allMade = resolve));
  const fillWhileIdle = () => {
    const busy = tally.received !== seen;
    seen = tally.received;
    if (busy) filling = setTimeout(fillWhileIdle, 500).unref();
    else if (store.fillSome(5_000) || indexSome(store, options.relevanceSearch === false ? null : searchable) || sortSome()) filling = setTimeout(fillWhileIdle, 0).unref();
    else allMade();
  };
  filling = setTimeout(fillWhileIdle, 500).unref();

  return {
    url: origin,
    ca: certificate.cert,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(filling);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    faults: { failNext: faults.failNext, failAlways: faults.failAlways, clear: faults.clear },
    mutate: { update: store.update, remove: store.remove },
    requests: () => [...recorded],
    rows: (entitySet) => [...(store.table(entitySet)?.rows.values() ?? [])].map((row) => ({ ...row.values })),
    slowDirectory: (setting) => {
      slow = setting;
    },
    allRowsMade,
    counters: () => ({ ...tally, rowsServed: { ...rowsServed }, ...(protection?.counters() ?? { accepted: tally.received, throttled: 0, executionMs: 0 }) }),
  };
}
