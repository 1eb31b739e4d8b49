import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';

/**
 * What reached Microsoft 365: tests read training mode's Graph stand-in through Graph's own
 * API, as a colleague signed in through the identity stand-in (authorization code with PKCE,
 * no browser), over https trusting only the stand-ins' certificates. The browser host writes
 * their addresses to CIVICDESK_STAND_IN_FILE.
 */
interface StandIns {
  authority: string;
  identityCa: string;
  graphUrl: string;
  graphCa: string;
  clientId: string;
  escalationChannels: Record<string, { teamId: string; channelId: string }>;
}

function standIns(): StandIns {
  const file = process.env.CIVICDESK_STAND_IN_FILE;
  if (!file) throw new Error('CIVICDESK_STAND_IN_FILE is not set: run the e2e tests through playwright.config.ts');
  const written = JSON.parse(readFileSync(file, 'utf8')) as { microsoft365: StandIns | null };
  if (!written.microsoft365) throw new Error('The browser host wrote no Microsoft 365 stand-ins: is it in training mode?');
  return written.microsoft365;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(url: string, ca: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = https.request(url, { ca, method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

/** What a colleague's reads here need: their chats, the escalation channels and the contact mailbox (Graph checks each). */
const COLLEAGUE_SCOPES = 'openid profile offline_access User.Read Chat.Read ChannelMessage.Read.All Mail.ReadWrite.Shared';

async function discover(): Promise<{ authorize: string; token: string }> {
  const { authority, identityCa } = standIns();
  const discovery = JSON.parse((await send(`${authority}/.well-known/openid-configuration`, identityCa)).body) as { authorization_endpoint: string; token_endpoint: string };
  return { authorize: discovery.authorization_endpoint, token: discovery.token_endpoint };
}

const REDIRECT_URI = 'http://localhost:9/';

function authorizeUrl(endpoint: string, challenge: string, loginHint: string | null): string {
  const url = new URL(endpoint);
  const query = { client_id: standIns().clientId, response_type: 'code', redirect_uri: REDIRECT_URI, scope: COLLEAGUE_SCOPES, code_challenge: challenge, code_challenge_method: 'S256', state: 'e2e', response_mode: 'query' };
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  if (loginHint) url.searchParams.set('login_hint', loginHint);
  return url.href;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * A colleague's user name, read from the training sign-in page's "Choose a training account"
 * list, as a trainee would pick them there.
 */
async function usernameOf(displayName: string): Promise<string> {
  const endpoints = await discover();
  const page = await send(authorizeUrl(endpoints.authorize, 'x'.repeat(43), null), standIns().identityCa);
  const pattern = new RegExp(`>${escapeHtml(displayName).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} <span>\\(([^)]+)\\)</span>`);
  const found = pattern.exec(page.body)?.[1];
  if (!found) throw new Error(`${displayName} is not on the training sign-in page`);
  return found;
}

/** Signs a colleague in at the identity stand-in (code with PKCE, no browser) and answers their Graph access token. */
async function tokenFor(displayName: string): Promise<string> {
  const { identityCa, clientId } = standIns();
  const endpoints = await discover();
  const username = await usernameOf(displayName);
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const answer = await send(authorizeUrl(endpoints.authorize, challenge, username), identityCa);
  const location = answer.headers.location;
  const code = typeof location === 'string' ? new URL(location).searchParams.get('code') : null;
  if (!code) throw new Error(`The identity stand-in gave no code: ${answer.status} ${answer.body.slice(0, 200)}`);
  const form = new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: REDIRECT_URI, code_verifier: verifier, scope: COLLEAGUE_SCOPES });
  const token = await send(endpoints.token, identityCa, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  return (JSON.parse(token.body) as { access_token: string }).access_token;
}

/** The channel the deployment settings name for a service's escalations. */
export function escalationChannel(service: string): { teamId: string; channelId: string } {
  const channel = standIns().escalationChannels[service];
  if (!channel) throw new Error(`no escalation channel for ${service}`);
  return channel;
}

/** Every page of a Graph list, followed through @odata.nextLink. */
export async function graphList<T>(path: string, asColleague: string): Promise<T[]> {
  const { graphUrl, graphCa } = standIns();
  const token = await tokenFor(asColleague);
  const items: T[] = [];
  let next: string | null = new URL(`v1.0/${path}`, graphUrl).href;
  while (next) {
    const answer = await send(next, graphCa, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    if (answer.status !== 200) throw new Error(`Graph ${path}: ${answer.status} ${answer.body.slice(0, 300)}`);
    const page = JSON.parse(answer.body) as { value: T[]; '@odata.nextLink'?: string };
    items.push(...page.value);
    next = page['@odata.nextLink'] ?? null;
  }
  return items;
}

/** A colleague changes something through Graph (taking an email in Outlook, say): PATCH, answered as Graph answers. */
export async function graphPatch(path: string, body: unknown, asColleague: string): Promise<{ status: number; body: string }> {
  const { graphUrl, graphCa } = standIns();
  const token = await tokenFor(asColleague);
  const answer = await send(new URL(`v1.0/${path}`, graphUrl).href, graphCa, { method: 'PATCH', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: answer.status, body: answer.body };
}
