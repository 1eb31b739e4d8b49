import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { GraphBookingAppointment } from '../../graph/bookings';
import { makeLoopbackCertificate } from '../dataverse/certificate';
import { runBatch } from './batch';
import { createGraphFaults, type GraphFaultControls } from './faults';
import { graphError, type GraphReply } from './graph-errors';
import { bookingsRoutes } from './routes-bookings';
import { chatRoutes, storeMessage } from './routes-chats';
import { deliverMail, mailRoutes, stockMailbox } from './routes-mail';
import { GRAPH_AUDIENCES, refuseWithoutScope } from './permissions';
import { peopleRoutes } from './routes-people';
import type { GraphSeed } from './seed';
import { createWorld, presenceOf, type Route, type RouteRequest } from './world';
import { readBody } from '../request-body';

/** What the stand-in needs from a verified access token: who, which delegated scopes, for which resource. */
export interface GraphTokenClaims {
  oid: string;
  /** Space-separated delegated scopes, as Entra writes them. */
  scp: string;
  /** Left out by a verifier that does not say; when given it must be Graph's. */
  aud?: string;
  /** The application the token was issued to (azp): a presence session must be named after it. */
  appId?: string;
}

export interface GraphStandInOptions {
  seed: GraphSeed;
  /** The token check: the identity stand-in's in training, a fake in unit tests. Null refuses it. */
  verifyAccessToken: (token: string) => GraphTokenClaims | null | Promise<GraphTokenClaims | null>;
  now?: () => Date;
}

/** A chat or channel message as posted, for tests and the training host to look at. */
export interface PostedMessage {
  id: string;
  chatId: string | null;
  channel: { teamId: string; channelId: string } | null;
  fromUserId: string | null;
  createdDateTime: string;
  subject: string | null;
  content: string;
  messageType: string;
}

/** An email as the contact mailbox's controls show it: a sent one with what it answers or passes on. */
export interface SentMail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  attachmentNames: string[];
  /** The id the original had when the reply was made, or null. */
  repliesTo: string | null;
  forwards: string | null;
  /** Its single-value extended properties, by id ('String {GUID} Name <name>'). */
  properties: Record<string, string>;
}

/** The council's shared contact mailbox, for tests, the training host and e2e. */
export interface ContactMailboxControls {
  address: string;
  /** An email arrives in the Inbox from outside, as if from a resident. */
  deliver(mail: { fromName: string; fromAddress: string; subject: string; html: string; attachments?: { name: string; contentType: string; bytes: Buffer }[]; receivedAt?: Date }): { id: string };
  inbox(): { id: string; subject: string; categories: string[]; from: string }[];
  sent(): SentMail[];
}

export interface GraphStandIn {
  /** The address to use as the Graph client's baseUrl: 'https://127.0.0.1:PORT/'. */
  url: string;
  /** The stand-in's certificate (PEM): the only thing a client should trust for it. */
  ca: string;
  faults: GraphFaultControls;
  messages(): PostedMessage[];
  appointments(): GraphBookingAppointment[];
  presenceOf(userId: string): { availability: string; activity: string };
  /** A colleague answers in a chat, as if from Teams (for tests and training scenarios). */
  reply(options: { chatId: string; fromUserId: string; html: string }): PostedMessage;
  /** Every request that reached the stand-in, oldest first ($batch as one, with the calls inside it). */
  requests(): { method: string; path: string; batched: string[] }[];
  mailbox: ContactMailboxControls;
  close(): Promise<void>;
}

const LARGEST_BODY = 4 * 1024 * 1024;

/**
 * The training council's Microsoft Graph: the calls CivicDesk makes, with Microsoft's JSON
 * shapes, over https on 127.0.0.1 with a certificate made at start-up. Training mode and the
 * tests run the real Graph client against it, so the code path is the live one.
 */
