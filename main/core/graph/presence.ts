import type { Availability, ChoosableAvailability, MyPresence, Presence } from '../../../shared/contract/microsoft365';
import { AVAILABILITY } from '../../../shared/contract/microsoft365';
import { reading } from './graph-errors';
import type { ServiceContext } from './service-context';

export interface GraphPresence {
  id: string;
  availability: string;
  activity: string;
}

/** Graph's own pairing of availability and activity for a preferred presence. */
const ACTIVITY_FOR: Record<ChoosableAvailability, string> = {
  Available: 'Available',
  Busy: 'Busy',
  DoNotDisturb: 'DoNotDisturb',
  BeRightBack: 'BeRightBack',
  Away: 'Away',
};

export function toPresence(raw: GraphPresence): Presence {
  const availability = (AVAILABILITY as readonly string[]).includes(raw.availability) ? (raw.availability as Availability) : 'PresenceUnknown';
  return { userId: raw.id, availability, activity: raw.activity };
}

/** 'PT1H30M' for 90 minutes: Graph's expirationDuration is an ISO 8601 duration. */
export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours > 0 ? `${String(hours)}H` : ''}${rest > 0 || hours === 0 ? `${String(rest)}M` : ''}`;
}

/**
 * Graph's presence does not say when a preferred presence runs out, so CivicDesk remembers
 * what it set in this session.
 */
export function createPresenceArea(context: ServiceContext) {
  let preferredUntil: Date | null = null;
  const until = () => (preferredUntil && preferredUntil > context.now() ? preferredUntil.toISOString() : null);

  return {
    myPresence(raw: GraphPresence): MyPresence {
      return { ...toPresence(raw), preferredUntil: until() };
    },

    async setMyPresence(input: { availability: ChoosableAvailability | 'Automatic'; forMinutes: number }): Promise<MyPresence> {
      return reading(async () => {
        const client = context.client();
        if (input.availability === 'Automatic') {
          await client.api('/me/presence/clearUserPreferredPresence').post({});
          preferredUntil = null;
        } else {
          await client.api('/me/presence/setUserPreferredPresence').post({
            availability: input.availability,
            activity: ACTIVITY_FOR[input.availability],
            expirationDuration: isoDuration(input.forMinutes),
          });
          preferredUntil = new Date(context.now().getTime() + input.forMinutes * 60_000);
        }
        const raw = (await client.api('/me/presence').get()) as GraphPresence;
        return { ...toPresence(raw), preferredUntil: until() };
      });
    },
  };
}
