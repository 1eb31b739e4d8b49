/** The stand-in's few HTML pages: plain, accessible, and with everything escaped. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;

/**
 * "Who are you?" for a trainee whose sign-in carries no user name: a list of the training
 * accounts, each a plain link to the same sign-in with that user name added.
 */
export function chooseAccountPage(authorizeUrl: URL, users: readonly { name: string; username: string }[]): string {
  const items = users
    .map((user) => {
      const link = new URL(authorizeUrl);
      link.searchParams.set('login_hint', user.username);
      return `<li><a href="${escapeHtml(link.pathname + link.search)}">${escapeHtml(user.name)} <span>(${escapeHtml(user.username)})</span></a></li>`;
    })
    .join('');
  return page(
    'Choose a training account',
    `<h1>Choose a training account</h1><p>This is CivicDesk training: no real Microsoft 365 account is used.</p><ul>${items}</ul>`,
  );
}

/**
 * The sign-in's answer for response_mode=form_post: a form that sends itself to the app's
 * redirect address, as Microsoft Entra ID's does. A button is there for when scripts are off.
 */
export function formPostPage(redirectUri: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return page(
    'Signing in',
    `<form method="post" action="${escapeHtml(redirectUri)}">${inputs}<noscript><p>Scripts are off: choose Continue to finish signing in.</p></noscript><button type="submit">Continue</button></form>` +
      '<script>document.forms[0].submit()</script>',
  );
}

export function errorPage(message: string): string {
  return page('Sign-in problem', `<h1>Sign-in problem</h1><p>${escapeHtml(message)}</p>`);
}

export function signedOutPage(): string {
  return page('Signed out', '<h1>Signed out</h1><p>You are signed out of the CivicDesk training sign-in. You can close this tab.</p>');
}
