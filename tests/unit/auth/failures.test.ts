import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { BrowserFailure, describeSignInFailure, signInNotPossible } from '../../../main/core/auth/failures';
import { NotPossible } from '../../../main/core/ipc/router';

const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });
const networkError = (cause: Error) => Object.assign(new AuthError('network_error', '', `Network request failed: ${cause.message}`), { cause });

describe('sign-in failures in plain English', () => {
  it.each([
    ['the officer declined', new ServerError('access_denied', '', 'AADSTS65004: User declined to consent to access the app.')],
    ['MSAL says the user cancelled', new AuthError('user_canceled', '', 'User cancelled the flow.')],
  ])('cancelled: %s', (_case, error) => {
    const failure = describeSignInFailure(error);
    expect(failure.kind).toBe('cancelled');
    expect(failure.message).toMatch(/^Sign-in to Microsoft 365 was cancelled.*Choose Sign in when you are ready/);
  });

  it.each([
    ['consent_required', new ServerError('consent_required', '', 'AADSTS65001: The user or administrator has not consented to use the application.')],
    ['invalid_grant with AADSTS65001', new ServerError('invalid_grant', '', 'AADSTS65001: The user or administrator has not consented to use the application with ID x.')],
    ['interaction_required about consent', new InteractionRequiredAuthError('interaction_required', '', 'Consent is needed for these permissions.')],
    ['admin approval needed', new ServerError('access_denied', '', 'AADSTS90094: The grant requires admin permission.')],
  ])('consent needed: %s', (_case, error) => {
    const failure = describeSignInFailure(error);
    expect(failure.kind).toBe('consent');
    expect(failure.message).toMatch(/administrator needs to give consent\. Ask the IT service desk/);
  });

  it.each([
    ['name not found', networkError(systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND login.microsoftonline.com'))],
    ['connection refused', networkError(systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443'))],
    ['timed out', networkError(systemError('ETIMEDOUT', 'The request timed out.'))],
    ['MSAL network_error', new AuthError('network_error', '', 'Network request failed')],
    ['discovery failed', new AuthError('openid_config_error', '', 'Could not retrieve endpoints.')],
  ])('network: %s', (_case, error) => {
    const failure = describeSignInFailure(error);
    expect(failure.kind).toBe('network');
    expect(failure.message).toMatch(/could not reach the Microsoft 365 sign-in service\. Check this computer is connected/);
  });

  it.each([
    ['assertion outside its time range', new ServerError('invalid_grant', '', 'AADSTS500133: Assertion is not within its valid time range.')],
    ['client assertion time range', new ServerError('invalid_client', '', 'AADSTS700024: Client assertion is not within its valid time range.')],
    ['token not yet valid', new AuthError('token_not_yet_valid', '', 'The token is not yet valid (nbf is in the future).')],
    ['certificate not yet valid (clock behind)', networkError(systemError('CERT_NOT_YET_VALID', 'certificate is not yet valid'))],
    ['certificate expired (clock ahead)', networkError(systemError('CERT_HAS_EXPIRED', 'certificate has expired'))],
  ])('clock skew: %s', (_case, error) => {
    const failure = describeSignInFailure(error);
    expect(failure.kind).toBe('clock');
    expect(failure.message).toMatch(/clock looks wrong\. Check the date, time and time zone/);
  });

  it.each([
    ['interaction_required', new InteractionRequiredAuthError('interaction_required', '', 'AADSTS50076: MFA needed.')],
    ['refresh token revoked', new InteractionRequiredAuthError('invalid_grant', '', 'AADSTS70008: The refresh token has expired or been revoked.', 'bad_token')],
    ['no tokens', new InteractionRequiredAuthError('no_tokens_found', '', 'No refresh token found in the cache.')],
  ])('sign in again: %s', (_case, error) => {
    expect(describeSignInFailure(error)).toEqual({ kind: 'sign-in-again', message: expect.stringMatching(/^Sign in to Microsoft 365 again/) });
  });

  it('anything else is still something to do, with a code to quote', () => {
    const failure = describeSignInFailure(new ServerError('temporarily_unavailable', '', 'AADSTS90033: A transient error has occurred.'));
    expect(failure.kind).toBe('unknown');
    expect(failure.message).toBe('Signing in to Microsoft 365 did not work. Try again, and if it keeps happening, tell the IT service desk (quote “temporarily_unavailable”).');
    expect(describeSignInFailure('weird').message).toMatch(/Try again, and if it keeps happening, tell the IT service desk\.$/);
  });

  it('a browser that will not open keeps the opener’s own words when it has them', () => {
    expect(describeSignInFailure(new BrowserFailure(new Error('spawn xdg-open ENOENT')))).toMatchObject({ kind: 'browser', message: expect.stringMatching(/could not open the Microsoft 365 sign-in page/) });
    expect(describeSignInFailure(new BrowserFailure(new NotPossible('Use the desktop app.'))).message).toBe('Use the desktop app.');
  });

  it('reaches the router as NotPossible', () => {
    const error = signInNotPossible(new ServerError('access_denied', '', 'declined'));
    expect(error).toBeInstanceOf(NotPossible);
    expect(error.message).toMatch(/was cancelled/);
  });
});
