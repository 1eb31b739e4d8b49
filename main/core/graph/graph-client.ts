import { AuthenticationHandler, Client, type Middleware } from '@microsoft/microsoft-graph-client';
import { NodeHttpsHandler } from './https-handler';
import { DEFAULT_RETRY, RetryMiddleware, type RetryPolicy } from './retry';

export const LIVE_GRAPH_URL = 'https://graph.microsoft.com/';

export interface GraphClientOptions {
  /** The signed-in officer's Graph token; asked for on every request so a renewed one is used. */
  accessToken: () => Promise<string>;
  /** https://graph.microsoft.com/ live; the stand-in's URL in training and tests. */
  baseUrl?: string;
  /** The only authority to trust (the stand-in's certificate); the system's when left out. */
  ca?: string;
  retry?: Partial<RetryPolicy>;
  /** How to wait before trying again; tests pass one that records and returns at once. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  timeoutMs?: number;
}

export interface GraphClient {
  client: Client;
  /** Lets go of kept-alive connections (tests, shutting down). */
  close(): void;
}

/**
 * The Graph SDK's client with a chain of our own: its AuthenticationHandler (so the header is
 * added once, and only for Graph's host or the stand-in's), our retry for throttling, and a
 * node https handler that trusts the given certificate.
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = options.baseUrl ?? LIVE_GRAPH_URL;
  const host = new URL(baseUrl).hostname;
  const sender = new NodeHttpsHandler(options.ca, options.timeoutMs);
  const chain: Middleware[] = [
    new AuthenticationHandler({ getAccessToken: () => options.accessToken() }),
    new RetryMiddleware(
      { ...DEFAULT_RETRY, ...options.retry },
      options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      options.now ?? (() => new Date()),
    ),
    sender,
  ];
  const client = Client.initWithMiddleware({
    middleware: chain,
    baseUrl,
    defaultVersion: 'v1.0',
    // The auth handler only adds the token for hosts it knows; the stand-in is on 127.0.0.1.
    ...(host === 'graph.microsoft.com' ? {} : { customHosts: new Set([host]) }),
  });
  return { client, close: () => sender.close() };
}
