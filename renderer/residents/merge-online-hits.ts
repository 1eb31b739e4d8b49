import type { SearchHit } from '../../shared/domain/directory';

/** A search result as the list shows it: from this computer's copy, or found by the council's system and not yet on this computer. */
export type ShownHit = SearchHit & { fromCouncilSystem?: true };

/**
 * The local results first, as they are (the local search ranks on everything typed and works
 * offline), then what the council's system found that the local copy does not hold yet, in its
 * order, marked. A resident in both appears once, as the local result.
 */
export function mergeOnlineHits(local: readonly SearchHit[], online: readonly SearchHit[]): ShownHit[] {
  if (online.length === 0) return local as ShownHit[];
  const seen = new Set(local.map((hit) => hit.entry.residentId));
  const merged: ShownHit[] = [...local];
  for (const hit of online) {
    if (seen.has(hit.entry.residentId)) continue;
    seen.add(hit.entry.residentId);
    merged.push({ ...hit, fromCouncilSystem: true });
  }
  return merged;
}
