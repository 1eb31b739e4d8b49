import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { decodeJwt, jwtVerify } from 'jose';
import { makeLoopbackCertificate } from '../dataverse/certificate';
import { readBody } from '../request-body';
import { notifyError, notifyRoute, ukMobileOrProblem, type KeyType, type NotifyReply, type NotifyWorld, type StoredNotification } from './notify-rules';
import { trainingTemplates, type TrainingTemplate } from './templates';

/** Training's service, and its live key in Notify's format: `{key name}-{service id}-{secret}`. */
export const TRAINING_NOTIFY_SERVICE_ID = '5c0ffee0-4b1d-4e2a-9f3c-7a8b9c0d1e2f';
export const TRAINING_NOTIFY_KEY = `civicdesk_training-${TRAINING_NOTIFY_SERVICE_ID}-6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b`;

/** Notify's rate limit: 3,000 requests a minute per key. */
const RATE_PER_MINUTE = 3000;

/**
 * Failures the stand-in answers with on demand, set from inside the process (a test, the
 * training host) so nothing a client sends can turn them on. Each takes a number of requests.
 */
export interface NotifyFaultControls {
  /** A server error, nothing stored. */
  fail(options: { status: 500 | 503; times: number }): void;
  /** 429, as Notify's rate limit answers, nothing stored. */
  throttle(options: { times: number }): void;
  /** The connection is cut before any answer, nothing stored. */
  dropConnection(options: { times: number }): void;
  /** For sends: the notification is stored (Notify has it), then the answer is a 500. */
  applyThenFail(options: { times: number }): void;
  clear(): void;
}

type Fault = { kind: 'fail'; status: 500 | 503 } | { kind: 'throttle' } | { kind: 'drop' };

export interface SentNotification {
  id: string;
  type: 'sms' | 'email';
  recipient: string;
  templateId: string;
  personalisation: Record<string, string>;
  reference: string | null;
  body: string;
  keyType: KeyType;
}

export interface NotifyStandIn {
  /** The address to give Notify's client as its base URL: 'https://127.0.0.1:PORT'. */
  url: string;
  /** The stand-in's certificate (PEM): the only thing a client should trust for it. */
  ca: string;
  faults: NotifyFaultControls;
  /** Every notification Notify has taken, oldest first. */
  sent(): SentNotification[];
  /** Every request that reached it (method and path; never a body). */
  requests(): { method: string; path: string }[];
  close(): Promise<void>;
}

export interface NotifyStandInOptions {
  /** The keys Notify knows for the training service; the training key (live) unless given. */
  keys?: { key: string; type: KeyType }[];
  templates?: TrainingTemplate[];
  /** The service's team (numbers and addresses): a team key, and a live key in trial mode, send only to these. */
  team?: string[];
  trialMode?: boolean;
  /** The clock deliveries and limits go by (a test's, or the real one); tokens are checked against the real one. */
  now?: () => number;
  deliveredAfterMs?: number;
  rateLimitPerMinute?: number;
  dailyLimit?: number;
}

const asKey = (key: string) => ({ serviceId: key.slice(-73, -37), secret: key.slice(-36) });

/** A team member's number or address as Notify compares recipients. */
function asRecipient(text: string): string {
  if (text.includes('@')) return text.trim().toLowerCase();
  const mobile = ukMobileOrProblem(text);
  return 'number' in mobile ? mobile.number : text;
}

/**
 * GOV.UK Notify for training and tests, over https on 127.0.0.1 with a certificate made at
 * start-up: the calls CivicDesk makes, checked and answered as Notify's API documents them
 * (docs.notifications.service.gov.uk), so Notify's own client runs against it unchanged.
 */
