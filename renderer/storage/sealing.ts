/**
 * Sealing a row: AES-256-GCM under the officer's data key, so IndexedDB on this computer holds
 * only ciphertext. The key is a non-extractable WebCrypto key (renderer/storage/officer-storage.ts):
 * script on the page can use it but never read it, and it is never written to disk here.
 *
 * A row is packed as JSON with any Blobs (a case's photos and PDFs) and byte arrays (a part of
 * the saved search index) appended as bytes, so one seal covers the whole row. A fresh 96-bit IV per seal, and the table's name as additional
 * data, so a sealed row cannot be moved to another table and opened as something else.
 */

/** WebCrypto's key, named so the same files type-check for the page and for Node's tests. */
export type DataKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface BlobPlaceholder {
  $blob: { at: number; size: number; type: string };
}

interface BytesPlaceholder {
  $bytes: { at: number; size: number };
}

const isPlaceholder = <Name extends string>(value: unknown, name: Name): value is Record<Name, { at: number; size: number }> =>
  typeof value === 'object' && value !== null && name in value && Object.keys(value).length === 1;

/** A new data key: AES-256-GCM, usable for sealing and opening only, never exportable. */
export function importDataKey(raw: Uint8Array<ArrayBuffer>): Promise<DataKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** JSON plus the bytes of every top-level Blob and Uint8Array, in one buffer: [json length: 4 bytes][json][bytes]. */
async function pack(row: Record<string, unknown>): Promise<Uint8Array<ArrayBuffer>> {
  const blobs: (Blob | Uint8Array)[] = [];
  let at = 0;
  const shaped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    if (value instanceof Blob) {
      shaped[name] = { $blob: { at, size: value.size, type: value.type } } satisfies BlobPlaceholder;
      blobs.push(value);
      at += value.size;
    } else if (value instanceof Uint8Array) {
      shaped[name] = { $bytes: { at, size: value.byteLength } } satisfies BytesPlaceholder;
      blobs.push(value);
      at += value.byteLength;
    } else shaped[name] = value;
  }
  const json = encoder.encode(JSON.stringify(shaped));
  const packed = new Uint8Array(4 + json.length + at);
  new DataView(packed.buffer).setUint32(0, json.length);
  packed.set(json, 4);
  let offset = 4 + json.length;
  for (const blob of blobs) {
    const bytes = blob instanceof Blob ? new Uint8Array(await blob.arrayBuffer()) : blob;
    packed.set(bytes, offset);
    offset += bytes.byteLength;
  }
  return packed;
}

function unpack(packed: Uint8Array<ArrayBuffer>): Record<string, unknown> {
  const length = new DataView(packed.buffer, packed.byteOffset).getUint32(0);
  const row = JSON.parse(decoder.decode(packed.subarray(4, 4 + length))) as Record<string, unknown>;
  const blobsStart = 4 + length;
  for (const [name, value] of Object.entries(row)) {
    if (isPlaceholder(value, '$blob')) {
      const { at, size, type } = (value as BlobPlaceholder).$blob;
      row[name] = new Blob([packed.slice(blobsStart + at, blobsStart + at + size)], { type });
    } else if (isPlaceholder(value, '$bytes')) {
      // A view of the opened bytes, not a copy: a saved index's parts are megabytes each.
      const { at, size } = value.$bytes;
      row[name] = packed.subarray(blobsStart + at, blobsStart + at + size);
    }
  }
  return row;
}

/** The row sealed: IV then ciphertext with its tag. */
export async function seal(key: DataKey, table: string, row: Record<string, unknown>): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(table) }, key, await pack(row));
  const sealed = new Uint8Array(IV_BYTES + ciphertext.byteLength);
  sealed.set(iv);
  sealed.set(new Uint8Array(ciphertext), IV_BYTES);
  return sealed;
}

/** Rejects if the key is not the one it was sealed with, or a byte has changed. */
export async function open(key: DataKey, table: string, sealed: Uint8Array<ArrayBuffer>): Promise<Record<string, unknown>> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.subarray(0, IV_BYTES), additionalData: encoder.encode(table) }, key, sealed.subarray(IV_BYTES));
  return unpack(new Uint8Array(plain));
}
