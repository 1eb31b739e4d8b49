import { generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';

export type Claims = Record<string, unknown>;

export interface SigningKey {
  /** The public half as a JSON Web Key Set, as /discovery/v2.0/keys serves it. */
  jwks(): { keys: Record<string, unknown>[] };
  /** A compact JWS (RS256) over the claims. */
  sign(claims: Claims): string;
  /** The claims when the signature is this key's, else null. Time and issuer are the caller's to check. */
  verify(token: string): Claims | null;
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * A fresh RSA key for each start of the stand-in, so tokens from one training run are no good
 * in the next. Node's crypto does RS256 directly; a JWT is only base64url JSON either side.
 */
export function makeSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const verified = new Map<string, Claims>();
  return {
    jwks: () => ({ keys: [{ ...(publicKey.export({ format: 'jwk' }) as Record<string, unknown>), kid, use: 'sig', alg: 'RS256' }] }),
    sign(claims) {
      const head = base64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid }));
      const body = base64url(JSON.stringify(claims));
      const signature = sign('sha256', Buffer.from(`${head}.${body}`), privateKey);
      return `${head}.${body}.${base64url(signature)}`;
    },
    verify(token) {
      const known = verified.get(token);
      if (known) return known;
      const claims = verifyWith(publicKey, kid, token);
      if (claims) {
        if (verified.size >= TOKENS_KEPT) verified.delete(verified.keys().next().value ?? '');
        verified.set(token, Object.freeze(claims));
      }
      return claims;
    },
  };
}

/**
 * Tokens whose signature has been checked, as a resource server keeps them: every request
 * carries one of a few tokens, and checking an RSA signature was most of a small read's work
 * (a screen-pop makes about ten). Only the signature is kept: expiry and issuer are checked each time.
 */
const TOKENS_KEPT = 64;

function verifyWith(publicKey: KeyObject, kid: string, token: string): Claims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head = '', body = '', signature = ''] = parts;
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown; kid?: unknown };
    // Only RS256 with our key: a token claiming "none" or another key is refused outright.
    if (header.alg !== 'RS256' || header.kid !== kid) return null;
    if (!verify('sha256', Buffer.from(`${head}.${body}`), publicKey, Buffer.from(signature, 'base64url'))) return null;
    const claims: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Claims) : null;
  } catch {
    return null;
  }
}
