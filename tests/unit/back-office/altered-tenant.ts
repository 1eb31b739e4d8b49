import { createDataverseBackOffice } from '../../../main/core/back-office/dataverse/dataverse-back-office';
import { httpsFetch } from '../../../main/core/back-office/https-fetch';
import { TRAINING_ANONYMOUS_CONTACT_ID } from '../../../main/core/training/dataverse/rows-people';
import type { TableDefinition } from '../../../main/core/training/dataverse/schema';
import { startDataverseStandIn } from '../../../main/core/training/dataverse/stand-in';
import { entraTokens } from '../support/entra-tokens';
import { asOf, dataset } from './fixture';

const tokens = entraTokens();

/**
 * A training tenant whose table definitions the test alters (a column shorter than Dataverse's
 * default, say), reached by the live adapter as the council's integration application, with
 * the adapter's warnings kept for the test to read. The caller closes it.
 */
export async function alteredTenant(tables?: (definitions: TableDefinition[]) => TableDefinition[]) {
  const standIn = await startDataverseStandIn({ dataset, now: () => asOf, tables, verifyAccessToken: tokens.verifyAccessToken });
  const fetch = httpsFetch(standIn.ca);
  const warnings: string[] = [];
  const backOffice = createDataverseBackOffice({
    dataverseUrl: standIn.url,
    getAccessToken: () => Promise.resolve(tokens.app(standIn.url)),
    fetch,
    now: () => asOf,
    sleep: async () => undefined,
    anonymousContactId: TRAINING_ANONYMOUS_CONTACT_ID,
    log: { warn: (message) => warnings.push(message) },
  });
  const close = async () => {
    fetch.close();
    await standIn.close();
  };
  return { standIn, backOffice, warnings, close };
}
