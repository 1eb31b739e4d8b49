import type { SearchHit } from '../domain/directory';
import type { IndexData, SearchIndex } from './build';
import { compilePart, type CompiledPart } from './plan';
import { analyseQuery, type QueryPart } from './query';
import { contribution, MAX_COVERAGE, NAME_PARTS as SCORE_NAME_PARTS, PARTS as SCORE_PARTS, reasonsOf, scoreOf } from './score';

/**
 * Runs a query against the index. Scores come from score.ts; equal scores go to the smaller
 * entry id, which is family name, given name, resident id (see build.ts).
 *
 * A full score reads the entry's record, which is scattered in memory, so it should run for a
 * few hundred entries, not for every posting. Hence three passes:
 *  1. Accumulate every part but the largest: read its postings in order and add, per entry, the
 *     part's contribution at the entry's best grade. Two numbers per entry, side by side.
 *  2. Mark the largest part (often the word being typed): one bit per entry, cheap even for a
 *     hundred thousand postings.
 *  3. Settle: the accumulated score plus, if marked, the largest part at its best grade bounds
 *     each entry's score (the full score also settles that one name word cannot count twice,
 *     and coverage, at most MAX_COVERAGE).
 *     Fully score entries level by level (parts matched, most first), skipping any whose bound
 *     cannot beat the 20th best so far.
 * Entries found only through the largest part score exactly its contribution, so for those
 * only the first postings of each of its terms (ids ascending = tie-break order) can still make
 * the list: a window, not a full read.
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
// Module-local copies of score.ts's units: read once per touched entry below.
const PARTS = SCORE_PARTS;
const NAME_PARTS = SCORE_NAME_PARTS;
/** A full score (cache misses into the records) costs about this many marks (bits in cache). */
const MARK_RATIO = 256;
/** Room in a stamp for the part index (at most 16 parts, see query.ts). */
const PART_SLOTS = 32;
/** Residents counted as matching, at most: "20 shown of more than 1,000" is as useful as the exact figure. */
const COUNT_CAP = 1_000;
/** Full scores spent on confirming a count, at most (each is a read scattered in memory). */
const COUNT_CHECKS = 2_000;