export async function startGraphStandIn(options: GraphStandInOptions): Promise<GraphStandIn> {
  const now = options.now ?? (() => new Date());
  let origin = '';
  const world = createWorld(options.seed, () => origin, now);
  stockMailbox(world);
  const routes: Route[] = [...peopleRoutes(world), ...chatRoutes(world), ...bookingsRoutes(world), ...mailRoutes(world)];
  const faults = createGraphFaults();
  // The certificate is checked against the real clock, not the stand-in's training clock.
  const certificate = await makeLoopbackCertificate();
  const received: { method: string; path: string; batched: string[] }[] = [];

  const dispatch = (request: RouteRequest): GraphReply => {
    if (request.method === 'POST' && request.path === '/$batch') {
      return runBatch(request, dispatch, now(), () => {
        const fault = faults.nextInBatch();
        return fault && graphError(429, 'TooManyRequests', 'Too many requests. Please wait and try again.', now(), { 'Retry-After': String(fault.retryAfterSeconds) });
      });
    }
    const refused = refuseWithoutScope(request.method, request.path, request.scp, now());
    if (refused) return refused;
    let pathMatched = false;
    for (const [method, pattern, handle] of routes) {
      const match = pattern.exec(request.path);
      if (!match) continue;
      pathMatched = true;
      if (method !== request.method) continue;
      return handle(request, ...match.slice(1).map((part) => decodeURIComponent(part)));
    }
    return pathMatched
      ? graphError(405, 'Request_BadRequest', `The HTTP method '${request.method}' is not allowed here.`, now())
      : graphError(400, 'BadRequest', `Resource not found for the segment '${request.path.split('/')[1] ?? ''}'.`, now());
  };

  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    const answer = (reply: GraphReply) => {
      if (reply.bytes) {
        response.writeHead(reply.status, { 'Content-Type': reply.bytes.contentType, ...reply.headers });
        response.end(reply.bytes.data);
        return;
      }
      const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
      response.writeHead(reply.status, { ...(body ? { 'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8' } : {}), ...reply.headers });
      response.end(body);
    };
    readBody(request, LARGEST_BODY, (text) => {
      void (async () => {
        const target = new URL(request.url ?? '/', 'https://127.0.0.1');
        const seen = { method: (request.method ?? 'GET').toUpperCase(), path: target.pathname.replace(/^\/v1\.0/, ''), batched: [] as string[] };
        received.push(seen);
        if (!target.pathname.startsWith('/v1.0/')) {
          answer(graphError(400, 'BadRequest', 'Invalid version: use /v1.0.', now()));
          return;
        }
        const authorization = request.headers.authorization ?? '';
        const token = /^Bearer (.+)$/.exec(authorization)?.[1];
        const claims = token ? await options.verifyAccessToken(token) : null;
        if (!claims) {
          answer(graphError(401, 'InvalidAuthenticationToken', token ? 'Access token validation failure.' : 'Access token is empty.', now(), { 'WWW-Authenticate': 'Bearer' }));
          return;
        }
        // A token for another resource (Dataverse's, say) is refused by Graph however it was signed.
        if (claims.aud !== undefined && !GRAPH_AUDIENCES.includes(claims.aud)) {
          answer(graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.', now(), { 'WWW-Authenticate': 'Bearer' }));
          return;
        }
        const method = (request.method ?? 'GET').toUpperCase();
        let body: unknown = null;
        if (text) {
          try {
            body = JSON.parse(text);
          } catch {
            answer(graphError(400, 'BadRequest', 'Unable to read JSON request payload.', now()));
            return;
          }
        }
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        const routeRequest: RouteRequest = { method, path: target.pathname.slice('/v1.0'.length), query: target.searchParams, headers, body, me: claims.oid, scp: claims.scp, ...(claims.appId ? { appId: claims.appId } : {}) };
        if (seen.path === '/$batch') {
          const inner = (body as { requests?: { method?: string; url?: string }[] } | null)?.requests ?? [];
          seen.batched = inner.map((item) => `${String(item.method ?? 'GET')} ${String(item.url ?? '')}`);
        }
        const fault = faults.next(method, routeRequest.path);
        if (!fault) answer(dispatch(routeRequest));
        else if (fault.kind === 'throttle') {
          answer(
            graphError(429, 'TooManyRequests', 'Too many requests. Please wait and try again.', now(), { 'Retry-After': String(fault.retryAfterSeconds) }),
          );
        } else if (fault.kind === 'fail') {
          answer(
            fault.status === 503
              ? graphError(503, 'ServiceNotAvailable', 'The service is temporarily unavailable. Please try again later.', now(), { 'Retry-After': '1' })
              : graphError(500, 'InternalServerError', 'An internal server error occurred.', now()),
          );
        } else if (fault.kind === 'drop') request.socket.destroy();
        else {
          // Applied, then the answer is lost to a server error: the client cannot know it worked.
          dispatch(routeRequest);
          answer(graphError(500, 'InternalServerError', 'An internal server error occurred.', now()));
        }
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `https://127.0.0.1:${String((server.address() as AddressInfo).port)}`;

  const posted = (message: (typeof world.messages)[number]): PostedMessage => ({
    id: message.id,
    chatId: message.chatId,
    channel: message.channel,
    fromUserId: message.fromUserId,
    createdDateTime: message.createdDateTime,
    subject: message.subject,
    content: message.body.content,
    messageType: message.messageType,
  });

  return {
    url: `${origin}/`,
    ca: certificate.cert,
    faults: { throttle: faults.throttle, fail: faults.fail, dropConnection: faults.dropConnection, applyThenFail: faults.applyThenFail, throttleInBatch: faults.throttleInBatch, clear: faults.clear },
    messages: () => world.messages.filter((message) => message.messageType === 'message').map(posted),
    appointments: () => world.appointments.map((appointment) => structuredClone(appointment)),
    presenceOf: (userId) => {
      const { availability, activity } = presenceOf(world, userId);
      return { availability, activity };
    },
    reply: ({ chatId, fromUserId, html }) =>
      posted(storeMessage(world, { chatId, channel: null, messageType: 'message', fromUserId, subject: null, body: { contentType: 'html', content: html } })),
    requests: () => received.map((entry) => ({ ...entry, batched: [...entry.batched] })),
    mailbox: {
      address: options.seed.mailbox.address,
      deliver: ({ fromName, fromAddress, subject, html, attachments, receivedAt }) => ({
        id: deliverMail(world, { fromName, fromAddress, subject, html, attachments: attachments ?? [], receivedAt: receivedAt ?? now() }).id,
      }),
      inbox: () =>
        world.mail
          .filter((mail) => mail.folder === 'inbox')
          .sort((a, b) => a.receivedDateTime.localeCompare(b.receivedDateTime))
          .map((mail) => ({ id: mail.id, subject: mail.subject, categories: [...mail.categories], from: mail.from.address })),
      sent: () =>
        world.mail
          .filter((mail) => mail.folder === 'sentitems')
          .map((mail) => ({
            id: mail.id,
            from: mail.from.address,
            to: mail.toRecipients.map((recipient) => recipient.address),
            subject: mail.subject,
            html: mail.html,
            attachmentNames: mail.attachments.map((attachment) => attachment.name),
            repliesTo: mail.repliesTo,
            forwards: mail.forwards,
            properties: Object.fromEntries(mail.singleValueExtendedProperties.map((property) => [property.id, property.value])),
          })),
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
