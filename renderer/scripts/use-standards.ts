import { useEffect, useState } from 'react';
import { dueDate, isoDateInLondon, standardStatus, type ServiceStandard, type StandardStatusResult } from '../../shared/service-standards';
import { useBridge } from '../bridge/bridge-context';

export interface StandardsClock {
  find(id: string): ServiceStandard | undefined;
  /** The due date for a standard, for a request received on `receivedOn` (default today). */
  dueOn(id: string, receivedOn?: string): string | undefined;
  /** On track, due soon or overdue today, by the working-day clock. */
  status(dueOn: string): StandardStatusResult;
  today(): string;
}

/**
 * The service standards and bank holidays from the main process (refreshed from GOV.UK in
 * live mode), put to the one working-day clock in shared/.
 */
export function useStandards(): StandardsClock | null {
  const bridge = useBridge();
  const [clock, setClock] = useState<StandardsClock | null>(null);
  useEffect(() => {
    let live = true;
    void bridge.standards.get({}).then((outcome) => {
      if (!live || !outcome.ok) return;
      const holidays = new Set(outcome.value.holidays);
      const byId = new Map(outcome.value.standards.map((standard) => [standard.id, standard]));
      const today = () => isoDateInLondon(new Date());
      setClock({
        find: (id) => byId.get(id),
        dueOn: (id, receivedOn = today()) => {
          const standard = byId.get(id);
          return standard ? dueDate(standard, receivedOn, holidays) : undefined;
        },
        status: (dueOn) => standardStatus(dueOn, today(), holidays),
        today,
      });
    });
    return () => {
      live = false;
    };
  }, [bridge]);
  return clock;
}
