import type { StaffRole } from '../../../shared/domain/staff';

/** What the readiness check is told about the tenant: the deployment file's settings. */
export interface TenantSettings {
  tenantId: string;
  clientId: string;
  dataverseUrl: string;
  publisherPrefix: string;
  /** The contact row every anonymous case is filed under (Dataverse makes no case without a customer). */
  anonymousContactId: string;
  expertTeams: Readonly<Record<string, string>>;
  escalationChannels: Readonly<Record<string, { teamId: string; channelId: string }>>;
  bookingsBusinessId: string | null;
}

/** Who signed in for the check: their Entra object id and the CivicDesk role their app roles give them. */
export interface SignedInOfficer {
  userId: string;
  name: string;
  role: StaffRole;
}

/** An answer from Dataverse or Graph: its status and its JSON body (null when it had none). */
export interface ServiceAnswer {
  status: number;
  body: unknown;
}

/**
 * The tenant as the checks reach it. Live: MSAL in the system browser, Dataverse and Graph
 * over the internet; training: the same MSAL code against the stand-ins. Failures are thrown
 * as they came (MSAL's errors keep their AADSTS codes), so the checks can name the cause.
 */
export interface TenantConnection {
  settings: TenantSettings;
  signIn(): Promise<SignedInOfficer>;
  /** An access token for scopes of one resource, without signing the officer out on refusal. */
  accessToken(scopes: string[]): Promise<string>;
  /** GET on the Dataverse Web API; `path` follows `/api/data/v9.2/`. */
  dataverse(path: string, token: string): Promise<ServiceAnswer>;
  /** GET on Microsoft Graph v1.0; `path` follows `/v1.0/`. */
  graph(path: string, token: string): Promise<ServiceAnswer>;
}

/** Dataverse's delegated scope for an environment: `https://yourcouncil.crm11.dynamics.com/user_impersonation`. */
export const dataverseScope = (dataverseUrl: string): string => `${dataverseUrl.replace(/\/+$/, '')}/user_impersonation`;

/** The message inside a Dataverse or Graph error body ({"error":{"code","message"}}), for the detail line. */
export function errorText(body: unknown): string {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const message = typeof error?.message === 'string' ? error.message : '';
  const code = typeof error?.code === 'string' ? error.code : '';
  return [code, message.replace(/\.+$/, '')].filter(Boolean).join(': ') || 'no reason given';
}