export async function startNotifyStandIn(options: NotifyStandInOptions = {}): Promise<NotifyStandIn> {
  const now = options.now ?? (() => Date.now());
  const keys = (options.keys ?? [{ key: TRAINING_NOTIFY_KEY, type: 'live' as const }]).map((each) => ({ ...asKey(each.key), type: each.type }));
  const notifications: StoredNotification[] = [];
  const team = new Set((options.team ?? []).map(asRecipient));
  const world: NotifyWorld = {
    origin: '',
    now,
    templates: new Map((options.templates ?? trainingTemplates()).map((template) => [template.id, template])),
    notifications,
    team,
    trialMode: options.trialMode ?? false,
    deliveredAfterMs: options.deliveredAfterMs ?? 2_000,
    dailyLimit: options.dailyLimit ?? (options.trialMode ? 50 : 250_000),
  };
  const rate = options.rateLimitPerMinute ?? RATE_PER_MINUTE;
  const recentBySecret = new Map<string, number[]>();
  const faults: Fault[] = [];
  let applyThenFail = 0;
  const received: { method: string; path: string }[] = [];

  /**
   * Notify's API key scheme: a JWT signed HS256 with one of the service's key secrets, `iss`
   * the service id, `iat` within 30 seconds of Notify's clock either way.
   */
  const authenticate = async (header: string | undefined): Promise<{ type: KeyType; secret: string } | NotifyReply> => {
    if (!header) return notifyError(401, 'AuthError', 'Unauthorized: authentication token must be provided');
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) return notifyError(401, 'AuthError', 'Unauthorized: authentication bearer scheme must be used');
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      return notifyError(403, 'AuthError', 'Invalid token: signature, api token not found');
    }
    if (typeof issuer !== 'string' || issuer === '') return notifyError(403, 'AuthError', 'Invalid token: iss field not provided');
    const ofService = keys.filter((key) => key.serviceId === issuer);
    if (ofService.length === 0) return notifyError(403, 'AuthError', 'Invalid token: service not found');
    for (const key of ofService) {
      try {
        const { payload } = await jwtVerify(token, new TextEncoder().encode(key.secret), { algorithms: ['HS256'] });
        // Against the real clock, as the client signs with it: `now` is the training clock, for deliveries and limits.
        if (typeof payload.iat !== 'number' || Math.abs(Date.now() / 1000 - payload.iat) > 30) return notifyError(403, 'AuthError', 'Error: Your system clock must be accurate to within 30 seconds');
        return { type: key.type, secret: key.secret };
      } catch {
        // Not this key: Notify tries each of the service's keys.
      }
    }
    return notifyError(403, 'AuthError', 'Invalid token: API key not found');
  };

  const limited = (secret: string, type: KeyType): NotifyReply | null => {
    const since = now() - 60_000;
    const recent = (recentBySecret.get(secret) ?? []).filter((at) => at > since);
    recent.push(now());
    recentBySecret.set(secret, recent);
    return recent.length > rate ? notifyError(429, 'RateLimitError', `Exceeded rate limit for key type ${type.toUpperCase()} of ${rate} requests per 60 seconds`) : null;
  };

  const certificate = await makeLoopbackCertificate();
  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    readBody(request, 1024 * 1024, (text) => {
      void (async () => {
        const url = new URL(request.url ?? '/', world.origin);
        const method = request.method ?? 'GET';
        received.push({ method, path: url.pathname });
        const answer = (reply: NotifyReply) => {
          response.writeHead(reply.status, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify(reply.body));
        };
        const fault = faults.shift();
        if (fault?.kind === 'drop') return void request.socket.destroy();
        if (fault?.kind === 'fail') return answer(notifyError(fault.status, 'Exception', 'Internal server error'));
        if (fault?.kind === 'throttle') return answer(notifyError(429, 'RateLimitError', `Exceeded rate limit for key type LIVE of ${rate} requests per 60 seconds`));
        const key = await authenticate(request.headers.authorization);
        if ('status' in key) return answer(key);
        const slow = limited(key.secret, key.type);
        if (slow) return answer(slow);
        let body: unknown = undefined;
        if (method === 'POST') {
          try {
            body = JSON.parse(text || 'null');
          } catch {
            return answer(notifyError(400, 'ValidationError', 'Invalid JSON supplied in POST data'));
          }
        }
        const reply = notifyRoute({ method, path: url.pathname, query: url.searchParams, body }, key.type, world);
        if (reply.status === 201 && applyThenFail > 0) {
          applyThenFail -= 1;
          return answer(notifyError(500, 'Exception', 'Internal server error'));
        }
        answer(reply);
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  world.origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const add = (times: number, fault: Fault) => {
    for (let i = 0; i < times; i += 1) faults.push(fault);
  };
  return {
    url: world.origin,
    ca: certificate.cert,
    faults: {
      fail: ({ status, times }) => add(times, { kind: 'fail', status }),
      throttle: ({ times }) => add(times, { kind: 'throttle' }),
      dropConnection: ({ times }) => add(times, { kind: 'drop' }),
      applyThenFail: ({ times }) => {
        applyThenFail += times;
      },
      clear: () => {
        faults.length = 0;
        applyThenFail = 0;
      },
    },
    sent: () => notifications.map(({ id, type, recipient, templateId, personalisation, reference, body, keyType }) => ({ id, type, recipient, templateId, personalisation, reference, body, keyType })),
    requests: () => [...received],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
