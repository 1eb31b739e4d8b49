import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeLoopbackCertificate } from '../dataverse/certificate';
import { readBody } from '../request-body';

/** The made-up key training mode uses; the stand-in refuses any other, as Azure would. */
export const TRAINING_TRANSLATOR_KEY = 'training-translator-key-0000';
export const TRAINING_TRANSLATOR_REGION = 'uksouth';

export interface TranslatorStandIn {
  /** 'https://127.0.0.1:PORT', as a council would configure machineTranslation.endpoint. */
  url: string;
  /** The stand-in's certificate (PEM): the only thing a client should trust for it. */
  ca: string;
  /** Every request so far (method, path and query; never the text). */
  requests(): readonly { method: string; target: string }[];
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
}

const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const azureError = (status: number, code: number, message: string): Reply => ({ status, body: { error: { code, message } } });

/**
 * What Azure AI Translator's POST /translate does with a request, without translating: each
 * text comes back marked with the target language ("[so] …") so nobody mistakes it for a
 * translation. The key, api-version, languages and body are checked as Azure checks them,
 * with Azure's error JSON.
 */
export function translatorReply(request: { method: string; target: string; headers: Record<string, string | undefined>; body: string }, key: string): Reply {
  const url = new URL(request.target, 'https://127.0.0.1');
  if (url.pathname !== '/translate') return azureError(404, 404001, 'The requested resource was not found.');
  if (request.method !== 'POST') return azureError(405, 405000, 'The request method is not supported for the requested resource.');
  if (!request.headers['ocp-apim-subscription-key'] || request.headers['ocp-apim-subscription-key'] !== key) {
    return azureError(401, 401000, 'The request is not authorized because credentials are missing or invalid.');
  }
  if (url.searchParams.get('api-version') !== '3.0') return azureError(400, 400021, 'The API version parameter is missing or invalid.');
  const targets = url.searchParams.getAll('to');
  if (targets.length === 0 || targets.some((to) => !LANGUAGE.test(to))) return azureError(400, 400036, 'The target language ("To" field) is missing or invalid.');
  const from = url.searchParams.get('from');
  if (from !== null && !LANGUAGE.test(from)) return azureError(400, 400035, 'The source language ("From" field) is not valid.');
  if (!/^application\/json/i.test(request.headers['content-type'] ?? '')) return azureError(415, 415000, 'The Content-Type header is missing or invalid.');
  let items: unknown;
  try {
    items = JSON.parse(request.body);
  } catch {
    return azureError(400, 400074, 'The body of the request is not valid JSON.');
  }
  if (!Array.isArray(items) || items.length === 0 || items.some((item) => typeof (item as { Text?: unknown } | null)?.Text !== 'string')) {
    return azureError(400, 400074, 'The body of the request is not valid JSON.');
  }
  if (items.length > 1000) return azureError(400, 400077, 'The maximum request size has been exceeded.');
  const texts = items.map((item) => (item as { Text: string }).Text);
  if (texts.reduce((sum, text) => sum + text.length, 0) > 50_000) return azureError(400, 400050, 'The input text is too long.');
  return {
    status: 200,
    body: texts.map((text) => ({
      ...(from === null ? { detectedLanguage: { language: 'en', score: 1.0 } } : {}),
      translations: targets.map((to) => ({ text: `[${to}] ${text}`, to })),
    })),
  };
}

/** The translator stand-in over https on 127.0.0.1, with a certificate made at start-up. */
export async function startTranslatorStandIn(options: { key?: string } = {}): Promise<TranslatorStandIn> {
  const key = options.key ?? TRAINING_TRANSLATOR_KEY;
  const certificate = await makeLoopbackCertificate();
  const recorded: { method: string; target: string }[] = [];
  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    readBody(request, 1024 * 1024, (body) => {
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      };
      recorded.push({ method: request.method ?? 'GET', target: request.url ?? '/' });
      const reply = translatorReply(
        {
          method: request.method ?? 'GET',
          target: request.url ?? '/',
          headers: { 'ocp-apim-subscription-key': header('ocp-apim-subscription-key'), 'content-type': header('content-type') },
          body,
        },
        key,
      );
      response.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ca: certificate.cert,
    requests: () => [...recorded],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
