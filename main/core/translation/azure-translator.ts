import type { FetchLike } from '../back-office/https-fetch';

/** Something a member of staff can act on, about machine translation. */
export class TranslationProblem extends Error {
  override readonly name = 'TranslationProblem';
}

export interface AzureTranslatorOptions {
  /** 'https://api-eur.cognitive.microsofttranslator.com' (api-eur keeps processing in Europe). */
  endpoint: string;
  /** The Translator resource's Azure region: 'uksouth'. */
  region: string;
  /** The resource key; null when none is stored. Read per use, never kept here. */
  key(): Promise<string | null>;
  fetch: FetchLike;
}

export interface TranslatedText {
  text: string;
  /** The language the text was in: as asked, or as Azure detected it. */
  from: string;
  to: string;
}

export interface Translator {
  translate(text: string, from: string | null, to: string): Promise<TranslatedText>;
}

export const NOT_SET_UP = 'Machine translation is not set up on this computer. Ask the IT service desk; in the meantime use a phrase or an interpreter.';

/**
 * Azure AI Translator's v3 REST API: POST {endpoint}/translate?api-version=3.0&from=en&to=so
 * with [{"Text": "…"}], the key and region in Ocp-Apim-Subscription-* headers.
 */
export function createAzureTranslator(options: AzureTranslatorOptions): Translator {
  const base = new URL('translate', options.endpoint.endsWith('/') ? options.endpoint : `${options.endpoint}/`);
  if (base.protocol !== 'https:') throw new TypeError('The Translator address must start with https://.');
  return {
    async translate(text, from, to) {
      const key = await options.key();
      if (!key) throw new TranslationProblem(NOT_SET_UP);
      const url = new URL(base);
      url.searchParams.set('api-version', '3.0');
      if (from) url.searchParams.set('from', from);
      url.searchParams.set('to', to);
      let response;
      try {
        response = await options.fetch(url.href, {
          method: 'POST',
          headers: {
            'Ocp-Apim-Subscription-Key': key,
            'Ocp-Apim-Subscription-Region': options.region,
            'Content-Type': 'application/json; charset=UTF-8',
          },
          body: JSON.stringify([{ Text: text }]),
        });
      } catch {
        throw new TranslationProblem('CivicDesk could not reach the translation service. Check the network connection, or use a phrase or an interpreter.');
      }
      const body = await response.text();
      if (response.status !== 200) throw new TranslationProblem(problemFor(response.status, body));
      try {
        const [first] = JSON.parse(body) as { detectedLanguage?: { language?: string }; translations?: { text?: string; to?: string }[] }[];
        const translation = first?.translations?.[0];
        if (typeof translation?.text !== 'string') throw new Error('no translation');
        return { text: translation.text, from: from ?? first?.detectedLanguage?.language ?? 'und', to: translation.to ?? to };
      } catch {
        throw new TranslationProblem('The translation service sent back something CivicDesk could not read. Tell the IT service desk.');
      }
    },
  };
}

/** Azure's error JSON is {"error":{"code":400036,"message":"…"}}: its code says whose mistake it is. */
function problemFor(status: number, body: string): string {
  let code = 0;
  try {
    code = Number((JSON.parse(body) as { error?: { code?: unknown } }).error?.code) || 0;
  } catch {
    // Not JSON: the status says enough.
  }
  if (status === 401 || status === 403) return 'The translation service did not accept this computer’s key. Tell the IT service desk.';
  if (code === 400019 || code === 400035 || code === 400036) return 'The translation service does not offer that language. Use a phrase or an interpreter.';
  if (code === 400050) return 'That text is too long to translate in one go. Translate it in shorter parts.';
  if (status === 429) return 'The translation service is busy just now. Wait a minute, then try again.';
  if (status >= 500) return 'The translation service is not available just now. Try again later, or use a phrase or an interpreter.';
  return `The translation service turned the request down (${code || status}). Tell the IT service desk.`;
}
