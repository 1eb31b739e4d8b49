import { calls, isCallName, type CallName, type CallResult, type ParsedCallInput } from '../../../shared/contract/calls';
import { fail, succeed, type FieldProblem, type Outcome } from '../../../shared/contract/outcome';

/** Who is calling, as far as the transport can tell. Handlers use it for audit. */
export interface CallContext {
  transport: 'ipc' | 'loopback';
}

export type Handlers = {
  [N in CallName]: (input: ParsedCallInput<N>, context: CallContext) => Promise<CallResult<N>> | CallResult<N>;
};

/**
 * A refusal a person can act on ("that member of staff is not in this training set").
 * Anything else a handler throws is a fault: logged, and reported without its details.
 */
export class NotPossible extends Error {
  override readonly name = 'NotPossible';
}


export interface Router {
  dispatch(name: unknown, input: unknown, context: CallContext): Promise<Outcome<unknown>>;
}

export interface RouterLog {
  error(message: string, details: Record<string, unknown>): void;
}

const FAULT_MESSAGE =
  'Something went wrong on this computer while doing that. Nothing you typed has been lost. Try again, and if it keeps happening, tell the IT service desk.';

/**
 * Names the unknown action without running anything of the caller's: String() on an object
 * calls its own toString, which may be missing, not a function, or throw.
 */
function describeName(name: unknown): string {
  return typeof name === 'string' ? `"${name.slice(0, 80)}"` : `(a name that is ${name === null ? 'null' : Array.isArray(name) ? 'a list' : `of type ${typeof name}`})`;
}

/**
 * The one place calls are checked and run, whatever carried them. It never throws: a bad
 * payload, an unknown name or a failing handler all come back as an Outcome, so a renderer
 * cannot crash the main process by sending nonsense.
 */
/** `refusal` says why a call may not be made by whoever is signed in now, or null when it may. */
export function createRouter(handlers: Handlers, log: RouterLog, refusal: (name: CallName) => string | null = () => null): Router {
  return {
    async dispatch(name, input, context) {
      if (!isCallName(name)) {
        return fail('unknown-call', `CivicDesk does not know the action ${describeName(name)}. Restart CivicDesk; if it keeps happening, tell the IT service desk.`);
      }
      // Who may make the call, before anything of the input is looked at (main/core/ipc/call-roles.ts).
      const refused = refusal(name);
      if (refused !== null) return fail('not-allowed', refused);
      let parsed: ReturnType<(typeof calls)[CallName]['input']['safeParse']>;
      try {
        parsed = calls[name].input.safeParse(input);
      } catch {
        // Only a caller in this process can pass a getter or proxy that throws; the transports carry plain data.
        return fail('invalid-input', 'Some of the details were not in the form CivicDesk expects. Check the highlighted fields and try again.');
      }
      if (!parsed.success) {
        const fields: FieldProblem[] = parsed.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        }));
        return fail('invalid-input', 'Some of the details were not in the form CivicDesk expects. Check the highlighted fields and try again.', fields);
      }
      try {
        const handler = handlers[name] as (input: unknown, context: CallContext) => unknown;
        return succeed(await handler(parsed.data, context));
      } catch (error) {
        if (error instanceof NotPossible) return fail('not-possible', error.message);
        // The error itself, not its words: the log describes it by kind, status, code and frames (main/core/logs/describe-error.ts).
        log.error('call failed', { call: name, transport: context.transport, error });
        return fail('handler-failed', FAULT_MESSAGE);
      }
    },
  };
}
