/**
 * Typo tolerance over a term vocabulary (names, address words), not over entries: a few
 * thousand distinct terms stand behind 320,000 residents, so finding 'garcia' for 'garsia' is
 * a vocabulary problem, and the entries then come from the ordinary postings.
 *
 * Candidate filter: padded trigrams. An insertion, deletion or substitution touches at most
 * three trigrams of a word and a transposition four, so a term within a few edits of the query
 * still shares most of its trigrams; only terms sharing enough get the exact (and
 * early-abandoned) edit-distance check. This scales with
 * the vocabulary far better than a symmetric-delete table, which for distance 2 stores ~50
 * variants of every long term.
 */
const PAD = '\u0001\u0001';

function trigramsOf(text: string, into: Set<string>): Set<string> {
  for (let i = 0; i + 3 <= text.length; i += 1) into.add(text.slice(i, i + 3));
  return into;
}

/** The edit distance the requirements allow for a query token of this length. */
export function allowedDistance(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

export class FuzzyMatcher {
  private readonly grams = new Map<string, Int32Array>();
  private readonly counts: Uint8Array;
  private readonly touched: Int32Array;
  private rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

  constructor(private readonly terms: readonly string[]) {
    const lists = new Map<string, number[]>();
    terms.forEach((term, id) => {
      for (const gram of trigramsOf(`${PAD}${term}${PAD}`, new Set())) {
        let list = lists.get(gram);
        if (!list) lists.set(gram, (list = []));
        list.push(id);
      }
    });
    for (const [gram, list] of lists) this.grams.set(gram, Int32Array.from(list));
    this.counts = new Uint8Array(terms.length);
    this.touched = new Int32Array(terms.length);
  }

  /**
   * Calls `found(termId, distance)` for every term within `maxDistance` edits of `query`
   * (0 < distance: the exact term is the caller's business). With `prefix`, a term counts when
   * some beginning of it is that close: 'garsi' is one edit from 'garci', the start of 'garcia'.
   */
  match(query: string, maxDistance: number, prefix: boolean, found: (termId: number, distance: number) => void): void {
    if (maxDistance <= 0) return;
    const grams = trigramsOf(prefix ? `${PAD}${query}` : `${PAD}${query}${PAD}`, new Set());
    // One edit destroys up to 4 trigrams (a transposition), two up to 8 (a slip and a swap,
    // 'sinclair' -> 'sinvlari', is 7). The edit distance below decides; this only has to keep
    // every term that could be close enough.
    const needed = Math.max(1, grams.size - 4 * maxDistance);
    let touchedCount = 0;
    for (const gram of grams) {
      const list = this.grams.get(gram);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 1) {
        const id = list[i]!;
        if (this.counts[id]! === 0) this.touched[touchedCount++] = id;
        if (this.counts[id]! < 255) this.counts[id]! += 1;
      }
    }
    for (let i = 0; i < touchedCount; i += 1) {
      const id = this.touched[i]!;
      const shared = this.counts[id]!;
      this.counts[id] = 0;
      if (shared < needed) continue;
      const term = this.terms[id]!;
      const lengthGap = term.length - query.length;
      if (prefix ? lengthGap < -maxDistance : Math.abs(lengthGap) > maxDistance) continue;
      const distance = this.distance(query, term, maxDistance, prefix);
      if (distance > 0 && distance <= maxDistance) found(id, distance);
    }
  }

  /**
   * Optimal string alignment distance (Levenshtein plus adjacent transpositions, the commonest
   * typing slip), abandoned as soon as a whole row exceeds `max`. With `prefix`, the best
   * distance from `a` to any beginning of `b`.
   */
  distance(a: string, b: string, max: number, prefix = false): number {
    const m = a.length;
    const n = b.length;
    if (this.rows[0]!.length <= n) this.rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
    let before = this.rows[0]!;
    let previous = this.rows[1]!;
    let current = this.rows[2]!;
    for (let j = 0; j <= n; j += 1) previous[j] = j;
    for (let i = 1; i <= m; i += 1) {
      current[0] = i;
      let rowMin = i;
      const ca = a.charCodeAt(i - 1);
      for (let j = 1; j <= n; j += 1) {
        const cb = b.charCodeAt(j - 1);
        let cost = previous[j - 1]! + (ca === cb ? 0 : 1);
        const del = previous[j]! + 1;
        const ins = current[j - 1]! + 1;
        if (del < cost) cost = del;
        if (ins < cost) cost = ins;
        if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
          const swap = before[j - 2]! + 1;
          if (swap < cost) cost = swap;
        }
        current[j] = cost;
        if (cost < rowMin) rowMin = cost;
      }
      if (rowMin > max) return max + 1;
      const spare = before;
      before = previous;
      previous = current;
      current = spare;
    }
    if (!prefix) return previous[n]!;
    let best = previous[0]!;
    for (let j = 1; j <= n; j += 1) if (previous[j]! < best) best = previous[j]!;
    return best;
  }
}
