import { httpsFetch } from '../back-office/https-fetch';
import { generateTrainingData } from '../training/generator';
import { startDataverseStandIn, type DataverseStandIn, type StandInOptions } from '../training/dataverse/stand-in';
import { rowIdFor } from '../training/dataverse/row-ids';
import { TRAINING_ANONYMOUS_CONTACT_ID } from '../training/dataverse/rows-people';
import { buildGraphSeed, type GraphSeed } from '../training/graph/seed';
import { startGraphStandIn, type GraphStandIn } from '../training/graph/graph-stand-in';
import { startIdentityStandIn, type IdentityStandIn, type IdentityStandInOptions } from '../training/identity/identity-stand-in';
import { trainingBrowser } from '../training/identity/training-browser';
import { TRAINING_CLIENT_ID } from '../training/microsoft365';
import { msalConnection, type MsalConnection } from './msal-connection';
import type { TenantSettings } from './tenant';

/**
 * The training tenant as the readiness check sees it, and the ways a test may break it: each
 * knob makes one of the mistakes a council can make setting up its tenant.
 */
export interface TrainingTenantOptions {
  /** The settings as deployed; a test changes one (a client id nobody registered, a Bookings id that is wrong). */
  settings?: (settings: TenantSettings) => TenantSettings;
  /** The identity stand-in as started (which client ids are registered, which scopes are consented), knowing Dataverse's address. */
  identity?: (options: IdentityStandInOptions, tenant: { dataverseUrl: string }) => IdentityStandInOptions;
  /** The Dataverse stand-in as started (tables and columns, security roles). */
  dataverse?: (options: StandInOptions) => StandInOptions;
  /** Teams as seeded (channels, membership). */
  seed?: (seed: GraphSeed) => GraphSeed;
  now?: () => Date;
}

export interface TrainingTenant {
  connection: MsalConnection;
  /** The training team leader the check signs in as. */
  officer: { staffId: string; username: string };
  close(): Promise<void>;
}

/** A small borough is plenty: the check reads definitions and privileges, not residents. */
const RESIDENTS = 200;

/**
 * Starts the training tenant's identity, Graph and Dataverse stand-ins and connects the
 * readiness check to them through MSAL, signing in with the training browser as a training
 * team leader (team leaders follow every service team's escalations). Whatever fails on the
 * way, what was started is closed again.
 */
export async function startTrainingTenant(options: TrainingTenantOptions = {}): Promise<TrainingTenant> {
  const now = options.now ?? (() => new Date());
  const dataset = generateTrainingData({ residents: RESIDENTS, asOf: now().toISOString().slice(0, 10) });
  const leader = dataset.staff.find((member) => member.role === 'team-leader');
  if (!leader) throw new Error('The training borough has no team leader to sign in as.');
  const residents = dataset.residents.slice(0, 12).map((resident) => ({ id: rowIdFor(resident.id), name: `${resident.givenName} ${resident.familyName}`, phone: resident.contact.phones[0]?.number ?? null }));
  const seed = (options.seed ?? ((same) => same))(buildGraphSeed({ staff: dataset.staff, residents, today: now().toISOString().slice(0, 10), seed: dataset.seed }));
  const username = seed.users.find((user) => user.staffId === leader.id)?.userPrincipalName;
  if (!username) throw new Error('The training team leader has no Microsoft 365 account in the seed.');

  const started: { close(): Promise<void> | void }[] = [];
  const closeAll = async () => {
    for (const each of started.reverse()) await Promise.resolve(each.close()).catch(() => undefined);
    // A server's close callback comes before libuv lets its port go, in the loop's close phase;
    // two turns of the loop carry past it, so once close() resolves nothing is left listening.
    for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  };
  try {
    const identityOptions: IdentityStandInOptions = {
      tenantId: seed.tenantId,
      users: seed.users.map((user) => ({ oid: user.id, name: user.displayName, username: user.userPrincipalName })),
      clientIds: [TRAINING_CLIENT_ID],
      now,
    };
    // Dataverse first, so the identity knows its address (a consent names the environment); it checks tokens only once asked.
    let identity: IdentityStandIn | null = null;
    const dataverse: DataverseStandIn = await startDataverseStandIn((options.dataverse ?? ((same) => same))({ dataset, now, verifyAccessToken: (token) => identity?.verifyToken(token) ?? null }));
    started.push(dataverse);
    const signIn: IdentityStandIn = await startIdentityStandIn((options.identity ?? ((same) => same))(identityOptions, { dataverseUrl: dataverse.url }));
    identity = signIn;
    started.push(signIn);
    const graph: GraphStandIn = await startGraphStandIn({ seed, verifyAccessToken: (token) => signIn.verifyAccessToken(token), now });
    started.push(graph);
    const dataverseFetch = httpsFetch(dataverse.ca);
    started.push({ close: () => dataverseFetch.close() });
    const graphFetch = httpsFetch(graph.ca);
    started.push({ close: () => graphFetch.close() });

    const deployed: TenantSettings = {
      tenantId: seed.tenantId,
      clientId: TRAINING_CLIENT_ID,
      dataverseUrl: dataverse.url,
      publisherPrefix: 'cd',
      anonymousContactId: TRAINING_ANONYMOUS_CONTACT_ID,
      expertTeams: seed.settings.expertTeams,
      escalationChannels: seed.settings.escalationChannels,
      bookingsBusinessId: seed.bookingsBusinessId,
    };
    const staffByUser = new Map(seed.users.flatMap((user) => (user.staffId ? [[user.id, user.staffId] as const] : [])));
    const connection = msalConnection({
      settings: (options.settings ?? ((same) => same))(deployed),
      authority: signIn.authority,
      knownAuthorities: [new URL(signIn.authority).host],
      protocolMode: 'OIDC',
      identityCa: signIn.ca,
      openBrowser: trainingBrowser({ ca: signIn.ca, loginHint: () => username }),
      graphBaseUrl: `${graph.url.replace(/\/+$/, '')}/v1.0/`,
      dataverseFetch,
      graphFetch,
      // Training's accounts carry no app roles: their role is the training staff member's.
      roleOf: (userId) => dataset.staff.find((member) => member.id === staffByUser.get(userId))?.role ?? 'agent',
    });
    started.push(connection);
    return { connection, officer: { staffId: leader.id, username }, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
