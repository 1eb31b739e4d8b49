import { createDataverseBackOffice } from '../../back-office/dataverse/dataverse-back-office';
import type { BackOfficeLog } from '../../back-office/dataverse/context';
import { httpsFetch } from '../../back-office/https-fetch';
import type { CouncilBackOffice } from '../../back-office/port';
import type { TrainingDataset } from '../generator';
import { startDataverseStandIn, type DataverseStandIn, type StandInOptions } from './stand-in';
import { trainingOfficerToken } from './security-roles';

export interface TrainingBackOffice {
  backOffice: CouncilBackOffice;
  standIn: DataverseStandIn;
  close(): Promise<void>;
}

/**
 * While nobody is acting, the stand-in's integration user: main's own checks refuse residents'
 * records without an officer, and nothing is asked for as nobody.
 */
const TRAINING_TOKEN = 'training-mode-token';

/**
 * Training mode's back office: the stand-in started in this process and the live Dataverse
 * adapter pointed at it over https, trusting only the stand-in's own certificate. What a
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
    /** The acting officer's staff id: their token carries it, so the stand-in applies their role's Dataverse privileges. */
    caller?: () => string | null;
  } = {},
): Promise<TrainingBackOffice> {
  const standIn = await startDataverseStandIn({ dataset, maxPageSize: options.maxPageSize, now: options.now, teamHistory: options.teamHistory });
  const fetch = httpsFetch(standIn.ca);
  const backOffice = createDataverseBackOffice({
    dataverseUrl: standIn.url,
    getAccessToken: () => {
      const staffId = options.caller?.() ?? null;
      return Promise.resolve(staffId ? trainingOfficerToken(staffId) : TRAINING_TOKEN);
    },
    fetch,
    now: options.now,
    log: options.log,
    pageSize: options.pageSize,
  });
  return {
    backOffice,
    standIn,
    async close() {
      fetch.close();
      await standIn.close();
    },
  };
}
