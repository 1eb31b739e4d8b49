import type { MultiField, SingleField } from './terms';
import { HEADER, POSTCODE, type Records } from './score';

/**
 * Writes each entry's record (layout in score.ts, which reads them): the build's forward
 * lists, one entry after another, so a candidate's terms sit together in memory.
 */
/** Packs the lists (names, addresses, phones) and single values (postcode … rent) per entry. */
export function packRecords(lists: readonly [MultiField, MultiField, MultiField], singles: readonly SingleField[]): Records {
  const total = lists[0].offsets.length - 1;
  const starts = new Int32Array(total + 1);
  let size = 0;
  for (let e = 0; e < total; e += 1) {
    starts[e] = size;
    size += HEADER;
    for (const list of lists) size += list.offsets[e + 1]! - list.offsets[e]!;
  }
  starts[total] = size;
  const values = new Int32Array(size);
  for (let e = 0; e < total; e += 1) {
    const base = starts[e]!;
    let at = base + HEADER;
    for (let slot = 0; slot < lists.length; slot += 1) {
      const list = lists[slot]!;
      const to = list.offsets[e + 1]!;
      values[base + slot] = to - list.offsets[e]!;
      for (let i = list.offsets[e]!; i < to; i += 1) values[at++] = list.values[i]!;
    }
    for (let i = 0; i < singles.length; i += 1) values[base + POSTCODE + i] = singles[i]!.values[e]!;
  }
  return { starts, values };
}
