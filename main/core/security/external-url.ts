export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * The only gate to the system browser and mail client. https to a host the council has
 * allowed (or a subdomain of one), or a mailto: link; nothing else, because a crafted link
 * could otherwise launch any program registered for a scheme.
 */
export function checkExternalUrl(url: string, allowedHosts: readonly string[]): ExternalUrlCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'That is not a complete web address.' };
  }
  if (parsed.protocol === 'mailto:') {
    return parsed.pathname.includes('@') ? { ok: true, url: parsed.href } : { ok: false, reason: 'That email link has no address in it.' };
  }
  if (parsed.protocol !== 'https:') {
    return { ok: false, reason: 'CivicDesk only opens secure (https) web addresses and email links.' };
  }
  if (parsed.username || parsed.password) {
    return { ok: false, reason: 'CivicDesk does not open web addresses with a user name or password in them.' };
  }
  const host = parsed.hostname.toLowerCase();
  const allowed = allowedHosts.some((allowedHost) => {
    const wanted = allowedHost.toLowerCase();
    return host === wanted || host.endsWith(`.${wanted}`);
  });
  return allowed
    ? { ok: true, url: parsed.href }
    : { ok: false, reason: `${host} is not on the council's list of sites CivicDesk may open. Ask the IT service desk to add it if it should be.` };
}
