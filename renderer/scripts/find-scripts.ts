import type { CallScript } from '../../shared/call-scripts/schema';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Scripts whose title or triggers contain every word the agent typed, best first: a trigger
 * that starts with the words beats one that merely contains them, and among equals the
 * services the call's queue suggests come first.
 */
export function findScripts(scripts: readonly CallScript[], query: string, suggested: readonly string[] = []): CallScript[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const first = (script: CallScript) => (suggested.includes(script.service) ? 0 : 1);
  if (words.length === 0) return [...scripts].sort((a, b) => first(a) - first(b) || a.title.localeCompare(b.title));
  const scored = scripts.flatMap((script) => {
    const phrases = [script.title, ...script.triggers].map(fold);
    const matching = phrases.filter((phrase) => words.every((word) => phrase.includes(word)));
    if (matching.length === 0) return [];
    const score = matching.some((phrase) => phrase.startsWith(words.join(' '))) ? 2 : 1;
    return [{ script, score }];
  });
  return scored.sort((a, b) => b.score - a.score || first(a.script) - first(b.script) || a.script.title.localeCompare(b.script.title)).map((each) => each.script);
}
