import { oauthError } from './oauth-errors';
import { chooseAccountPage, errorPage, formPostPage } from './pages';
import { clientAccepted, isLoopbackRedirect, opaque, type IdentityState } from './state';

export interface PageAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const html = (status: number, body: string): PageAnswer => ({ status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body });

/** How long an authorization code may wait to be redeemed (Entra's are short-lived too). */
const CODE_LIFETIME_MS = 10 * 60_000;

/**
 * The authorize endpoint: checks the request as Entra would, picks the user by login_hint (or
 * lists the training accounts to choose from) and answers with a code. Problems with the client
 * or redirect address are shown here and never sent on; every other problem goes back to the
 * app in the OAuth error shape.
 */
export function authorize(state: IdentityState, url: URL): PageAnswer {
  const query = url.searchParams;
  const clientId = query.get('client_id');
  const redirectUri = query.get('redirect_uri');
  if (!clientAccepted(state, clientId)) return html(400, errorPage(`AADSTS700016: Application with identifier '${clientId ?? ''}' was not found in the directory '${state.tenantId}'. This can happen if the application has not been installed by the administrator of the tenant.`));
  if (!isLoopbackRedirect(redirectUri)) return html(400, errorPage('Training sign-in only returns to this computer (http://localhost or http://127.0.0.1).'));

  const formPost = query.get('response_mode') === 'form_post';
  const reply = (fields: Record<string, string>): PageAnswer => {
    const stateParam = query.get('state');
    const all = stateParam === null ? fields : { ...fields, state: stateParam };
    if (formPost) return html(200, formPostPage(redirectUri, all));
    const target = new URL(redirectUri);
    for (const [name, value] of Object.entries(all)) target.searchParams.set(name, value);
    return { status: 302, headers: { location: target.href, 'cache-control': 'no-store' }, body: '' };
  };
  const fail = (error: string, aadsts: number, text: string) => {
    const body = oauthError(error, aadsts, text, state.now());
    return reply({ error: body.error, error_description: body.error_description });
  };

  if (query.get('response_type') !== 'code') return fail('unsupported_response_type', 70005, 'The response_type must be code.');
  const challenge = query.get('code_challenge');
  if (!challenge || query.get('code_challenge_method') !== 'S256') {
    return fail('invalid_request', 9002325, 'Proof Key for Code Exchange (S256) is required for this public client.');
  }
  const hint = query.get('login_hint');
  const user = hint ? state.users.find((each) => each.username.toLowerCase() === hint.toLowerCase()) : undefined;
  if (!user) return html(200, chooseAccountPage(url, state.users));

  // A test's switch: this one sign-in is declined, or needs consent nobody has given.
  const failure = state.nextAuthorizeFailure;
  state.nextAuthorizeFailure = null;
  if (failure === 'access_denied') return fail('access_denied', 65004, 'User declined to consent to access the app.');
  if (failure === 'consent_required') {
    return fail('consent_required', 65001, "The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource.");
  }

  const code = opaque();
  state.codes.set(code, {
    clientId,
    redirectUri,
    codeChallenge: challenge,
    scope: query.get('scope') ?? 'openid profile offline_access',
    nonce: query.get('nonce'),
    user,
    expiresAt: state.now().getTime() + CODE_LIFETIME_MS,
  });
  state.issued.codes.push(code);
  return reply({ code });
}
