import type { SearchHit } from '../domain/directory';
import type { IndexData, SearchIndex } from './build';
import { compilePart, type CompiledPart } from './plan';
import { analyseQuery, type QueryPart } from './query';
import { contribution, MAX_COVERAGE, reasonsOf, scoreOf } from './score';

/**
 * Runs a query against the index. Scores come from score.ts; equal scores go to the smaller
 * entry id, which is family name, given name, resident id (see build.ts).
 *
 * Finding candidates without reading every posting: parts are taken smallest first; each new
 * candidate is scored against all parts through the per-entry (forward) term lists. Once the
 * 20th best candidate outscores what all the unread parts together could give an unseen
 * entry, nobody unseen can overtake it, so we stop. When one part is left unread, an unseen
 * entry can only score by that part alone, so only the first postings of each of its terms
 * (ids ascending = tie-break order) can still make the list.
 */

/** The best `limit` (score, id) pairs seen, best first. */
class TopHits {
  readonly scores: Float64Array;
  readonly ids: Int32Array;
  size = 0;

  constructor(readonly limit: number) {
    this.scores = new Float64Array(limit);
    this.ids = new Int32Array(limit);
  }

  get full(): boolean {
    return this.size === this.limit;
  }

  /** Score and id of the weakest hit kept (meaningful once full). */
  get weakest(): number {
    return this.scores[this.size - 1]!;
  }

  get weakestId(): number {
    return this.ids[this.size - 1]!;
  }

  /** Whether an entry scoring `score` with id `id` would be turned away. */
  rejects(score: number, id: number): boolean {
    return this.full && (score < this.weakest || (score === this.weakest && id > this.weakestId));
  }

  offer(score: number, id: number): void {
    let at = this.size;
    while (at > 0 && (this.scores[at - 1]! < score || (this.scores[at - 1]! === score && this.ids[at - 1]! > id))) at -= 1;
    if (at >= this.limit) return;
    const last = Math.min(this.size, this.limit - 1);
    this.scores.copyWithin(at + 1, at, last);
    this.ids.copyWithin(at + 1, at, last);
    this.scores[at] = score;
    this.ids[at] = id;
    if (this.size < this.limit) this.size += 1;
  }
}

/** Recently compiled parts: typing 'maria garc' re-uses 'maria' from 'maria ga' (typo search included). */
const CACHE_SIZE = 256;

export function searchIndexData(data: IndexData): SearchIndex {
  const seen = new Int32Array(data.entries.length);
  let generation = 0;
  const compiledParts = new Map<string, CompiledPart>();
  const compile = (part: QueryPart): CompiledPart => {
    const key = JSON.stringify(part);
    let compiled = compiledParts.get(key);
    if (!compiled) {
      if (compiledParts.size >= CACHE_SIZE) compiledParts.clear();
      compiledParts.set(key, (compiled = compilePart(data, part)));
    }
    return compiled;
  };

  const search = (query: string, limit = 20): SearchHit[] => {
    const analysis = analyseQuery(query);
    const wanted = Math.min(Math.floor(limit), data.entries.length);
    if (analysis.kind !== 'parts' || !(wanted >= 1)) return [];
    const parts = analysis.parts.map(compile).filter((part) => part.volume > 0);
    if (parts.length === 0) return [];
    if (generation === 0x7fffffff) {
      seen.fill(0);
      generation = 0;
    }
    generation += 1;
    const top = new TopHits(wanted);
    const consider = (e: number): void => {
      if (seen[e] === generation) return;
      seen[e] = generation;
      top.offer(scoreOf(data, parts, e), e);
    };
    const unread = [...parts].sort((a, b) => a.volume - b.volume);
    // The most an entry not yet seen could score: every unread part at its best grade.
    let ceiling = unread.reduce((sum, part) => sum + contribution(part, part.sources[0]!.grade), MAX_COVERAGE);
    while (unread.length > 0 && !(top.full && top.weakest > ceiling)) {
      const part = unread.shift()!;
      ceiling -= contribution(part, part.sources[0]!.grade);
      for (const source of part.sources) {
        const { postings, offsets } = source.field.dictionary;
        if (unread.length > 0) {
          for (let p = offsets[source.lo]!, end = offsets[source.hi]!; p < end; p += 1) consider(postings[p]!);
          continue;
        }
        // The last part: an unseen entry scores exactly this source's contribution (one part
        // earns no coverage), and each term's postings ascend in tie-break order, so each term is
        // read only while it can still place an entry.
        const reach = contribution(part, source.grade);
        for (let t = source.lo; t < source.hi; t += 1) {
          for (let p = offsets[t]!, end = offsets[t + 1]!; p < end && !top.rejects(reach, postings[p]!); p += 1) consider(postings[p]!);
        }
      }
    }
    const hits: SearchHit[] = [];
    for (let i = 0; i < top.size; i += 1) {
      const e = top.ids[i]!;
      hits.push({ entry: data.entries[e]!, score: top.scores[i]!, matched: reasonsOf(data, parts, e) });
    }
    return hits;
  };

  return { size: data.entries.length, search };
}
