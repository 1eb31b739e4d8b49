import http from 'node:http';
import https from 'node:https';
import { NotPossible } from '../../ipc/router';
import { isLoopbackRedirect } from './state';

export interface TrainingBrowserOptions {
  /** The identity stand-in's certificate: the only one this "browser" trusts. */
  ca: string;
  /** The training account to sign in as (the colleague the trainee is acting as). */
  loginHint: () => string | null;
}

interface Page {
  status: number;
  location: string | null;
  body: string;
}

/**
 * The browser training mode opens the sign-in page in, instead of the system browser. Honestly:
 * this part is a stand-in. A trainee has no real account to type in, and the identity stand-in's
 * made-up certificate would (rightly) alarm a real browser. Everything either side of it is the
 * live code path: MSAL builds the authorize URL with PKCE and listens on its own loopback
 * address; this does what a browser would in between: loads the page, and sends the
 * self-submitting form (response_mode=form_post) on to MSAL's listener.
 */
export function trainingBrowser(options: TrainingBrowserOptions): (url: string) => Promise<void> {
  const agent = new https.Agent({ ca: options.ca });
  return async (url) => {
    const target = new URL(url);
    if (target.protocol !== 'https:') throw new Error('The training browser only opens https sign-in pages.');
    const hint = options.loginHint();
    if (!target.searchParams.has('login_hint') && hint) target.searchParams.set('login_hint', hint);
    const page = await getPage(target, agent);
    if (page.status === 302 && page.location) {
      // A query-mode answer: follow it as a browser would.
      await send(new URL(page.location), 'GET', null);
      return;
    }
    if (page.status !== 200) throw new Error(`The training sign-in page refused the request: ${textOf(page.body)}`);
    const form = readForm(page.body);
    if (!form) {
      throw new NotPossible('Training sign-in needs to know which training colleague you are. Choose who you are acting as, then sign in again.');
    }
    await send(new URL(form.action), 'POST', new URLSearchParams(form.fields).toString());
  };
}

function getPage(url: URL, agent: https.Agent): Promise<Page> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { agent, headers: { accept: 'text/html' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
  });
}

/** Sends the sign-in's answer back to the app: only ever to this computer's loopback, over http as MSAL listens. */
function send(url: URL, method: 'GET' | 'POST', body: string | null): Promise<void> {
  if (!isLoopbackRedirect(url.href)) return Promise.reject(new Error('The training browser only returns sign-in answers to this computer.'));
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = body === null ? {} : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) };
    // MSAL listens on 127.0.0.1 but names it localhost, which may resolve to ::1 first.
    const request = http.request(url, { method, headers, family: 4 }, (response) => {
      response.resume();
      response.on('end', () => resolve());
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body ?? undefined);
  });
}

/** The self-submitting form's address and hidden fields, read as a browser would. */
export function readForm(html: string): { action: string; fields: Record<string, string> } | null {
  const form = /<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return null;
  const fields: Record<string, string> = {};
  for (const input of (form[2] ?? '').matchAll(/<input\b[^>]*>/gi)) {
    const tag = input[0];
    if (!/\btype="hidden"/i.test(tag)) continue;
    const name = /\bname="([^"]*)"/i.exec(tag)?.[1];
    const value = /\bvalue="([^"]*)"/i.exec(tag)?.[1] ?? '';
    if (name !== undefined) fields[decodeEntities(name)] = decodeEntities(value);
  }
  return { action: decodeEntities(form[1] ?? ''), fields };
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return named[entity.toLowerCase()] ?? whole;
  });
}

function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
}
