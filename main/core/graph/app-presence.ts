import type { AgentState } from '../../../shared/domain/agent-state';
import { reading } from './graph-errors';
import type { ServiceContext } from './service-context';

/** An availability and activity Graph's setPresence accepts together. */
export interface AppPresencePair {
  availability: 'Available' | 'Busy' | 'Away' | 'DoNotDisturb';
  activity: 'Available' | 'InACall' | 'InAConferenceCall' | 'Away' | 'Presenting';
}

/**
 * The pairs presence: setPresence documents (v1.0, "Supported combinations of availability and
 * activity"); anything else is refused with 400. BeRightBack, Busy/Busy and DoNotDisturb/
 * DoNotDisturb are preferred presences, which are the officer's own (setUserPreferredPresence),
 * not an application's.
 */
export const SET_PRESENCE_PAIRS: readonly AppPresencePair[] = [
  { availability: 'Available', activity: 'Available' },
  { availability: 'Busy', activity: 'InACall' },
  { availability: 'Busy', activity: 'InAConferenceCall' },
  { availability: 'Away', activity: 'Away' },
  { availability: 'DoNotDisturb', activity: 'Presenting' },
];

/**
 * What colleagues see in Teams for each state. Graph lets an application show Busy only as "in
 * a call" (or a conference call), so a visit and an email show as Busy, In a call: the nearest
 * that tells a colleague not to expect an answer. Wrap-up is Do not disturb (Presenting, the
 * only do-not-disturb pair an application may set), so nobody interrupts the after-call work.
 */
export const TEAMS_PRESENCE_FOR: Readonly<Record<AgentState, AppPresencePair>> = {
  available: { availability: 'Available', activity: 'Available' },
  'on-a-call': { availability: 'Busy', activity: 'InACall' },
  'with-a-visitor': { availability: 'Busy', activity: 'InACall' },
  'handling-an-email': { availability: 'Busy', activity: 'InACall' },
  'wrap-up': { availability: 'DoNotDisturb', activity: 'Presenting' },
  'on-a-break': { availability: 'Away', activity: 'Away' },
  'in-training': { availability: 'Away', activity: 'Away' },
};

/**
 * How long Teams keeps CivicDesk's presence session without hearing from it again. The app sends
 * the state again well inside it (APP_PRESENCE_RENEW_MS), so a computer switched off mid-call
 * stops showing the officer as busy within this long. Graph takes 5 to 240 minutes.
 */
export const APP_PRESENCE_EXPIRY = 'PT15M';
/** Inside Graph's 5-minute timeout for an Available session, after which it fades to Away. */
export const APP_PRESENCE_RENEW_MS = 4 * 60_000;

/**
 * CivicDesk's own presence session for the signed-in officer (presence: setPresence, delegated
 * Presence.ReadWrite). Its sessionId must be the application's client id, so there is one
 * session per app registration and a second CivicDesk window renews the same one. Teams shows
 * the officer's own preferred presence over it, as it should: their choice in Teams wins.
 */
export async function setAppPresence(context: ServiceContext, appId: string, pair: AppPresencePair): Promise<void> {
  await reading(async () => {
    await context
      .client()
      .api('/me/presence/setPresence')
      .post({ sessionId: appId, availability: pair.availability, activity: pair.activity, expirationDuration: APP_PRESENCE_EXPIRY });
  });
}

/** Ends CivicDesk's presence session (signing out of CivicDesk): Teams goes back to the officer's other sessions. */
export async function clearAppPresence(context: ServiceContext, appId: string): Promise<void> {
  await reading(async () => {
    await context.client().api('/me/presence/clearPresence').post({ sessionId: appId });
  });
}
