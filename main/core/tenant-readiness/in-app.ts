import type { AccountStatus } from '../../../shared/contract/microsoft365';
import type { TenantReadiness } from '../../../shared/contract/tenant-readiness';
import type { StaffRole } from '../../../shared/domain/staff';
import { httpsFetch, type FetchLike } from '../back-office/https-fetch';
import type { LoadedConfig } from '../config/deployment-config';
import { NotPossible } from '../ipc/router';
import { GRAPH_SCOPES } from '../smart-working';
import type { DataverseStandIn } from '../training/dataverse/stand-in';
import type { TrainingMicrosoft365 } from '../training/microsoft365';
import { allPassed } from './check';
import { tenantSettings } from './live-tenant';
import { runReadiness } from './run-readiness';
import type { ServiceAnswer, TenantConnection, TenantSettings } from './tenant';

export interface InAppReadinessDeps {
  config: LoadedConfig;
  /** The officer's Microsoft 365 sign-in, as the status bar shows it. */
  accountStatus(): Promise<AccountStatus>;
  /** Their CivicDesk role (from their app roles live, the training staff member in training). */
  role(): StaffRole | null;
  accessToken(scopes: string[]): Promise<string>;
  /** Live only: the way out to the internet. */
  fetch?: FetchLike;
  trainingDataverse(): Promise<DataverseStandIn | null>;
  trainingMicrosoft365(): Promise<TrainingMicrosoft365 | null>;
}

const SIGN_IN_FIRST = 'Sign in to Microsoft 365 first (the button is in the status bar), then run the check again.';

/**
 * The Tenant readiness page's check: the same checks as `npm run tenant:check`, made as the
 * officer signed in to CivicDesk now, with their own tokens. It never starts a sign-in: the
 * page says to sign in first.
 */
export async function checkTenantFromApp(deps: InAppReadinessDeps): Promise<TenantReadiness> {
  const { config } = deps;
  if (config.mode === 'config-error') throw new NotPossible('The settings file has problems: fix those first.');
  const status = await deps.accountStatus();
  const closers: (() => void)[] = [];
  try {
    const place = status.signedIn ? await where(deps, closers) : null;
    const settings: TenantSettings = place?.settings ?? (config.mode === 'live' ? tenantSettings(config.config) : { tenantId: '', clientId: '', dataverseUrl: 'https://127.0.0.1', publisherPrefix: 'cd', anonymousContactId: '', expertTeams: {}, escalationChannels: {}, bookingsBusinessId: null });
    const get = async (fetch: FetchLike, url: string, token: string): Promise<ServiceAnswer> => {
      const response = await fetch(url, { method: 'GET', headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'odata-maxversion': '4.0', 'odata-version': '4.0' } });
      const text = await response.text();
      try {
        return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
      } catch {
        return { status: response.status, body: null };
      }
    };
    const connection: TenantConnection = {
      settings,
      signIn: () => {
        const role = deps.role();
        if (!status.signedIn || !role || !place) return Promise.reject(new Error(SIGN_IN_FIRST));
        return Promise.resolve({ userId: status.userId, name: status.name, role });
      },
      accessToken: (scopes) => deps.accessToken(scopes),
      dataverse: (path, token) => (place ? get(place.dataverseFetch, `${settings.dataverseUrl.replace(/\/+$/, '')}/api/data/v9.2/${path}`, token) : Promise.reject(new Error(SIGN_IN_FIRST))),
      graph: (path, token) => (place ? get(place.graphFetch, `${place.graphBaseUrl}${path}`, token) : Promise.reject(new Error(SIGN_IN_FIRST))),
    };
    const checks = await runReadiness(connection, GRAPH_SCOPES);
    return { tenant: config.mode === 'live' ? 'live' : 'training', checks, ready: allPassed(checks) };
  } finally {
    for (const close of closers) close();
  }
}

interface Place {
  settings: TenantSettings;
  graphBaseUrl: string;
  dataverseFetch: FetchLike;
  graphFetch: FetchLike;
}

/** Where the tenant's services are: the council's, or training's stand-ins (trusting only their certificates). */
async function where(deps: InAppReadinessDeps, closers: (() => void)[]): Promise<Place> {
  if (deps.config.mode === 'live') {
    if (!deps.fetch) throw new NotPossible('This version of CivicDesk cannot reach the internet for the check.');
    return { settings: tenantSettings(deps.config.config), graphBaseUrl: 'https://graph.microsoft.com/v1.0/', dataverseFetch: deps.fetch, graphFetch: deps.fetch };
  }
  const [dataverse, microsoft365] = await Promise.all([deps.trainingDataverse(), deps.trainingMicrosoft365()]);
  if (!dataverse || !microsoft365) throw new NotPossible('Training’s stand-ins are not running.');
  // Loaded only here, as the stand-ins are: a live start never loads training's code.
  const { TRAINING_ANONYMOUS_CONTACT_ID } = await import('../training/dataverse/rows-people');
  const dataverseFetch = httpsFetch(dataverse.ca);
  const graphFetch = httpsFetch(microsoft365.graph.ca);
  closers.push(() => dataverseFetch.close(), () => graphFetch.close());
  return {
    settings: {
      tenantId: microsoft365.seed.tenantId,
      clientId: microsoft365.clientId,
      dataverseUrl: dataverse.url,
      publisherPrefix: 'cd',
      anonymousContactId: TRAINING_ANONYMOUS_CONTACT_ID,
      expertTeams: microsoft365.settings.expertTeams,
      escalationChannels: microsoft365.settings.escalationChannels,
      bookingsBusinessId: microsoft365.settings.bookingsBusinessId,
    },
    graphBaseUrl: `${microsoft365.graph.url.replace(/\/+$/, '')}/v1.0/`,
    dataverseFetch,
    graphFetch,
  };
}
