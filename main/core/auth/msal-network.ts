import https from 'node:https';
import { AuthError, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';

/** How long MSAL waits for the identity provider before calling it a network failure. */
const DEFAULT_TIMEOUT_MS = 30_000;

export interface MsalNetwork extends INetworkModule {
  close(): void;
}

/**
 * MSAL's way out to the identity provider, over node https. Given a `ca`, it trusts exactly that
 * certificate (training's identity stand-in, made at start-up) with checks left on; without
 * one, the usual public authorities (Microsoft Entra ID). Failures become MSAL's own
 * `network_error`, with the system's code (ENOTFOUND, ECONNREFUSED, ...) kept for the message.
 */
export function msalNetwork(options: { ca?: string; timeoutMs?: number } = {}): MsalNetwork {
  const agent = new https.Agent({ keepAlive: true, ...(options.ca ? { ca: options.ca } : {}) });
  const send = <T>(method: 'GET' | 'POST', url: string, request: NetworkRequestOptions | undefined, timeout: number | undefined) =>
    new Promise<NetworkResponse<T>>((resolve, reject) => {
      const target = new URL(url);
      if (target.protocol !== 'https:') {
        reject(new AuthError('network_error', '', `CivicDesk signs in over https only, not ${target.protocol}`));
        return;
      }
      const headers: Record<string, string> = { ...request?.headers };
      const body = method === 'POST' ? (request?.body ?? '') : undefined;
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const outgoing = https.request(target, { method, headers, agent, timeout: timeout ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => reject(networkError(error)));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : {};
          } catch {
            reject(new AuthError('token_parsing_error', '', `The sign-in service answered ${String(response.statusCode)} with something other than JSON.`));
            return;
          }
          const flat: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
          resolve({ status: response.statusCode ?? 0, headers: flat, body: parsed as T });
        });
      });
      outgoing.on('timeout', () => outgoing.destroy(Object.assign(new Error('The request timed out.'), { code: 'ETIMEDOUT' })));
      outgoing.on('error', (error) => reject(networkError(error)));
      outgoing.end(body);
    });
  return {
    sendGetRequestAsync: (url, request, timeout) => send('GET', url, request, timeout),
    sendPostRequestAsync: (url, request) => send('POST', url, request, undefined),
    close: () => agent.destroy(),
  };
}

function networkError(error: Error & { code?: string }): AuthError {
  const failure = new AuthError('network_error', '', `Network request failed: ${error.code ?? ''} ${error.message}`.trim());
  // Kept so the failure can be described by its system code (failures.ts).
  Object.assign(failure, { cause: error });
  return failure;
}
