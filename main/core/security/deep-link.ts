import type { DeepLink } from '../../../shared/contract/deep-link';

export const DEEP_LINK_SCHEME = 'civicdesk';

export type DeepLinkParse = { ok: true; link: DeepLink } | { ok: false; reason: string };

const MAX_LINK_LENGTH = 1024;
// What a caller line identity looks like after a softphone has formatted it.
const CALLER_NUMBER = /^\+?[0-9 ()-]{3,24}$/;
const QUEUE_NAME = /^[A-Za-z0-9 _&'-]{1,64}$/;
const CASE_ID = /^[A-Za-z0-9-]{1,64}$/;
const MAX_WAIT_SECONDS = 24 * 60 * 60;

/**
 * Parses a `civicdesk://` link. Links come from outside (a softphone, a Teams message), so
 * everything is checked and anything unexpected refuses the whole link.
 */
export function parseDeepLink(url: string): DeepLinkParse {
  if (url.length > MAX_LINK_LENGTH) return { ok: false, reason: 'The link is too long.' };
  // URL parsing would quietly resolve "..": a link that tries it is not one we sent.
  if (/\.\.|%2e%2e/i.test(url)) return { ok: false, reason: 'The link is not in a form CivicDesk uses.' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'The link is not a web address.' };
  }
  if (parsed.protocol !== `${DEEP_LINK_SCHEME}:`) return { ok: false, reason: 'The link is not a CivicDesk link.' };

  // `civicdesk://call?...` puts "call" in the host; accept `civicdesk:call?...` too.
  const segments = [parsed.host, ...parsed.pathname.split('/')].filter(Boolean);
  const [action, ...rest] = segments;

  if (action === 'call' && rest.length === 0) return parseCallLink(parsed.searchParams);
  if (action === 'case' && rest.length === 1) {
    const caseId = decodeURIComponent(rest[0] ?? '');
    return CASE_ID.test(caseId) ? { ok: true, link: { kind: 'case', caseId } } : { ok: false, reason: 'The case number in the link is not valid.' };
  }
  return { ok: false, reason: 'CivicDesk does not know what that link asks for.' };
}

function parseCallLink(params: URLSearchParams): DeepLinkParse {
  const known = new Set(['cli', 'queue', 'waited']);
  for (const key of params.keys()) {
    if (!known.has(key)) return { ok: false, reason: `The call link has an unexpected part "${key.slice(0, 20)}".` };
  }
  const cli = params.get('cli')?.trim() || null;
  if (cli !== null && !CALLER_NUMBER.test(cli)) return { ok: false, reason: "The caller's number in the link is not valid." };
  const queue = params.get('queue')?.trim() || null;
  if (queue !== null && !QUEUE_NAME.test(queue)) return { ok: false, reason: 'The queue name in the link is not valid.' };
  const waitedText = params.get('waited')?.trim() || null;
  let waitedSeconds: number | null = null;
  if (waitedText !== null) {
    if (!/^\d{1,6}$/.test(waitedText) || Number(waitedText) > MAX_WAIT_SECONDS) {
      return { ok: false, reason: 'The waiting time in the link is not a number of seconds.' };
    }
    waitedSeconds = Number(waitedText);
  }
  // Withheld numbers arrive as no cli at all: still a call to record.
  return { ok: true, link: { kind: 'call', callerNumber: cli, queue, waitedSeconds } };
}

/**
 * On Windows and Linux a second launch carries the link in its command line. Only an
 * argument that starts with the scheme counts; flags and file paths are ignored.
 */
export function findDeepLinkInArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) ?? null;
}
