import type { ReadinessCheck } from './check';
import { dataverseChecks } from './dataverse-checks';
import { consentChecks, signInCheck } from './sign-in-checks';
import { teamsChecks } from './teams-checks';
import { dataverseScope, type TenantConnection } from './tenant';

/**
 * The readiness check, in the order docs/microsoft-365.md's "Set up a new tenant" sets a
 * tenant up: sign-in, consent for each scope, Dataverse's tables and the officer's privileges,
 * then Teams and Bookings. A step that cannot be checked because an earlier one failed is
 * reported as not checked, never as passed.
 */
export async function runReadiness(connection: TenantConnection, graphScopes: readonly string[]): Promise<ReadinessCheck[]> {
  const { check: signIn, officer } = await signInCheck(connection);
  const consent = await consentChecks(connection, graphScopes, officer);
  const tokenFor = async (scopes: string[]) => (officer ? connection.accessToken(scopes).catch(() => null) : null);
  const dataverse = await dataverseChecks(connection, await tokenFor([dataverseScope(connection.settings.dataverseUrl)]), officer);
  const teams = await teamsChecks(connection, await tokenFor([...graphScopes]), officer);
  return [signIn, ...consent, ...dataverse, ...teams];
}
