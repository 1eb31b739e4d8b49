import { useEffect, useMemo, useState } from 'react';
import type { ApiBridge } from '../../shared/contract/api-bridge';
import type { LanguageEntry, LanguageTable, WritingDirection } from '../../shared/languages/language-table';
import { useBridge } from '../bridge/bridge-context';

/** What the renderer needs to name a language: the council's English label, its own name, and how it is written. */
export interface LanguageName {
  code: string;
  /** The council's English label; the code itself when the table is not loaded or does not know the code. */
  englishName: string;
  /** The language's name in itself, or null where none is known (or the table is not loaded). */
  autonym: string | null;
  direction: WritingDirection;
  /** ISO 15924; 'Zyyy' (unknown) when the table does not know the code. */
  script: string;
  /** False when this is only the code, because the table is not loaded or does not know it. */
  known: boolean;
}

export interface LanguageTableState {
  table: LanguageTable | null;
  /** Plain English, when the table could not be loaded. */
  problem: string | null;
  /** The entry for a BCP-47 code (case-insensitive), or null. */
  entryOf(code: string): LanguageEntry | null;
  /** Never fails: falls back to the code when the table is not loaded or does not know it. */
  nameOf(code: string): LanguageName;
}

type Loaded = { table: LanguageTable; index: Map<string, LanguageEntry> };

/**
 * One load per page: the table is shipped data and does not change while CivicDesk runs. Kept
 * per bridge, so each test's fake bridge gets its own; a failed load is forgotten, so the next
 * component that asks tries again.
 */
const loads = new WeakMap<ApiBridge, Promise<Loaded>>();
const settled = new WeakMap<ApiBridge, Loaded>();

function loadTable(bridge: ApiBridge): Promise<Loaded> {
  const existing = loads.get(bridge);
  if (existing) return existing;
  const loading = bridge.languages.table({}).then((outcome) => {
    if (!outcome.ok) throw new Error(outcome.error.message);
    const index = new Map(outcome.value.languages.map((entry) => [entry.code.toLowerCase(), entry]));
    const loaded = { table: outcome.value, index };
    settled.set(bridge, loaded);
    return loaded;
  });
  loads.set(bridge, loading);
  loading.catch(() => loads.delete(bridge));
  return loading;
}

function fallbackName(code: string): LanguageName {
  return { code, englishName: code, autonym: null, direction: 'ltr', script: 'Zyyy', known: false };
}

export function nameFromEntry(entry: LanguageEntry): LanguageName {
  return { code: entry.code, englishName: entry.englishName, autonym: entry.autonym, direction: entry.direction, script: entry.script, known: true };
}

/**
 * The language table from the main process ('languages.table'), loaded once per page, with
 * `nameOf(code)` for showing a resident's language as "Tigrinya (ትግርኛ)" rather than "ti".
 */
export function useLanguageTable(): LanguageTableState {
  const bridge = useBridge();
  const [result, setResult] = useState<{ bridge: ApiBridge; loaded: Loaded | null; problem: string | null } | null>(null);
  useEffect(() => {
    if (settled.has(bridge)) return;
    let live = true;
    loadTable(bridge).then(
      (loaded) => {
        if (live) setResult({ bridge, loaded, problem: null });
      },
      (error: unknown) => {
        if (live) setResult({ bridge, loaded: null, problem: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [bridge]);
  const mine = result?.bridge === bridge ? result : null;
  const loaded = settled.get(bridge) ?? mine?.loaded ?? null;
  const problem = loaded ? null : (mine?.problem ?? null);
  return useMemo<LanguageTableState>(() => {
    const entryOf = (code: string) => loaded?.index.get(code.toLowerCase()) ?? null;
    return {
      table: loaded?.table ?? null,
      problem,
      entryOf,
      nameOf: (code: string) => {
        const entry = entryOf(code);
        return entry ? nameFromEntry(entry) : fallbackName(code);
      },
    };
  }, [loaded, problem]);
}

/**
 * A language's name for staff: "Tigrinya (ትግርኛ)", the autonym in a span with its own lang and
 * dir so screen readers and the browser's text shaping get it right. Just the English name when
 * there is no autonym or it is the same.
 */
export function LanguageLabel({ name }: { name: LanguageName }) {
  if (!name.autonym || name.autonym === name.englishName) return <span data-testid="language-label">{name.englishName}</span>;
  return (
    <span data-testid="language-label">
      {name.englishName} (
      <span lang={name.code} dir={name.direction}>
        {name.autonym}
      </span>
      )
    </span>
  );
}
