import type { CallbackAnswer, CallbackAttemptedInput, CallbackDoneInput, CallbackList, CallbackPromiseResult, PromiseCallbackInput } from '../../../shared/contract/callbacks';
import { callbackProblems, ukPhoneNumber } from '../../../shared/domain/callback';
import type { StaffUser } from '../../../shared/domain/staff';
import { isBackOfficeError } from '../back-office/errors';
import type { BackOffice } from '../back-office/port';
import { NotPossible } from '../ipc/router';

interface Log {
  warn(message: string, details?: Record<string, unknown>): void;
}

export interface CallbackServiceDeps {
  backOffice(): Promise<BackOffice | null>;
  user(): StaffUser | null;
  now(): Date;
  log: Log;
}

const NOT_HERE = 'This computer’s connection to the council’s system cannot keep call backs. Tell the IT service desk.';

/**
 * Call backs promised to residents, kept in the council's system as scheduled outgoing phone
 * calls (main/core/back-office/dataverse/callbacks.ts). Main checks each promise as the page
 * did (a window ahead, a UK number, a reason) and records it as the signed-in officer only.
 */
export function createCallbackService(deps: CallbackServiceDeps) {
  const officer = (): StaffUser => {
    const user = deps.user();
    if (!user) throw new NotPossible('Sign in to CivicDesk first.');
    return user;
  };
  const office = async () => {
    const backOffice = await deps.backOffice();
    if (!backOffice?.promiseCallback || !backOffice.callbacks || !backOffice.callbackAttempted || !backOffice.callbackDone) throw new NotPossible(NOT_HERE);
    return backOffice as Required<Pick<BackOffice, 'promiseCallback' | 'callbacks' | 'callbackAttempted' | 'callbackDone'>>;
  };

  return {
    /** Promises a call back, once by its id: a retry after a lost answer finds the first. */
    async promise(input: PromiseCallbackInput): Promise<CallbackPromiseResult> {
      const staff = officer();
      const number = ukPhoneNumber(input.number);
      // Checked when it was written; a promise waiting since may have a window now past, and is still kept.
      const [problem] = callbackProblems(input, new Date(Date.parse(input.from))).filter((each) => each.field !== 'from');
      if (!number || problem) return { status: 'failed', reason: problem?.message ?? 'Enter a UK phone number to call.' };
      try {
        const backOffice = await office();
        const callback = await backOffice.promiseCallback({ id: input.callbackId, residentId: input.residentId, number, reason: input.reason, from: input.from, to: input.to, forWhom: input.forWhom, capturedBy: staff.id, interactionId: input.interactionId });
        return { status: 'promised', callback };
      } catch (error) {
        if (error instanceof NotPossible) return { status: 'retry', reason: error.message };
        if (!isBackOfficeError(error)) throw error;
        deps.log.warn('call back not recorded', { failure: error.failure, status: error.status });
        const waits = error.failure === 'unreachable' || error.failure === 'busy' || error.failure === 'unavailable' || error.failure === 'sign-in';
        return waits ? { status: 'retry', reason: error.message } : { status: 'failed', reason: error.message };
      }
    },

    /**
     * The officer's own call backs and the queue's. Not audited as a read of a record, as a
     * search is not (main/core/residents/online-search.ts): each carries the resident's name
     * and a number to call, which every officer's computer holds for every resident already,
     * and the reason an officer wrote when promising it. Calling one back opens the
     * resident's 360 view, and that open is audited like any other (residents.open).
     */
    async list(): Promise<CallbackList> {
      const staff = officer();
      return { callbacks: await (await office()).callbacks(staff.id) };
    },

    async attempted(input: CallbackAttemptedInput): Promise<CallbackAnswer> {
      const staff = officer();
      const problem = callbackProblems({ number: '020 7946 0000', reason: 'attempt', from: input.nextFrom, to: input.nextTo }, deps.now())[0];
      if (problem) throw new NotPossible(problem.message);
      return { callback: await (await office()).callbackAttempted({ callbackId: input.callbackId, attemptId: input.attemptId, nextFrom: input.nextFrom, nextTo: input.nextTo, capturedBy: staff.id }) };
    },

    /** The call back made: completed (Made) now; one done already is answered as it is. */
    async done(input: CallbackDoneInput): Promise<CallbackAnswer> {
      officer();
      return { callback: await (await office()).callbackDone(input.callbackId) };
    },
  };
}
