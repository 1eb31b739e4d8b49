import type { Microsoft365Settings } from '../graph/service-context';
import { buildGraphSeed, type GraphSeed } from './graph/seed';
import { startGraphStandIn, type GraphStandIn } from './graph/graph-stand-in';
import { startIdentityStandIn, type IdentityStandIn } from './identity/identity-stand-in';
import { trainingBrowser } from './identity/training-browser';
import type { TrainingDataset } from './generator';
import { rowIdFor } from './dataverse/row-ids';
import { londonDate } from '../../../shared/london-time';

import { TRAINING_CLIENT_ID } from './identity/training-identity';

export { TRAINING_CLIENT_ID } from './identity/training-identity';

export interface TrainingMicrosoft365 {
  identity: IdentityStandIn;
  graph: GraphStandIn;
  seed: GraphSeed;
  clientId: string;
  settings: Microsoft365Settings;
  /** The "browser" a trainee signs in with: it signs in as whoever the trainee is acting as. */
  browser(loginHint: () => string | null): (url: string) => Promise<void>;
  /** The training colleague's Microsoft 365 user name for a training staff id. */
  usernameForStaff(staffId: string | null): string | null;
  /** The training colleague's Entra object id for a training staff id. */
  userIdForStaff(staffId: string): string | null;
  close(): Promise<void>;
}

/** Where training forwards an email to a service: the training tenant's service mailboxes. */
const TRAINING_FORWARD_TO: Readonly<Record<string, string>> = {
  waste: 'waste.services@example.org',
  'council-tax': 'council.tax@example.org',
  parking: 'parking@example.org',
  'housing-repairs': 'housing.repairs@example.org',
  'noise-nuisance': 'noise.team@example.org',
};

/** How many residents have an appointment today at the two service points. */
const RESIDENTS_WITH_APPOINTMENTS = 48;

/**
 * Training mode's Microsoft 365: an identity stand-in and a Graph stand-in, seeded with the
 * training staff, service teams of synthetic experts and a day of service-point appointments
 * for residents of the synthetic borough. The app reaches them through the same MSAL and Graph
 * client code as live.
 */
export async function startTrainingMicrosoft365(training: TrainingDataset, options: { now: () => Date; identity?: IdentityStandIn }): Promise<TrainingMicrosoft365> {
  // The service points' day is London's: between midnight and 1:00 in summer, UTC's date is still yesterday.
  const today = londonDate(options.now());
  const residents = training.residents
    .filter((resident) => resident.contact.phones.length > 0)
    .slice(0, RESIDENTS_WITH_APPOINTMENTS)
    .map((resident) => ({ id: rowIdFor(resident.id), name: `${resident.givenName} ${resident.familyName}`, phone: resident.contact.phones[0]?.number ?? '', email: resident.contact.email ?? null }));
  const seed = buildGraphSeed({ staff: training.staff, residents, today, seed: training.seed });
  // The run's one identity when training's back office has started it already (it signs officers in to Dataverse too).
  const identity = options.identity ?? await startIdentityStandIn({
    tenantId: seed.tenantId,
    users: seed.users.map((user) => ({ oid: user.id, name: user.displayName, username: user.userPrincipalName })),
    clientIds: [TRAINING_CLIENT_ID],
    now: options.now,
  });
  // The client id the token was issued to (azp) goes with it: Graph names an app's presence session after it.
  const graph = await startGraphStandIn({
    seed,
    verifyAccessToken: (token) => {
      const claims = identity.verifyAccessToken(token);
      const appId = claims ? identity.verifyToken(token)?.azp : undefined;
      return claims && { ...claims, ...(appId ? { appId } : {}) };
    },
    now: options.now,
  });
  const byStaff = new Map(seed.users.flatMap((user) => (user.staffId ? [[user.staffId, user.userPrincipalName] as const] : [])));
  return {
    identity,
    graph,
    seed,
    clientId: TRAINING_CLIENT_ID,
    settings: { ...seed.settings, bookingsBusinessId: seed.bookingsBusinessId, bookingsResidentQuestionId: seed.residentQuestionId, contactMailbox: { address: seed.mailbox.address, forwardTo: TRAINING_FORWARD_TO } },
    browser: (loginHint) => trainingBrowser({ ca: identity.ca, loginHint }),
    usernameForStaff: (staffId) => (staffId ? (byStaff.get(staffId) ?? null) : null),
    userIdForStaff: (staffId) => seed.users.find((user) => user.staffId === staffId)?.id ?? null,
    async close() {
      await Promise.all([graph.close(), options.identity ? undefined : identity.close()]);
    },
  };
}
