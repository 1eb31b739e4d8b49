import { createDataverseBackOffice } from '../../back-office/dataverse/dataverse-back-office';
import type { BackOfficeLog } from '../../back-office/dataverse/context';
import { httpsFetch } from '../../back-office/https-fetch';
import type { CouncilBackOffice } from '../../back-office/port';
import { NotPossible } from '../../ipc/router';
import type { TrainingDataset } from '../generator';
import type { IdentityStandIn } from '../identity/identity-stand-in';
import { startTrainingIdentity } from '../identity/training-identity';
import { officerTokens } from './officer-tokens';
import { TRAINING_ANONYMOUS_CONTACT_ID } from './rows-people';
import { startDataverseStandIn, type DataverseStandIn, type StandInOptions } from './stand-in';

export interface TrainingBackOffice {
  backOffice: CouncilBackOffice;
  standIn: DataverseStandIn;
  /** The run's Microsoft Entra ID: Dataverse trusts its tokens, and Microsoft 365 in training signs in to it too. */
  identity: IdentityStandIn;
  /** Signs the officer in to the back office now (MSAL, as their first read would), so their first screen's reads do not wait for it. */
  signIn(staffId: string): Promise<void>;
  close(): Promise<void>;
}

/** Said when something would reach Dataverse while nobody is acting: there is no one to ask a token for. */
const NOBODY_ACTING = 'Choose whom you are acting as first: training reaches the back office only as an officer.';

/**
 * Training mode's back office: the stand-in started in this process and the live Dataverse
 * adapter pointed at it over https, trusting only the stand-in's own certificate, with the
 * acting officer's token got through MSAL from the training identity as live gets one. What a
 * trainee sees has come through exactly the code that live mode runs.
 */
export async function createTrainingBackOffice(
  dataset: TrainingDataset,
  options: {
    now?: () => Date;
    log?: BackOfficeLog;
    pageSize?: number;
    maxPageSize?: number;
    teamHistory?: StandInOptions['teamHistory'];
    /** The acting officer's staff id: the back office is reached as them, with their role's Dataverse privileges; null asks for nothing. */
    caller?: () => string | null;
    /** The run's identity, when something else (Microsoft 365 in training) is to share it; otherwise one is started and closed with this. */
    identity?: IdentityStandIn;
  } = {},
): Promise<TrainingBackOffice> {
  const now = options.now ?? (() => new Date());
  const identity = options.identity ?? (await startTrainingIdentity(dataset, { now }));
  const standIn = await startDataverseStandIn({ dataset, maxPageSize: options.maxPageSize, now: options.now, teamHistory: options.teamHistory, verifyAccessToken: (token) => identity.verifyToken(token) });
  const fetch = httpsFetch(standIn.ca);
  const tokens = officerTokens({
    identity,
    scope: `${standIn.url}/user_impersonation`,
    usernameFor: (staffId) => dataset.staff.find((member) => member.id === staffId)?.email ?? null,
    // MSAL's sign-in news is not the back office's: only its warnings go to the log.
    log: { info: () => undefined, warn: (message, details) => options.log?.warn(message, details) },
    now,
  });
  const backOffice = createDataverseBackOffice({
    dataverseUrl: standIn.url,
    getAccessToken: () => {
      const staffId = options.caller?.() ?? null;
      return staffId ? tokens.token(staffId) : Promise.reject(new NotPossible(NOBODY_ACTING));
    },
    fetch,
    now: options.now,
    log: options.log,
    pageSize: options.pageSize,
    anonymousContactId: TRAINING_ANONYMOUS_CONTACT_ID,
  });
  return {
    backOffice,
    standIn,
    identity,
    async signIn(staffId) {
      await tokens.token(staffId);
    },
    async close() {
      await tokens.close();
      fetch.close();
      await standIn.close();
      if (!options.identity) await identity.close();
    },
  };
}
