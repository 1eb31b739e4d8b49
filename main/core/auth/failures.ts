import { NotPossible } from '../ipc/router';

export type SignInFailureKind = 'cancelled' | 'consent' | 'network' | 'clock' | 'sign-in-again' | 'browser' | 'unknown';

/** The sign-in page could not be shown: MSAL never got as far as the identity provider. */
export class BrowserFailure extends Error {
  override readonly name = 'BrowserFailure';
  constructor(readonly reason: unknown) {
    super('The sign-in page could not be opened.');
  }
}

export interface SignInFailure {
  kind: SignInFailureKind;
  /** What happened and what to do, in words an officer can act on. */
  message: string;
}

const MESSAGES: Record<Exclude<SignInFailureKind, 'unknown'>, string> = {
  cancelled: 'Sign-in to Microsoft 365 was cancelled, so CivicDesk is not signed in. Choose Sign in when you are ready to try again.',
  consent:
    'Your council has not yet allowed CivicDesk to use Microsoft 365 for you: an administrator needs to give consent. Ask the IT service desk to grant CivicDesk consent, then sign in again.',
  network:
    'CivicDesk could not reach the Microsoft 365 sign-in service. Check this computer is connected to the network (and to the council VPN if you use one), then try again.',
  clock:
    "Microsoft 365 refused the sign-in because this computer's clock looks wrong. Check the date, time and time zone in the computer's settings (or ask the IT service desk to), then sign in again.",
  browser: 'CivicDesk could not open the Microsoft 365 sign-in page in your web browser. Check this computer has a default web browser, then try again.',
  'sign-in-again': 'Sign in to Microsoft 365 again to carry on: your sign-in has run out or was ended by the council.',
};

// System error codes that mean the sign-in service could not be reached at all.
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EPIPE']);
// TLS says a certificate is not valid *yet* or *any more*: almost always this computer's clock.
const CLOCK_CODES = new Set(['CERT_NOT_YET_VALID', 'CERT_HAS_EXPIRED']);
// Entra's "outside its valid time range" family: the token or assertion's nbf/iat/exp is off by the clock.
const CLOCK_AADSTS = ['AADSTS500133', 'AADSTS700024', 'AADSTS50132', 'AADSTS700027'];
// Consent not yet given (by the officer or, more often, an administrator for the council).
const CONSENT_AADSTS = ['AADSTS65001', 'AADSTS90094', 'AADSTS90008'];
// The officer said no on the consent page.
const DECLINED_AADSTS = ['AADSTS65004'];

interface Looked {
  code: string;
  subError: string;
  text: string;
  systemCodes: string[];
}

/** What an error from MSAL, or from the network under it, tells us. */
function look(error: unknown): Looked {
  const systemCodes: string[] = [];
  const texts: string[] = [];
  let code = '';
  let subError = '';
  let current: unknown = error;
  // Walk the cause chain: our network module keeps the system error as `cause`.
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== 'object') {
      texts.push(String(current));
      break;
    }
    const each = current as { errorCode?: unknown; subError?: unknown; code?: unknown; message?: unknown; errorMessage?: unknown; cause?: unknown };
    if (!code && typeof each.errorCode === 'string') code = each.errorCode;
    if (!subError && typeof each.subError === 'string') subError = each.subError;
    if (typeof each.code === 'string') systemCodes.push(each.code);
    if (typeof each.message === 'string') texts.push(each.message);
    if (typeof each.errorMessage === 'string') texts.push(each.errorMessage);
    current = each.cause;
  }
  return { code, subError, text: texts.join(' '), systemCodes };
}

/**
 * Names a sign-in or token failure and says what the officer can do about it. The order
 * matters: a consent problem arrives as interaction_required too, and a wrong clock can look
 * like an expired sign-in, so the specific causes are checked first.
 */
export function describeSignInFailure(error: unknown): SignInFailure {
  if (error instanceof BrowserFailure) {
    // The opener's own words when it has them (for example, "use the desktop app").
    return { kind: 'browser', message: error.reason instanceof NotPossible ? error.reason.message : MESSAGES.browser };
  }
  const { code, subError, text, systemCodes } = look(error);
  const lower = text.toLowerCase();
  const mentions = (codes: string[]) => codes.some((each) => text.includes(each));

  if (systemCodes.some((each) => CLOCK_CODES.has(each)) || mentions(CLOCK_AADSTS) || /clock|not yet valid|time range|issued in the future|\bnbf\b|\biat\b/.test(lower)) {
    return { kind: 'clock', message: MESSAGES.clock };
  }
  if (code === 'consent_required' || subError === 'consent_required' || mentions(CONSENT_AADSTS) || (code === 'interaction_required' && lower.includes('consent'))) {
    return { kind: 'consent', message: MESSAGES.consent };
  }
  if (code === 'user_canceled' || code === 'user_cancelled' || code === 'access_denied' || subError === 'user_canceled' || mentions(DECLINED_AADSTS)) {
    return { kind: 'cancelled', message: MESSAGES.cancelled };
  }
  if (
    code === 'network_error' ||
    code === 'no_network_connectivity' ||
    code === 'openid_config_error' ||
    code === 'endpoints_resolution_error' ||
    systemCodes.some((each) => NETWORK_CODES.has(each)) ||
    /timed? ?out|socket hang up/.test(lower)
  ) {
    return { kind: 'network', message: MESSAGES.network };
  }
  if (['interaction_required', 'login_required', 'invalid_grant', 'no_tokens_found', 'refresh_token_expired', 'bad_token', 'no_account_in_silent_request'].includes(code)) {
    return { kind: 'sign-in-again', message: MESSAGES['sign-in-again'] };
  }
  const quoted = code ? ` (quote “${code}”)` : '';
  return {
    kind: 'unknown',
    message: `Signing in to Microsoft 365 did not work. Try again, and if it keeps happening, tell the IT service desk${quoted}.`,
  };
}

/**
 * What to tell an officer when consent is missing for one resource only (their sign-in is
 * fine): Dataverse's permission is named as an administrator finds it in Entra ("Dynamics CRM",
 * user_impersonation), since Microsoft 365's own consent may well be in place already.
 */
export function consentMessageFor(scopes: readonly string[]): string {
  const dataverse = scopes.some((scope) => /^https:\/\/[^/]+\/user_impersonation$/i.test(scope));
  return dataverse
    ? "Your council has not yet allowed CivicDesk to use Dynamics 365 for you: ask your Microsoft 365 administrator to grant consent for 'Dynamics CRM user_impersonation' (docs/microsoft-365.md)."
    : MESSAGES.consent;
}

/** What to tell an officer whose sign-in has run out or been revoked. */
export const SIGN_IN_AGAIN_MESSAGE = MESSAGES['sign-in-again'];

/** The failure as the router passes it on: a NotPossible carrying the plain-English message. */
export function signInNotPossible(error: unknown): NotPossible {
  return new NotPossible(describeSignInFailure(error).message);
}
