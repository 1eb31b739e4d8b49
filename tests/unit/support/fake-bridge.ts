import { createApiBridge, type ApiBridge } from '../../../shared/contract/api-bridge';
import type { EventName } from '../../../shared/contract/calls';
import type { SessionInfo, TrainingSummary } from '../../../shared/contract/session';

export const trainingStaff = [
  { id: 'staff-1', displayName: 'Amara Okafor', email: 'amara.okafor@example.org', role: 'agent', team: 'Contact centre' },
  { id: 'staff-2', displayName: 'Tomasz Nowak', email: 'tomasz.nowak@example.org', role: 'team-leader', team: 'Contact centre' },
] as const satisfies SessionInfo['trainingStaff'];

export const session: SessionInfo = {
  mode: 'training',
  appVersion: '0.1.0',
  user: trainingStaff[0],
  trainingStaff: [...trainingStaff],
  features: { machineTranslation: false, teams: true, bookings: true },
  configSource: null,
  configProblems: [],
};

export const summary: TrainingSummary = { seed: 20201, residents: 2000, households: 900, cases: 3100, openCases: 400, contacts: 9000, flags: 130, staff: 40 };

/** A bridge answering from fixed data, recording calls, and able to raise events. */
export function fakeBridge(start: SessionInfo = session) {
  let current = start;
  const calls: string[] = [];
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const bridge: ApiBridge = createApiBridge({
    async invoke(name, input) {
      calls.push(name);
      if (name === 'session.get') return { ok: true, value: current };
      if (name === 'training.summary') return { ok: true, value: summary };
      if (name === 'session.actAsTrainingUser') {
        const user = current.trainingStaff.find((staff) => staff.id === (input as { staffId: string }).staffId) ?? null;
        current = { ...current, user };
        for (const listener of listeners) listener('session.changed', current);
        return { ok: true, value: current };
      }
      return { ok: false, error: { code: 'unknown-call', message: 'not in this fake' } };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  const emit = (name: EventName, payload: unknown) => {
    for (const listener of listeners) listener(name, payload);
  };
  return { bridge, calls, emit };
}
