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

/** Signs a colleague in at the identity stand-in and answers their Graph access token. */
async function tokenFor(username: string): Promise<string> {
  const { authority, identityCa, clientId } = standIns();
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const discovery = JSON.parse((await send(`${authority}/.well-known/openid-configuration`, identityCa)).body) as { authorization_endpoint: string; token_endpoint: string };
  const redirectUri = 'http://localhost:9/';
  const authorize = new URL(discovery.authorization_endpoint);
  for (const [name, value] of Object.entries({ client_id: clientId, response_type: 'code', redirect_uri: redirectUri, scope: 'openid profile offline_access User.Read', code_challenge: challenge, code_challenge_method: 'S256', state: 'e2e', login_hint: username, response_mode: 'query' })) {
    authorize.searchParams.set(name, value);
  }
  const answer = await send(authorize.href, identityCa);
  const location = answer.headers.location;
  const code = typeof location === 'string' ? new URL(location).searchParams.get('code') : null;
  if (!code) throw new Error(`The identity stand-in gave no code: ${answer.status} ${answer.body.slice(0, 200)}`);
  const form = new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: redirectUri, code_verifier: verifier, scope: 'openid profile offline_access User.Read' });
  const token = await send(discovery.token_endpoint, identityCa, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  return (JSON.parse(token.body) as { access_token: string }).access_token;
}

/** Every page of a Graph list, followed through @odata.nextLink. */
export async function graphList<T>(path: string, asUser: string): Promise<T[]> {
  const { graphUrl, graphCa } = standIns();
  const token = await tokenFor(asUser);
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
