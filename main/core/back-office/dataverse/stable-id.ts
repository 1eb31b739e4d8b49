import { createHash } from 'node:crypto';

/** CivicDesk's own namespace for ids it derives (RFC 9562 name-based, version 5). */
const CIVICDESK_NAMESPACE = '3f1c8d52-6a0e-4b1b-9d0e-5c1e4f8a2b61';

/**
 * The same GUID for the same name, every time: a resend writes the same rows rather than new
 * ones, so Dataverse can tell it is a resend. A UUID version 5 (SHA-1 of namespace and name).
 */
export function stableId(name: string): string {
  const namespace = Buffer.from(CIVICDESK_NAMESPACE.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
