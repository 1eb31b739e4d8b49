import { open, type DataKey } from './sealing';

/** Asked of a lane (index-part-lanes.ts): open this sealed part of the saved index; `asked` is the part it should be. */
export interface OpenPart {
  key: DataKey;
  table: string;
  sealed: Blob;
  asked: number;
}

/** A lane's answer: the row's own part number and its bytes, or why it could not be opened. */
export type PartOpened = { asked: number; part: unknown; bytes: Uint8Array<ArrayBuffer> } | { asked: number; error: string };

/** Reads a sealed part's Blob and opens it; the answer's bytes are a view of a buffer that can be transferred whole. */
export async function openIndexPart({ key, table, sealed, asked }: OpenPart): Promise<PartOpened> {
  try {
    const row = await open(key, table, new Uint8Array(await sealed.arrayBuffer()));
    if (!(row.bytes instanceof Uint8Array)) return { asked, error: 'The part holds no bytes.' };
    return { asked, part: row.part, bytes: row.bytes as Uint8Array<ArrayBuffer> };
  } catch (failure) {
    return { asked, error: failure instanceof Error ? failure.message : String(failure) };
  }
}
