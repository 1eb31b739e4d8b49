import { z } from 'zod';
import { CALLBACK_REASON_MAX, type Callback } from '../domain/callback';

/**
 * Call backs promised to residents: scheduled outgoing phone calls in Dataverse. The renderer
 * writes each promise to its outbox first; `callbacks.promise` is called until the council's
 * system has it, with the promise's own id as the phone call's, so a resend never makes a second.
 */
const window = { from: z.iso.datetime(), to: z.iso.datetime() };

export const promiseCallbackInput = z.strictObject({
  callbackId: z.uuid(),
  /** Dataverse's contact id of the resident promised the call back. */
  residentId: z.guid(),
  interactionId: z.uuid().nullable(),
  number: z.string().trim().min(3).max(20),
  reason: z.string().trim().min(1).max(CALLBACK_REASON_MAX),
  ...window,
  forWhom: z.enum(['me', 'queue']),
});
export type PromiseCallbackInput = z.output<typeof promiseCallbackInput>;

export type CallbackPromiseResult =
  | { status: 'promised'; callback: Callback }
  /** The council's system could not be reached, or was busy: it waits in the outbox. */
  | { status: 'retry'; reason: string }
  /** It cannot go as it is: say why. */
  | { status: 'failed'; reason: string };

/** An attempt with no answer, recorded once by its own id, and the call back moved to a new window. */
export const callbackAttemptedInput = z.strictObject({ callbackId: z.uuid(), attemptId: z.uuid(), nextFrom: z.iso.datetime(), nextTo: z.iso.datetime() });
export type CallbackAttemptedInput = z.output<typeof callbackAttemptedInput>;

/**
 * A call back done another way (the resident rang in, or it was settled on another call):
 * completed, status reason Made, now. Repeating it answers the same.
 */
export const callbackDoneInput = z.strictObject({ callbackId: z.uuid() });
export type CallbackDoneInput = z.output<typeof callbackDoneInput>;

export type CallbackList = { callbacks: Callback[] };
export type CallbackAnswer = { callback: Callback };
