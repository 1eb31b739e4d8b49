import type { BatchSender } from '../../../main/core/graph/batch';
import { createGraphClient, type GraphClient } from '../../../main/core/graph/graph-client';
import { createMicrosoft365Service, type Microsoft365Service, type Microsoft365Settings } from '../../../main/core/graph/microsoft365-service';
import { startGraphStandIn, type GraphStandIn } from '../../../main/core/training/graph/graph-stand-in';
import { buildGraphSeed, type GraphSeed } from '../../../main/core/training/graph/seed';
import { trainingStaff } from '../../../main/core/training/staff';
import { GRAPH_SCOPES } from '../../../main/core/smart-working';

export const TEST_TOKEN = 'test-token';
/** Microsoft Graph's application id: the audience Entra puts in a token for Graph. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const TODAY = '2026-11-27';
/** CivicDesk's app registration: the client id its tokens are issued to (azp). */
export const TEST_APP_ID = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';

export const residents = Array.from({ length: 30 }, (_, i) => ({
  id: `res-${String(i + 1).padStart(4, '0')}`,
  name: `Resident ${String(i + 1)}`,
  phone: `07700 900${String(100 + i)}`,
}));

export const seed: GraphSeed = buildGraphSeed({ staff: trainingStaff(1), residents, today: TODAY, seed: 7 });

/** The signed-in officer: a contact centre agent, as in most training sessions. */
export const officer = seed.users.find((user) => user.jobTitle === 'Customer service adviser') ?? seed.users[0]!;

export interface Harness {
  standIn: GraphStandIn;
  graph: GraphClient;
  /** Every wait the client asked for, in milliseconds; nothing really waits. */
  sleeps: number[];
  service(overrides?: { settings?: Partial<Microsoft365Settings>; now?: () => Date; appId?: string }): Microsoft365Service;
  /** For sending a $batch directly: the client, the recorded waits, the test's clock. */
  batchSender: BatchSender;
  clock: { at: Date };
  close(): Promise<void>;
}

/** The stand-in over real https, and the real Graph client trusting only its certificate. */
export async function startHarness(options: { token?: string | null; scp?: string; aud?: string; seed?: GraphSeed; appId?: string; oid?: string } = {}): Promise<Harness> {
  // 10:15 on the seed's day, London time (GMT in November).
  const clock = { at: new Date(`${TODAY}T10:15:00Z`) };
  // The token carries the scopes CivicDesk asks for, as Entra would issue them once consented.
  const scp = options.scp ?? GRAPH_SCOPES.join(' ');
  const standIn = await startGraphStandIn({
    seed: options.seed ?? seed,
    verifyAccessToken: (token) => (token === TEST_TOKEN ? { oid: options.oid ?? officer.id, scp, aud: options.aud ?? GRAPH_APP_ID, appId: TEST_APP_ID } : null),
    now: () => clock.at,
  });
  const sleeps: number[] = [];
  const record = (ms: number) => {
    sleeps.push(ms);
    return Promise.resolve();
  };
  const token = options.token === undefined ? TEST_TOKEN : options.token;
  const graph = createGraphClient({
    accessToken: () => Promise.resolve(token ?? ''),
    baseUrl: standIn.url,
    ca: standIn.ca,
    now: () => clock.at,
    sleep: record,
  });
  return {
    standIn,
    graph,
    sleeps,
    clock,
    batchSender: { client: () => graph.client, wait: record, now: () => clock.at },
    service: (overrides = {}) =>
      createMicrosoft365Service({
        client: graph.client,
        settings: { ...(options.seed ?? seed).settings, ...overrides.settings },
        me: () => ({ userId: officer.id }),
        now: overrides.now ?? (() => clock.at),
        sleep: record,
        log: { info: () => undefined, warn: () => undefined },
        appId: overrides.appId ?? options.appId ?? TEST_APP_ID,
      }),
    close: async () => {
      graph.close();
      await standIn.close();
    },
  };
}

export function caseFor(overrides: Partial<{ reference: string | null; description: string; residentReference: string | null }> = {}) {
  return {
    caseId: '3f2b8c1e-5d4a-4e7b-9c1d-2a3b4c5d6e7f',
    reference: 'HR-2026-00412',
    service: 'housing-repairs',
    serviceName: 'Housing repairs',
    category: 'Damp and mould',
    priority: 'urgent' as const,
    dueOn: '2026-12-03',
    summary: 'Black mould in the back bedroom, returning after treatment',
    description: 'Resident says the extractor fan has not worked since March.',
    residentReference: 'RES-88231',
    ...overrides,
  };
}
