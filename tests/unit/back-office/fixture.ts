import { createDataverseBackOffice } from '../../../main/core/back-office/dataverse/dataverse-back-office';
import type { RetryPolicy } from '../../../main/core/back-office/dataverse/failures';
import { httpsFetch, type FetchLike } from '../../../main/core/back-office/https-fetch';
import type { BackOffice, CaseBackOffice } from '../../../main/core/back-office/port';
import { startDataverseStandIn, type DataverseStandIn, type StandInOptions } from '../../../main/core/training/dataverse/stand-in';
import { generateTrainingData, type TrainingDataset } from '../../../main/core/training/generator';

/** Small enough to start in a blink, big enough for several pages of 50. */
export const dataset: TrainingDataset = generateTrainingData({ residents: 300 });

/** The adapter's clock is the data set's, so "recently closed" means the same on any day. */
export const asOf = new Date(dataset.generatedAt);

export interface Harness {
  standIn: DataverseStandIn;
  fetch: FetchLike & { close(): void };
  /** Every wait the adapter asked for, in milliseconds; nothing really waits. */
  sleeps: number[];
  warnings: string[];
  backOffice(options?: { fetch?: FetchLike; retry?: Partial<RetryPolicy>; getAccessToken?: () => Promise<string>; pageSize?: number }): BackOffice & CaseBackOffice;
  close(): Promise<void>;
}

/** The stand-in over real https, and the live adapter trusting only its certificate. */
export async function startHarness(options: { maxPageSize?: number; limits?: StandInOptions['limits'] } = {}): Promise<Harness> {
  const standIn = await startDataverseStandIn({ dataset, maxPageSize: options.maxPageSize, now: () => asOf, limits: options.limits });
  const fetch = httpsFetch(standIn.ca);
  const sleeps: number[] = [];
  const warnings: string[] = [];
  return {
    standIn,
    fetch,
    sleeps,
    warnings,
    backOffice: (overrides = {}) =>
      createDataverseBackOffice({
        dataverseUrl: standIn.url,
        getAccessToken: overrides.getAccessToken ?? (() => Promise.resolve('test-token')),
        fetch: overrides.fetch ?? fetch,
        retry: overrides.retry,
        sleep: (ms) => {
          sleeps.push(ms);
          return Promise.resolve();
        },
        pageSize: overrides.pageSize ?? 50,
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