export function searchIndexData(data: IndexData): SearchIndex {
  const total = data.entries.length;
  /** Per entry: [generation * PART_SLOTS + part last added, accumulated score]. */
  const state = new Int32Array(2 * total);
  const members = new Int32Array((total + 31) >>> 5);
  const scored = new Int32Array(total);
  const touchedList = new Int32Array(total);
  const bounds = new Int32Array(total);
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

  const nothing = { hits: [] as SearchHit[], matching: 0, atLeast: false };
  const run = (query: string, limit: number, counting: boolean): { hits: SearchHit[]; matching: number; atLeast: boolean } => {
    const analysis = analyseQuery(query);
    const wanted = Math.min(Math.floor(limit), total);
    if (analysis.kind !== 'parts' || !(wanted >= 1)) return nothing;
    const parts = analysis.parts.map(compile).filter((part) => part.volume > 0);
    if (parts.length === 0) return nothing;
    if (generation + 1 >= 0x7fffffff / PART_SLOTS) {
      state.fill(0);
      scored.fill(0);
      generation = 0;
    }
    generation += 1;
    const top = new TopHits(wanted);
    const consider = (e: number): void => {
      if (scored[e] === generation) return;
      scored[e] = generation;
      top.offer(scoreOf(data, parts, e), e);
    };
    const byVolume = [...parts].sort((a, b) => a.volume - b.volume);
    const largest = byVolume.pop()!;

    // 1. Accumulate.
    let touchedCount = 0;
    byVolume.forEach((part, index) => {
      const stamp = generation * PART_SLOTS + index;
      for (const source of part.sources) {
        const reach = contribution(part, source.grade);
        const { postings, offsets } = source.field.dictionary;
        for (let p = offsets[source.lo]!, end = offsets[source.hi]!; p < end; p += 1) {
          const at = 2 * postings[p]!;
          const seen = state[at]!;
          if (seen === stamp) continue;
          if (Math.floor(seen / PART_SLOTS) !== generation) {
            state[at + 1] = 0;
            touchedList[touchedCount++] = postings[p]!;
          }
          state[at] = stamp;
          state[at + 1]! += reach;
        }
      }
    });

    // 2. Mark the entries the largest part matches, one bit each (a 40 kB set that stays in
    //    cache), unless it dwarfs what it would be checked against. A marked (or, unmarked,
    //    every) touched entry is assumed to match it at its best grade.
    const best = largest.sources[0]!.grade;
    const extra = contribution(largest, best);
    const extraNamed = largest.grades[best]!.name ? largest.weight : 0;
    const marked = touchedCount > 0 && touchedCount * MARK_RATIO >= largest.volume;
    if (marked) {
      for (const source of largest.sources) {
        const { postings, offsets } = source.field.dictionary;
        for (let p = offsets[source.lo]!, end = offsets[source.hi]!; p < end; p += 1) members[postings[p]! >>> 5]! |= 1 << (postings[p]! & 31);
      }
    }

    // The count, while the marks are there: an entry matching every part matched every smaller
    // one (so it is touched, with their weight accumulated) and is marked (or, unmarked, may be).
    // A full score confirms each, as one name word cannot count for two parts.
    let matching = 0;
    let atLeast = false;
    if (counting && parts.length > 1) {
      const whole = parts.reduce((sum, part) => sum + part.weight, 0);
      const needed = whole - largest.weight;
      let checks = 0;
      for (let i = 0; i < touchedCount; i += 1) {
        const e = touchedList[i]!;
        if (Math.floor(state[2 * e + 1]! / PARTS) < needed || (marked && (members[e >>> 5]! & (1 << (e & 31))) === 0)) continue;
        if (checks === COUNT_CHECKS || matching === COUNT_CAP) {
          atLeast = true;
          break;
        }
        checks += 1;
        if (Math.floor(scoreOf(data, parts, e) / PARTS) === whole) matching += 1;
      }
    }

    // 3. Settle, most parts first. Bounds are worked out once, in touched order (sequential).
    let level = 0;
    for (let i = 0; i < touchedCount; i += 1) {
      const e = touchedList[i]!;
      const accumulated = state[2 * e + 1]!;
      const member = !marked || (members[e >>> 5]! & (1 << (e & 31))) !== 0;
      const named = Math.floor((accumulated % PARTS) / NAME_PARTS) + (member ? extraNamed : 0);
      const bound = accumulated + (member ? extra : 0) + (named >= 2 ? MAX_COVERAGE : 0);
      bounds[i] = bound;
      level = Math.max(level, Math.floor(bound / PARTS));
    }
    for (; level > 0; level -= 1) {
      // Every bound on this level or below is under (level + 1) parts.
      if (top.full && top.weakest >= (level + 1) * PARTS) break;
      const floor = level * PARTS;
      const ceiling = floor + PARTS;
      for (let i = 0; i < touchedCount; i += 1) {
        const bound = bounds[i]!;
        if (bound >= floor && bound < ceiling && !top.rejects(bound, touchedList[i]!)) consider(touchedList[i]!);
      }
    }
    if (marked) members.fill(0);

    // 4. The window over the largest part, for entries that matched nothing else.
    for (const source of largest.sources) {
      const reach = contribution(largest, source.grade);
      const { postings, offsets } = source.field.dictionary;
      for (let t = source.lo; t < source.hi; t += 1) {
        for (let p = offsets[t]!, end = offsets[t + 1]!; p < end; p += 1) {
          const e = postings[p]!;
          if (Math.floor(state[2 * e]! / PART_SLOTS) === generation) continue;
          if (top.rejects(reach, e)) break;
          consider(e);
        }
      }
    }
    // One part: every entry it reaches matches, counted once each (a stamp no part uses).
    if (counting && parts.length === 1) {
      const stamp = generation * PART_SLOTS + PART_SLOTS - 1;
      count: for (const source of largest.sources) {
        const { postings, offsets } = source.field.dictionary;
        for (let p = offsets[source.lo]!, end = offsets[source.hi]!; p < end; p += 1) {
          const at = 2 * postings[p]!;
          if (state[at] === stamp) continue;
          state[at] = stamp;
          if (matching === COUNT_CAP) {
            atLeast = true;
            break count;
          }
          matching += 1;
        }
      }
    }
    const hits: SearchHit[] = [];
    for (let i = 0; i < top.size; i += 1) {
      const e = top.ids[i]!;
      hits.push({ entry: data.entries[e]!, score: top.scores[i]!, matched: reasonsOf(data, parts, e) });
    }
    return { hits, matching, atLeast };
  };

  return { size: total, search: (query, limit = 20) => run(query, limit, false).hits, searchCounted: (query, limit = 20) => run(query, limit, true) };
}
