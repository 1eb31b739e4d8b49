import https from 'node:https';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * The last link of the chain: sends the request with node's https and turns the answer into
 * a global Response for the Graph client. It trusts exactly the `ca` it is given (the training
 * stand-in's own certificate) with certificate checks left on; without one, the system's
 * authorities, as for graph.microsoft.com.
 */
export class NodeHttpsHandler implements Middleware {
  private readonly agent: https.Agent;

  constructor(ca: string | undefined, private readonly timeoutMs = 30_000) {
    this.agent = new https.Agent({ keepAlive: true, ...(ca ? { ca } : {}) });
  }

  close(): void {
    this.agent.destroy();
  }

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const options = context.options ?? {};
    const headers = plainHeaders(options.headers);
    const body = await bodyBytes(options.body);
    if (body) headers['content-length'] = String(body.length);
    context.response = await new Promise<Response>((resolve, reject) => {
      const request = https.request(
        new URL(url),
        { method: options.method ?? 'GET', headers, agent: this.agent, timeout: this.timeoutMs },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            const replyHeaders = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
              if (value !== undefined) replyHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
            }
            // A Response cannot carry a body with 204 or 304.
            const content = status === 204 || status === 304 ? null : Buffer.concat(chunks);
            resolve(new Response(content, { status, headers: replyHeaders }));
          });
        },
      );
      request.on('timeout', () => request.destroy(Object.assign(new Error('Microsoft 365 took too long to answer.'), { code: 'ETIMEDOUT' })));
      request.on('error', reject);
      request.end(body ?? undefined);
    });
  }
}

function plainHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) headers.forEach((value, name) => (out[name.toLowerCase()] = value));
  else if (Array.isArray(headers)) for (const [name, value] of headers as [string, string][]) out[name.toLowerCase()] = value;
  else for (const [name, value] of Object.entries(headers as Record<string, string>)) out[name.toLowerCase()] = String(value);
  return out;
}

async function bodyBytes(body: unknown): Promise<Buffer | null> {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Blob) return Buffer.from(await body.arrayBuffer());
  return Buffer.from(String(body), 'utf8');
}
