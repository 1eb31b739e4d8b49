import https from 'node:https';

/** The part of a fetch request the back-office client sends. */
export interface HttpRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** The part of a fetch response the back-office client reads. */
export interface HttpResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** Node's global fetch fits this; so does httpsFetch below. */
export type FetchLike = (url: string, init?: HttpRequestInit) => Promise<HttpResponse>;

export interface HttpsFetchOptions {
  /** Give up on a request that has sent nothing back for this long. */
  timeoutMs?: number;
}

/**
 * A fetch that trusts exactly the certificate authority it is given, for the local
 * stand-ins whose certificate is made at start-up. Node's global fetch can only be told
 * about extra authorities process-wide (NODE_EXTRA_CA_CERTS) or through the separate
 * undici package; this keeps the trust to one client and leaves certificate checks on.
 */
export function httpsFetch(ca: string, options: HttpsFetchOptions = {}): FetchLike & { close(): void } {
  // At most six connections to one server, as Chromium's network stack keeps over HTTP/1.1
  // (live mode's requests go through Electron's net.fetch): training opens as many as live.
  // It also keeps them warm: a screen-pop's dozen parallel reads used to open new ones (each a
  // TLS handshake on main's thread) whenever the stand-in had closed an idle one.
  const agent = new https.Agent({ ca, keepAlive: true, maxSockets: 6 });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const fetchWithCa = (url: string, init: HttpRequestInit = {}) =>
    new Promise<HttpResponse>((resolve, reject) => {
      const target = new URL(url);
      if (target.protocol !== 'https:') {
        reject(new TypeError(`httpsFetch only speaks https, not ${target.protocol}`));
        return;
      }
      const request = https.request(target, { method: init.method ?? 'GET', headers: init.headers, agent, timeout: timeoutMs }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: { get: (name) => headerValue(response.headers[name.toLowerCase()]) },
            text: () => Promise.resolve(body),
          });
        });
      });
      request.on('timeout', () => request.destroy(Object.assign(new Error('The request timed out.'), { code: 'ETIMEDOUT' })));
      request.on('error', reject);
      request.end(init.body);
    });
  return Object.assign(fetchWithCa, { close: () => agent.destroy() });
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
