/**
 * The pages MSAL's loopback listener shows in the browser tab once the sign-in page sends the
 * officer back. Plain words; the app itself says what to do next if something went wrong.
 */
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  '<style>body{font-family:system-ui,sans-serif;margin:3rem;line-height:1.5;font-size:1.125rem}</style></head>' +
  `<body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;

export const SIGNED_IN_PAGE = page('You are signed in to CivicDesk.', 'You can close this tab.');

export const SIGN_IN_STOPPED_PAGE = page('CivicDesk is not signed in.', 'You can close this tab. CivicDesk says what happened and what to do next.');
