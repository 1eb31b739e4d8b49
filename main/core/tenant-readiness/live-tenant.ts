import type { DeploymentConfig } from '../config/deployment-config';
import type { FetchLike } from '../back-office/https-fetch';
import { staffRoleFor } from '../smart-working';
import { msalConnection, type MsalConnection } from './msal-connection';
import type { TenantSettings } from './tenant';

/** The settings the readiness check reads from a council's deployment file. */
export function tenantSettings(config: DeploymentConfig): TenantSettings {
  return {
    tenantId: config.tenantId,
    clientId: config.clientId,
    dataverseUrl: config.dataverseUrl,
    publisherPrefix: config.publisherPrefix,
    anonymousContactId: config.anonymousContactId,
    expertTeams: config.teams.expertTeams,
    escalationChannels: config.teams.escalationChannels,
    bookingsBusinessId: config.bookingsBusinessId ?? null,
  };
}

/**
 * The council's own tenant: Microsoft Entra ID's sign-in page in the system browser (MSAL's
 * loopback redirect, as CivicDesk signs in), Dataverse and Microsoft Graph over the internet.
 */
export function liveTenant(config: DeploymentConfig, options: { openBrowser(url: string): Promise<void>; fetch: FetchLike }): MsalConnection {
  return msalConnection({
    settings: tenantSettings(config),
    authority: `https://login.microsoftonline.com/${config.tenantId}`,
    knownAuthorities: [],
    protocolMode: 'AAD',
    openBrowser: options.openBrowser,
    graphBaseUrl: 'https://graph.microsoft.com/v1.0/',
    dataverseFetch: options.fetch,
    graphFetch: options.fetch,
    roleOf: (_userId, appRoles) => staffRoleFor(appRoles),
  });
}
