import { failed, notChecked, passed, type ReadinessCheck } from './check';
import { dataverseScope, type SignedInOfficer, type TenantConnection } from './tenant';

const ENTERPRISE_APPS = 'Microsoft Entra admin centre → Enterprise applications → CivicDesk → Permissions → "Grant admin consent for <council>"';

/** What an MSAL error says: its code, sub-error and words, looked for down its causes. */
function described(error: unknown): { code: string; subError: string; text: string } {
  let code = '';
  let subError = '';
  const texts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const each = current as { errorCode?: unknown; subError?: unknown; message?: unknown; errorMessage?: unknown; cause?: unknown };
    if (!code && typeof each.errorCode === 'string') code = each.errorCode;
    if (!subError && typeof each.subError === 'string') subError = each.subError;
    if (typeof each.message === 'string') texts.push(each.message);
    if (typeof each.errorMessage === 'string') texts.push(each.errorMessage);
    current = each.cause;
  }
  if (typeof error === 'string') texts.push(error);
  return { code, subError, text: texts.join(' ') };
}

/** Entra's "consent not given" (AADSTS65001, sub-error consent_required). */
export function isConsentRefusal(error: unknown): boolean {
  const { code, subError, text } = described(error);
  return subError === 'consent_required' || code === 'consent_required' || /AADSTS65001|AADSTS90094/.test(text);
}

/** Signing in: the app registration must exist in the tenant and the sign-in must complete. */
export async function signInCheck(connection: TenantConnection): Promise<{ check: ReadinessCheck; officer: SignedInOfficer | null }> {
  const { tenantId, clientId } = connection.settings;
  const title = 'Signing in to Microsoft Entra ID';
  try {
    const officer = await connection.signIn();
    return { check: passed('sign-in', title, `Signed in as ${officer.name}, whose app roles make them ${roleWords(officer.role)}.`), officer };
  } catch (error) {
    const { text } = described(error);
    if (/AADSTS700016/.test(text) || /unauthorized_client/.test(text)) {
      return {
        check: failed('sign-in', title, `The client id ${clientId} is not registered in tenant ${tenantId} (AADSTS700016).`, `Register CivicDesk in Microsoft Entra ID (App registrations → New registration) in tenant ${tenantId}, or put the right Application (client) ID in civicdesk.config.json's clientId.`),
        officer: null,
      };
    }
    if (isConsentRefusal(error)) {
      return {
        check: failed('sign-in', title, 'The sign-in was refused because consent has not been given for CivicDesk (AADSTS65001).', `Grant admin consent for every permission CivicDesk asks for: ${ENTERPRISE_APPS}.`),
        officer: null,
      };
    }
    return {
      check: failed('sign-in', title, `The sign-in did not complete: ${text || 'no reason given'}.`, 'Check the tenantId in civicdesk.config.json, that the app registration has the redirect URI http://localhost (Mobile and desktop applications), and that this computer reaches login.microsoftonline.com; then run the check again.'),
      officer: null,
    };
  }
}

/**
 * One token request per scope, so a refusal names the very scope an administrator has to
 * consent to. Graph's scopes and Dataverse's are separate resources: Entra issues a token for
 * one resource at a time.
 */
export async function consentChecks(connection: TenantConnection, graphScopes: readonly string[], officer: SignedInOfficer | null): Promise<ReadinessCheck[]> {
  const scopes = [...graphScopes.map((scope) => ({ scope, api: 'Microsoft Graph' })), { scope: dataverseScope(connection.settings.dataverseUrl), api: 'Dynamics CRM' }];
  const checks: ReadinessCheck[] = [];
  for (const { scope, api } of scopes) {
    const short = scope.split('/').pop() ?? scope;
    const id = `consent:${short === scope ? scope : `dataverse:${short}`}`;
    const title = `Permission ${api} ${short} is consented`;
    if (!officer) {
      checks.push(notChecked(id, title, 'Not checked: nobody could sign in.', 'Fix signing in first.'));
      continue;
    }
    try {
      await connection.accessToken([scope]);
      checks.push(passed(id, title, `Entra ID issued a token for ${scope}.`));
    } catch (error) {
      if (isConsentRefusal(error)) {
        checks.push(failed(id, title, `Entra ID refused a token for ${scope}: admin consent has not been given (AADSTS65001).`, `Add the delegated permission ${api} ${short} to the app registration (API permissions → Add a permission), then grant admin consent: ${ENTERPRISE_APPS}.`));
      } else {
        checks.push(failed(id, title, `Entra ID did not issue a token for ${scope}: ${described(error).text || 'no reason given'}.`, `Check the app registration has the delegated permission ${api} ${short} and admin consent, then run the check again.`));
      }
    }
  }
  return checks;
}

function roleWords(role: SignedInOfficer['role']): string {
  return role === 'team-leader' ? 'a team leader' : role === 'service-point-officer' ? 'a service-point officer' : 'an agent';
}
