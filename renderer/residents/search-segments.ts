import type { SearchHit } from '../../shared/domain/directory';
import type { SearchIndex } from '../../shared/search';

/** Hidden residents an older segment is asked past, at most, to still fill the list. */
const MOST_EXTRA = 200;

interface Segment {
  index: SearchIndex;
  /** Residents a newer segment changed or removed: this segment's entries for them no longer count. */
  hidden: Set<string>;
}

const tieKey = (hit: SearchHit) => `${hit.entry.familyName.toLowerCase()}\u0000${hit.entry.givenName.toLowerCase()}\u0000${hit.entry.residentId}`;

/**
 * The indexes the page searches: usually one, the whole local copy. While a first start's
 * slices arrive, or a later start's changes since the saved index, each batch is a small
 * segment of its own, searched beside the others and merged by score, so what has arrived is
 * searchable at once without rebuilding the rest. A whole index replaces them all.
 */
export class Segments {
  private list: Segment[] = [];
  private superseded = 0;
  /** Whether the oldest segment is a whole index (the saved one, or one rebuilt from the local copy). */
  whole = false;

  get count(): number {
    return this.list.length;
  }

  /** Residents searchable (changed residents counted once; a resident new in a change is not yet counted). */
  get size(): number {
    return this.list.reduce((sum, segment) => sum + segment.index.size, 0) - this.superseded;
  }

  replaceAll(index: SearchIndex): void {
    this.list = [{ index, hidden: new Set() }];
    this.superseded = 0;
    this.whole = true;
  }

  add(index: SearchIndex, supersedes: readonly string[]): void {
    for (const older of this.list) for (const id of supersedes) older.hidden.add(id);
    if (this.list.length > 0) this.superseded += supersedes.length;
    this.list.push({ index, hidden: new Set() });
  }

  find(query: string, limit: number): { hits: SearchHit[]; matching: number; atLeast: boolean } {
    const only = this.list.length === 1 ? this.list[0]! : null;
    if (only && only.hidden.size === 0) return only.index.searchCounted(query, limit);
    let hits: SearchHit[] = [];
    let matching = 0;
    let atLeast = false;
    for (const { index, hidden } of this.list) {
      const found = index.searchCounted(query, limit + Math.min(hidden.size, MOST_EXTRA));
      hits.push(...(hidden.size > 0 ? found.hits.filter((hit) => !hidden.has(hit.entry.residentId)) : found.hits));
      matching += found.matching;
      atLeast ||= found.atLeast;
    }
    hits = hits.sort((a, b) => b.score - a.score || (tieKey(a) < tieKey(b) ? -1 : 1)).slice(0, limit);
    return { hits, matching, atLeast };
  }
}
