import { open, seal, type DataKey } from './sealing';

/**
 * A part of the saved index is sealed in chunks of at most this. WebCrypto copies what it opens
 * and answers in a new buffer: opening a 16 MB part whole put 32 MB of fresh memory under the
 * lane, and on these machines touching fresh memory costs more than AES itself (in Debian's
 * Chromium, a 24 MB part opened whole took about 215 ms; in chunks of 768 KB, whose memory is
 * used again from one chunk to the next, 45-70 ms). Half a megabyte stays well under the size
 * Chromium's allocator hands out whole from the system each time (about 1 MB). With the parts
 * in one Blob (directory-database.ts), a later start's opening went from 1.28 s to 1.06 s
 * (bench:firststart, mean of four reopens each, builds alternated).
 */
export const CHUNK_BYTES = 512 * 1024;

/** Asked of a lane (index-part-lanes.ts): open this sealed part of the saved index; `asked` is the part it should be. */
export interface OpenPart {
  key: DataKey;
  table: string;
  sealed: Blob;
  asked: number;
}

/** A lane's answer: the part number its chunks hold and its bytes, or why it could not be opened. */
export type PartOpened = { asked: number; part: unknown; bytes: Uint8Array<ArrayBuffer> } | { asked: number; error: string };

const lengthOf = (value: number) => {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
};

/**
 * A part of the saved index sealed for keeping, as one Blob: its length (4 bytes), then each
 * chunk's sealed length (4 bytes) and the chunk, sealed with its part and place in it, so a
 * chunk moved to another part or place is refused.
 */
export async function sealIndexPart(key: DataKey, table: string, part: number, bytes: Uint8Array<ArrayBuffer>): Promise<Blob> {
  const pieces: Uint8Array<ArrayBuffer>[] = [lengthOf(bytes.byteLength)];
  for (let chunk = 0, at = 0; chunk === 0 || at < bytes.byteLength; chunk += 1, at += CHUNK_BYTES) {
    const sealed = await seal(key, table, { part, chunk, bytes: bytes.subarray(at, at + CHUNK_BYTES) });
    pieces.push(lengthOf(sealed.byteLength), sealed);
  }
  return new Blob(pieces);
}

/** Reads a sealed part's Blob and opens it chunk by chunk; the answer's bytes are a buffer of their own, to be transferred whole. */
export async function openIndexPart({ key, table, sealed, asked }: OpenPart): Promise<PartOpened> {
  try {
    const kept = new Uint8Array(await sealed.arrayBuffer());
    const view = new DataView(kept.buffer);
    const length = view.getUint32(0);
    if (length > kept.byteLength) return { asked, error: 'The part says it is longer than what is kept.' };
    const bytes = new Uint8Array(length);
    let filled = 0;
    let part: unknown = asked;
    for (let at = 4, chunk = 0; at < kept.byteLength; chunk += 1) {
      const size = view.getUint32(at);
      const row = await open(key, table, kept.subarray(at + 4, at + 4 + size));
      if (row.chunk !== chunk || !(row.bytes instanceof Uint8Array) || filled + row.bytes.byteLength > length) return { asked, error: `The part's chunk ${chunk} is not the chunk it should be.` };
      // A chunk of another part makes the whole part that one (the saved index refuses it by number).
      if (row.part !== asked) part = row.part;
      bytes.set(row.bytes, filled);
      filled += row.bytes.byteLength;
      at += 4 + size;
    }
    if (filled !== length) return { asked, error: 'The part is shorter than it says.' };
    return { asked, part, bytes };
  } catch (failure) {
    return { asked, error: failure instanceof Error ? failure.message : String(failure) };
  }
}

/** The opened part as the saved index reads it (its part number and bytes); an error thrown. */
export function partRow(opened: PartOpened): Record<string, unknown> {
  if ('error' in opened) throw new Error(opened.error);
  return { part: opened.part, bytes: opened.bytes };
}
