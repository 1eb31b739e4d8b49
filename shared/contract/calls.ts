import { z } from 'zod';
import { call, event } from './define';
import type { ScriptProblem } from '../call-scripts/check';
import type { LookupResult } from '../call-scripts/engine';
import type { CallScript } from '../call-scripts/schema';
import type { ServiceStandard } from '../service-standards/standards';
import type { DeepLink } from './deep-link';
import type { SessionInfo, TrainingSummary } from './session';

const noInput = z.strictObject({});

/**
 * Every call the renderer can make, named `area.call` so the bridge exposes it as
 * `window.civicdesk.area.call(input)`. Add a call here, then a handler in main/core (the
 * type checker lists the missing handler), then use it from the renderer.
 */
export const calls = {
  'session.get': call<SessionInfo>()(noInput),
  'session.actAsTrainingUser': call<SessionInfo>()(
    z.strictObject({ staffId: z.string().min(1).max(64) }),
  ),
  'training.summary': call<TrainingSummary>()(noInput),
  'standards.get': call<{ standards: ServiceStandard[]; holidays: string[]; holidaySource: 'feed' | 'cache' | 'shipped' }>()(noInput),
  'links.openExternal': call<{ opened: true }>()(
    z.strictObject({ url: z.string().min(1).max(2048) }),
  ),
  'training.simulateCall': call<DeepLink>()(noInput),
  'scripts.list': call<{ scripts: CallScript[]; problems: ScriptProblem[] }>()(noInput),
  'scripts.lookup': call<LookupResult>()(
    z.strictObject({
      query: z.enum(['wasteCollectionDay', 'councilTaxBalance', 'openCasesForService']),
      residentId: z.string().max(64).nullable(),
      postcode: z.string().max(10).nullable(),
      service: z.string().max(64).nullable(),
    }),
  ),
} as const;

/** Everything the main process tells the renderer without being asked. */
export const events = {
  'session.changed': event<SessionInfo>(),
  'deepLink.opened': event<DeepLink>(),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type ParsedCallInput<N extends CallName> = z.output<Calls[N]['input']>;
export type CallResult<N extends CallName> = NonNullable<Calls[N]['result']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = NonNullable<Events[E]['payload']>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.hasOwn(calls, name);

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name);
