import { useEffect, useState } from 'react';
import type { CaseTextLengths } from '../../shared/contract/cases';
import { useBridge } from '../bridge/bridge-context';

/**
 * How much the council's case record holds (its Dataverse columns), asked of main once per
 * page: main reads it from the tenant once a run. Null until known, or when main cannot be
 * asked (signed out): the form then shows only its own limits, and nothing is refused either way.
 */
let known: CaseTextLengths | null = null;

export function useCaseTextLengths(): CaseTextLengths | null {
  const bridge = useBridge();
  const [lengths, setLengths] = useState<CaseTextLengths | null>(known);
  useEffect(() => {
    if (known) return;
    let live = true;
    void bridge.cases.textLengths({}).then((outcome) => {
      if (!outcome.ok) return;
      known = outcome.value;
      if (live) setLengths(outcome.value);
    });
    return () => {
      live = false;
    };
  }, [bridge]);
  return lengths;
}

/** For tests: forget what was learnt, as a fresh page would. */
export function forgetCaseTextLengths(): void {
  known = null;
}

/** What the counter under a text says: how much is left in the case record, or how much goes into a note. */
export function roomInRecord(text: string, recordHolds: number): { left: number; intoNote: number } {
  return { left: Math.max(0, recordHolds - text.length), intoNote: Math.max(0, text.length - recordHolds) };
}
