import { useEffect, useMemo, useRef, useState } from 'react';
import type { SearchHit } from '../../shared/domain/directory';
import { useBridge } from '../bridge/bridge-context';
import { mergeOnlineHits, type ShownHit } from './merge-online-hits';

/** Long enough that a name typed at speed is asked once, short enough to arrive while the officer reads the local results. */
export const ONLINE_SEARCH_PAUSE_MS = 200;

/**
 * One key adds or takes away one character; more at once is a name pasted, picked or brought
 * by a call, and whole, so it is asked at once rather than after the typing pause. (Main
 * still keeps to Dataverse search's one request a second: online-search.ts.)
 */
function oneKeystroke(before: string, after: string): boolean {
  return Math.abs(after.length - before.length) === 1 && (after.startsWith(before) || before.startsWith(after));
}
/** As many as the list shows from the council's system beside the local results. */
const ONLINE_RESULTS = 10;

/** A word of two letters or more and nothing else: main asks the council's system by names only (resident-search.ts). */
function hasNameWord(text: string): boolean {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .some((word) => /^\p{L}{2,}$/u.test(word));
}

/**
 * While this computer's copy of the directory is incomplete, what is typed is also searched in
 * the council's system (Dataverse search, through main), a moment after typing pauses (at once
 * for a name that arrives whole); an answer for older text never replaces a newer one.
 * Offline or refused, the local results stand alone:
 * a failed online search says nothing, as the local search is still there and says its own.
 * Returns the local results with what the council's system adds, marked.
 */
export function useOnlineHits(local: { hits: SearchHit[]; query: string }, text: string, active: boolean): ShownHit[] {
  const bridge = useBridge();
  const [online, setOnline] = useState<{ query: string; hits: SearchHit[] }>({ query: '', hits: [] });
  const latest = useRef(0);
  const before = useRef('');
  const asked = active && hasNameWord(text) && text.length <= 200;

  useEffect(() => {
    latest.current += 1;
    const mine = latest.current;
    const typed = oneKeystroke(before.current, text);
    before.current = text;
    if (!asked) return;
    const timer = setTimeout(() => {
      void bridge.directory.searchOnline({ text, top: ONLINE_RESULTS }).then((outcome) => {
        if (mine === latest.current && outcome.ok) setOnline({ query: text, hits: outcome.value.hits });
      });
    }, typed ? ONLINE_SEARCH_PAUSE_MS : 0);
    return () => clearTimeout(timer);
  }, [bridge, text, asked]);

  return useMemo(() => mergeOnlineHits(local.hits, asked && online.query === local.query ? online.hits : []), [local.hits, local.query, online, asked]);
}
