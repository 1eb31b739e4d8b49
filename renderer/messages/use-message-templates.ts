import { useEffect, useState } from 'react';
import type { ApiBridge } from '../../shared/contract/api-bridge';
import type { MessageTemplates } from '../../shared/contract/messages';
import { useBridge } from '../bridge/bridge-context';

/** Kept per bridge once read without a problem: the council's templates change rarely, and never mid-call. */
const kept = new WeakMap<ApiBridge, MessageTemplates>();

/**
 * The council's Notify templates, as main read them from Notify. In the browser host the last
 * good answer stands in while main cannot be reached (renderer/bridge/remembered-answers.ts),
 * so a message can still be written, and waits, while offline.
 */
export function useMessageTemplates(): { value: MessageTemplates | null; problem: string | null } {
  const bridge = useBridge();
  const [answer, setAnswer] = useState<{ value: MessageTemplates | null; problem: string | null }>(() => ({ value: kept.get(bridge) ?? null, problem: null }));
  useEffect(() => {
    if (kept.has(bridge)) return;
    let live = true;
    void bridge.messages.templates({}).then((outcome) => {
      if (!live) return;
      if (!outcome.ok) return setAnswer({ value: null, problem: outcome.error.message });
      if (outcome.value.problem === null) kept.set(bridge, outcome.value);
      setAnswer({ value: outcome.value, problem: outcome.value.problem });
    });
    return () => {
      live = false;
    };
  }, [bridge]);
  return answer;
}
