import { randomUUID } from 'node:crypto';
import type { ContactSubmission } from '../../../shared/contract/contacts';
import { createDataverseBackOffice } from '../../../main/core/back-office/dataverse/dataverse-back-office';
import type { RetryPolicy } from '../../../main/core/back-office/dataverse/failures';
import { httpsFetch, type FetchLike } from '../../../main/core/back-office/https-fetch';
import type { CouncilBackOffice } from '../../../main/core/back-office/port';
import { startDataverseStandIn, type DataverseStandIn, type StandInOptions } from '../../../main/core/training/dataverse/stand-in';
import { TRAINING_ANONYMOUS_CONTACT_ID } from '../../../main/core/training/dataverse/rows-people';
import { generateTrainingData, type TrainingDataset } from '../../../main/core/training/generator';
import { entraTokens, type EntraTokens } from '../support/entra-tokens';

/** Small enough to start in a blink, big enough for several pages of 50. */
export const dataset: TrainingDataset = generateTrainingData({ residents: 300 });

/** The adapter's clock is the data set's, so "recently closed" means the same on any day. */
export const asOf = new Date(dataset.generatedAt);

export interface Harness {
  standIn: DataverseStandIn;
  /** The identity the stand-in trusts: tokens for the application user or any training officer. */
  tokens: EntraTokens;
  /** 'Bearer <the integration app's token>': the application user, with System Administrator. */
  authorization: string;
  /** A training officer's token for this environment, as MSAL gets it for them. */
  officerToken(staffId: string): string;
  fetch: FetchLike & { close(): void };
  /** Every wait the adapter asked for, in milliseconds; nothing really waits. */
  sleeps: number[];
  warnings: string[];
  backOffice(options?: { fetch?: FetchLike; retry?: Partial<RetryPolicy>; getAccessToken?: () => Promise<string>; pageSize?: number; anonymousContactId?: string | null }): CouncilBackOffice;
  close(): Promise<void>;
}

/** The stand-in over real https, and the live adapter trusting only its certificate. */
export async function startHarness(options: { maxPageSize?: number; limits?: StandInOptions['limits']; aggregateLimit?: number; roles?: StandInOptions['roles']; searchLimits?: StandInOptions['searchLimits'] } = {}): Promise<Harness> {
  // Tokens are checked against the real clock (the data's clock is years ago: every token would have run out).
  const tokens = entraTokens();
  const standIn = await startDataverseStandIn({ dataset, maxPageSize: options.maxPageSize, now: () => asOf, limits: options.limits, aggregateLimit: options.aggregateLimit, roles: options.roles, searchLimits: options.searchLimits, verifyAccessToken: tokens.verifyAccessToken });
  const appToken = tokens.app(standIn.url);
  const fetch = httpsFetch(standIn.ca);
  const sleeps: number[] = [];
  const warnings: string[] = [];
  return {
    standIn,
    tokens,
    authorization: `Bearer ${appToken}`,
    officerToken: (staffId) => tokens.officer(standIn.url, dataset, staffId),
    fetch,
    sleeps,
    warnings,
    backOffice: (overrides = {}) =>
      createDataverseBackOffice({
        dataverseUrl: standIn.url,
        getAccessToken: overrides.getAccessToken ?? (() => Promise.resolve(appToken)),
        fetch: overrides.fetch ?? fetch,
        retry: overrides.retry,
        sleep: (ms) => {
          sleeps.push(ms);
          return Promise.resolve();
        },
        pageSize: overrides.pageSize ?? 50,
        // The training council's anonymous contact, as training mode sets it; null: a tenant with none set.
        anonymousContactId: overrides.anonymousContactId === null ? undefined : (overrides.anonymousContactId ?? TRAINING_ANONYMOUS_CONTACT_ID),
        now: () => asOf,
        log: { warn: (message) => warnings.push(message) },
      }),
    async close() {
      fetch.close();
      await standIn.close();
    },
  };
}

/** The contact-table requests a test caused, by their Prefer headers and paths. */
export function requestsTo(standIn: DataverseStandIn, entitySet: string) {
  return standIn.requests().filter((each) => each.target.startsWith(`/api/data/v9.2/${entitySet}`));
}

/** A completed call, as the outbox sends it. */
export function contactFor(overrides: Partial<ContactSubmission> = {}): ContactSubmission {
  return {
    id: randomUUID(),
    channel: 'phone',
    state: 'completed',
    staffId: 'stf-001',
    queue: 'Waste and recycling',
    callerNumber: '020 7946 0001',
    residentId: null,
    service: 'waste',
    offeredAt: '2024-02-01T10:09:00.000Z',
    answeredAt: '2024-02-01T10:10:00.000Z',
    endedAt: '2024-02-01T10:16:00.000Z',
    waitedSeconds: 60,
    afterCallWorkSeconds: 45,
    outcomes: ['create-case'],
    outcomeSummary: 'Missed recycling at 12 Acacia Road',
    disposition: 'case-raised',
    resolvedAtFirstContact: false,
    couldHaveBeenOnline: true,
    onlineRouteOffered: true,
    feedback: 'good',
    caseIds: [],
    caseReferences: [],
    interpreter: null,
    notes: '',
    incompleteReason: null,
    ...overrides,
  };
}
